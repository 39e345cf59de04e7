import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { Ajv } from 'ajv'
import addFormats from 'ajv-formats'
import { describe, expect, it } from 'vitest'
import { lintFiles } from '../../src/lint/engine.js'
import { resolveConfig } from '../../src/config/config.js'
import { toSarif } from '../../src/format/sarif.js'
import { registry } from '../../src/rules/index.js'

const require = createRequire(import.meta.url)
const schema = JSON.parse(
  readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')
)

describe('SARIF', () => {
  const results = lintFiles(
    [
      { path: 'app dir/Dockerfile', text: 'FROM ubuntu\nMAINTAINER me\n', kind: 'dockerfile' },
      { path: 'compose.yaml', text: 'version: "3"\nservices: {}\n', kind: 'compose' }
    ],
    { registry, config: resolveConfig([]) }
  )
  const log = toSarif(results, registry, {
    toolVersion: '1.2.3',
    extraErrors: [{ file: 'bin/Dockerfile', message: 'binary file' }]
  })

  it('validates against the official SARIF 2.1.0 schema', () => {
    const ajv = new Ajv({
      strict: false,
      allErrors: true,
      validateSchema: false,
      unicodeRegExp: false
    })
    addFormats.default(ajv)
    // The official schema is draft-04: its only draft-04-specific keyword is the root `id`, so it
    // compiles with Ajv's default dialect once that is spelled `$id`.
    const { id, $schema: _draft, ...rest } = schema
    const validate = ajv.compile({ $id: id, ...rest })
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true)
    // …and the validator does reject a broken log.
    const broken = structuredClone(log)
    broken.runs[0].results![0].level = 'fatal' as never
    expect(validate(broken)).toBe(false)
  })
  it('carries exact regions, levels, rule metadata and fixes', () => {
    const run = log.runs[0]
    const dl4000 = run.results!.find((r) => r.ruleId === 'DL4000')!
    expect(dl4000.level).toBe('error')
    expect(dl4000.locations![0].physicalLocation!.artifactLocation!.uri).toBe(
      'app%20dir/Dockerfile'
    )
    expect(dl4000.locations![0].physicalLocation!.region).toEqual({
      startLine: 2,
      startColumn: 1,
      endLine: 2,
      endColumn: 11
    })
    expect(dl4000.fixes![0].artifactChanges[0].replacements[0].insertedContent!.text).toBe(
      'LABEL maintainer="me"'
    )
    const rule = run.tool.driver.rules![dl4000.ruleIndex!]
    expect(rule.id).toBe('DL4000')
    expect(rule.helpUri).toMatch(/DL4000\.md$/)
    expect(run.invocations![0].toolExecutionNotifications![0].message.text).toBe('binary file')
  })
})
