/**
 * `npx tsx bench/snapshot.ts <out-prefix>`: the lint output of both corpora as sorted JSON, to prove
 * a refactoring changes no finding. Every corpus file is linted with every rule on, inside one
 * workspace holding the whole corpus at its original paths (build-context and compose-project rules
 * see their neighbours); no ShellCheck, no time budget. Writes `<out-prefix>-dockerfile.json` and
 * `<out-prefix>-compose.json`; compare two runs with `cmp`.
 */
import { writeFileSync } from 'node:fs'
import { corpusFiles, corpusWorkspace } from '../__tests__/shared.js'
import { resolveConfig } from '../src/config/config.js'
import { lintFiles } from '../src/lint/engine.js'
import type { FileKind } from '../src/core/types.js'
import { registry } from '../src/rules/index.js'

const prefix = process.argv[2]
if (!prefix) throw new Error('usage: tsx bench/snapshot.ts <out-prefix>')

const kinds: FileKind[] = ['dockerfile', 'compose']
const files = Object.fromEntries(kinds.map((k) => [k, corpusFiles(k)]))
const workspace = corpusWorkspace(kinds.flatMap((k) => files[k]))
const config = resolveConfig([{ source: 'snapshot', all: true }])

for (const kind of kinds) {
  const inputs = files[kind]
    .map((f) => ({ path: f.path, text: f.text, kind }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  const results = lintFiles(inputs, { registry, config, workspace })
  const out = `${prefix}-${kind}.json`
  writeFileSync(out, JSON.stringify(results, null, 1) + '\n')
  const findings = results.reduce((n, r) => n + r.findings.length, 0)
  const errors = results.reduce((n, r) => n + r.errors.length, 0)
  console.log(`${out}: ${results.length} files, ${findings} findings, ${errors} errors`)
}
