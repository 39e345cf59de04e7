/// <reference types="vite/client" />
import { describe, it } from 'vitest'
import type { RuleCases } from '../../src/rules/define.js'
import { registry } from '../../src/rules/index.js'
import { runInvalid, runValid } from './tester.js'

const modules = import.meta.glob<{ cases: RuleCases }>('../../src/rules/*/*.cases.ts', {
  eager: true
})

export const casesById = new Map(
  Object.entries(modules).map(([path, mod]) => [
    path.split('/').pop()!.replace('.cases.ts', ''),
    mod.cases
  ])
)

for (const rule of [...registry.dockerfile, ...registry.compose]) {
  const cases = casesById.get(rule.meta.id)
  if (!cases) continue // the meta-test reports the missing file
  describe(rule.meta.id, () => {
    cases.valid.forEach((c, i) => {
      const name = typeof c === 'string' ? c : (c.name ?? c.code)
      it(`valid #${i + 1}: ${name.slice(0, 60).replace(/\n/g, '⏎')}`, () => runValid(rule, c))
    })
    cases.invalid.forEach((c, i) => {
      it(`invalid #${i + 1}: ${(c.name ?? c.code).slice(0, 60).replace(/\n/g, '⏎')}`, () =>
        runInvalid(rule, c))
    })
  })
}
