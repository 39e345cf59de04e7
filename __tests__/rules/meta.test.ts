/// <reference types="vite/client" />
import { readdirSync, readFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { RuleCases } from '../../src/rules/define.js'
import { registry } from '../../src/rules/index.js'

/** Keeps the registry, the rule files, their cases and docs/rules/ in step (ESLint's checkRuleFiles). */

const root = join(import.meta.dirname, '../..')
const modules = import.meta.glob<Record<string, unknown>>('../../src/rules/*/*.ts', { eager: true })
const ID_FILE = /^(D[LRC]\d{4}|SHELLCHECK)$/

function ruleFiles(kind: string): string[] {
  return readdirSync(join(root, 'src/rules', kind))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.cases.ts'))
    .map((f) => f.replace(/\.ts$/, ''))
    .filter((f) => ID_FILE.test(f))
    .sort()
}

describe('rule registry', () => {
  for (const kind of ['dockerfile', 'compose'] as const) {
    it(`lists exactly the ${kind} rule files, sorted by id`, () => {
      const listed = registry[kind].map((r) => r.meta.id)
      expect(listed).toEqual([...listed].sort())
      expect(listed).toEqual(ruleFiles(kind))
    })
  }

  for (const rule of [...registry.dockerfile, ...registry.compose]) {
    const { id, kind } = rule.meta
    describe(id, () => {
      it('exports itself under its id from its own file', () => {
        expect(modules[`../../src/rules/${kind}/${id}.ts`]?.[id]).toBe(rule)
      })
      it('has metadata', () => {
        expect(rule.meta.description.length).toBeGreaterThan(10)
        expect(rule.meta.docsUrl.endsWith(`docs/rules/${id}.md`)).toBe(true)
      })
      it('has valid and invalid cases, and fixable ⇔ some case has an output', () => {
        const cases = (
          modules[`../../src/rules/${kind}/${id}.cases.ts`] as { cases?: RuleCases } | undefined
        )?.cases
        expect(cases, `src/rules/${kind}/${id}.cases.ts`).toBeDefined()
        expect(cases!.valid.length).toBeGreaterThan(0)
        expect(cases!.invalid.length).toBeGreaterThan(0)
        const hasOutput = cases!.invalid.some((c) => typeof c.output === 'string')
        expect(hasOutput).toBe(rule.meta.fixable)
      })
      it('has a docs page with a bad and a good example', () => {
        const path = join(root, 'docs/rules', `${id}.md`)
        expect(existsSync(path), path).toBe(true)
        const text = readFileSync(path, 'utf8')
        expect(text).toMatch(new RegExp(`^# ${id}\\b`, 'm'))
        for (const heading of ['## Why', '## Bad', '## Good'])
          expect(text, `${id}.md: ${heading}`).toContain(heading)
        if (rule.meta.fixable) expect(text, `${id}.md: ## Fix`).toContain('## Fix')
      })
    })
  }

  it('has no docs page without a rule', () => {
    const ids = new Set(registry.metas.map((m) => m.id))
    const pages = readdirSync(join(root, 'docs/rules')).filter(
      (f) => f.endsWith('.md') && f !== 'README.md'
    )
    expect(pages.filter((p) => !ids.has(p.replace(/\.md$/, '')))).toEqual([])
  })
})

describe('rule catalog (docs/rules/README.md)', () => {
  it('is what the registry generates (run `npx tsx scripts/rules-index.ts` after changing rules)', async () => {
    const { ruleCatalog } = await import('../../src/rules/catalog.js')
    const { fixSafetyFromCases } = await import('./fix-safety.js')
    const expected = `${ruleCatalog(registry.metas, await fixSafetyFromCases())}\n`
    expect(readFileSync(join(root, 'docs/rules/README.md'), 'utf8')).toBe(expected)
  })
})
