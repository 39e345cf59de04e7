import { describe, expect, it } from 'vitest'
import { lintText } from '../../src/lint/engine.js'
import { applyFixes } from '../../src/core/fixes.js'
import type { Finding } from '../../src/core/types.js'
import {
  checkSafeFixes,
  fixVerdict,
  swapIn,
  swapSignature,
  undeclaredChange
} from '../../src/dockerfile/effects.js'
import { parseDockerfile } from '../../src/dockerfile/model.js'
import { registry } from '../../src/rules/index.js'
import { ALL_RULES, dockerfileCorpus } from './dockerfile-pass.js'

/**
 * Issue 14 on the whole Dockerfile corpus (2,114 files, every rule on): every safe fix is applied
 * on its own and the effect model before and after compared; the engine demotes to unsafe each
 * fix whose real effect differs from the one it declares, so none is left safe. And no fix, safe
 * or unsafe, makes a build-breaking-sequence rule (DR1017-DR1019) fire where it did not.
 * Each file's parse, and its lint by the engine (effect check on, the same configuration), come
 * from the shared pass (dockerfile-pass.ts): dockerfile-corpus.test.ts runs this suite in its
 * process.
 */

const BUILD_BREAKING = new Set(['DR1017', 'DR1018', 'DR1019'])
const config = ALL_RULES
const files = dockerfileCorpus()

describe('the effect check over the Dockerfile corpus', () => {
  const raw = files.map((f) => ({
    file: f,
    findings: lintText(
      { path: f.path, text: f.text, kind: 'dockerfile' },
      { registry, config, checkFixEffects: false }
    ).findings
  }))

  it('leaves no safe fix whose effect differs from the declared one, and counts the demoted', () => {
    let checked = 0
    const demoted = new Map<string, number>()
    const stillSafe: string[] = []
    for (const { file, findings } of raw) {
      const doc = file.doc
      const result = checkSafeFixes(doc, findings)
      checked += result.check.checked
      for (const d of result.check.demoted) demoted.set(d.rule, (demoted.get(d.rule) ?? 0) + 1)
      // What the engine hands out is the checked list: every fix left safe holds up.
      const engine = file.result
      for (const f of engine.findings) {
        if (!f.fix?.safe) continue
        const after = parseDockerfile(file.path, applyFixes(file.text, [f.fix]).text)
        const change = undeclaredChange(doc, after, f.fix.effect)
        if (change) stillSafe.push(`${file.path}:${f.range.start.line} ${f.rule}: ${change}`)
      }
    }
    const total = [...demoted.values()].reduce((a, b) => a + b, 0)
    console.log(
      `effect check: ${checked} safe fixes checked, ${total} demoted to unsafe (${[...demoted]
        .sort()
        .map(([r, n]) => `${r} ${n}`)
        .join(', ')}), 0 dropped`
    )
    expect(checked).toBeGreaterThan(4000)
    expect(stillSafe).toEqual([])
    // Today's demotions (5, all DL3044) really change the build: the split ENV makes a reference
    // see the new value. More means a rule's fix or its declared effect regressed.
    expect(total).toBeLessThanOrEqual(10)
  }, 900_000)

  it('gives every safe fix the verdict a parse of the whole fixed text gives', () => {
    // fixVerdict re-reads only the edited instruction where that is enough (a file with 50 safe
    // fixes was parsed 51 times); the reference parses the whole fixed text.
    let checked = 0
    const differ: string[] = []
    for (const { file, findings } of raw) {
      const doc = file.doc
      for (const f of findings) {
        if (!f.fix?.safe) continue
        checked++
        const fast = fixVerdict(doc, f.fix)
        const whole = fixVerdict(doc, f.fix, true)
        if (fast !== whole)
          differ.push(`${file.path}:${f.range.start.line} ${f.rule}: ${fast} ≠ ${whole}`)
      }
    }
    expect(checked).toBeGreaterThan(4000)
    expect(differ).toEqual([])
  }, 900_000)

  it('gives every swapped-in fix the signature a whole computation gives', () => {
    // swapSignature replaces only the edited instruction's lines of the file's signature when the
    // instruction is local (a RUN, COPY, LABEL …); the reference computes every line again.
    let swapped = 0
    let local = 0
    const differ: string[] = []
    for (const { file, findings } of raw) {
      const doc = file.doc
      for (const f of findings) {
        if (!f.fix?.safe) continue
        const swap = swapIn(doc, f.fix, applyFixes(doc.text, [f.fix]).text)
        if (!swap) continue
        swapped++
        if (!['ENV', 'WORKDIR', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK'].includes(swap.old.keyword))
          local++
        const fast = swapSignature(doc, swap).map((l) => JSON.stringify(l))
        const whole = swapSignature(doc, swap, true).map((l) => JSON.stringify(l))
        if (fast.join('\n') !== whole.join('\n'))
          differ.push(`${file.path}:${f.range.start.line} ${f.rule}`)
      }
    }
    expect(local).toBeGreaterThan(1000)
    expect(swapped).toBeGreaterThan(local)
    expect(differ).toEqual([])
  }, 900_000)

  it('no fix, safe or unsafe, makes a build-breaking-sequence rule fire anew', () => {
    const only = BUILD_BREAKING
    const count = (fs: Finding[]): number => fs.filter((f) => only.has(f.rule)).length
    const broke: string[] = []
    let fixes = 0
    for (const { file, findings } of raw) {
      const before = count(findings)
      const seen = new Set<unknown>()
      for (const f of findings) {
        if (!f.fix || seen.has(f.fix)) continue
        seen.add(f.fix)
        fixes++
        const text = applyFixes(file.text, [f.fix]).text
        const after = lintText(
          { path: file.path, text, kind: 'dockerfile' },
          { registry, config, only, checkFixEffects: false }
        ).findings
        if (count(after) > before) {
          const added = after
            .filter((a) => only.has(a.rule))
            .map((a) => `${a.rule}@${a.range.start.line}`)
          broke.push(`${file.path}:${f.range.start.line} ${f.rule} → ${added.join(', ')}`)
        }
      }
    }
    console.log(`build-breaking guard: ${fixes} fixes (safe and unsafe) applied one by one`)
    expect(fixes).toBeGreaterThan(5000)
    expect(broke).toEqual([])
  }, 900_000)
})
