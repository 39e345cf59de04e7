import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { lintFiles, type FileResult, type LintInput } from '../../src/lint/engine.js'
import { resolveConfig } from '../../src/config/config.js'
import type { Finding } from '../../src/core/types.js'
import {
  FINGERPRINT_KEY,
  fingerprintsOf,
  GITHUB_MAX_RESULTS,
  SECURITY_SEVERITY,
  toSarif
} from '../../src/format/sarif.js'
import RULE_HELP from '../../src/format/rule-help.json' with { type: 'json' }
import { draftReview } from '../../src/review/draft.js'
import { registry } from '../../src/rules/index.js'
import { ruleHelpFromDocs } from '../../scripts/rule-help.js'
import { multitoolProblems, sarifSchemaValidator } from './validators.js'

const DOCKERFILE = [
  'FROM ubuntu',
  'MAINTAINER me',
  'RUN curl -k https://example.com/install.sh -o /tmp/i.sh',
  'EXPOSE 22',
  ''
].join('\n')

const inputs: LintInput[] = [
  { path: 'app dir/Dockerfile', text: DOCKERFILE, kind: 'dockerfile' },
  { path: 'compose.yaml', text: 'version: "3"\nservices: {}\n', kind: 'compose' }
]

function lint(files: LintInput[]): FileResult[] {
  return lintFiles(files, { registry, config: resolveConfig([]) })
}

const texts = (files: LintInput[]) => (path: string) => files.find((f) => f.path === path)?.text

describe('SARIF', () => {
  const results = lint(inputs)
  const { log, truncation } = toSarif(results, registry, {
    toolVersion: '1.2.3',
    extraErrors: [{ file: 'bin/Dockerfile', message: 'binary file' }],
    fingerprints: fingerprintsOf(results, texts(inputs))
  })
  const run = log.runs[0]
  const rule = (id: string) => run.tool.driver.rules!.find((r) => r.id === id)!

  it('validates against the official SARIF 2.1.0 schema', () => {
    const validate = sarifSchemaValidator()
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true)
    // …and the validator does reject a broken log.
    const broken = structuredClone(log)
    broken.runs[0].results![0].level = 'fatal' as never
    expect(validate(broken)).toBe(false)
  })

  it("passes the SARIF Multitool's SARIF and GitHub code scanning rules", () => {
    expect(truncation).toBeUndefined()
    expect(multitoolProblems(log)).toEqual([])
    // The log of before (no help, no fullDescription) is what GitHub rejects: GH2012 per rule.
    const old = structuredClone(log)
    for (const r of old.runs[0].tool.driver.rules!) {
      delete r.help
      delete r.fullDescription
    }
    const problems = multitoolProblems(old)
    expect(problems.length).toBe(2 * old.runs[0].tool.driver.rules!.length)
    expect(problems.every((p) => p.startsWith('GH2012: Error_Missing'))).toBe(true)
  }, 60_000)

  it('carries exact regions, levels, rule metadata and fixes', () => {
    const dl4000 = run.results!.find((r) => r.ruleId === 'DL4000')!
    expect(dl4000.level).toBe('error')
    expect(dl4000.locations![0].physicalLocation!.artifactLocation!.uri).toBe(
      'app%20dir/Dockerfile'
    )
    expect(dl4000.locations![0].physicalLocation!.region).toEqual({
      startLine: 2,
      startColumn: 1,
      endLine: 2,
      endColumn: 11
    })
    expect(dl4000.fixes![0].artifactChanges[0].replacements[0].insertedContent!.text).toBe(
      'LABEL maintainer="me"'
    )
    expect(run.tool.driver.rules![dl4000.ruleIndex!].id).toBe('DL4000')
    expect(run.invocations![0].toolExecutionNotifications![0].message.text).toBe('binary file')
  })

  it("gives each rule its docs page as help, the page's Why as full description", () => {
    const page = readFileSync(join(import.meta.dirname, '../../docs/rules/DL4000.md'), 'utf8')
    const dl4000 = rule('DL4000')
    expect(dl4000.shortDescription!.text).toBe(registry.byId.get('DL4000')!.description)
    expect(dl4000.fullDescription!.text).toBe(
      '`MAINTAINER` was deprecated in Docker 1.13. A label carries the same information and tools can read it. BuildKit calls this check MaintainerDeprecated.'
    )
    expect(dl4000.help!.markdown).toBe(page.trimEnd())
    expect(dl4000.help!.text).toMatch(/^DL4000: MAINTAINER is deprecated\n/)
    expect(dl4000.help!.text).toContain('Default severity: error.')
    expect(dl4000.helpUri).toBe(registry.byId.get('DL4000')!.docsUrl)
    expect(dl4000.defaultConfiguration).toEqual({ level: 'error' })
    expect(dl4000.properties).toEqual({
      tags: ['dockerfile'],
      aliases: ['MaintainerDeprecated', 'AVD-DS-0022', 'CKV_DOCKER_6']
    })
  })

  it('marks security rules with a security-severity and the security tag, others not', () => {
    expect(rule('DR3005').properties).toMatchObject({
      tags: ['dockerfile', 'security'],
      'security-severity': '7.5'
    })
    expect(rule('DR3001').properties!['security-severity']).toBe('5.0')
    expect(rule('DL3006').properties!['security-severity']).toBeUndefined()
    expect(rule('DL3006').properties!.tags).toEqual(['dockerfile'])
    // Every rule the table names exists, with a CVSS-like score in 0.1–10.
    for (const [id, score] of Object.entries(SECURITY_SEVERITY)) {
      expect(registry.byId.has(id), id).toBe(true)
      expect(Number(score)).toBeGreaterThan(0)
      expect(Number(score)).toBeLessThanOrEqual(10)
    }
  })

  it('writes the review fingerprint of each result, the same after lines are inserted above', () => {
    const draft = draftReview(
      inputs.map((f, i) => ({ ...f, findings: results[i].findings, errors: [] })),
      { filterMode: 'nofilter', maxComments: 0, suggestions: false, docsUrl: () => '' }
    )
    const byFinding = new Map(draft.findings.map((f) => [f.finding, f.fingerprint]))
    const findings = results.flatMap((r) => r.findings)
    expect(findings.length).toBeGreaterThan(3)
    expect(run.results!.map((r) => r.partialFingerprints![FINGERPRINT_KEY])).toEqual(
      findings.map((f) => byFinding.get(f))
    )
    const shifted = [{ ...inputs[0], text: `# syntax=docker/dockerfile:1\n\n${DOCKERFILE}` }]
    const after = lint(shifted)
    const moved = toSarif(after, registry, {
      toolVersion: '1',
      fingerprints: fingerprintsOf(after, texts(shifted))
    }).log.runs[0].results!
    const key = (r: (typeof moved)[number]) =>
      `${r.ruleId} ${r.partialFingerprints![FINGERPRINT_KEY]}`
    const before = run.results!.filter(
      (r) => r.locations![0].physicalLocation!.artifactLocation!.uri !== 'compose.yaml'
    )
    expect(moved.map(key).sort()).toEqual(before.map(key).sort())
    expect(moved[0].locations![0].physicalLocation!.region!.startLine).toBeGreaterThan(
      before.find((r) => r.ruleId === moved[0].ruleId)!.locations![0].physicalLocation!.region!
        .startLine!
    )
  })

  it('writes absolute paths as file: URIs', () => {
    const abs = lint([{ ...inputs[0], path: '/work/app dir/Dockerfile' }])
    const out = toSarif(abs, registry, { toolVersion: '1' }).log
    expect(out.runs[0].results![0].locations![0].physicalLocation!.artifactLocation!.uri).toBe(
      'file:///work/app%20dir/Dockerfile'
    )
    const windows = lint([{ ...inputs[0], path: 'C:\\work\\Dockerfile' }])
    const w = toSarif(windows, registry, { toolVersion: '1' }).log
    expect(w.runs[0].results![0].locations![0].physicalLocation!.artifactLocation!.uri).toBe(
      'file:///C:/work/Dockerfile'
    )
  })
})

describe('SARIF within GitHub code scanning limits', () => {
  /** n findings in one file, cycling through error/warning/info/style. */
  function many(n: number): FileResult[] {
    const severities = ['style', 'info', 'warning', 'error'] as const
    const findings: Finding[] = Array.from({ length: n }, (_, i) => ({
      file: 'Dockerfile',
      rule: 'DL3006',
      severity: severities[i % 4],
      message: `finding ${i} ${'x'.repeat(i % 7)}`,
      range: { start: { line: i + 1, column: 1 }, end: { line: i + 1, column: 5 } }
    }))
    return [{ path: 'Dockerfile', kind: 'dockerfile', findings, errors: [] }]
  }

  it(`keeps at most ${GITHUB_MAX_RESULTS} results per run by default, the most severe`, () => {
    const { log, truncation } = toSarif(many(GITHUB_MAX_RESULTS + 3), registry, {
      toolVersion: '1'
    })
    expect(log.runs[0].results).toHaveLength(GITHUB_MAX_RESULTS)
    expect(truncation).toMatchObject({ total: GITHUB_MAX_RESULTS + 3, kept: GITHUB_MAX_RESULTS })
    // 3 of the lowest severity (style) left out: the first three style findings stay out.
    const levels = log.runs[0].results!.map((r) => r.properties!.severity)
    expect(levels.filter((l) => l === 'style')).toHaveLength(
      Math.ceil((GITHUB_MAX_RESULTS + 3) / 4) - 3
    )
  })

  it('keeps the most severe, in their original order, and says so in the run and notifications', () => {
    const { log, truncation } = toSarif(many(10), registry, { toolVersion: '1', maxResults: 5 })
    const results = log.runs[0].results!
    expect(results.map((r) => r.message.text!.split(' ')[1])).toEqual(['1', '2', '3', '6', '7'])
    expect(results.map((r) => r.level)).toEqual(['note', 'warning', 'error', 'warning', 'error'])
    expect(truncation!.message).toBe(
      "SARIF: 5 of 10 results left out to stay within GitHub code scanning's limits (25000 results per run, 10 MB gzipped); the 5 most severe are kept."
    )
    expect(log.runs[0].properties).toEqual({
      truncated: true,
      totalResults: 10,
      keptResults: 5,
      note: truncation!.message
    })
    expect(log.runs[0].invocations![0].toolExecutionNotifications).toEqual([
      { level: 'warning', message: { text: truncation!.message } }
    ])
    expect(sarifSchemaValidator()(log)).toBe(true)
  })

  it('drops the least severe results until the gzipped file fits', () => {
    const maxGzipBytes = 20_000
    const { log, text, truncation } = toSarif(many(2000), registry, {
      toolVersion: '1',
      maxGzipBytes
    })
    // The text given is the last log's, the one held to the limit.
    expect(text).toBe(JSON.stringify(log, null, 2))
    const size = gzipSync(text).length
    expect(size).toBeLessThanOrEqual(maxGzipBytes)
    expect(truncation!.kept).toBe(log.runs[0].results!.length)
    expect(truncation!.kept).toBeGreaterThan(100)
    expect(truncation!.kept).toBeLessThan(2000)
    // Not more than needed: most of the budget is used.
    expect(size).toBeGreaterThan(maxGzipBytes * 0.6)
  })
})

describe('src/format/rule-help.json', () => {
  it('is docs/rules/ (run `npx tsx scripts/rule-help.ts` after changing a page)', () => {
    expect(RULE_HELP).toEqual(ruleHelpFromDocs(join(import.meta.dirname, '../../docs/rules')))
    expect(Object.keys(RULE_HELP).sort()).toEqual(registry.metas.map((m) => m.id).sort())
  })

  it('gives ShellCheck codes a help of their own, pointing at the wiki', () => {
    const results: FileResult[] = [
      {
        path: 'Dockerfile',
        kind: 'dockerfile',
        errors: [],
        findings: [
          {
            file: 'Dockerfile',
            rule: 'SC2086',
            severity: 'info',
            message: 'Double quote to prevent globbing and word splitting.',
            range: { start: { line: 2, column: 10 }, end: { line: 2, column: 14 } }
          }
        ]
      }
    ]
    const { log } = toSarif(results, registry, { toolVersion: '1' })
    const sc = log.runs[0].tool.driver.rules![0]
    expect(sc.helpUri).toBe('https://www.shellcheck.net/wiki/SC2086')
    expect(sc.help!.markdown).toContain(
      '[SC2086 on the ShellCheck wiki](https://www.shellcheck.net/wiki/SC2086)'
    )
    expect(sc.fullDescription!.text).toBe(
      "ShellCheck's SC2086, reported inside a `RUN` at its exact position."
    )
    expect(multitoolProblems(log)).toEqual([])
  }, 60_000)
})
