import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { Tools } from '../src/core/tools.js'
import { formatHadolintScore, scoreHadolint } from './conformance/hadolint.js'

/**
 * `npm run conformance`: score docker-review against its peers' own test suites and print the
 * per-rule tables. Exits 1 when a target is missed or a disagreement is not documented.
 */

const here = dirname(fileURLToPath(import.meta.url))
let failed = false

/** Import a sibling module when it exists (so runners can land independently). */
async function optional(...paths: string[]): Promise<Record<string, unknown> | undefined> {
  const path = paths.map((p) => join(here, p)).find((p) => existsSync(p))
  return path ? ((await import(pathToFileURL(path).href)) as Record<string, unknown>) : undefined
}

// ShellCheck cases need the binary; without it they are reported as such, not as failures.
const tools: Tools = {}
const sc = await optional('../src/tools/shellcheck.ts', '../src/tools/shellcheck.js')
if (typeof sc?.createShellcheck === 'function') {
  const shellcheck = (sc.createShellcheck as () => Tools['shellcheck'])()
  if (shellcheck) tools.shellcheck = shellcheck
}

const hadolint = scoreHadolint({ tools })
console.log(formatHadolintScore(hadolint))
if (!tools.shellcheck) console.log('\n(no shellcheck binary: SHELLCHECK cases were not run)')
if (hadolint.nonShellcheck.ratio < 0.97 || hadolint.undocumented.length > 0) failed = true

// The compose engineer's runner, when it exists.
const dclint = await optional('conformance/dclint.ts', 'conformance/dclint.js')
if (typeof dclint?.scoreDclint === 'function') {
  const score = (await dclint.scoreDclint()) as {
    table?: string
    agree?: number
    total?: number
    undocumented?: Array<{ key?: string }>
  }
  console.log('\nDCLint conformance (../shared/conformance/dclint-cases.json)\n')
  if (score.table) console.log(score.table)
  console.log(
    `\n${score.agree}/${score.total} agree, ${score.undocumented?.length ?? 0} undocumented disagreements`
  )
  for (const u of score.undocumented ?? [])
    console.log(`  [UNDOCUMENTED] ${u.key ?? JSON.stringify(u)}`)
  if ((score.undocumented?.length ?? 0) > 0) failed = true
}

process.exitCode = failed ? 1 : 0
