import { readFileSync } from 'node:fs'
import type { FileKind } from '../src/core/types.js'
import { corpusFiles, round } from './corpus.js'
import { cacheReset, loadEngine } from './engine.js'

/**
 * Growth: does lint time grow linearly with the input? The corpus repeated 1×, 4× and 16× (16×
 * within 18× the time), and one file grown from 1 KB to 5 MB by
 * repeating a realistic block (a Dockerfile build stage; a compose service), each size linted
 * repeatedly and the mean taken. The cost per byte is normalised to the smallest size: a ratio
 * above `LINEAR_TOLERANCE` at any size means the time grows faster than the file.
 */

/** 16× the input within 18× the time (issue 7): the tolerance of every growth check. */
export const LINEAR_TOLERANCE = 18 / 16

export const FILE_SIZES = [1024, 16 * 1024, 256 * 1024, 1024 * 1024, 5 * 1024 * 1024]

export interface FileGrowthPoint {
  /** Requested size and the generated file's length (whole blocks). */
  target: number
  bytes: number
  lines: number
  /** Mean of `runs` lint runs. */
  ms: number
  runs: number
  findings: number
  /** (ms / bytes) ÷ (ms / bytes at the smallest size). */
  perByteRatio: number
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
    'RUN npm ci --omit=dev --no-audit --no-fund \\',
    '    && npm cache clean --force',
    'RUN apt-get update \\',
    `    && apt-get install -y --no-install-recommends curl=7.88.1-10 ca-certificates tini \\`,
    '    && rm -rf /var/lib/apt/lists/*',
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

/**
 * Mean time of linting one file: runs until ~1 s is spent (at least one). The mean, not the
 * median: a small file's garbage is collected in a few of its many runs, which a median would
 * leave out while every run of a large file pays its share.
 */
function timeLint(
  lint: () => number,
  warm: boolean
): { ms: number; runs: number; findings: number } {
  if (warm) lint()
  let spent = 0
  let runs = 0
  let findings = 0
  while (runs === 0 || (spent < 1000 && runs < 5000)) {
    const t = performance.now()
    findings = lint()
    spent += performance.now() - t
    runs++
  }
  return { ms: round(spent / runs), runs, findings }
}

export async function fileGrowth(kind: FileKind, sizes = FILE_SIZES): Promise<FileGrowth> {
  const lintOne = await loadEngine()
  const path = kind === 'dockerfile' ? 'Dockerfile' : 'compose.yaml'
  // Warm up the JIT on a mid-sized file, so the smallest size is not measured cold.
  const warm = grownFile(kind, 64 * 1024)
  for (let i = 0; i < 5; i++) lintOne(path, warm, kind)
  const points: FileGrowthPoint[] = []
  for (const target of sizes) {
    const text = grownFile(kind, target)
    const { ms, runs, findings } = timeLint(() => lintOne(path, text, kind), target <= 1 << 20)
    const lines = text.split('\n').length - 1
    points.push({ target, bytes: text.length, lines, ms, runs, findings, perByteRatio: 1 })
  }
  const base = points[0].ms / points[0].bytes
  for (const p of points) p.perByteRatio = round(p.ms / p.bytes / base)
  return { kind, points, linear: points.every((p) => p.perByteRatio <= LINEAR_TOLERANCE) }
}

export interface CorpusGrowthPoint {
  kind: FileKind
  repeat: number
  files: number
  ms: number
  /** ms ÷ ms at 1×. */
  relative: number
}

export interface CorpusGrowth {
  kind: FileKind
  points: CorpusGrowthPoint[]
  /** 16× the corpus within 18× the time of 1×. */
  linear: boolean
}

export const CORPUS_REPEATS = [1, 4, 16]

/** Lint time of the corpus repeated 1×, 4× and 16× (after two warm-up passes). */
export async function corpusGrowth(kind: FileKind): Promise<CorpusGrowth> {
  const paths = corpusFiles(kind)
  const texts = paths.map((p) => readFileSync(p, 'utf8'))
  const lintOne = await loadEngine({ disk: true })
  const reset = await cacheReset()
  // Each copy is linted as new files: caches are emptied before it (a cache answering the 2nd to
  // 16th copies would hide the growth this measures).
  const pass = (times: number): number => {
    let ms = 0
    for (let r = 0; r < times; r++) {
      reset()
      const start = performance.now()
      for (let i = 0; i < texts.length; i++) lintOne(paths[i], texts[i], kind)
      ms += performance.now() - start
    }
    return ms
  }
  pass(2)
  const points: CorpusGrowthPoint[] = []
  for (const repeat of CORPUS_REPEATS) {
    const ms = pass(repeat)
    points.push({ kind, repeat, files: texts.length * repeat, ms: round(ms), relative: 1 })
  }
  for (const p of points) p.relative = round(p.ms / points[0].ms)
  return {
    kind,
    points,
    linear: points.every((p) => p.relative <= p.repeat * LINEAR_TOLERANCE)
  }
}
