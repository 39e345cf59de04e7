import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { expect } from 'vitest'
import { cliWith } from '../cli/harness.js'
import type { Budget } from '../../src/lint/engine.js'
import type { JsonReport } from '../../src/format/json.js'

/**
 * Hostile input through the real CLI entry point, in process: files written to a temporary
 * folder, `docker-review lint` run on them, and the checks every hostile input must pass —
 * no crash (exit 0 or 1, never 2), every finding located inside its file, every error naming its
 * file, and the run done within a wall-time bound.
 */

export function sandbox(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'dr-hardening-'))
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), content)
  }
  return dir
}

export interface CliRun {
  code: number
  out: string
  err: string
  ms: number
}

export function cli(cwd: string, argv: string[], budget?: Budget): CliRun {
  const started = performance.now()
  const run = cliWith(cwd, budget ? { budget } : {}, ...argv)
  return { ...run, ms: performance.now() - started }
}

export interface Linted extends CliRun {
  report: JsonReport
  dir: string
}

/** Line texts of a file as the linter sees them (BOM removed, `\r` kept out). */
function linesOf(dir: string, path: string): string[] {
  const text = readFileSync(join(dir, path), 'utf8').replace(/^\uFEFF/, '')
  return text.split('\n').map((l) => l.replace(/\r$/, ''))
}

/**
 * `docker-review lint --format json` on `files` (all of them, or `paths`), with the checks above.
 * `seconds`: the wall-time bound (generous: CI machines are slow and loaded).
 */
export function lintFiles(
  files: Record<string, string | Uint8Array>,
  options: { seconds?: number; args?: string[]; paths?: string[]; budget?: Budget } = {}
): Linted {
  const dir = sandbox(files)
  const run = cli(
    dir,
    ['lint', '--format', 'json', ...(options.args ?? []), ...(options.paths ?? Object.keys(files))],
    options.budget
  )
  expect(run.err, 'stderr').not.toMatch(/internal error/)
  expect([0, 1], `exit code ${run.code}\n${run.err}`).toContain(run.code)
  expect(run.ms / 1000, 'wall time (s)').toBeLessThan(options.seconds ?? 20)
  const report = JSON.parse(run.out) as JsonReport
  const linted = new Set(report.files.map((f) => f.path))
  const texts = new Map<string, string[]>()
  for (const f of report.findings) {
    expect(linted.has(f.file), `${f.rule} on an unknown file ${f.file}`).toBe(true)
    let lines = texts.get(f.file)
    if (!lines) texts.set(f.file, (lines = linesOf(dir, f.file)))
    const where = `${f.rule} at ${f.file}:${f.line}:${f.column}-${f.endLine}:${f.endColumn}`
    expect(f.line, where).toBeGreaterThanOrEqual(1)
    expect(f.endLine, where).toBeGreaterThanOrEqual(f.line)
    expect(f.endLine, where).toBeLessThanOrEqual(lines.length)
    expect(f.column, where).toBeGreaterThanOrEqual(1)
    expect(f.column, where).toBeLessThanOrEqual(lines[f.line - 1].length + 1)
    expect(f.endColumn, where).toBeLessThanOrEqual(lines[f.endLine - 1].length + 1)
    expect(f.message.trim(), where).not.toBe('')
  }
  for (const e of report.errors) {
    expect(e.file).not.toBe('')
    expect(e.message.trim()).not.toBe('')
    expect(e.message, 'an error is a sentence, not a stack trace').not.toMatch(/\n\s+at /)
  }
  return { ...run, report, dir }
}

/** Findings of one file as `RULE@line:col`. */
export function located(report: JsonReport, file: string): string[] {
  return report.findings
    .filter((f) => f.file === file)
    .map((f) => `${f.rule}@${f.line}:${f.column}`)
}

export function errorsOf(report: JsonReport, file: string): string[] {
  return report.errors.filter((e) => e.file === file).map((e) => e.message)
}

/**
 * The same files through every other output format: each prints one well-formed document (SARIF
 * parses as JSON, every `github` line is one workflow command) and exits 0 or 1.
 */
export function everyFormat(dir: string, paths: string[]): void {
  for (const format of ['tty', 'sarif', 'github']) {
    const run = cli(dir, ['lint', '--format', format, ...paths])
    expect(run.err, format).not.toMatch(/internal error/)
    expect([0, 1], `${format}: exit ${run.code}\n${run.err}`).toContain(run.code)
    if (format === 'sarif') expect(() => JSON.parse(run.out) as unknown).not.toThrow()
    if (format === 'github') {
      for (const line of run.out.split('\n').filter(Boolean)) {
        expect(line, 'one workflow command per line').toMatch(/^::(error|warning|notice) [^\n]*::/)
      }
    }
  }
}
