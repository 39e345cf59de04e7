import { applyFixes } from '../core/fixes.js'
import type { Finding, Fix, Workspace } from '../core/types.js'
import { parseCompose, type ComposeDoc } from '../parse/compose.js'
import { withDefaults } from './interpolation.js'
import type { Val } from './model.js'
import { projectOf } from './project.js'

/**
 * The effect model of a compose file: the merged services and top-level resources as Compose
 * sees them (map keys unordered, list order kept, `${VAR:-default}` interpolated where the value is
 * statically known, the obsolete `version` ignored). A safe compose fix must leave it unchanged
 * unless it declares `repair` (the file is invalid before the fix: there is no model to keep).
 */

type Plain = string | Plain[] | { [key: string]: Plain }

/**
 * Service keys whose list is a set to Compose (start order comes from the dependency graph, port
 * and label order mean nothing); `env_file`, `command` or `entrypoint` order does matter.
 */
const SETS = new Set([
  'depends_on',
  'ports',
  'expose',
  'networks',
  'cap_add',
  'cap_drop',
  'profiles',
  'links',
  'external_links',
  'extra_hosts',
  'dns',
  'dns_search',
  'secrets',
  'configs',
  'devices',
  'labels',
  'sysctls',
  'security_opt',
  'volumes',
  'tmpfs'
])

function plain(val: Val | undefined, key?: string): Plain {
  if (!val) return ''
  if (val.kind === 'scalar') {
    const text = val.value === null || val.value === undefined ? '' : String(val.value)
    return withDefaults(text) ?? text
  }
  if (val.kind === 'seq') {
    const items = val.items.map((v) => plain(v))
    if (!key || !SETS.has(key)) return items
    // Each item's text once, not twice per comparison.
    return items
      .map((item) => ({ item, text: JSON.stringify(item) }))
      .sort((a, b) => a.text.localeCompare(b.text))
      .map(({ item }) => item)
  }
  const out: { [key: string]: Plain } = {}
  for (const k of [...val.entries.keys()].sort()) out[k] = plain(val.entries.get(k)!.value, k)
  return out
}

/** The file's project as one normalised JSON text (no other files: fixes change this one). */
export function composeSignature(doc: ComposeDoc): string {
  // A fresh workspace per call: the project cache must not hand back the text before a fix.
  const workspace: Workspace = { readFile: () => undefined, listDir: () => undefined }
  const project = projectOf(doc, workspace)
  const services: { [name: string]: Plain } = {}
  for (const name of [...project.services.keys()].sort())
    services[name] = plain(project.services.get(name)!.value)
  const resources: { [kind: string]: string[] } = {}
  for (const [kind, entries] of [...project.resources].sort((a, b) => a[0].localeCompare(b[0])))
    resources[kind] = [...entries.keys()].sort()
  return JSON.stringify({ services, resources })
}

/**
 * The compose effect check: each safe fix is applied on its own; one that changes the model
 * (and is not a declared repair) is demoted to unsafe, saying so in one line.
 */
export function checkSafeComposeFixes(
  doc: ComposeDoc,
  findings: Finding[]
): { findings: Finding[]; checked: number; demoted: Finding[] } {
  const verdicts = new Map<Fix, boolean>()
  const demoted: Finding[] = []
  let before: string | undefined
  const out = findings.map((f) => {
    const fix = f.fix
    if (!fix?.safe || fix.effect?.kind === 'repair') return f
    let same = verdicts.get(fix)
    if (same === undefined) {
      before ??= composeSignature(doc)
      const applied = applyFixes(doc.text, [fix])
      same =
        applied.applied.length === 1 &&
        composeSignature(parseCompose(doc.path, applied.text)) === before
      verdicts.set(fix, same)
    }
    if (same) return f
    const d: Finding = {
      ...f,
      fix: {
        ...fix,
        safe: false,
        description: `${fix.description} Unsafe: it changes the services or resources Compose runs.`
      }
    }
    demoted.push(d)
    return d
  })
  return { findings: out, checked: verdicts.size, demoted }
}
