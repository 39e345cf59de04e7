// Writes src/format/rule-help.json from docs/rules/: `npx tsx scripts/rule-help.ts`. Each rule's
// docs page becomes its SARIF `help` (the bundles carry no docs/); a test keeps it in step.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

/** `id → markdown` for every `docs/rules/<ID>.md` (not the catalog), sorted by id. */
export function ruleHelpFromDocs(dir: string): Record<string, string> {
  const pages = readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .sort()
  return Object.fromEntries(
    pages.map((f) => [f.replace(/\.md$/, ''), readFileSync(join(dir, f), 'utf8').trimEnd()])
  )
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  writeFileSync(
    'src/format/rule-help.json',
    `${JSON.stringify(ruleHelpFromDocs('docs/rules'), null, 2)}\n`
  )
}
