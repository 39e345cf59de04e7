/**
 * `node --expose-gc --import tsx bench/shell-cost.ts mvdan|tree|tree-parse|plain [passes]`: what one shell parser
 * costs, alone in its process (`… shell-cost.ts collect` first, once: it writes the RUN bodies of the
 * Dockerfile corpus, as the model hands them to the parser, to a temporary file). The bodies are
 * read, then the parser is loaded (module evaluation, and for tree-sitter the WASM init), then
 * every body is read `passes` times with no cache and no fast path (`plain`: the fast path alone,
 * on the bodies it accepts). (`tree-parse`: tree-sitter's parse alone, no walk). Prints CPU time (user + system) of the load, of
 * the first and of the best pass, and heap/RSS after a full GC
 * before loading, after loading and after the passes. Run each parser in its own process.
 */
import { createRequire } from 'node:module'
import { readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ShellScript } from '../src/parse/shell.js'

const which = process.argv[2] ?? 'tree'
const passes = Number(process.argv[3] ?? 5)
const gc = (globalThis as { gc?: () => void }).gc
const mem = (): string => {
  gc?.()
  const m = process.memoryUsage()
  return `heap ${(m.heapUsed / 1e6).toFixed(1)} MB, external ${(m.external / 1e6).toFixed(1)} MB, arrayBuffers ${(m.arrayBuffers / 1e6).toFixed(1)} MB, rss ${(m.rss / 1e6).toFixed(1)} MB`
}

const saved = join(tmpdir(), 'docker-review-run-bodies.json')
if (which === 'collect') {
  // In a process of its own: the model reads every body through parseShell, which loads mvdan/sh.
  const { parseDockerfile } = await import('../src/dockerfile/model.js')
  const { corpusFiles } = await import('../__tests__/shared.js')
  const bodies: string[] = []
  for (const f of corpusFiles('dockerfile')) {
    const doc = parseDockerfile(f.path, f.text)
    for (const top of doc.instructions) {
      const s = doc.shell(top.trigger ?? top)
      if (s) bodies.push(s.text)
    }
  }
  writeFileSync(saved, JSON.stringify(bodies))
  console.log(`${bodies.length} RUN bodies written to ${saved}`)
  process.exit(0)
}
const scripts = JSON.parse(readFileSync(saved, 'utf8')) as string[]
console.log(`${scripts.length} RUN bodies; before loading: ${mem()}`)

/** CPU time in ms (user + system): steadier than wall time on a shared machine. */
const cpu = (): number => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}
let t0 = cpu()
let read: (text: string) => ShellScript | undefined
if (which === 'mvdan') {
  // The module evaluation itself (mvdan-sh is loaded lazily by shell.ts).
  createRequire(import.meta.url)('mvdan-sh')
  const { mvdanScript } = await import('../src/parse/shell.js')
  read = mvdanScript
} else if (which === 'plain') {
  const { plainScript } = await import('../src/parse/shell.js')
  read = plainScript
} else {
  const { initTreeSitter, treeSitterScript, treeSitterParseOnly } = await import('./shell-tree.js')
  await initTreeSitter()
  read = which === 'tree-parse' ? treeSitterParseOnly : treeSitterScript
}
console.log(`load ${(cpu() - t0).toFixed(0)} ms; after loading: ${mem()}`)

const times: number[] = []
let errors = 0
for (let p = 0; p < passes; p++) {
  errors = 0
  t0 = cpu()
  for (const s of scripts) if (read(s)?.error) errors++
  times.push(cpu() - t0)
}
console.log(
  `${which}: first pass ${times[0].toFixed(0)} ms, best of the rest ${Math.min(...times.slice(1)).toFixed(0)} ms, ${errors} errors; after the passes: ${mem()}`
)
