import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveConfig } from '../../src/config/config.js'
import type { Workspace } from '../../src/core/types.js'
import { lintText } from '../../src/lint/engine.js'
import { registry } from '../../src/rules/index.js'

/** Every compose rule's docs page shows a Bad example that the rule reports and a Good one it does not. */

const root = join(import.meta.dirname, '../..')

function examples(id: string, heading: string): string[] {
  const text = readFileSync(join(root, 'docs/rules', `${id}.md`), 'utf8')
  const start = text.indexOf(`## ${heading}\n`)
  const end = text.indexOf('\n## ', start + 1)
  const section = text.slice(start, end === -1 ? undefined : end)
  // A page cannot hold a NUL byte: it writes `<NUL>` for one (DC0004's binary file).
  return [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1].replace(/<NUL>/g, '\0'))
}

/** The repository the examples live in: the compose file and a Dockerfile at the root. */
const REPOSITORY: Workspace = {
  readFile: (path) => (path === 'Dockerfile' ? 'FROM alpine:3.20\n' : undefined),
  listDir: (path) => (path === '' || path === '.' ? ['compose.yaml', 'Dockerfile'] : undefined)
}

function findings(id: string, code: string): string[] {
  const config = resolveConfig([{ source: 'docs', all: true }])
  return lintText(
    { path: 'compose.yaml', text: code, kind: 'compose' },
    { registry, config, only: new Set([id]), workspace: REPOSITORY }
  ).findings.map((f) => `${f.range.start.line}:${f.range.start.column} ${f.message}`)
}

describe('compose rule docs', () => {
  for (const rule of registry.compose) {
    const id = rule.meta.id
    it(`${id}: the Bad example is reported, the Good one is not`, () => {
      const bad = examples(id, 'Bad')
      const good = examples(id, 'Good')
      expect(bad.length).toBeGreaterThan(0)
      expect(good.length).toBeGreaterThan(0)
      for (const code of bad) expect(findings(id, code), code).not.toEqual([])
      for (const code of good) expect(findings(id, code), code).toEqual([])
    })
  }
})
