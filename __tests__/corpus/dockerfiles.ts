import { describe, expect, it } from 'vitest'
import { lintText, type FileResult } from '../../src/lint/engine.js'
import { applyFixes, fixUntilStable } from '../../src/core/fixes.js'
import { comparePositions } from '../../src/core/text.js'
import { resolveConfig, ruleState } from '../../src/config/config.js'
import type { Finding } from '../../src/core/types.js'
import type { DockerfileDoc, Instruction } from '../../src/dockerfile/model.js'
import { registry } from '../../src/rules/index.js'
import { dockerfileCorpus, withRules } from './dockerfile-pass.js'

/**
 * Every Dockerfile of the corpus (2,114 real files from 91 projects, read at test time) with the
 * default configuration: linted without a crash or a file error; Windows files get no findings
 * from the POSIX shell view of their RUNs; every fix applies, re-parses, removes its finding and
 * adds no error-level finding; fixing with the safe fixes until stable is idempotent. The first
 * lint of each file comes from the shared pass (dockerfile-pass.ts), filtered to the rules on by
 * default.
 */

const config = resolveConfig([])
const byDefault = (rule: string): boolean =>
  ruleState(config, rule, registry.byId.get(rule)).enabled
/** Lint results by file and text: the fix checks below revisit the same texts. */
const memo = new Map<string, FileResult>()
function lint(path: string, text: string, checkFixEffects = true): FileResult {
  const key = `${path}\0${text}\0${checkFixEffects}`
  let result = memo.get(key)
  if (!result) {
    result = lintText({ path, text, kind: 'dockerfile' }, { registry, config, checkFixEffects })
    memo.set(key, result)
  }
  return result
}

interface Linted {
  path: string
  text: string
  doc: DockerfileDoc
  result: FileResult
}

const linted: Linted[] = dockerfileCorpus().map(({ path, text, doc, result }) => {
  const own = withRules(result, byDefault)
  memo.set(`${path}\0${text}`, own)
  return { path, text, doc, result: own }
})

const NON_POSIX = /(^|[\\/])(pwsh|powershell|cmd)(\.exe)?$/i

/** RUN instructions (ONBUILD triggers too) that a Windows shell runs. */
function windowsRuns(doc: DockerfileDoc): Instruction[] {
  const out: Instruction[] = []
  for (const top of doc.instructions) {
    const inst = top.trigger ?? top
    if (inst.keyword !== 'RUN' || inst.json) continue
    if (doc.escape === '`' || NON_POSIX.test(doc.shellOf(inst)[0] ?? '')) out.push(inst)
  }
  return out
}

/** Multiset difference: entries of `after` not matched by one of `before`. */
function added(before: string[], after: string[]): string[] {
  const left = new Map<string, number>()
  for (const b of before) left.set(b, (left.get(b) ?? 0) + 1)
  return after.filter((a) => {
    const n = left.get(a) ?? 0
    if (n === 0) return true
    left.set(a, n - 1)
    return false
  })
}

describe('Dockerfile corpus', () => {
  it('has the whole corpus', () => {
    expect(linted.length).toBeGreaterThanOrEqual(2114)
  })

  it('lints every file without a crash or a file error', () => {
    const broken = linted
      .filter((l) => l.result.errors.length > 0)
      .map((l) => `${l.path}: ${l.result.errors.join('; ')}`)
    expect(broken).toEqual([])
  })

  it('gives Windows Dockerfiles no POSIX-shell findings', () => {
    let windowsFiles = 0
    const wrong: string[] = []
    for (const { path, doc, result } of linted) {
      const runs = windowsRuns(doc)
      if (runs.length === 0) continue
      windowsFiles++
      for (const inst of runs) {
        if (doc.shell(inst)) wrong.push(`${path}:${inst.range.start.line} parsed as POSIX shell`)
        const body = inst.argsSpan
        if (!body) continue
        for (const f of result.findings) {
          const inside =
            comparePositions(f.range.start, body.range.start) >= 0 &&
            comparePositions(f.range.start, body.range.end) < 0
          if (inside || /^SC\d+$/.test(f.rule)) {
            wrong.push(
              `${path}:${f.range.start.line}:${f.range.start.column} ${f.rule} ${f.message}`
            )
          }
        }
      }
    }
    expect(windowsFiles).toBeGreaterThan(100)
    expect(wrong).toEqual([])
  })

  it('applies every fix: it re-parses, removes its finding and adds no error', () => {
    let fixes = 0
    const wrong: string[] = []
    /** Problems after applying `fixed` (findings of `result`) to `text`, or [] when it all holds. */
    const verify = (path: string, text: string, result: FileResult, fixed: Finding[]): string[] => {
      const applied = applyFixes(
        text,
        fixed.map((f) => f.fix!)
      )
      if (applied.applied.length !== fixed.length) return ['fix does not apply (its edits overlap)']
      // Findings only: the effect check of the fixed text's own fixes is fix-effects.test.ts's.
      const after = lint(path, applied.text, false)
      const problems = after.errors.map((e) => `file error after the fix: ${e}`)
      const rules = new Set(fixed.map((f) => f.rule))
      for (const rule of rules) {
        const before = result.findings.filter((g) => g.rule === rule).length
        const now = after.findings.filter((g) => g.rule === rule).length
        const removed = fixed.filter((f) => f.rule === rule).length
        if (now > before - removed)
          problems.push(`${rule}: still ${now} of ${before} after ${removed} fix(es)`)
      }
      const besides = (findings: Finding[]): string[] =>
        findings
          .filter((f) => f.severity === 'error' && !rules.has(f.rule))
          .map((f) => `${f.rule}: ${f.message}`)
          .sort()
      const introduced = added(besides(result.findings), besides(after.findings))
      if (introduced.length > 0) problems.push(`introduced ${introduced.join(' | ')}`)
      return problems
    }
    for (const { path, text, result } of linted) {
      const fixable = result.findings.filter((f) => f.fix)
      if (fixable.length === 0) continue
      fixes += fixable.length
      // All non-overlapping fixes at once; each one on its own only when that batch fails.
      const batch = applyFixes(
        text,
        fixable.map((f) => f.fix!)
      ).applied
      const inBatch = fixable.filter((f) => batch.includes(f.fix!))
      const alone = fixable.filter((f) => !batch.includes(f.fix!))
      if (verify(path, text, result, inBatch).length > 0) alone.push(...inBatch)
      for (const f of alone) {
        const where = `${path}:${f.range.start.line}:${f.range.start.column} ${f.rule}`
        for (const p of verify(path, text, result, [f])) wrong.push(`${where}: ${p}`)
      }
    }
    expect(fixes).toBeGreaterThan(1000)
    expect(wrong).toEqual([])
  })

  it('fixes with the safe fixes until stable, and a second run changes nothing', () => {
    let changed = 0
    const wrong: string[] = []
    for (const { path, text, result } of linted) {
      if (!result.findings.some((f) => f.fix?.safe)) continue
      const findings = (t: string): Finding[] => lint(path, t).findings
      const first = fixUntilStable(text, findings)
      if (first.text !== text) changed++
      const second = fixUntilStable(first.text, findings)
      if (second.text !== first.text)
        wrong.push(`${path}: ${second.fixed.map((f) => f.rule).join(', ')}`)
    }
    expect(changed).toBeGreaterThan(500)
    expect(wrong).toEqual([])
  })
})
