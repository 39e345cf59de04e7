import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { FileKind } from '../src/core/types.js'
import { CORPUS, corpusFiles, percentile, ROOT, round } from './corpus.js'
import { cacheReset, loadEngine, shellCacheHitRate } from './engine.js'

/**
 * One tool over one corpus, in the calling process (the bench runs each pair in its own child, so
 * peak RSS belongs to that tool alone): warm-up passes over the files (not for DCLint, which needs
 * minutes per pass), then one measured pass — its wall time per file (files/s, p50/p99/max) and
 * the process's CPU time (steadier than wall time on a shared machine; ShellCheck's processes are
 * not in it).
 */

export type Tool =
  'docker-review' | 'docker-review+shellcheck' | 'dockerfilelint' | 'dockerfile-utils' | 'dclint'

export interface Measurement {
  tool: Tool
  kind: FileKind
  files: number
  bytes: number
  totalMs: number
  filesPerSecond: number
  /** CPU time of the measured pass and files per CPU second. */
  cpuMs: number
  filesPerCpuSecond: number
  p50Ms: number
  p99Ms: number
  maxMs: number
  slowest: string
  peakRssMb: number
  crashes: number
  findings: number
  /** docker-review: share of RUN-script reads answered by the shell cache in the measured pass. */
  shellCacheHits?: number
}

const require = createRequire(import.meta.url)
/** Warm-up passes: the JIT needs a few over ~6 MB of varied input. */
const WARM_UP = 2

export async function measure(tool: Tool, kind: FileKind): Promise<Measurement> {
  const paths = corpusFiles(kind)
  const texts = paths.map((p) => readFileSync(p, 'utf8'))
  let lintOne = await linter(tool, kind)
  const ours = tool.startsWith('docker-review')
  let crashes = 0
  let findings = 0
  const pass = (record: boolean): number[] => {
    const each: number[] = []
    for (let i = 0; i < texts.length; i++) {
      const t = performance.now()
      try {
        const n = lintOne(paths[i], texts[i])
        if (record) findings += n
      } catch {
        if (record) crashes++
      }
      each.push(performance.now() - t)
    }
    return each
  }
  // DCLint takes minutes per pass (it re-parses per rule and compiles its schema per file).
  if (tool !== 'dclint') for (let i = 0; i < WARM_UP; i++) pass(false)
  // The measured pass starts with empty caches (the shell cache; ShellCheck's results, by a new
  // runner): a review process lints each file once.
  if (ours) {
    const reset = await cacheReset()
    reset()
    lintOne = await linter(tool, kind)
  }
  const cpu = process.cpuUsage()
  const start = performance.now()
  // As the CLI does (src/cli/lint.ts): every script of the run checked at once, over every core,
  // before the files are linted; its time is in the total (ShellCheck's own CPU is not in cpuMs).
  if (tool === 'docker-review+shellcheck') await prefetchRun(paths, texts)
  const times = pass(true)
  const total = performance.now() - start
  const used = process.cpuUsage(cpu)
  const cpuMs = (used.user + used.system) / 1000
  const order = times.map((t, i) => [t, i] as const).sort((a, b) => a[0] - b[0])
  const sorted = order.map(([t]) => t)
  const measurement: Measurement = {
    tool,
    kind,
    files: texts.length,
    bytes: texts.reduce((a, t) => a + t.length, 0),
    totalMs: round(total),
    filesPerSecond: Math.round(texts.length / (total / 1000)),
    cpuMs: Math.round(cpuMs),
    filesPerCpuSecond: Math.round(texts.length / (cpuMs / 1000)),
    p50Ms: round(percentile(sorted, 50)),
    p99Ms: round(percentile(sorted, 99)),
    maxMs: round(sorted[sorted.length - 1]),
    slowest: paths[order[order.length - 1][1]].replace(`${CORPUS}/`, ''),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    crashes,
    findings
  }
  if (ours && kind === 'dockerfile') measurement.shellCacheHits = await shellCacheHitRate()
  return measurement
}

async function linter(tool: Tool, kind: FileKind): Promise<(path: string, text: string) => number> {
  switch (tool) {
    case 'docker-review':
    case 'docker-review+shellcheck': {
      const tools = tool === 'docker-review+shellcheck' ? await shellcheckTools() : {}
      // No workspace: the corpus files are not in their repositories, and peers read no other
      // file either (build-context rules see an empty context, as in an action run with nothing
      // fetched).
      const lintOne = await loadEngine({ tools })
      return (path, text) => lintOne(path, text, kind)
    }
    case 'dockerfilelint': {
      const dfl = require('dockerfilelint') as {
        run(configPath: string, content: string): unknown[]
      }
      return (_path, text) => dfl.run(ROOT, text).length
    }
    case 'dockerfile-utils': {
      const du = (await import('dockerfile-utils')) as unknown as {
        validate(content: string): unknown[]
      }
      return (_path, text) => du.validate(text).length
    }
    case 'dclint': {
      const { DCLinter } = (await import('dclint')) as unknown as {
        DCLinter: new (config: unknown) => {
          lintFiles(paths: string[], recursive: boolean): Array<{ messages: unknown[] }>
        }
      }
      const linterInstance = new DCLinter({ rules: {}, quiet: true, debug: false, exclude: [] })
      // DCLint reads the file itself; that is its API.
      return (path) =>
        linterInstance.lintFiles([path], false).reduce((a, r) => a + r.messages.length, 0)
    }
  }
}

/** The runner of the last docker-review+shellcheck linter, for prefetchRun. */
let runner: { prefetch(requests: Array<{ script: string }>): void } | undefined

async function shellcheckTools(): Promise<object> {
  const { createShellcheck } = await import('../src/tools/shellcheck.js')
  const shellcheck = createShellcheck()
  if (!shellcheck) throw new Error('shellcheck is not usable')
  runner = shellcheck
  return { shellcheck }
}

/** The CLI's prefetch step over the corpus Dockerfiles, through the current runner. */
async function prefetchRun(paths: string[], texts: string[]): Promise<void> {
  const { shellcheckRequests } = await import('../src/rules/dockerfile/lib/shellcheck-prefetch.js')
  const { heapPacer } = await import('../src/io/heap.js')
  const inputs = paths.map((path, i) => ({ path, text: texts[i], kind: 'dockerfile' }))
  runner!.prefetch(shellcheckRequests(inputs, heapPacer()))
}

/** ShellCheck's version when the binary is on PATH (the docker-review+shellcheck row), else undefined. */
export function shellcheckVersion(): string | undefined {
  if (!existsSync(join(ROOT, 'src/tools/shellcheck.ts'))) return undefined
  try {
    const out = execFileSync('shellcheck', ['--version'], { encoding: 'utf8' })
    return /^version:\s*(\S+)/m.exec(out)?.[1]
  } catch {
    return undefined
  }
}
