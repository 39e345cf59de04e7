// Writes docs/rules/README.md from the rule registry: `npx tsx scripts/rules-index.ts`.
import { writeFileSync } from 'node:fs'
import { ruleCatalog } from '../src/rules/catalog.js'
import { registry } from '../src/rules/index.js'
import { fixSafetyFromCases } from '../__tests__/rules/fix-safety.js'

writeFileSync(
  'docs/rules/README.md',
  `${ruleCatalog(registry.metas, await fixSafetyFromCases())}\n`
)
