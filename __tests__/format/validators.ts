import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Ajv } from 'ajv'
import addFormats from 'ajv-formats'
import type { Log } from 'sarif'

/** The two checks a SARIF log must pass: the official schema, and the SARIF Multitool's rules. */

const require = createRequire(import.meta.url)
const schema = JSON.parse(
  readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')
)

/** The official SARIF 2.1.0 schema (draft-04) compiled with Ajv. */
export function sarifSchemaValidator(): ReturnType<Ajv['compile']> {
  const ajv = new Ajv({
    strict: false,
    allErrors: true,
    validateSchema: false,
    unicodeRegExp: false
  })
  addFormats.default(ajv)
  // Its only draft-04-specific keyword is the root `id`: it compiles once that is spelled `$id`.
  const { id, $schema: _draft, ...rest } = schema
  return ajv.compile({ $id: id, ...rest })
}

/**
 * Microsoft's SARIF Multitool (`@microsoft/sarif-multitool`, a devDependency) run as GitHub's
 * documentation says: `validate --rule-kind "Sarif;Gh"` — the SARIF spec's rules and code scanning's
 * (GH1xxx/GH2xxx). It exits 0 whatever it finds, so its own SARIF output is read back.
 */
const MULTITOOL = require('@microsoft/sarif-multitool') as string

/** Every error and warning the multitool reports on the log, as `RULE: message arguments`. */
export function multitoolProblems(log: Log | string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'multitool-'))
  try {
    const input = join(dir, 'input.sarif')
    const output = join(dir, 'validation.sarif')
    writeFileSync(input, typeof log === 'string' ? log : JSON.stringify(log))
    // `-q` goes last: the multitool's parser misreads the option after a flag.
    const args = ['validate', input, '--rule-kind', 'Sarif;Gh', '-o', output]
    const stdout = execFileSync(MULTITOOL, [...args, '--max-file-size-in-kb', '1000000', '-q'], {
      encoding: 'utf8',
      env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' }
    })
    // A file it skips (too large, unreadable) is a tool warning, not a result: never a silent pass.
    if (/\b(ERR|WRN)\d{3}\b/.test(stdout)) throw new Error(`SARIF Multitool: ${stdout}`)
    const validation = JSON.parse(readFileSync(output, 'utf8')) as Log
    return (validation.runs[0].results ?? [])
      .filter((r) => r.level === 'error' || r.level === 'warning' || r.level === undefined)
      .map(
        (r) =>
          `${r.ruleId}: ${r.message.id ?? r.message.text} ${(r.message.arguments ?? []).join(' ')}`
      )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
