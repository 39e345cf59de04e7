import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { resolveConfig } from '../../src/config/config.js'
import { lintFiles } from '../../src/lint/engine.js'
import {
  fingerprintsOf,
  GITHUB_MAX_GZIP_BYTES,
  GITHUB_MAX_RESULTS,
  toSarif
} from '../../src/format/sarif.js'
import { registry } from '../../src/rules/index.js'
import { corpusFiles, corpusWorkspace } from '../shared.js'
import { multitoolProblems, sarifSchemaValidator } from './validators.js'

/**
 * Both corpora (3,362 real files) linted in one run with every rule on — 39,179 findings, more than
 * code scanning takes in one run — into one SARIF file that must stay within GitHub's limits and pass
 * the SARIF Multitool's GitHub rules. Measured: 13–19 s of linting, 2 s of SARIF, 33 s of CPU in
 * the multitool (3½ min wall on a loaded 2-core machine).
 */
describe('SARIF of both corpora in one run', () => {
  const files = [
    ...corpusFiles('dockerfile').map((f) => ({ ...f, kind: 'dockerfile' as const })),
    ...corpusFiles('compose').map((f) => ({ ...f, kind: 'compose' as const }))
  ]
  const texts = new Map(files.map((f) => [f.path, f.text]))

  it('stays within code scanning limits and passes the GitHub rules', () => {
    const results = lintFiles(
      files.map((f) => ({ path: f.path, text: f.text, kind: f.kind })),
      {
        registry,
        config: resolveConfig([{ source: 'test', all: true }]),
        workspace: corpusWorkspace(files)
      }
    )
    const total = results.reduce((n, r) => n + r.findings.length, 0)
    expect(total).toBeGreaterThan(GITHUB_MAX_RESULTS)
    const { log, truncation } = toSarif(results, registry, {
      toolVersion: '0.0.0',
      fingerprints: fingerprintsOf(results, (path) => texts.get(path))
    })
    const run = log.runs[0]
    expect(truncation).toMatchObject({ total, kept: GITHUB_MAX_RESULTS })
    expect(run.results).toHaveLength(GITHUB_MAX_RESULTS)
    expect(run.properties).toMatchObject({ truncated: true, totalResults: total })
    // The most severe are kept: no result left out is more severe than one kept.
    const rank = ['error', 'warning', 'info', 'style']
    const keptWorst = Math.max(...run.results!.map((r) => rank.indexOf(r.properties!.severity)))
    const counts = (list: Array<{ severity: string }>) =>
      rank.map((s) => list.filter((f) => f.severity === s).length)
    const all = counts(results.flatMap((r) => r.findings))
    const kept = counts(run.results!.map((r) => ({ severity: r.properties!.severity as string })))
    for (let i = 0; i < keptWorst; i++) expect(kept[i], rank[i]).toBe(all[i])
    // Every result carries its fingerprint, and they are unique.
    const fps = run.results!.map((r) => Object.values(r.partialFingerprints ?? {})[0])
    expect(new Set(fps).size).toBe(GITHUB_MAX_RESULTS)

    const json = JSON.stringify(log, null, 2)
    expect(gzipSync(json).length).toBeLessThan(GITHUB_MAX_GZIP_BYTES)
    expect(sarifSchemaValidator()(log)).toBe(true)
    // Minified for the multitool: the same log, half the bytes to read.
    expect(multitoolProblems(JSON.stringify(log))).toEqual([])
  }, 600_000)
})
