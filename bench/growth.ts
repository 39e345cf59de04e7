import { readFileSync } from 'node:fs'
import type { FileKind } from '../src/core/types.js'
import { corpusFiles, round } from './corpus.js'
import { cacheReset, loadEngine } from './engine.js'

/**
 * Growth: does lint time grow linearly with the input? The corpus repeated 1×, 4× and 16× (16×
 * within 18× the time), and one file grown from 1 KB to 5 MB by repeating a realistic block (a
 * Dockerfile build stage; a compose service), each size linted repeatedly and the mean taken. The
 * cost per byte is printed normalised to the smallest size; the check is per step (size to next
 * size): a time ratio above the size ratio × `LINEAR_TOLERANCE` means the time grows faster than
 * the file. Times are the process's CPU time, which other
 * processes on a shared machine disturb less than wall time (reported alongside).
 */

/** 16× the input within 18× the time (issue 7): the tolerance of every growth check. */
export const LINEAR_TOLERANCE = 18 / 16

export const FILE_SIZES = [1024, 16 * 1024, 256 * 1024, 1024 * 1024, 5 * 1024 * 1024]

export interface FileGrowthPoint {
  /** Requested size and the generated file's length (whole blocks). */
  target: number
  bytes: number
  lines: number
  /** Mean CPU time of `runs` lint runs, and their mean wall time. */
  ms: number
  wallMs: number
  runs: number
  findings: number
  /** (ms / bytes) ÷ (ms / bytes at the smallest size). */
  perByteRatio: number
  /**
   * From the previous size to this one: time ratio ÷ size ratio (above 18/16: super-linear). The
   * check: a fixed cost per file makes the per-byte cost of the smallest size high, which would
   * hide a super-linear step between large sizes.
   */
  stepRatio?: number
}

export interface FileGrowth {
  kind: FileKind
  points: FileGrowthPoint[]
  linear: boolean
}

/** Build stage `i` of a long multi-stage Dockerfile (each stage copies from the previous one). */
function dockerfileBlock(i: number): string {
  const port = 8000 + (i % 1000)
  return [
    `# --- component ${i} ---`,
    `FROM node:20.11-bookworm-slim AS build-${i}`,
    `WORKDIR /src/app-${i}`,
    'COPY package.json package-lock.json ./',
    // Each stage's scripts differ (a cache of parsed scripts would otherwise answer them).
    `RUN npm ci --omit=dev --no-audit --no-fund --prefix /src/app-${i} \\`,
    '    && npm cache clean --force',
    'RUN apt-get update \\',
    `    && apt-get install -y --no-install-recommends curl=7.88.1-${i % 90} ca-certificates tini \\`,
    `    && rm -rf /var/lib/apt/lists/* /tmp/build-${i}`,
    i > 0 ? `COPY --from=build-${i - 1} /src/app-${i - 1}/dist ./vendor/` : 'COPY . .',
    `ENV NODE_ENV=production PORT=${port}`,
    `EXPOSE ${port}`,
    'USER node',
    `HEALTHCHECK CMD curl -fsS http://localhost:${port}/health || exit 1`,
    `CMD ["node", "server-${i}.js"]`,
    ''
  ].join('\n')
}

/** Service `i` of a long compose file. */
function composeBlock(i: number): string {
  return [
    `  app-${i}:`,
    `    image: registry.example.com/team/app-${i}:1.${i % 50}.0`,
    '    build:',
    `      context: ./services/app-${i}`,
    '      dockerfile: Dockerfile',
    '    environment:',
    '      - NODE_ENV=production',
    `      - DATABASE_URL=postgres://db:5432/app_${i}`,
    '    ports:',
    `      - "${10000 + i}:80"`,
    '    depends_on:',
    '      - db',
    '    restart: unless-stopped',
    '    healthcheck:',
    '      test: ["CMD", "curl", "-f", "http://localhost/health"]',
    '      interval: 30s',
    '    volumes:',
    `      - data-${i}:/var/lib/app`,
    ''
  ].join('\n')
}

/** A file of at least `target` characters made of whole blocks. */
export function grownFile(kind: FileKind, target: number): string {
  const parts: string[] = []
  let length = 0
  if (kind === 'dockerfile') {
    parts.push('# syntax=docker/dockerfile:1\n')
    for (let i = 0; length < target; i++) {
      const block = dockerfileBlock(i)
      parts.push(block)
      length += block.length
    }
    return parts.join('')
  }
  const head =
    'name: grown\nservices:\n  db:\n    image: postgres:16.2\n    restart: unless-stopped\n'
  parts.push(head)
  length += head.length
  const volumes: string[] = ['volumes:']
  for (let i = 0; length < target; i++) {
    const block = composeBlock(i)
    const volume = `  data-${i}:`
    parts.push(block)
    volumes.push(volume)
    length += block.length + volume.length + 1
  }
  return `${parts.join('')}${volumes.join('\n')}\n`
}

/** CPU time (this process, all threads) and wall time of `fn`, in ms. */
export function timed<T>(fn: () => T): { value: T; cpuMs: number; wallMs: number } {
  const cpu = process.cpuUsage()
  const start = performance.now()
  const value = fn()
  const wallMs = performance.now() - start
  const used = process.cpuUsage(cpu)
  return { value, cpuMs: (used.user + used.system) / 1000, wallMs }
}

/**
 * Mean time of linting one file: runs until ~1 s of CPU is spent (at least `minRuns`). The mean, not the
 * median: a small file's garbage is collected in a few of its many runs, which a median would
 * leave out while every run of a large file pays its share. CPU time decides (other processes on
 * a shared machine stretch wall time); wall time is reported too. Every run lints the file as new:
 * under another path (the compose parse is memoised by path and text) with the shell cache emptied.
 */
function timeLint(
  lint: (run: number) => number,
  reset: () => void,
  warm: boolean,
  minRuns: number
): { ms: number; wallMs: number; runs: number; findings: number } {
  if (warm) lint(-1)
  let runs = 0
  let findings = 0
  const t = timed(() => {
    const start = process.cpuUsage()
    let spent = 0
    while (runs < minRuns || (spent < 1000 && runs < 5000)) {
      reset()
      findings = lint(runs)
      runs++
      const used = process.cpuUsage(start)
      spent = (used.user + used.system) / 1000
    }
  })
  return { ms: round(t.cpuMs / runs), wallMs: round(t.wallMs / runs), runs, findings }
}

export async function fileGrowth(kind: FileKind, sizes = FILE_SIZES): Promise<FileGrowth> {
  const lintOne = await loadEngine()
  const reset = await cacheReset()
  const name = kind === 'dockerfile' ? 'Dockerfile' : 'compose.yaml'
  // Warm up the JIT on a mid-sized file, so the smallest size is not measured cold.
  const warm = grownFile(kind, 64 * 1024)
  for (let i = 0; i < 5; i++) lintOne(`warm-${i}/${name}`, warm, kind)
  const points: FileGrowthPoint[] = []
  for (const target of sizes) {
    const text = grownFile(kind, target)
    const { ms, wallMs, runs, findings } = timeLint(
      (run) => lintOne(`run-${run}/${name}`, text, kind),
      reset,
      target <= 1 << 20,
      // One run of a large file may or may not include a major GC: three, up to 1 MB.
      target <= 1 << 20 ? 3 : 1
    )
    const lines = text.split('\n').length - 1
    points.push({ target, bytes: text.length, lines, ms, wallMs, runs, findings, perByteRatio: 1 })
  }
  const base = points[0].ms / points[0].bytes
  points.forEach((p, i) => {
    p.perByteRatio = round(p.ms / p.bytes / base)
    if (i > 0) {
      const prev = points[i - 1]
      p.stepRatio = round(p.ms / prev.ms / (p.bytes / prev.bytes))
    }
  })
  return { kind, points, linear: points.every((p) => (p.stepRatio ?? 1) <= LINEAR_TOLERANCE) }
}

export interface CorpusGrowthPoint {
  kind: FileKind
  repeat: number
  files: number
  /** CPU time of the pass (decides), and its wall time. */
  ms: number
  wallMs: number
  /** ms ÷ ms at 1×. */
  relative: number
}

export interface CorpusGrowth {
  kind: FileKind
  points: CorpusGrowthPoint[]
  /** The three 1× passes (their median is the 1× point). */
  singles: number[]
  /** 16× within 18× the time of 1× (4× is shown, not judged). */
  linear: boolean
}

/**
 * Lint time of the corpus repeated 1×, 4× and 16×, after warm-up passes. Each copy is linted as new
 * files: caches are emptied before it (a cache answering the 2nd to 16th copies would hide the
 * growth measured). The 1× pass runs three times — before 4×, between 4× and 16×, after 16× — and
 * their median is the base, so a change in the machine's load during the run does not decide.
 */
export async function corpusGrowth(kind: FileKind): Promise<CorpusGrowth> {
  const paths = corpusFiles(kind)
  const texts = paths.map((p) => readFileSync(p, 'utf8'))
  const lintOne = await loadEngine()
  const reset = await cacheReset()
  const pass = (times: number): { cpuMs: number; wallMs: number } => {
    let cpuMs = 0
    let wallMs = 0
    for (let r = 0; r < times; r++) {
      reset()
      const t = timed(() => {
        for (let i = 0; i < texts.length; i++) lintOne(paths[i], texts[i], kind)
      })
      cpuMs += t.cpuMs
      wallMs += t.wallMs
    }
    return { cpuMs, wallMs }
  }
  pass(3)
  const singles = [pass(1)]
  const four = pass(4)
  singles.push(pass(1))
  const sixteen = pass(16)
  singles.push(pass(1))
  const one = [...singles].sort((a, b) => a.cpuMs - b.cpuMs)[1]
  const point = (repeat: number, t: { cpuMs: number; wallMs: number }): CorpusGrowthPoint => ({
    kind,
    repeat,
    files: texts.length * repeat,
    ms: Math.round(t.cpuMs),
    wallMs: Math.round(t.wallMs),
    relative: round(t.cpuMs / one.cpuMs)
  })
  const points = [point(1, one), point(4, four), point(16, sixteen)]
  return {
    kind,
    points,
    singles: singles.map((t) => Math.round(t.cpuMs)),
    linear: points[2].relative <= 16 * LINEAR_TOLERANCE
  }
}
