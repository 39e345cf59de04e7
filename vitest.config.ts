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

/** Whether `file` or a local test module it imports (transitively) has text matching `pattern`. */
function reaches(pattern: RegExp, file: string, seen = new Set<string>()): boolean {
  if (seen.has(file) || !existsSync(file)) return false
  seen.add(file)
  const text = readFileSync(file, 'utf8')
  if (pattern.test(text)) return true
  for (const [, spec] of text.matchAll(/from '(\.{1,2}\/[^']+)\.js'/g)) {
    const target = resolve(dirname(file), `${spec}.ts`)
    if (target.startsWith(join(ROOT, '__tests__')) && reaches(pattern, target, seen)) return true
  }
  return false
}

const withoutShared =
  process.env.CI_WITHOUT_SHARED_DATA === '1' && !existsSync(join(ROOT, '../shared/corpus'))
const exclude = withoutShared
  ? testFiles(join(ROOT, '__tests__'))
      .filter((f) => reaches(READS_SHARED, f))
      .map((f) => relative(ROOT, f))
  : []
if (exclude.length > 0) {
  console.warn(`../shared is missing: ${exclude.length} test files that read it are left out:`)
  for (const f of exclude) console.warn(`  ${f}`)
}

/**
 * Most test files are pure unit tests: they share one module graph per worker (`isolate: false`),
 * which saves each of them a fresh process and import of the sources (measured on the 65 such
 * files: 47.8 s of CPU down to 21.5 s). A file keeps a process of its own when it is heavy (a
 * corpus pass, a fuzz run, the built dist, spawned tools: its memory should go when it ends, and
 * an import is nothing beside its run), measures its process (heap, caches), or changes
 * process-wide state (module mocks, spies, fake timers, the environment, the working folder) —
 * directly or through a local module it imports.
 */
const OWN_PROCESS = [
  /^__tests__\/(corpus|fuzz|hardening|e2e|conformance|bench|package|standin|tools)\//,
  /^__tests__\/tags\/conformance\//,
  /^__tests__\/format\/sarif-corpus\.test\.ts$/,
  /^__tests__\/io\/heap\.test\.ts$/,
  /^__tests__\/parse\/shell-engines\.test\.ts$/,
  /^__tests__\/rules\/shellcheck[^/]*\.test\.ts$/
]
const CHANGES_PROCESS =
  /\bvi\.(mock|doMock|unmock|spyOn|stubGlobal|stubEnv|useFakeTimers|setSystemTime)\b|process\.(chdir|exitCode|memoryUsage)\b|process\.env(\.\w+|\[[^\]]+\])\s*=[^=]|delete process\.env/
const isolated = testFiles(join(ROOT, '__tests__'))
  .map((f) => relative(ROOT, f))
  .filter((f) => OWN_PROCESS.some((p) => p.test(f)) || reaches(CHANGES_PROCESS, join(ROOT, f)))

export default defineConfig({
  test: {
    exclude: ['**/node_modules/**', ...exclude],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: { name: 'isolated', include: isolated.length > 0 ? isolated : ['-'] }
      },
      {
        extends: true,
        test: {
          name: 'shared',
          include: ['__tests__/**/*.test.ts'],
          exclude: ['**/node_modules/**', ...exclude, ...isolated],
          isolate: false
        }
      }
    ]
  }
})
