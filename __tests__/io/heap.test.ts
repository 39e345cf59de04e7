import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { getHeapStatistics } from 'node:v8'
import { describe, expect, it } from 'vitest'
import { heapPacer } from '../../src/io/heap.js'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..')

/** Allocate about `mb` MB that survives into the old generation, then drop it. */
function oldGarbage(mb: number): void {
  const keep: string[][] = []
  for (let i = 0; i < mb; i++) keep.push(Array.from({ length: 16384 }, (_, j) => `${i}:${j}`))
  // Long-lived enough to be promoted: read it back after more allocation.
  let n = 0
  for (const chunk of keep) n += chunk.length
  expect(n).toBe(mb * 16384)
}

describe('heapPacer', () => {
  it('asks for a full collection once the heap grew by its step, and the heap shrinks', () => {
    const pace = heapPacer(4)
    oldGarbage(24)
    const before = getHeapStatistics().used_heap_size
    pace()
    const after = getHeapStatistics().used_heap_size
    expect(pace.collections).toBe(1)
    expect(after).toBeLessThan(before - 4 * 1024 * 1024)
  })
  it('does nothing while the heap grew by less than its step', () => {
    const pace = heapPacer(1024)
    oldGarbage(4)
    for (let i = 0; i < 10; i++) pace()
    expect(pace.collections).toBe(0)
  })
})

describe('lazy shell parser', () => {
  // A fresh process: whether mvdan/sh was loaded is a fact about the whole process.
  const run = (kind: string, text: string): string => {
    const engine = pathToFileURL(join(ROOT, 'src/lint/engine.ts')).href
    const config = pathToFileURL(join(ROOT, 'src/config/config.ts')).href
    const rules = pathToFileURL(join(ROOT, 'src/rules/index.ts')).href
    const script = `
      import { createRequire } from 'node:module'
      const { lintFiles } = await import(${JSON.stringify(engine)})
      const { resolveConfig } = await import(${JSON.stringify(config)})
      const { registry } = await import(${JSON.stringify(rules)})
      const [r] = lintFiles([{ path: 'f', kind: ${JSON.stringify(kind)}, text: ${JSON.stringify(text)} }],
        { registry, config: resolveConfig([]) })
      const loaded = Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes('mvdan-sh'))
      console.log(JSON.stringify({ loaded, findings: r.findings.length }))`
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      { cwd: ROOT, encoding: 'utf8' }
    )
    expect(child.stderr).toBe('')
    return child.stdout.trim()
  }
  it('is loaded only by a RUN the plain fast path cannot read', () => {
    const compose = JSON.parse(run('compose', 'services:\n  web:\n    image: nginx\n'))
    expect(compose.loaded).toBe(false)
    expect(compose.findings).toBeGreaterThan(0)
    const plain = JSON.parse(
      run('dockerfile', 'FROM ubuntu\nRUN if [ -f /x ]; then apt-get install -y curl; fi\n')
    )
    expect(plain.loaded).toBe(false)
    expect(plain.findings).toBeGreaterThan(0)
    const shell = JSON.parse(run('dockerfile', 'FROM ubuntu\nRUN f() { echo `date` > /y; }; f\n'))
    expect(shell.loaded).toBe(true)
    expect(shell.findings).toBeGreaterThan(0)
  })
})
