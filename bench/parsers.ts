/**
 * `npx tsx bench/parsers.ts`: the parsers the Dockerfile model stands on, measured on the shared
 * corpus (../shared/corpus/dockerfiles) — the "pick by a measured benchmark" evidence of issue 2.
 *
 * - dockerfile-ast `DockerfileParser.parse` alone, then the whole model (`parseDockerfile`, which
 *   includes it);
 * - the RUN scripts of the corpus (shell form, heredoc scripts, ONBUILD triggers) through
 *   mvdan-sh alone (no cache, no fast path), then through `parseShell` as the rules get them (LRU
 *   cache by script text, plain-command-list fast path), with the cache hit rate and the fast
 *   path's share;
 * - the same scripts through tree-sitter-bash (WASM, the candidate replacement of issue 16) read into
 *   the same commands by bench/shell-tree.ts (no cache, no fast path);
 * - sh-syntax (mvdan/sh compiled to WASM) is not a dependency: its time is quoted from
 *   ../shared/research/measurements.md.
 *
 * Each row: the first pass (cold: JIT, and for `parseShell` an empty cache) and the best of the
 * warm passes (`parseShell`'s cache emptied before each). Numbers drift on a shared machine:
 * compare rows of one run.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DockerfileParser } from 'dockerfile-ast'
import { initTreeSitter, treeSitterScript } from './shell-tree.js'
import { parseDockerfile } from '../src/dockerfile/model.js'
import {
  mvdanScript,
  parseShell,
  plainScript,
  resetShellCache,
  shellStats,
  type ShellScript
} from '../src/parse/shell.js'

const here = dirname(fileURLToPath(import.meta.url))
const shared = resolve(here, '../../shared')
const corpus = join(shared, 'corpus/dockerfiles')
const PASSES = Number(process.env.PASSES ?? 5)

if (!existsSync(corpus)) throw new Error(`corpus not found at ${corpus}`)
const texts: string[] = []
for (const repo of readdirSync(corpus).sort()) {
  for (const f of readdirSync(join(corpus, repo)).sort()) {
    texts.push(readFileSync(join(corpus, repo, f), 'utf8'))
  }
}
const bytes = texts.reduce((a, t) => a + t.length, 0)

/** [first pass, best warm pass] in ms. */
function time(passes: number, run: () => void, before?: () => void): [number, number] {
  const times: number[] = []
  for (let p = 0; p < passes; p++) {
    before?.()
    const start = performance.now()
    run()
    times.push(performance.now() - start)
  }
  return [times[0], Math.min(...times.slice(1))]
}

const rows: string[][] = []
const row = (what: string, input: string, [first, best]: [number, number], notes: string): void => {
  rows.push([what, input, first.toFixed(0), best.toFixed(0), notes])
}

const files = `${texts.length} Dockerfiles (${(bytes / 1e6).toFixed(1)} MB)`
const astTimes = time(PASSES, () => {
  for (const t of texts) DockerfileParser.parse(t)
})
row(
  'dockerfile-ast DockerfileParser.parse',
  files,
  astTimes,
  `${(bytes / 1e6 / (astTimes[1] / 1000)).toFixed(1)} MB/s`
)
row(
  'parseDockerfile (model, includes the above)',
  files,
  time(PASSES, () => {
    for (const t of texts) parseDockerfile('Dockerfile', t)
  }),
  'instructions, stages, flags, heredocs, workarounds'
)

// The RUN scripts exactly as the model hands them to the shell parser.
const docs = texts.map((t) => parseDockerfile('Dockerfile', t))
const scripts: string[] = []
for (const doc of docs) {
  for (const top of doc.instructions) {
    const script = doc.shell(top.trigger ?? top)
    if (script) scripts.push(script.text)
  }
}
const unique = [...new Set(scripts)]
const plain = unique.filter((s) => plainScript(s) !== undefined)
const scriptBytes = scripts.reduce((a, s) => a + s.length, 0)
const runs = `${scripts.length} RUN scripts (${(scriptBytes / 1e6).toFixed(1)} MB)`
/** A row for a parser read over every RUN script (no cache, no fast path), with its parse errors. */
const parserRow = (what: string, read: (s: string) => ShellScript, notes: string): void => {
  let errors = 0
  const times = time(PASSES, () => {
    errors = 0
    for (const s of scripts) if (read(s).error) errors++
  })
  row(what, runs, times, `${errors} do not parse${notes}`)
}
parserRow('mvdan-sh Parse + walk (no cache, no fast path)', mvdanScript, ' as bash')
const loadStart = performance.now()
await initTreeSitter()
const treeLoad = performance.now() - loadStart
parserRow(
  'tree-sitter-bash parse + walk (bench/shell-tree.ts; no cache, no fast path)',
  treeSitterScript,
  `; WASM load + init ${treeLoad.toFixed(0)} ms; differences: bench/shell-diff.ts`
)
const identity = (i: number): number => i
row(
  'parseShell (cache + fast path)',
  runs,
  time(
    PASSES,
    () => {
      for (const s of scripts) parseShell(s, identity)
    },
    resetShellCache
  ),
  (() => {
    resetShellCache()
    for (const s of scripts) parseShell(s, identity)
    const st = shellStats()
    return `cache hits ${((100 * st.hits) / st.calls).toFixed(0)} % (${st.hits}/${st.calls}); fast path ${plain.length}/${unique.length} distinct scripts (${((100 * plain.length) / unique.length).toFixed(0)} %)`
  })()
)
row(
  'fast path alone, on its scripts',
  `${plain.length} plain scripts`,
  time(PASSES, () => {
    for (const s of plain) plainScript(s)
  }),
  'what bash does with plain command lists'
)

// sh-syntax: quoted, not run.
const measurements = join(shared, 'research/measurements.md')
const quoted = existsSync(measurements)
  ? readFileSync(measurements, 'utf8')
      .split('\n')
      .find((l) => l.includes('`sh-syntax`'))
  : undefined
const cells = quoted?.split('|').map((c) => c.trim()) ?? []
rows.push([
  'sh-syntax parse (WASM; not a dependency)',
  cells[2]?.replace(/^same /, '') ?? 'the corpus RUN bodies',
  '—',
  cells[3] ?? 'see measurements.md',
  'quoted from ../shared/research/measurements.md'
])

const head = ['parser', 'input', 'first ms', 'best ms', 'notes']
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
const fmt = (cells: string[]): string =>
  cells.map((c, i) => (i === 2 || i === 3 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ')
console.log(
  [fmt(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt)]
    .map((l) => l.trimEnd())
    .join('\n')
)
