import { shellcheckVersion } from '../../src/tools/shellcheck.js'

/**
 * Tests that run the real `shellcheck` binary: they run when it is on PATH and are skipped, with a
 * notice on stderr, when it is not — `npm test` passes on a fresh machine. `.ci/run` installs it and
 * sets REQUIRE_SHELLCHECK=1, which makes them mandatory: a missing binary fails the file there.
 */

const REQUIRE_SHELLCHECK = 'REQUIRE_SHELLCHECK'

/** Whether the tests of `what` can run; throws when the binary is missing but required. */
export function hasShellcheck(
  what: string,
  env: Record<string, string | undefined> = process.env,
  probe: () => string | undefined = () => shellcheckVersion(),
  warn: (line: string) => void = console.warn
): boolean {
  if (probe()) return true
  if (env[REQUIRE_SHELLCHECK] === '1')
    throw new Error(
      `${what}: shellcheck is not installed, and ${REQUIRE_SHELLCHECK}=1 makes these tests mandatory (apt-get install shellcheck)`
    )
  warn(
    `NOTICE ${what}: tests that run the shellcheck binary are SKIPPED — it is not on PATH (apt-get install shellcheck, brew install shellcheck; ${REQUIRE_SHELLCHECK}=1 makes them mandatory).`
  )
  return false
}
