import { expect } from 'vitest'
import { lintText, type FileResult } from '../../src/lint/engine.js'
import { fixUntilStable } from '../../src/core/fixes.js'
import { resolveConfig } from '../../src/config/config.js'
import type { Finding, Rule, Workspace } from '../../src/core/types.js'
import type { CaseEnv, InvalidCase, ValidCase } from '../../src/rules/define.js'
import { registry } from '../../src/rules/index.js'

/**
 * ESLint's RuleTester, for our rules: every case runs the full pipeline (parse, rule, central
 * suppression); invalid cases compare positions and messages, apply the rule's fixes until stable,
 * compare the output, re-parse it, and check the rule is gone and no new error appeared.
 */

export function workspaceOf(files: Record<string, string> = {}): Workspace {
  const norm = (p: string): string => p.replace(/^\.\//, '').replace(/\/+$/, '')
  return {
    readFile: (path) => files[norm(path)],
    listDir: (path) => {
      const dir = norm(path)
      const prefix = dir === '' || dir === '.' ? '' : `${dir}/`
      const names = new Set<string>()
      for (const f of Object.keys(files)) {
        if (f.startsWith(prefix)) names.add(f.slice(prefix.length).split('/')[0])
      }
      return names.size > 0 ? [...names] : undefined
    }
  }
}

function lint(rule: Rule<unknown>, code: string, env: CaseEnv, only = true): FileResult {
  const kind = rule.meta.kind
  const path = env.path ?? (kind === 'dockerfile' ? 'Dockerfile' : 'compose.yaml')
  const config = resolveConfig([{ source: 'test', all: true, settings: env.settings ?? {} }])
  return lintText(
    { path, text: code, kind },
    {
      registry,
      config,
      workspace: workspaceOf(env.files),
      tools: env.tools,
      only: only ? new Set([rule.meta.id]) : undefined
    }
  )
}

/** Findings that belong to `rule` (its own id, or any SC code for the ShellCheck family). */
function own(rule: Rule<unknown>, findings: Finding[]): Finding[] {
  return findings.filter((f) =>
    rule.meta.id === 'SHELLCHECK' ? /^SC\d+$/.test(f.rule) : f.rule === rule.meta.id
  )
}

export function runValid(rule: Rule<unknown>, c: string | ValidCase): void {
  const vc = typeof c === 'string' ? { code: c } : c
  const result = lint(rule, vc.code, vc)
  expect(result.errors).toEqual([])
  expect(
    own(rule, result.findings).map(
      (f) => `${f.range.start.line}:${f.range.start.column} ${f.message}`
    )
  ).toEqual([])
}

export function runInvalid(rule: Rule<unknown>, c: InvalidCase): void {
  const result = lint(rule, c.code, c)
  expect(result.errors).toEqual([])
  const found = own(rule, result.findings)
  const summary = found.map(
    (f) =>
      `${f.range.start.line}:${f.range.start.column}-${f.range.end.line}:${f.range.end.column} ${f.message}`
  )
  expect(found.length, `findings:\n${summary.join('\n')}`).toBe(c.errors.length)
  c.errors.forEach((e, i) => {
    const f = found[i]
    const at = `finding ${i + 1} (${summary[i]})`
    expect(f.range.start.line, at).toBe(e.line)
    if (e.column !== undefined) expect(f.range.start.column, at).toBe(e.column)
    if (e.endLine !== undefined) expect(f.range.end.line, at).toBe(e.endLine)
    if (e.endColumn !== undefined) expect(f.range.end.column, at).toBe(e.endColumn)
    if (e.rule !== undefined) expect(f.rule, at).toBe(e.rule)
    if (e.precision !== undefined) expect(f.precision ?? null, at).toBe(e.precision)
    if (typeof e.message === 'string') expect(f.message, at).toContain(e.message)
    else if (e.message) expect(f.message, at).toMatch(e.message)
  })

  const fixable = found.filter((f) => f.fix)
  if (c.output === undefined || c.output === null) {
    expect(
      fixable.map((f) => f.fix!.description),
      'case has no output, but the rule offered fixes'
    ).toEqual([])
    return
  }
  expect(fixable.length, 'case has an output, but the rule offered no fix').toBeGreaterThan(0)
  for (const f of fixable) expect(f.fix!.description.length).toBeGreaterThan(0)
  const fixed = fixUntilStable(
    c.code,
    (text) => own(rule, lint(rule, text, c).findings),
    () => true
  )
  expect(fixed.text).toBe(c.output)
  // The fixed file re-parses, the rule no longer fires, and no new error-level finding appears.
  const after = lint(rule, fixed.text, c, false)
  expect(after.errors).toEqual([])
  expect(own(rule, after.findings).filter((f) => f.fix)).toEqual([])
  const before = lint(rule, c.code, c, false)
  const errorsOf = (r: FileResult): string[] =>
    r.findings
      .filter((f) => f.severity === 'error' && f.rule !== rule.meta.id)
      .map((f) => `${f.rule}: ${f.message}`)
  const introduced = errorsOf(after).filter((e) => !errorsOf(before).includes(e))
  expect(introduced, 'the fix introduced new error-level findings').toEqual([])
}
