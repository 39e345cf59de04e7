import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { resolveConfig } from '../../src/config/config.js'
import { lintText } from '../../src/lint/engine.js'
import { fixUntilStable } from '../../src/core/fixes.js'
import { registry } from '../../src/rules/index.js'

/** Compose-shaped noise never crashes a rule, and fixing never produces unparsable YAML. */

const config = resolveConfig([{ source: 'robust', all: true }])
const lint = (text: string) =>
  lintText({ path: 'compose.yaml', text, kind: 'compose' }, { registry, config })

const token = fc.constantFrom(
  'services:',
  'version: "3"',
  'name: x',
  'networks:',
  'volumes:',
  'x-a: &a',
  '<<: *a',
  '*a',
  'web:',
  'db:',
  'image: nginx',
  'image: ${IMG}',
  'image: postgres:latest',
  'build: .',
  'ports:',
  '- "8080:80"',
  '- 5432:5432',
  '- 80',
  '- target: 80',
  'published: 8080',
  'host_ip: 0.0.0.0',
  'depends_on:',
  '- db',
  '- web',
  'db: {condition: service_healthy}',
  'healthcheck:',
  'test: ["CMD", "true"]',
  'environment:',
  'POSTGRES_PASSWORD: secret',
  '- TOKEN=abc',
  'restart: unless-stoped',
  'posts: []',
  'container_name: a@b',
  'deploy: {replicas: 3}',
  'privileged: true',
  'volumes_from: [web]',
  'extends: web',
  'include: [other.yaml]',
  '!reset []',
  '# comment',
  '',
  '---',
  '[',
  '{',
  '"',
  "'",
  'interval: 10 seconds',
  'logging: {driver: json-file}',
  'networks: [front]',
  '- ./a:/b:ro'
)
const line = fc
  .tuple(fc.integer({ min: 0, max: 8 }), token)
  .map(([indent, t]) => ' '.repeat(indent) + t)

describe('robustness', () => {
  it('never crashes, and fixes keep the file parsable', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.boolean(), (lines, crlf) => {
        const text = lines.join(crlf ? '\r\n' : '\n') + '\n'
        const result = lint(text)
        expect(result.errors).toEqual([])
        const before = result.findings.some((f) => f.rule === 'DC0001')
        if (before) return
        const fixed = fixUntilStable(
          text,
          (t) => lint(t).findings,
          () => true
        )
        const after = lint(fixed.text)
        expect(after.errors).toEqual([])
        expect(after.findings.filter((f) => f.rule === 'DC0001').map((f) => f.message)).toEqual([])
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) }
    )
  })
})
