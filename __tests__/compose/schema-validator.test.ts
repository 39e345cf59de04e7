import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { resolveConfig } from '../../src/config/config.js'
import { lintFiles } from '../../src/lint/engine.js'
import spec from '../../src/parse/compose-spec.json' with { type: 'json' }
import { registry } from '../../src/rules/index.js'
import { corpusFiles } from '../shared.js'

/**
 * The Compose Specification's validator is code generated ahead of time
 * (scripts/schema-validators.mjs → src/compose/compose-validator.generated.cjs). It must be what
 * ajv makes of the vendored schema today, and answer exactly as ajv's own compilation does.
 */

const ROOT = join(import.meta.dirname, '../..')
const generated = createRequire(import.meta.url)(
  '../../src/compose/compose-validator.generated.cjs'
) as ValidateFunction

describe('the generated Compose Specification validator', () => {
  it('is what the generator makes of the vendored schema and ajv today (not stale)', () => {
    const check = spawnSync(process.execPath, ['scripts/schema-validators.mjs', '--check'], {
      cwd: ROOT,
      encoding: 'utf8'
    })
    expect(check.stderr).toBe('')
    expect(check.status).toBe(0)
  })

  it('answers as ajv compiling the schema at run time, errors and all, on the corpus and broken files', () => {
    const compiled = new Ajv2020({
      allErrors: true,
      strict: false,
      verbose: true,
      validateSchema: false,
      inlineRefs: false,
      code: { optimize: true }
    }).compile(spec)
    const docs: unknown[] = []
    for (const file of corpusFiles('compose')) {
      let data: unknown
      try {
        data = parse(file.text, { merge: true, maxAliasCount: 1000, logLevel: 'error' })
      } catch {
        continue
      }
      docs.push(data)
      // Broken on purpose: the error paths (unknown keys, wrong types, enums, patterns).
      if (data && typeof data === 'object' && 'services' in data) {
        const services = (data as { services: unknown }).services
        const first =
          services && typeof services === 'object' ? Object.keys(services)[0] : undefined
        docs.push({
          ...data,
          servics: {},
          services: first
            ? {
                ...(services as object),
                [first]: {
                  ...((services as Record<string, object>)[first] ?? {}),
                  restart: 'sometimes',
                  ports: [{ target: 'eighty' }],
                  healthcheck: { test: 42, interval: [] },
                  deploy: { resources: { limits: { cpus: {} } } },
                  imagee: 'x'
                }
              }
            : services
        })
      }
    }
    expect(docs.length).toBeGreaterThan(2000)
    let invalid = 0
    for (const data of docs) {
      const ok = generated(data)
      expect(ok).toBe(compiled(data))
      expect(generated.errors ?? null).toEqual(compiled.errors ?? null)
      if (!ok) invalid++
    }
    expect(invalid).toBeGreaterThan(1000)
  }, 120_000)

  it('is loaded by the first compose file, never by a Dockerfile-only run', () => {
    // A fresh process: Node's module cache says whether the 400 KB validator was evaluated.
    const script = `
      import { createRequire } from 'node:module'
      import { resolveConfig } from './src/config/config.js'
      import { lintFiles } from './src/lint/engine.js'
      import { registry } from './src/rules/index.js'
      const cache = createRequire(process.cwd() + '/').cache
      const loaded = () => Object.keys(cache).some((k) => k.endsWith('compose-validator.generated.cjs'))
      const options = { registry, config: resolveConfig([{ source: 'test', all: true }]) }
      lintFiles([{ path: 'Dockerfile', kind: 'dockerfile', text: 'FROM alpine:3\\nRUN echo hi\\n' }], options)
      const afterDockerfile = loaded()
      const [compose] = lintFiles([{ path: 'compose.yaml', kind: 'compose', text: 'services:\\n  web:\\n    imagee: nginx\\n' }], options)
      console.log(JSON.stringify({ afterDockerfile, afterCompose: loaded(), rules: compose.findings.map((f) => f.rule) }))
    `
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '--eval', script],
      { cwd: ROOT, encoding: 'utf8' }
    )
    expect(run.stderr).toBe('')
    const seen = JSON.parse(run.stdout) as {
      afterDockerfile: boolean
      afterCompose: boolean
      rules: string[]
    }
    expect(seen.afterDockerfile).toBe(false)
    expect(seen.afterCompose).toBe(true)
    expect(seen.rules).toContain('DC0002')
  }, 60_000)

  it('validates in a run that linted a Dockerfile first (mvdan/sh sets a global `require`)', () => {
    const results = lintFiles(
      [
        { path: 'Dockerfile', kind: 'dockerfile', text: 'FROM alpine:3\nRUN echo "$HOME" >> /x\n' },
        { path: 'compose.yaml', kind: 'compose', text: 'services:\n  web:\n    imagee: nginx\n' }
      ],
      { registry, config: resolveConfig([{ source: 'test', all: true }]) }
    )
    expect(results.flatMap((r) => r.errors)).toEqual([])
    expect(results[1].findings.map((f) => f.rule)).toContain('DC0002')
  })
})
