import { isScalar } from 'yaml'
import { columnOf, eol, lineStart, replaceEdit } from '../../compose/edits.js'
import { sameFile } from '../../compose/file.js'
import { get, str, valSpan, type Entry, type SeqVal } from '../../compose/model.js'
import type { Project } from '../../compose/project.js'
import { commandText, dependencies, hasHealthcheck } from '../../compose/service.js'
import type { Fix, TextEdit } from '../../core/types.js'
import type { ComposeDoc } from '../../parse/compose.js'
import { defineComposeRule } from '../define.js'
import { atSpan, atValue } from './lib/report.js'
import { localLayer, projectServices } from './lib/services.js'

/** Entrypoints that poll a port instead of using Compose's own readiness (healthcheck). */
const WAIT_SCRIPT =
  /\b(wait-for-it(\.sh)?|wait-for(\.sh)?|dockerize\b[^\n]*\s-wait\b|wait4x|docker-compose-wait)\b/

/**
 * `depends_on` in its short form only orders container start-up; when the dependency defines a
 * healthcheck, `condition: service_healthy` makes the dependent wait until it is ready. Also
 * flags wait-for-it / dockerize / wait-for entrypoints, which Compose's readiness replaces.
 */
export const DC1002 = defineComposeRule({
  id: 'DC1002',
  severity: 'warning',
  fixable: true,
  description:
    'depends_on in short form on a service that has a healthcheck (or a wait-for-it style entrypoint); use condition: service_healthy.',
  check(doc, ctx) {
    const found = projectServices(doc, ctx.workspace)
    if (!found) return
    const { project, services } = found
    const convention = shortFormConvention(project)
    for (const svc of services) {
      const layer = localLayer(svc, doc)
      const own = layer?.value.kind === 'map' ? layer.value.entries.get('depends_on') : undefined
      const fix = own?.value.kind === 'seq' ? longFormFix(doc, own, own.value, project) : undefined
      for (const dep of dependencies(svc.value)) {
        if (dep.form !== 'short') continue
        const target = project.services.get(dep.name)
        if (!target || !hasHealthcheck(target.value)) continue
        const mine =
          fix && dep.item && own?.value.kind === 'seq' && own.value.items.includes(dep.item)
        const many = convention.get(dep.name)
        ctx.report({
          ...atSpan(doc, dep.doc, dep.start, dep.end),
          message: `'${svc.name}' starts as soon as the '${dep.name}' container starts, not when it is ready; '${dep.name}' has a healthcheck, so use 'condition: service_healthy'.${many ? ` (${many} services of this project depend on '${dep.name}' this way and none waits for a condition.)` : ''}`,
          fix: mine ? fix : undefined,
          // The project's own convention: one comment per service would repeat one point.
          ...(many ? { precision: 'medium' as const } : {})
        })
      }
      for (const key of ['entrypoint', 'command']) {
        const val = get(svc.value, key)
        const text = commandText(val)
        const m = text === undefined ? null : WAIT_SCRIPT.exec(text)
        if (!val || !m) continue
        ctx.report({
          ...atValue(doc, val),
          message: `'${svc.name}' waits for its dependencies with ${m[1]}; Compose can do this itself: give the dependency a healthcheck and use 'depends_on: {<service>: {condition: service_healthy}}'.`
        })
      }
    }
  }
})

/** Services depending short-form on one target before the convention counts as the project's. */
const CONVENTION = 3

/**
 * Dependencies with a healthcheck that at least CONVENTION services of a project reach, all in
 * short form (no service waits for them with a condition): the project's convention for that
 * dependency (its services restart until it is up), not a slip in one service. Target → count.
 */
function shortFormConvention(project: Project): Map<string, number> {
  const counts = new Map<string, number>()
  const waited = new Set<string>()
  for (const svc of project.services.values()) {
    for (const dep of dependencies(svc.value)) {
      if (dep.form === 'short') counts.set(dep.name, (counts.get(dep.name) ?? 0) + 1)
      else waited.add(dep.name)
    }
  }
  for (const [name, n] of counts) {
    const target = project.services.get(name)
    if (n < CONVENTION || waited.has(name) || !target || !hasHealthcheck(target.value))
      counts.delete(name)
  }
  return counts
}

/**
 * Rewrite a short-form `depends_on` list as the long form: `service_healthy` for dependencies
 * with a healthcheck, `service_started` (today's behaviour) for the others. Only the list's own
 * lines change.
 */
function longFormFix(
  doc: ComposeDoc,
  entry: Entry,
  seq: SeqVal,
  project: Project
): Fix | undefined {
  if (!sameFile(seq.doc, doc) || !sameFile(entry.doc, doc) || seq.items.length === 0)
    return undefined
  const names: string[] = []
  for (const item of seq.items) {
    const name = str(item)
    if (!sameFile(item.doc, doc) || !isScalar(item.node) || name === undefined) return undefined
    // Compose interpolates values, never keys: `- ${DB_HOST:-db}` as a key names no service.
    if (name.includes('$') || doc.text.slice(...valSpan(item)).includes('$')) return undefined
    names.push(name)
  }
  // A name listed twice would become a duplicate key (the list itself breaks the spec: DC0002).
  if (new Set(names).size !== names.length) return undefined
  const condition = (name: string): string => {
    const target = project.services.get(name)
    return target && hasHealthcheck(target.value) ? 'service_healthy' : 'service_started'
  }
  const healthy = names.filter((n) => condition(n) === 'service_healthy')
  const description = `Use the long form of depends_on with condition: service_healthy for ${healthy.join(', ')} (the service then waits until ${healthy.length > 1 ? 'they report' : 'it reports'} healthy).`
  const seqNode = seq.node
  if (seqNode.flow) {
    const [start, end] = valSpan(seq)
    const parts = seq.items.map((item, i) => {
      const [s, e] = valSpan(item)
      return `${doc.text.slice(s, e)}: {condition: ${condition(names[i])}}`
    })
    return {
      description,
      safe: false,
      edits: [replaceEdit(doc, start, end, `{${parts.join(', ')}}`)]
    }
  }
  const keyStart = entry.keyNode.range![0]
  const keyColumn = columnOf(doc, keyStart)
  const newline = eol(doc)
  const edits: TextEdit[] = []
  for (let i = 0; i < seq.items.length; i++) {
    const [s, e] = valSpan(seq.items[i])
    const from = lineStart(doc, s)
    const dash = doc.text.lastIndexOf('-', s - 1)
    if (dash < from || doc.text.slice(from, dash).trim() !== '') return undefined
    const column = Math.max(columnOf(doc, dash), keyColumn + 2)
    const pad = ' '.repeat(column)
    edits.push(
      replaceEdit(
        doc,
        from,
        e,
        `${pad}${doc.text.slice(s, e)}:${newline}${pad}  condition: ${condition(names[i])}`
      )
    )
  }
  return { description, safe: false, edits }
}
