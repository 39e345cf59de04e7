import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { lintText } from '../../src/lint/engine.js'
import { resolveConfig } from '../../src/config/config.js'
import type { RuleCases } from '../../src/rules/define.js'
import { registry } from '../../src/rules/index.js'

/**
 * Whether each fixable rule's fixes are safe, unsafe or both — read off what the rule actually
 * does on its own invalid cases, so the catalog can never claim more than the code.
 */
export async function fixSafetyFromCases(): Promise<Map<string, string>> {
  const root = join(import.meta.dirname, '../../src/rules')
  const out = new Map<string, string>()
  for (const kind of ['dockerfile', 'compose'] as const) {
    for (const file of readdirSync(join(root, kind))
      .filter((f) => f.endsWith('.cases.ts'))
      .sort()) {
      const id = file.replace('.cases.ts', '')
      const meta = registry.byId.get(id)
      if (!meta?.fixable) continue
      const { cases } = (await import(pathToFileURL(join(root, kind, file)).href)) as {
        cases: RuleCases
      }
      const seen = new Set<boolean>()
      for (const c of cases.invalid) {
        const config = resolveConfig([{ source: 'catalog', all: true, settings: c.settings ?? {} }])
        const path = c.path ?? (kind === 'dockerfile' ? 'Dockerfile' : 'compose.yaml')
        const result = lintText(
          { path, text: c.code, kind },
          { registry, config, tools: c.tools, only: new Set([id]), workspace: undefined }
        )
        for (const f of result.findings) if (f.fix) seen.add(f.fix.safe)
      }
      out.set(
        id,
        seen.size === 2
          ? 'safe / unsafe'
          : seen.has(true)
            ? 'safe'
            : seen.has(false)
              ? 'unsafe'
              : 'yes'
      )
    }
  }
  return out
}
