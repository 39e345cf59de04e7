import type { RuleMeta } from '../core/types.js'
import type { Registry } from '../lint/engine.js'
import { dockerfileRules } from './dockerfile/index.js'
import { composeRules } from './compose/index.js'

/** BuildKit check names are CamelCase words (`JSONArgsRecommended`); other aliases are not. */
const BUILDKIT_NAME = /^[A-Z][A-Za-z]+$/

function buildRegistry(): Registry {
  const metas: RuleMeta[] = [...dockerfileRules, ...composeRules].map((r) => r.meta)
  const byId = new Map<string, RuleMeta>()
  const names = new Map<string, string>()
  const buildkit = new Set<string>()
  for (const meta of metas) {
    if (byId.has(meta.id)) throw new Error(`duplicate rule id ${meta.id}`)
    byId.set(meta.id, meta)
    for (const name of [meta.id, ...meta.aliases]) {
      const key = name.toLowerCase()
      const owner = names.get(key)
      if (owner && owner !== meta.id)
        throw new Error(`name ${name} used by ${owner} and ${meta.id}`)
      names.set(key, meta.id)
    }
    if (meta.aliases.some((a) => BUILDKIT_NAME.test(a))) buildkit.add(meta.id)
  }
  return {
    dockerfile: dockerfileRules,
    compose: composeRules,
    metas,
    byId,
    buildkit,
    resolve: (name) => {
      if (/^SC\d{4}$/i.test(name)) return name.toUpperCase()
      return names.get(name.toLowerCase())
    }
  }
}

export const registry: Registry = buildRegistry()
