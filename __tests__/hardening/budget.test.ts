import { describe, expect, it } from 'vitest'
import { lintChanges } from '../../src/action/lint.js'
import type { ChangedFile, Fetched, FetchRequest, FileState } from '../../src/core/ports.js'
import { resolveConfig } from '../../src/config/config.js'
import {
  lintFiles as lintAll,
  lintText,
  type Budget,
  type FileResult
} from '../../src/lint/engine.js'
import type { Finding, Rule } from '../../src/core/types.js'
import type { DockerfileDoc } from '../../src/dockerfile/model.js'
import { detectKind } from '../../src/detect.js'
import { decodeText, MAX_SOURCE_BYTES } from '../../src/io/source.js'
import { registry } from '../../src/rules/index.js'
import { errorsOf, lintFiles, located } from './cli.js'

/**
 * Every file is linted under a last-resort time guard and a size limit: a pathological file fails
 * closed — its partial findings are dropped and it gets one "not fully checked" finding (DR0001 /
 * DC0004, error) — and the rest are still linted and reviewed. The engine takes the clock as an
 * input, so the guard is tested with fake clocks (exactly) and with real pathological files
 * through the CLI and the action's lint step.
 */

const config = resolveConfig([])
const all = resolveConfig([{ source: 'test', all: true }])

/** A clock that advances `step` ms on every reading. */
function ticking(step: number): Budget['now'] {
  let t = 0
  return () => (t += step)
}

const RUNS = `FROM debian:12\n${Array.from({ length: 300 }, (_, i) => `RUN apt-get install -y pkg${i}`).join('\n')}\nUSER 1000\n`
const SKIPPED =
  /^This file was not fully checked: linting stopped at the ([\d.]+) s safety limit per file \((while parsing|in rule \S+, after \d+ rules)\); its findings are not shown\.$/

/** The "not fully checked" messages of a result; `others` are every other finding. */
function unchecked(result: FileResult): string[] {
  return result.findings.filter((f) => /^D[RC]000[14]$/.test(f.rule)).map((f) => f.message)
}
function others(result: FileResult): Finding[] {
  return result.findings.filter((f) => !/^D[RC]000[14]$/.test(f.rule))
}

describe('time budget (engine, fake clocks)', () => {
  it('within the budget: exactly the findings of an unbudgeted run', () => {
    const free = lintText(
      { path: 'Dockerfile', text: RUNS, kind: 'dockerfile' },
      { registry, config }
    )
    const budgeted = lintText(
      { path: 'Dockerfile', text: RUNS, kind: 'dockerfile' },
      { registry, config, budget: { ms: 1e12, now: ticking(1) } }
    )
    expect(budgeted).toEqual(free)
    expect(free.findings.length).toBeGreaterThan(300)
  })

  it('over the budget inside a rule: stopped there, partial findings dropped, one error naming the rule', () => {
    const result = lintText(
      { path: 'Dockerfile', text: RUNS, kind: 'dockerfile' },
      { registry, config: all, budget: { ms: 400, now: ticking(1) } }
    )
    expect(others(result)).toEqual([])
    expect(result.errors).toEqual([expect.stringMatching(/^linting stopped at the 0.4 s/)])
    expect(unchecked(result)).toHaveLength(1)
    expect(result.findings[0]).toMatchObject({ rule: 'DR0001', severity: 'error' })
    const m = SKIPPED.exec(unchecked(result)[0])
    expect(m?.[1]).toBe('0.4')
    expect(m?.[2]).toMatch(/^in rule /)
  })

  it('the lazy per-instruction reads check the clock: a rule walking every RUN stops mid-file', () => {
    let walked = 0
    const walker: Rule<DockerfileDoc> = {
      meta: {
        id: 'XX0001',
        aliases: [],
        kind: 'dockerfile',
        defaultSeverity: 'info',
        fixable: false,
        docsUrl: '',
        description: 'Reads every RUN script and never reports.',
        enabledByDefault: true
      },
      check(doc) {
        for (const inst of doc.instructions) {
          doc.shell(inst)
          walked++
        }
      }
    }
    const text = `FROM debian:12\n${'RUN echo hi\n'.repeat(2000)}`
    const result = lintText(
      { path: 'Dockerfile', text, kind: 'dockerfile' },
      {
        registry: { ...registry, dockerfile: [walker] },
        config,
        budget: { ms: 500, now: ticking(1) }
      }
    )
    expect(unchecked(result)).toEqual([
      expect.stringMatching(/\(in rule XX0001, after 0 rules\); its findings are not shown\.$/)
    ])
    expect(walked).toBeGreaterThan(400)
    expect(walked).toBeLessThan(500)
  })

  it('over the budget while parsing: no rule runs', () => {
    let calls = 0
    const result = lintText(
      { path: 'compose.yaml', text: 'services:\n  web:\n    image: nginx\n', kind: 'compose' },
      { registry, config, budget: { ms: 10, now: () => (calls++ === 0 ? 0 : 1000) } }
    )
    expect(others(result)).toEqual([])
    expect(unchecked(result)).toEqual([expect.stringMatching(/\(while parsing\)/)])
    expect(result.findings[0].rule).toBe('DC0004')
    expect(calls).toBe(2)
  })

  it('compose rules are stopped on their reports', () => {
    const services = Array.from({ length: 200 }, (_, i) => `  s${i}:\n    image: nginx\n`).join('')
    const result = lintText(
      { path: 'compose.yaml', text: `services:\n${services}`, kind: 'compose' },
      { registry, config, budget: { ms: 150, now: ticking(1) } }
    )
    expect(others(result)).toEqual([])
    expect(unchecked(result)).toEqual([expect.stringMatching(SKIPPED)])
  })

  it('one file over its budget never stops the others: each file has its own budget', () => {
    const small = 'FROM debian:12\nMAINTAINER me\n'
    const results = lintAll(
      [
        { path: 'a/Dockerfile', text: small, kind: 'dockerfile' },
        { path: 'slow/Dockerfile', text: RUNS, kind: 'dockerfile' },
        { path: 'b/Dockerfile', text: small, kind: 'dockerfile' }
      ],
      // One tick per check: a small file needs a few hundred, the slow one thousands.
      { registry, config, budget: { ms: 600, now: ticking(1) } }
    )
    expect(results.map((r) => r.path)).toEqual(['a/Dockerfile', 'slow/Dockerfile', 'b/Dockerfile'])
    expect(unchecked(results[1])).toEqual([expect.stringMatching(SKIPPED)])
    for (const r of [results[0], results[2]]) {
      expect(unchecked(r)).toEqual([])
      expect(r.findings.map((f) => f.rule)).toContain('DL4000')
    }
  })
})

describe('time budget (real pathological files)', () => {
  // 30,000 instructions whose RUNs read the variables in scope (each ENV adds one): seconds of
  // work even for a linear model, far beyond the 1.5 s budget these tests give a file.
  const pathological = `FROM debian:12\n${'ENV PATH=/opt/bin:$PATH\nRUN echo "$PATH"\n'.repeat(15_000)}USER 1000\n`

  it('CLI: the pathological file fails closed at its guard, the others are linted', () => {
    const budget = { ms: 1500, now: () => performance.now() }
    const { report, ms } = lintFiles(
      { 'slow/Dockerfile': pathological, 'a/Dockerfile': 'FROM debian:12\nMAINTAINER me\n' },
      { budget, seconds: 60 }
    )
    expect(errorsOf(report, 'slow/Dockerfile')).toEqual([
      expect.stringMatching(/^linting stopped at the 1.5 s safety limit/)
    ])
    expect(located(report, 'slow/Dockerfile')).toEqual(['DR0001@1:1'])
    expect(located(report, 'a/Dockerfile')).toContain('DL4000@2:1')
    expect(ms).toBeLessThan(30_000)
  })

  it('action: unlintable files become "not fully checked" findings, the other files are reviewed', async () => {
    const texts = new Map([
      ['slow/Dockerfile', pathological],
      ['a/Dockerfile', 'FROM debian:12\nMAINTAINER me\n'],
      ['big/Dockerfile', `FROM debian:12\n${'#'.repeat(MAX_SOURCE_BYTES)}\n`]
    ])
    const changed: ChangedFile[] = [...texts.keys()].map((path) => ({
      path,
      status: 'added',
      patch: '@@ -0,0 +1,2 @@\n+FROM debian:12\n+MAINTAINER me'
    }))
    // The API reader's decision for each text (src/github/reader.ts): size, binary, BOM.
    const fetch = async (request: FetchRequest): Promise<Fetched> => {
      const files = new Map<string, FileState>()
      for (const path of request.paths) {
        const text = texts.get(path)
        const decoded = text === undefined ? undefined : decodeText(text)
        files.set(
          path,
          !decoded
            ? { kind: 'missing' }
            : decoded.ok
              ? { kind: 'text', text: decoded.source.text }
              : { kind: 'skipped', reason: decoded.reason }
        )
      }
      return Promise.resolve({ files, dirs: new Map(request.dirs.map((d) => [d, null])) })
    }
    const outcome = await lintChanges({
      changed,
      detect: detectKind,
      layers: [],
      fetch,
      tools: () => ({}),
      budget: { ms: 1500, now: () => performance.now() }
    })
    const reviewed = outcome.files.map((f) => f.path)
    expect(reviewed).toContain('a/Dockerfile')
    expect(
      outcome.files.find((f) => f.path === 'a/Dockerfile')!.findings.map((f) => f.rule)
    ).toContain('DL4000')
    const findingsOf = (path: string) => outcome.files.find((f) => f.path === path)!.findings
    expect(findingsOf('big/Dockerfile')).toEqual([
      expect.objectContaining({
        rule: 'DR0001',
        severity: 'error',
        message: `This file was not fully checked: file is too large to lint (${MAX_SOURCE_BYTES + 16} bytes; the limit is ${MAX_SOURCE_BYTES}).`
      })
    ])
    expect(findingsOf('slow/Dockerfile').map((f) => f.rule)).toEqual(['DR0001'])
    expect(findingsOf('slow/Dockerfile')[0].message).toMatch(SKIPPED)
    expect(outcome.notes).toEqual([
      expect.stringMatching(/^slow\/Dockerfile: linting stopped at the 1.5 s safety limit/)
    ])
  })
})
