import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { formatHadolintScore, scoreHadolint } from './conformance/hadolint.js'

/**
 * `npm run conformance`: score docker-review against its peers' own test suites and print the
 * per-rule tables. Exits 1 when a target is missed or a disagreement is not documented.
 */

const here = dirname(fileURLToPath(import.meta.url))
let failed = false

const hadolint = scoreHadolint()
console.log(formatHadolintScore(hadolint))
if (hadolint.nonShellcheck.ratio < 0.97 || hadolint.undocumented.length > 0) failed = true

// The compose engineer's runner, when it exists (loaded dynamically so neither blocks the other).
const dclintPath = ['conformance/dclint.ts', 'conformance/dclint.js']
  .map((p) => join(here, p))
  .find((p) => existsSync(p))
if (dclintPath) {
  const mod = (await import(pathToFileURL(dclintPath).href)) as Record<string, unknown>
  const score = typeof mod.scoreDclint === 'function' ? await mod.scoreDclint() : undefined
  console.log('')
  if (typeof mod.formatDclintScore === 'function') console.log(mod.formatDclintScore(score))
  else if (score !== undefined) console.log(JSON.stringify(score, null, 2))
  const s = score as { failed?: boolean } | undefined
  if (s?.failed) failed = true
}

process.exitCode = failed ? 1 : 0
