import { describe, expect, it } from 'vitest'
import { lintFiles, type FileResult, type LintInput } from '../../src/lint/engine.js'
import { resolveConfig } from '../../src/config/config.js'
import type { Finding } from '../../src/core/types.js'
import { joinJsonPieces, jsonPiece, toJsonReport } from '../../src/format/json.js'
import { formatTty, joinTtyPieces, ttyPiece } from '../../src/format/tty.js'
import { registry } from '../../src/rules/index.js'

/**
 * A report made a few files at a time (the pieces the lint workers make, src/cli/pool.ts) is the
 * report made from every result at once, byte for byte, wherever the run is cut into pieces.
 */

const inputs: LintInput[] = [
  { path: 'Dockerfile', kind: 'dockerfile', text: 'FROM ubuntu\nRUN apt-get install curl\n' },
  { path: 'ok/Dockerfile', kind: 'dockerfile', text: 'FROM alpine:3.20\nUSER 10001\n' },
  {
    path: 'web/Containerfile',
    kind: 'dockerfile',
    // Non-ASCII text, and a raw U+2028 (a line terminator to a regular expression's `^`).
    text: 'FROM node:latest\n# café ✓ \u2028 x\nWORKDIR app\nADD https://e.x/a.tgz /\n'
  },
  {
    path: 'compose.yaml',
    kind: 'compose',
    text: 'services:\n  api:\n    image: node\n    privileged: true\n    ports: ["80:80"]\n'
  },
  { path: 'empty/compose.yaml', kind: 'compose', text: 'services: {}\n' },
  { path: 'bad/Dockerfile', kind: 'dockerfile', text: '', notChecked: 'NUL byte at offset 4' }
]

const lint = (files: LintInput[]): FileResult[] =>
  lintFiles(files, { registry, config: resolveConfig([]) })

const all = lint(inputs)
// A message with a raw U+2028 and an error of linting itself, as a crashed rule leaves one.
all[2] = {
  ...all[2],
  findings: all[2].findings.map((f, k) => (k === 0 ? { ...f, message: `${f.message} \u2028!` } : f))
}
all[4] = { ...all[4], errors: ['rule DC0001 crashed: boom'] }
const extraErrors = [{ file: 'gone/Dockerfile', message: 'cannot read: no such file' }]
const texts = new Map(inputs.filter((i) => !i.notChecked).map((i) => [i.path, i.text]))
const placement = (f: Finding): 'inline' | 'summary' =>
  f.severity === 'error' ? 'inline' : 'summary'

/** Every way to cut `n` results into runs of consecutive ones (2^(n-1) ways). */
function cuts<T>(items: T[]): T[][][] {
  if (items.length <= 1) return [[items]]
  const out: T[][][] = []
  for (let mask = 0; mask < 1 << (items.length - 1); mask++) {
    const pieces: T[][] = [[items[0]]]
    for (let i = 1; i < items.length; i++) {
      if (mask & (1 << (i - 1))) pieces.push([items[i]])
      else pieces.at(-1)!.push(items[i])
    }
    out.push(pieces)
  }
  return out
}

const encoder = new TextEncoder()
const decode = (parts: Array<string | Uint8Array>): string =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p))).toString('utf8')

describe('a report made in pieces', () => {
  it('has findings, errors and a raw U+2028 to put together', () => {
    expect(all[2].findings[0].message).toContain('\u2028')
    expect(all.flatMap((r) => r.findings).length).toBeGreaterThan(10)
    expect(all.filter((r) => r.findings.length === 0).length).toBeGreaterThan(0)
  })

  it('JSON: the bytes of JSON.stringify(report, null, 2) for every cut, as text or bytes', () => {
    for (const extra of [[], extraErrors]) {
      const runs: Array<[FileResult[], typeof placement | undefined]> = [
        [all, placement],
        [all.slice(1, 2), undefined],
        [[], undefined]
      ]
      for (const [results, withPlacement] of runs) {
        const whole = `${JSON.stringify(toJsonReport(results, registry, extra, withPlacement), null, 2)}\n`
        for (const cut of cuts(results)) {
          const pieces = cut.map((run) => jsonPiece(run, registry, withPlacement))
          expect(joinJsonPieces(pieces, extra).join('')).toBe(whole)
          const bytes = pieces.map((p) => ({
            files: encoder.encode(p.files),
            findings: encoder.encode(p.findings),
            errors: encoder.encode(p.errors)
          }))
          expect(decode(joinJsonPieces(bytes, extra))).toBe(whole)
        }
      }
    }
  })

  it('the terminal: the text of formatTty for every cut, with colour, review and errors', () => {
    const options = [
      { color: false, sources: texts },
      { color: true, sources: texts, extraErrors },
      { color: false, sources: texts, review: { placement, legend: 'errors inline' } }
    ]
    for (const option of options) {
      for (const results of [all, all.slice(1, 2), all.slice(4, 5), []]) {
        const whole = formatTty(results, registry, option)
        for (const cut of cuts(results)) {
          const pieces = cut.map((run) => ttyPiece(run, registry, option))
          expect(joinTtyPieces(pieces, option).join('')).toBe(whole)
          const bytes = pieces.map((p) => ({ ...p, text: encoder.encode(p.text) }))
          expect(decode(joinTtyPieces(bytes, option))).toBe(whole)
        }
      }
    }
  })

  it('the terminal report keeps its closing lines', () => {
    expect(formatTty(all.slice(1, 2), registry, { color: false, sources: texts })).toBe(
      '✔ No problems in 1 file.\n'
    )
    const report = formatTty(all, registry, {
      color: false,
      sources: texts,
      review: { placement, legend: 'errors inline' }
    })
    expect(report).toMatch(/\n✖ \d+ problems \(\d+ errors?, /)
    expect(report).toMatch(
      /\n {2}review preview: \d+ inline, \d+ summary only \(errors inline\)\n$/
    )
    expect(report).toContain('  error  rule DC0001 crashed: boom\n')
  })
})
