import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

/**
 * Tests read the team's shared data (`../shared/`: corpus and peers' conformance cases) at run time.
 * Missing data is a loud failure — except on a CI host that cannot have it (GitHub's runners), which
 * says so with CI_WITHOUT_SHARED_DATA=1: there the test files that read it (directly or through a
 * local module they import) are left out, and the run lists them.
 */
const ROOT = import.meta.dirname
const READS_SHARED = /\.\.\/shared\b|shared\.js'|shared\/(corpus|conformance)/

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? testFiles(join(dir, e.name))
      : e.name.endsWith('.test.ts')
        ? [join(dir, e.name)]
        : []
  )
}

function readsShared(file: string, seen = new Set<string>()): boolean {
  if (seen.has(file) || !existsSync(file)) return false
  seen.add(file)
  const text = readFileSync(file, 'utf8')
  if (READS_SHARED.test(text)) return true
  for (const [, spec] of text.matchAll(/from '(\.{1,2}\/[^']+)\.js'/g)) {
    const target = resolve(dirname(file), `${spec}.ts`)
    if (target.startsWith(join(ROOT, '__tests__')) && readsShared(target, seen)) return true
  }
  return false
}

const withoutShared =
  process.env.CI_WITHOUT_SHARED_DATA === '1' && !existsSync(join(ROOT, '../shared/corpus'))
const exclude = withoutShared
  ? testFiles(join(ROOT, '__tests__'))
      .filter((f) => readsShared(f))
      .map((f) => relative(ROOT, f))
  : []
if (exclude.length > 0) {
  console.warn(`../shared is missing: ${exclude.length} test files that read it are left out:`)
  for (const f of exclude) console.warn(`  ${f}`)
}

export default defineConfig({
  test: {
    include: ['__tests__/**/*.test.ts'],
    exclude: ['**/node_modules/**', ...exclude],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks'
  }
})
