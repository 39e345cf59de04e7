import { fileModel, isLoadable, sameFile } from '../../../compose/file.js'
import { get, type Entry, type MapVal, type Val } from '../../../compose/model.js'
import {
  ownServices,
  projectOf,
  type Project,
  type ProjectService
} from '../../../compose/project.js'
import type { RuleContext, Workspace } from '../../../core/types.js'
import type { ComposeDoc } from '../../../parse/compose.js'

/** A service as written in the linted file (anchors and `<<:` merges resolved). */
export interface LocalService {
  name: string
  entry: Entry
  value: MapVal
}

/** The services of the linted file itself (nothing from other files); none when it is not loadable. */
export function localServices(doc: ComposeDoc): LocalService[] {
  if (!isLoadable(doc)) return []
  const out: LocalService[] = []
  for (const [name, entry] of fileModel(doc).services) {
    if (entry.value.kind === 'map') out.push({ name, entry, value: entry.value })
  }
  return out
}

/** The merged project and the services the linted file defines (none when it is not loadable). */
export function projectServices(
  doc: ComposeDoc,
  workspace: Workspace
): { project: Project; services: ProjectService[] } | undefined {
  if (!isLoadable(doc) || fileModel(doc).services.size === 0) return undefined
  const project = projectOf(doc, workspace)
  return { project, services: ownServices(project, doc) }
}

/** The definition of a service in the linted file (its key there), if it has one. */
export function localLayer(svc: ProjectService, doc: ComposeDoc): Entry | undefined {
  return svc.layers.find((l) => sameFile(l.doc, doc))
}

/** Services some other service waits on with `condition: service_completed_successfully`. */
export function oneShotServices(services: Iterable<{ value: Val }>): Set<string> {
  const out = new Set<string>()
  for (const svc of services) {
    const deps = get(svc.value, 'depends_on')
    if (deps?.kind !== 'map') continue
    for (const [name, e] of deps.entries) {
      const cond = get(e.value, 'condition')
      if (cond?.kind === 'scalar' && cond.value === 'service_completed_successfully') out.add(name)
    }
  }
  return out
}

const oneShotCache = new WeakMap<Project, Set<string>>()

/** oneShotServices of a project, computed once (projects are shared by the files of an include). */
function oneShotOf(project: Project): Set<string> {
  let set = oneShotCache.get(project)
  if (!set) {
    set = oneShotServices(project.services.values())
    oneShotCache.set(project, set)
  }
  return set
}

/**
 * The long-running services the linted file defines, merged with the rest of the project (one-shot
 * jobs that others wait to complete are left out), for rules about how a service runs.
 */
export function eachRunningService(
  doc: ComposeDoc,
  ctx: RuleContext,
  visit: (svc: ProjectService) => void
): void {
  const found = projectServices(doc, ctx.workspace)
  if (!found) return
  const oneShot = oneShotOf(found.project)
  for (const svc of found.services) if (!oneShot.has(svc.name)) visit(svc)
}
