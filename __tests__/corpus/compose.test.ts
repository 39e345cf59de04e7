import { isMap, isSeq, parseDocument, visit, type YAMLMap, type YAMLSeq } from 'yaml'
import { describe, expect, it } from 'vitest'
import { contentEnd } from '../../src/compose/model.js'
import { resolveConfig } from '../../src/config/config.js'
import { lintFiles, lintText, type FileResult } from '../../src/lint/engine.js'
import { applyFixes } from '../../src/core/fixes.js'
import { LineIndex } from '../../src/core/text.js'
import type { Finding } from '../../src/core/types.js'
import { registry } from '../../src/rules/index.js'
import { checkSafeComposeFixes } from '../../src/compose/effects.js'
import { parseCompose } from '../../src/parse/compose.js'
import { corpusFiles, corpusWorkspace } from '../shared.js'

/**
 * The compose corpus (../shared/corpus, read at test time): 1,248 real files from 91 projects,
 * linted with every compose rule on, as one workspace per repository path (so base files find
 * their overrides and includers). No file may crash a rule; every fix must apply, re-parse, make
 * its finding go away and touch only the finding's lines (or, for fixes that rewrite a list, the
 * list's lines).
 */

const workspaceOf = corpusWorkspace

/** Rules no compose fix may make fire anew: invalid YAML, schema errors, host access. */
const GUARDS = ['DC0001', 'DC0002', 'DC1009']

/** Fixes that rewrite a whole list or mapping (sorting, long-form depends_on). */
const LIST_FIXES = new Set(['DC1002', 'DC2007', 'DC2008', 'DC2009', 'DC2010', 'DC2011'])

/** Lines `[first, last]` of the innermost collection strictly containing the finding. */
function collectionLines(text: string, finding: Finding): [number, number] | undefined {
  const lines = new LineIndex(text)
  const start = lines.offset(finding.range.start)
  const end = lines.offset(finding.range.end)
  let best: [number, number] | undefined
  visit(parseDocument(text, { merge: true }), {
    Node(_key, node) {
      if (!isMap(node) && !isSeq(node)) return
      const r = (node as YAMLMap | YAMLSeq).range
      if (!r) return
      const to = node.flow ? r[1] : contentEnd(node)
      if (r[0] <= start && end <= to && (r[0] < start || end < to)) {
        if (!best || to - r[0] < best[1] - best[0]) best = [r[0], to]
      }
    }
  })
  if (!best) return undefined
  // Comment lines right above the first entry travel with it.
  let first = lines.position(best[0]).line
  while (
    first > 1 &&
    lines
      .lineText(first - 1)
      .trim()
      .startsWith('#')
  )
    first--
  return [first, lines.position(best[1]).line]
}

/** Original lines a change touches: `[first, last]`, or an insertion point `[n + 1, n]`. */
function changedLines(before: string, after: string): [number, number] {
  const a = before.split('\n')
  const b = after.split('\n')
  let p = 0
  while (p < a.length && p < b.length && a[p] === b[p]) p++
  let s = 0
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++
  return [p + 1, a.length - s]
}

describe('compose corpus', () => {
  const files = corpusFiles('compose')
  const workspace = workspaceOf(files)
  const config = resolveConfig([{ source: 'corpus', all: true }])
  const results: FileResult[] = lintFiles(
    files.map((f) => ({ path: f.path, text: f.text, kind: 'compose' as const })),
    { registry, config, workspace }
  )

  it('has the 1,248 compose files', () => {
    expect(files.length).toBe(1248)
  })

  it('lints every file without a crash', () => {
    expect(
      results.filter((r) => r.errors.length > 0).map((r) => `${r.path}: ${r.errors.join('; ')}`)
    ).toEqual([])
  })

  it('reports the file that is not valid YAML as DC0001, and nothing else there', () => {
    const broken = results.find(
      (r) => r.path === 'vimagick/dockerfiles/calendso/docker-compose.yml'
    )!
    expect(broken.findings.map((f) => f.rule)).toEqual(['DC0001'])
  })

  it('reports known typos at the key with a did-you-mean fix', () => {
    const wekan = results.find((r) => r.path === 'vimagick/dockerfiles/wekan/docker-compose.yml')!
    const typo = wekan.findings.find((f) => f.rule === 'DC0002' && f.message.includes("'sevices'"))
    expect(typo?.fix?.edits.map((e) => e.text)).toEqual(['services'])
  })

  it('applies every fix: it re-parses, its finding goes away, and only its lines change', () => {
    const byPath = new Map(files.map((f) => [f.path, f.text]))
    const problems: string[] = []
    let checked = 0
    for (const result of results) {
      const text = byPath.get(result.path)!
      const seen = new Set<unknown>()
      for (const finding of result.findings) {
        const fix = finding.fix
        if (!fix || seen.has(fix)) continue
        seen.add(fix)
        checked++
        const where = `${result.path}:${finding.range.start.line} ${finding.rule}`
        const { text: fixed, applied } = applyFixes(text, [fix])
        if (applied.length !== 1 || fixed === text) {
          problems.push(`${where}: the fix does not apply`)
          continue
        }
        const after = lintText(
          { path: result.path, text: fixed, kind: 'compose' },
          {
            registry,
            config,
            workspace,
            only: new Set([finding.rule, ...GUARDS]),
            checkFixEffects: false
          }
        )
        if (after.findings.some((f) => f.rule === 'DC0001'))
          problems.push(`${where}: the fixed text is not valid YAML`)
        // No fix adds a schema error (DC0002) or host access (DC1009) that was not there.
        for (const rule of GUARDS) {
          const messages = (list: Finding[]): string[] =>
            // Names in quotes left out: sorting services changes which one a message names first.
            list.filter((f) => f.rule === rule).map((f) => f.message.replace(/'[^']*'/g, "'…'"))
          const left = messages(result.findings)
          for (const m of messages(after.findings)) {
            const k = left.indexOf(m)
            if (k === -1) problems.push(`${where}: the fix adds ${rule}: ${m}`)
            else left.splice(k, 1)
          }
        }
        // Each finding the fix addresses is gone (messages counted: several may read the same).
        const count = (list: Finding[], m: string): number =>
          list.filter((f) => f.rule === finding.rule && f.message === m).length
        for (const f of result.findings.filter((x) => x.fix === fix)) {
          const fixedCount = result.findings.filter(
            (x) => x.fix === fix && x.message === f.message
          ).length
          if (count(result.findings, f.message) - count(after.findings, f.message) < fixedCount) {
            problems.push(`${where}: still reported after the fix: ${f.message}`)
            break
          }
        }
        const [first, last] = changedLines(text, fixed)
        const scope: [number, number] | undefined = LIST_FIXES.has(finding.rule)
          ? collectionLines(text, finding)
          : [finding.range.start.line, finding.range.end.line]
        if (!scope || first < scope[0] || last > scope[1])
          problems.push(
            `${where}: the fix changes lines ${first}-${last}, outside ${scope?.join('-')}`
          )
      }
    }
    expect(checked).toBeGreaterThan(1000)
    expect(problems).toEqual([])
  }, 600_000)
})

/**
 * Issue 14 on the whole compose corpus (every rule on): no safe compose fix changes the services
 * or resources. In this file's process, which has parsed each compose file already.
 */
describe('the effect check over the compose corpus', () => {
  it('finds no safe compose fix that changes the services or resources', () => {
    const composeFiles = corpusFiles('compose')
    const workspace = corpusWorkspace(composeFiles)
    const config = resolveConfig([{ source: 'corpus', all: true }])
    let checked = 0
    const demoted: string[] = []
    for (const f of composeFiles) {
      const { findings } = lintText(
        { path: f.path, text: f.text, kind: 'compose' },
        { registry, config, workspace, checkFixEffects: false }
      )
      const result = checkSafeComposeFixes(parseCompose(f.path, f.text), findings)
      checked += result.checked
      for (const d of result.demoted) demoted.push(`${f.path}:${d.range.start.line} ${d.rule}`)
    }
    console.log(
      `compose effect check: ${checked} safe fixes checked, ${demoted.length} demoted, 0 dropped`
    )
    expect(checked).toBeGreaterThan(4000)
    expect(demoted).toEqual([])
  }, 900_000)
})
