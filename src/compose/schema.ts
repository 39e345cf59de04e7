import type { ErrorObject, ValidateFunction } from 'ajv'
import { createRequire } from 'node:module'
import { isScalar, type Scalar } from 'yaml'
import { closest } from '../core/similar.js'
import type { ComposeDoc } from '../parse/compose.js'
import type { FileModel } from './file.js'
import { toJS, valSpan, type Entry, type MapVal, type Val } from './model.js'

/**
 * The Compose Specification schema (vendored) in all-errors mode, with each ajv error mapped back
 * to the YAML node that defines the offending value — the key for unknown keys, the value for
 * wrong types and enum violations.
 *
 * The validator is ajv's code for the schema, generated ahead of time with the options ajv would
 * be given here (scripts/schema-validators.mjs; a test keeps it in step with the schema): ajv
 * compiling the schema took ~380 ms on the first compose file of every run.
 */

/** Set by webpack (ncc) in a bundle, where `typeof __webpack_require__` is folded to 'function'. */
declare const __webpack_require__: unknown
let loadedValidator: ValidateFunction | undefined

/**
 * The validator, loaded on first use: it is 400 KB of code whose evaluation builds the whole
 * schema, which a run over Dockerfiles alone never needs. ncc sees `require(…)`: the action bundles
 * the module, evaluated at this call; the CLI keeps it in a script of its own
 * (scripts/package.mjs: `compose-validator.js`), read at this call. Plain ESM (tsx, vitest) takes
 * createRequire: a global `require` may exist there (mvdan/sh sets one) but resolves elsewhere.
 */
function composeValidator(): ValidateFunction {
  if (loadedValidator) return loadedValidator
  const load = typeof __webpack_require__ === 'function' ? require : createRequire(import.meta.url)
  loadedValidator = load('./compose-validator.generated.cjs') as ValidateFunction
  return loadedValidator
}

export interface SchemaProblem {
  /** File and offsets of the node to report. */
  doc: ComposeDoc
  start: number
  end: number
  message: string
  /** For a did-you-mean fix: the node to rewrite and its replacement text value. */
  rename?: { node: Scalar; to: string }
}

type Segment = string | number

const TYPE_WORDS: Record<string, string> = {
  object: 'a mapping',
  array: 'a list',
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'a boolean',
  null: 'null'
}

/** Keys of older Compose file formats and what replaced them (same value syntax). */
const RENAMED: Record<string, string> = { net: 'network_mode' }

/** The key meant: a close spelling, a renamed legacy key, or the one key the typo is a prefix of. */
function suggestKey(prop: string, known: string[]): string | undefined {
  const near = closest(prop, known)
  if (near) return near
  const renamed = RENAMED[prop]
  if (renamed && known.includes(renamed)) return renamed
  const longer = prop.length >= 4 ? known.filter((k) => k.startsWith(prop)) : []
  return longer.length === 1 ? longer[0] : undefined
}

/** `services.web.ports[0]` */
export function dotted(path: readonly Segment[]): string {
  let out = ''
  for (const s of path) {
    if (typeof s === 'number') out += `[${s}]`
    else out += out === '' ? s : `.${s}`
  }
  return out || '(top level)'
}

/** The virtual root the schema sees: a legacy (v1) file's services are validated under `services`. */
function schemaRoot(model: FileModel): MapVal | undefined {
  const root = model.root
  if (!root) return undefined
  if (model.layout !== 'legacy') return root
  const entries = new Map<string, Entry>()
  const services = new Map<string, Entry>()
  for (const [k, e] of root.entries) {
    if (model.legacyKeys.includes(e)) services.set(k, e)
    else entries.set(k, e)
  }
  const first = model.legacyKeys[0]
  entries.set('services', {
    key: 'services',
    keyNode: first.keyNode,
    doc: first.doc,
    value: { kind: 'map', doc: root.doc, node: root.node, entries: services },
    merged: false
  })
  return { ...root, entries }
}

function pathOf(instancePath: string, root: Val): { path: Segment[]; vals: Val[] } {
  const raw = instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
  const path: Segment[] = []
  const vals: Val[] = [root]
  let cur: Val | undefined = root
  for (const seg of raw) {
    if (cur?.kind === 'seq') {
      const i = Number(seg)
      path.push(i)
      cur = cur.items[i]
    } else {
      path.push(seg)
      cur = cur?.kind === 'map' ? cur.entries.get(seg)?.value : undefined
    }
    if (cur) vals.push(cur)
  }
  return { path, vals }
}

/** The entry holding the value at `path` (for reporting collections at their key). */
function entryAt(root: Val, path: Segment[]): Entry | undefined {
  let cur: Val | undefined = root
  let found: Entry | undefined
  for (const seg of path) {
    if (!cur) return undefined
    if (typeof seg === 'number') {
      cur = cur.kind === 'seq' ? cur.items[seg] : undefined
      found = undefined
    } else {
      found = cur.kind === 'map' ? cur.entries.get(seg) : undefined
      cur = found?.value
    }
  }
  return found
}

/** Where to report a problem with the value at `path`. */
function locate(root: Val, path: Segment[], val: Val | undefined) {
  if (val && val.kind === 'scalar' && val.node.range) {
    const [start, end] = valSpan(val)
    if (end > start) return { doc: val.doc, start, end }
  }
  const e = entryAt(root, path)
  if (e?.keyNode.range) return { doc: e.doc, start: e.keyNode.range[0], end: e.keyNode.range[1] }
  if (val) {
    const [start, end] = valSpan(val)
    return { doc: val.doc, start, end: Math.min(end, start + 1) }
  }
  return undefined
}

/** Validate a file against the Compose Specification; every violation, each at its node. */
export function schemaProblems(model: FileModel): SchemaProblem[] {
  const root = schemaRoot(model)
  if (!root) return []
  const data = toJS(root)
  const validate = composeValidator()
  if (validate(data)) return []
  const errors = relevantErrors(validate.errors ?? [])
  const out: SchemaProblem[] = []
  const seen = new Set<string>()
  const push = (p: SchemaProblem | undefined, dedupe: string): void => {
    if (!p) return
    const key = `${p.doc.path}:${p.start}:${p.end}:${dedupe}`
    if (seen.has(key)) return
    seen.add(key)
    out.push(p)
  }
  for (const group of errors) {
    const e = group[0]
    const { path, vals } = pathOf(e.instancePath, root)
    const val = vals.length === path.length + 1 ? vals[vals.length - 1] : undefined
    if (e.keyword === 'additionalProperties') {
      const prop = String((e.params as { additionalProperty: string }).additionalProperty)
      const holder = val?.kind === 'map' ? val.entries.get(prop) : undefined
      if (!holder?.keyNode.range) continue
      const parent = e.parentSchema as { properties?: Record<string, unknown> } | undefined
      const known = Object.keys(parent?.properties ?? {})
      const hint = suggestKey(prop, known)
      const taken = hint !== undefined && val?.kind === 'map' && val.entries.has(hint)
      const where = path.length === 0 ? 'at the top level' : `in ${dotted(path)}`
      push(
        {
          doc: holder.doc,
          start: holder.keyNode.range[0],
          end: holder.keyNode.range[1],
          message: `Unknown key '${prop}' ${where}${hint ? ` (did you mean '${hint}'?)` : ''}: the Compose Specification does not allow it.`,
          rename:
            hint && !taken && isScalar(holder.keyNode)
              ? { node: holder.keyNode, to: hint }
              : undefined
        },
        `key:${prop}`
      )
      continue
    }
    const at = locate(root, path, val)
    if (!at) continue
    if (e.keyword === 'enum') {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map(String)
      const actual = val?.kind === 'scalar' ? String(val.value) : undefined
      const hint = actual !== undefined ? closest(actual, allowed) : undefined
      push(
        {
          ...at,
          message: `${dotted(path)} must be one of ${allowed.map((a) => `'${a}'`).join(', ')}${hint ? ` (did you mean '${hint}'?)` : ''}.`,
          rename:
            hint && val?.kind === 'scalar' && isScalar(val.node)
              ? { node: val.node, to: hint }
              : undefined
        },
        'enum'
      )
      continue
    }
    if (e.keyword === 'type') {
      const types = [
        ...new Set(group.flatMap((g) => [(g.params as { type: string | string[] }).type].flat()))
      ]
      const words = types.map((t) => TYPE_WORDS[t] ?? t)
      const list =
        words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`
      push({ ...at, message: `${dotted(path)} must be ${list}.` }, 'type')
      continue
    }
    if (e.keyword === 'uniqueItems') {
      const j = (e.params as { i: number; j: number }).j
      const { i } = e.params as { i: number; j: number }
      const item = val?.kind === 'seq' ? val.items[Math.max(i, j)] : undefined
      const itemAt = item ? locate(root, [...path, Math.max(i, j)], item) : at
      push(
        {
          ...(itemAt ?? at),
          message: `${dotted(path)} lists the same item twice (items ${Math.min(i, j) + 1} and ${Math.max(i, j) + 1}).`
        },
        'unique'
      )
      continue
    }
    if (e.keyword === 'required') {
      const missing = (e.params as { missingProperty: string }).missingProperty
      push({ ...at, message: `${dotted(path)} requires '${missing}'.` }, `req:${missing}`)
      continue
    }
    push({ ...at, message: `${dotted(path)} ${e.message ?? 'is invalid'}.` }, e.keyword)
  }
  return out
}

/**
 * ajv's all-errors output, reduced to what a person should fix: `oneOf`/`anyOf` wrappers go when
 * a branch explains the problem; a "wrong type" from a branch whose type did not apply goes when
 * another branch reports something more specific at (or under) the same place; type errors at the
 * same place are grouped ("must be a mapping or a list").
 */
function relevantErrors(errors: ErrorObject[]): ErrorObject[][] {
  const nonTypeAt = new Set<string>()
  const paths = errors.map((e) => e.instancePath)
  for (const e of errors) {
    if (e.keyword !== 'type' && !WRAPPERS.has(e.keyword)) nonTypeAt.add(e.instancePath)
  }
  const deeper = (p: string): boolean => paths.some((q) => q.startsWith(`${p}/`))
  const under = (e: ErrorObject, p: string): boolean =>
    e.instancePath === p || e.instancePath.startsWith(`${p}/`)
  const kept = errors.filter((e) => {
    if (WRAPPERS.has(e.keyword))
      return !errors.some((o) => !WRAPPERS.has(o.keyword) && under(o, e.instancePath))
    if (e.keyword === 'type') return !nonTypeAt.has(e.instancePath) && !deeper(e.instancePath)
    return true
  })
  const groups = new Map<string, ErrorObject[]>()
  const out: ErrorObject[][] = []
  for (const e of kept) {
    if (e.keyword === 'type') {
      const g = groups.get(e.instancePath)
      if (g) {
        g.push(e)
        continue
      }
      const fresh = [e]
      groups.set(e.instancePath, fresh)
      out.push(fresh)
    } else out.push([e])
  }
  return out
}

const WRAPPERS = new Set(['oneOf', 'anyOf', 'allOf', 'if', 'not'])
