/**
 * `npx tsx bench/precision/per-rule.ts <out.json> [--compare <before.json>]`: every Dockerfile
 * finding of the corpus as bench/precision/sample.ts lints it (default configuration, each file at
 * its repository path with its repository's corpus files as the workspace, no ShellCheck), with
 * the review policy's placement; `--compare` prints findings and inline findings per rule that
 * changed against an earlier run. What a class fix does to a rule, before a fresh seed is drawn.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DEFAULT_CONFIG } from '../../src/config/config.js'
import type { Workspace } from '../../src/core/types.js'
import { lintText } from '../../src/lint/engine.js'
import { DEFAULT_POLICY, reviewPolicy } from '../../src/review/policy.js'
import { registry } from '../../src/rules/index.js'
import { CORPUS } from '../corpus.js'
import { manifest, workspaceOf } from './sample.js'

interface Row {
  repo: string
  path: string
  rule: string
  line: number
  message: string
  review: 'inline' | 'summary'
}

function lintCorpus(): Row[] {
  const rows = manifest()
  const policy = reviewPolicy(DEFAULT_POLICY)
  const workspaces = new Map<string, Workspace>()
  const out: Row[] = []
  for (const row of rows) {
    if (row.kind !== 'dockerfile') continue
    let workspace = workspaces.get(row.repo)
    if (!workspace) workspaces.set(row.repo, (workspace = workspaceOf(rows, row.repo)))
    const text = readFileSync(join(CORPUS, row.corpusPath), 'utf8')
    const result = lintText(
      { path: row.path, text, kind: 'dockerfile' },
      { registry, config: DEFAULT_CONFIG, workspace, tools: {} }
    )
    for (const f of result.findings) {
      const { review } = policy(f)
      out.push({
        repo: row.repo,
        path: row.path,
        rule: f.rule,
        line: f.range.start.line,
        message: f.message,
        review
      })
    }
  }
  return out
}

function perRule(rows: readonly Row[]): Map<string, { all: number; inline: number }> {
  const out = new Map<string, { all: number; inline: number }>()
  for (const r of rows) {
    const e = out.get(r.rule) ?? { all: 0, inline: 0 }
    e.all++
    if (r.review === 'inline') e.inline++
    out.set(r.rule, e)
  }
  return out
}

const target = process.argv[2]
if (!target || target.startsWith('--'))
  throw new Error('usage: per-rule.ts <out.json> [--compare <before.json>]')
const rows = lintCorpus()
writeFileSync(target, `${JSON.stringify(rows)}\n`)
const inline = rows.filter((r) => r.review === 'inline').length
console.log(`${rows.length} Dockerfile findings, ${inline} inline → ${target}`)
const at = process.argv.indexOf('--compare')
if (at > 0) {
  const before = JSON.parse(readFileSync(process.argv[at + 1], 'utf8')) as Row[]
  const [was, now] = [perRule(before), perRule(rows)]
  console.log('rule\tbefore\tafter\tinline before\tinline after')
  for (const rule of [...new Set([...was.keys(), ...now.keys()])].sort()) {
    const a = was.get(rule) ?? { all: 0, inline: 0 }
    const b = now.get(rule) ?? { all: 0, inline: 0 }
    if (a.all !== b.all || a.inline !== b.inline)
      console.log([rule, a.all, b.all, a.inline, b.inline].join('\t'))
  }
}
