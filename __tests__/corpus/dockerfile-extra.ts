import { describe, expect, it } from 'vitest'
import { lintText } from '../../src/lint/engine.js'
import { applyFixes } from '../../src/core/fixes.js'
import type { Finding } from '../../src/core/types.js'
import type { DockerfileDoc } from '../../src/dockerfile/model.js'
import { shellcheckScripts } from '../../src/rules/dockerfile/lib/shellcheck-script.js'
import { registry } from '../../src/rules/index.js'
import { ALL_RULES, dockerfileCorpus, withRules } from './dockerfile-pass.js'
import { createShellcheck } from '../../src/tools/shellcheck.js'

/**
 * The Dockerfile corpus (../shared/corpus, read at test time: 2,114 real files from 91 projects)
 * through the rules beyond hadolint's DL set (BuildKit, security, DR; all of them on, opt-in ones
 * included): no rule may crash, and every fix must apply, leave a file that parses, and make its
 * finding go away. Windows Dockerfiles must get no POSIX-shell (ShellCheck) findings. The lint
 * of each file comes from the shared pass (dockerfile-pass.ts), filtered to these rules.
 */

const files = dockerfileCorpus()
const ours = new Set(registry.dockerfile.map((r) => r.meta.id).filter((id) => /^DR\d{4}$/.test(id)))
const config = ALL_RULES

function lint(path: string, text: string, only: ReadonlySet<string>) {
  return lintText({ path, text, kind: 'dockerfile' }, { registry, config, only })
}

describe('Dockerfile corpus: rules beyond hadolint', () => {
  it('has the whole corpus', () => {
    expect(files.length).toBe(2114)
  })

  it('no crash, and every fix applies, re-parses and resolves its finding', () => {
    const crashes: string[] = []
    const broken: string[] = []
    const counts = new Map<string, number>()
    let fixes = 0
    for (const file of files) {
      const result = withRules(file.result, (rule) => ours.has(rule))
      for (const e of result.errors) crashes.push(`${file.path}: ${e}`)
      for (const f of result.findings) {
        counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1)
        if (!f.fix) continue
        fixes++
        const problem = checkFix(file, f)
        if (problem) broken.push(`${file.path}:${f.range.start.line} ${f.rule}: ${problem}`)
      }
    }
    expect(crashes).toEqual([])
    expect(broken).toEqual([])
    // The sweep is not vacuous: the fixable rules do fire on real files.
    expect(fixes).toBeGreaterThan(1000)
    for (const id of ['DR1001', 'DR1002', 'DR2002', 'DR2003', 'DR2008', 'DR3002', 'DR3005'])
      expect(counts.get(id) ?? 0, id).toBeGreaterThan(0)
  }, 120_000)

  it('Windows Dockerfiles get no POSIX-shell findings', () => {
    const windows = files.filter(
      (f) =>
        /^#\s*escape\s*=\s*`/m.test(f.text.split('\n').slice(0, 5).join('\n')) ||
        /SHELL\s*\[\s*"[^"]*(powershell|pwsh|cmd)/i.test(f.text)
    )
    expect(windows.length).toBeGreaterThan(100)
    const leaking = windows.flatMap((f) => {
      return shellcheckScripts(f.doc)
        .filter((s) => !isPosixStage(f.doc, s.inst.range.start.line, f.text))
        .map((s) => `${f.path}:${s.inst.range.start.line}`)
    })
    expect(leaking).toEqual([])
    // With the real binary, too (the scripts above are never sent).
    const shellcheck = createShellcheck()
    if (!shellcheck) throw new Error('shellcheck is not installed: apt-get install shellcheck')
    const sample = windows.filter((f) => /^#\s*escape\s*=\s*`/m.test(f.text)).slice(0, 20)
    for (const f of sample) {
      const found = lintText(
        { path: f.path, text: f.text, kind: 'dockerfile' },
        { registry, config, tools: { shellcheck }, only: new Set(['SHELLCHECK']) }
      ).findings
      expect(found.map((x) => `${f.path}:${x.range.start.line} ${x.rule}`)).toEqual([])
    }
  }, 120_000)
})

/** Apply one fix; undefined when it is clean, else what went wrong. */
function checkFix(file: { path: string; text: string }, f: Finding): string | undefined {
  const out = applyFixes(file.text, [f.fix!])
  if (out.applied.length !== 1) return 'fix not applicable (overlapping edits)'
  const after = lint(file.path, out.text, new Set([f.rule]))
  if (after.errors.length > 0) return `after the fix: ${after.errors.join('; ')}`
  const still = after.findings.filter(
    (g) => g.rule === f.rule && g.message === f.message && g.range.start.line === f.range.start.line
  )
  if (still.length > 0) return 'still reported after the fix'
  return undefined
}

/**
 * A RUN in a Windows-targeted file may still be POSIX: a Linux stage of a multi-platform file
 * without the backtick escape and without a PowerShell/cmd SHELL in effect.
 */
function isPosixStage(doc: DockerfileDoc, line: number, text: string): boolean {
  if (doc.escape === '`') return false
  const inst = doc.instructions.find((i) => i.range.start.line === line)
  const shell = inst ? doc.shellOf(inst) : ['/bin/sh']
  return (
    !/powershell|pwsh|cmd/i.test(shell[0] ?? '') &&
    !/hadolint\s+shell\s*=\s*(powershell|pwsh|cmd)/i.test(text)
  )
}
