/**
 * `npx tsx bench/rule-counts.ts [--shellcheck] [--out <file.json>] [--compare <before.json>]`:
 * findings per rule over the whole Dockerfile corpus with the default configuration (what a pull
 * request gets), every file linted inside one workspace holding the corpus at its original paths
 * (`<owner>/<repo>/<path>`, so a Dockerfile sees its repository's compose files and parents).
 *
 * Prints, per rule: findings, and instructions carrying two or more findings of that rule (a
 * thread pile-up). `--out` writes every finding (file, rule, line, message) as JSON; `--compare`
 * reads such a file and prints the per-rule change and a few findings that appeared or went away
 * per rule. With `--shellcheck`, the real ShellCheck on PATH checks the RUNs (slow: minutes).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { corpusFiles, corpusWorkspace } from '../__tests__/shared.js'
import { DEFAULT_CONFIG } from '../src/config/config.js'
import { lintFiles } from '../src/lint/engine.js'
import { parseDockerfile } from '../src/dockerfile/model.js'
import { registry } from '../src/rules/index.js'
import type { Tools } from '../src/core/tools.js'

interface Row {
  file: string
  rule: string
  line: number
  endLine: number
  message: string
}

const arg = (name: string): string | undefined => {
  const at = process.argv.indexOf(name)
  return at > 0 ? process.argv[at + 1] : undefined
}

async function main(): Promise<void> {
  const files = corpusFiles('dockerfile')
  const workspace = corpusWorkspace([...files, ...corpusFiles('compose')])
  let tools: Tools = {}
  if (process.argv.includes('--shellcheck')) {
    const { createShellcheck } = await import('../src/tools/shellcheck.js')
    const shellcheck = createShellcheck()
    if (!shellcheck) throw new Error('shellcheck not found on PATH')
    tools = { shellcheck }
  }
  const inputs = files
    .map((f) => ({ path: f.path, text: f.text, kind: 'dockerfile' as const }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  const results = lintFiles(inputs, { registry, config: DEFAULT_CONFIG, workspace, tools })

  const rows: Row[] = []
  const perRule = new Map<string, { findings: number; piled: number; examples: string[] }>()
  for (const [i, result] of results.entries()) {
    const doc = parseDockerfile(inputs[i].path, inputs[i].text)
    const instAt = (line: number): number =>
      doc.instructions.findIndex((x) => x.range.start.line <= line && line <= x.range.end.line)
    const byInst = new Map<string, number>()
    for (const f of result.findings) {
      rows.push({
        file: result.path,
        rule: f.rule,
        line: f.range.start.line,
        endLine: f.range.end.line,
        message: f.message
      })
      const key = `${f.rule}\0${instAt(f.range.start.line)}`
      byInst.set(key, (byInst.get(key) ?? 0) + 1)
      const entry = perRule.get(f.rule) ?? { findings: 0, piled: 0, examples: [] }
      entry.findings++
      perRule.set(f.rule, entry)
    }
    for (const [key, n] of byInst) {
      if (n < 2) continue
      const [rule, inst] = key.split('\0')
      const entry = perRule.get(rule)!
      entry.piled++
      if (entry.examples.length < 3) {
        const at = doc.instructions[Number(inst)]?.range.start.line
        entry.examples.push(`${result.path}:${at} (${n})`)
      }
    }
  }
  const before = arg('--compare')
  const old: Row[] = before ? (JSON.parse(readFileSync(before, 'utf8')) as Row[]) : []
  const oldCount = new Map<string, number>()
  for (const r of old) oldCount.set(r.rule, (oldCount.get(r.rule) ?? 0) + 1)
  const rules = [...new Set([...perRule.keys(), ...oldCount.keys()])].sort()
  console.log(
    `${inputs.length} Dockerfiles, ${rows.length} findings${before ? ` (was ${old.length})` : ''}`
  )
  console.log(`rule\tfindings${before ? '\tbefore' : ''}\tinstructions with >=2\texamples`)
  for (const rule of rules) {
    const e = perRule.get(rule) ?? { findings: 0, piled: 0, examples: [] }
    const was = oldCount.get(rule) ?? 0
    if (before && was === e.findings && e.piled === 0) continue
    console.log(
      [rule, e.findings, ...(before ? [was] : []), e.piled, e.examples.join(' ')].join('\t')
    )
  }
  if (before) {
    const key = (r: Row): string => `${r.file}\0${r.rule}\0${r.line}`
    const now = new Set(rows.map(key))
    const then = new Set(old.map(key))
    const gone = old.filter((r) => !now.has(key(r)))
    const added = rows.filter((r) => !then.has(key(r)))
    for (const [label, list] of [
      ['gone', gone],
      ['new', added]
    ] as const) {
      const byRule = new Map<string, Row[]>()
      for (const r of list) byRule.set(r.rule, [...(byRule.get(r.rule) ?? []), r])
      for (const [rule, rs] of [...byRule].sort()) {
        console.log(`${label} ${rule} (${rs.length}):`)
        for (const r of rs.slice(0, 3))
          console.log(`  ${r.file}:${r.line} ${r.message.slice(0, 140)}`)
      }
    }
  }
  const out = arg('--out')
  if (out) writeFileSync(out, JSON.stringify(rows) + '\n')
}

await main()
