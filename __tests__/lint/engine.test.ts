import { describe, expect, it } from 'vitest'
import { lintFiles, lintText, type Registry } from '../../src/lint/engine.js'
import { resolveConfig } from '../../src/config/config.js'
import { defineComposeRule, defineDockerfileRule } from '../../src/rules/define.js'
import { registry } from '../../src/rules/index.js'

const config = resolveConfig([])

function registryWith(rule: ReturnType<typeof defineDockerfileRule>): Registry {
  return {
    ...registry,
    dockerfile: [...registry.dockerfile, rule],
    byId: new Map([...registry.byId, [rule.meta.id, rule.meta]])
  }
}

describe('engine', () => {
  it('a crashing rule fails the file closed (DR0001, error); the other rules still report', () => {
    const boom = defineDockerfileRule({
      id: 'DR9999',
      severity: 'error',
      description: 'always throws, for this test',
      check() {
        throw new Error('kaboom')
      }
    })
    const result = lintText(
      { path: 'Dockerfile', text: 'FROM ubuntu\n', kind: 'dockerfile' },
      { registry: registryWith(boom), config }
    )
    expect(result.errors).toEqual(['rule DR9999 failed on it (internal error: kaboom)'])
    expect(result.findings.filter((f) => f.rule === 'DR0001')).toEqual([
      expect.objectContaining({
        severity: 'error',
        range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
        message:
          'This file was not fully checked: rule DR9999 failed on it (internal error: kaboom).'
      })
    ])
    expect(result.findings.map((f) => f.rule)).toContain('DL3006')
    // Re-levelled or turned off in the configuration like any rule; in-file pragmas do not apply.
    const off = resolveConfig([{ source: 't', rules: new Map([['DR0001', 'off']]) }])
    const quiet = lintText(
      {
        path: 'Dockerfile',
        text: '# hadolint global ignore=DR0001\nFROM ubuntu\n',
        kind: 'dockerfile'
      },
      { registry: registryWith(boom), config }
    )
    expect(quiet.findings.map((f) => f.rule)).toContain('DR0001')
    const disabled = lintText(
      { path: 'Dockerfile', text: 'FROM ubuntu\n', kind: 'dockerfile' },
      { registry: registryWith(boom), config: off }
    )
    expect(disabled.findings.map((f) => f.rule)).not.toContain('DR0001')
  })
  it('a rule that reports a fix without being fixable is a programming error', () => {
    const sneaky = defineDockerfileRule({
      id: 'DR9998',
      severity: 'error',
      description: 'fixes without saying so',
      check(doc, ctx) {
        ctx.report({
          message: 'm',
          range: doc.instructions[0].range,
          fix: { description: 'd', safe: true, edits: [] }
        })
      }
    })
    const result = lintText(
      { path: 'Dockerfile', text: 'FROM ubuntu:1\n', kind: 'dockerfile' },
      { registry: registryWith(sneaky), config }
    )
    expect(result.findings.find((f) => f.rule === 'DR0001')?.message).toMatch(/not marked fixable/)
  })
  it('config turns rules off and re-levels them; off-by-default rules need all or on', () => {
    const text = 'FROM ubuntu\nMAINTAINER me\n'
    const rules = (c: ReturnType<typeof resolveConfig>): string[] =>
      lintText({ path: 'Dockerfile', text, kind: 'dockerfile' }, { registry, config: c })
        .findings.filter((f) => f.rule === 'DL3006' || f.rule === 'DL4000')
        .map((f) => `${f.rule}:${f.severity}`)
    expect(rules(config)).toEqual(['DL3006:warning', 'DL4000:error'])
    expect(
      rules(
        resolveConfig([
          {
            source: 't',
            rules: new Map([
              ['DL4000', 'off'],
              ['DL3006', 'style']
            ])
          }
        ])
      )
    ).toEqual(['DL3006:style'])
  })
  it('findings are sorted by position', () => {
    const result = lintText(
      { path: 'Dockerfile', text: 'MAINTAINER me\nFROM ubuntu\n', kind: 'dockerfile' },
      { registry, config }
    )
    const lines = result.findings.map((f) => f.range.start.line)
    expect(lines).toEqual([...lines].sort((a, b) => a - b))
  })
  it('lintFiles isolates files', () => {
    const results = lintFiles(
      [
        { path: 'a', text: 'FROM ubuntu\n', kind: 'dockerfile' },
        { path: 'b.yml', text: 'services: [\n', kind: 'compose' }
      ],
      { registry, config }
    )
    expect(results.map((r) => r.path)).toEqual(['a', 'b.yml'])
    expect(results[1].findings.some((f) => f.rule === 'DC0001')).toBe(true)
  })
  it('lintFiles calls afterFile once after each file, in order, also after a file that fails', () => {
    const seen: number[] = []
    let files = 0
    const results = lintFiles(
      [
        { path: 'a', text: 'FROM ubuntu\n', kind: 'dockerfile' },
        // lintText throws on it; lintFiles turns that into a file error.
        {
          path: 'b',
          kind: 'dockerfile',
          get text(): string {
            throw new Error('unreadable')
          }
        },
        { path: 'c.yml', text: 'services: {}\n', kind: 'compose' }
      ],
      {
        registry,
        config,
        afterFile: () => {
          seen.push(files++)
        }
      }
    )
    expect(seen).toEqual([0, 1, 2])
    expect(results[1].findings).toEqual([
      expect.objectContaining({
        rule: 'DR0001',
        message: 'This file was not fully checked: it could not be linted (unreadable).'
      })
    ])
  })

  it('keeps a report with a source only in that file, once per rule and range', () => {
    const text = 'services:\n  web:\n    image: nginx:1\n'
    const other = { path: 'compose.override.yaml', text }
    const twice = defineComposeRule({
      id: 'DC9999',
      severity: 'info',
      description: 'reports the same node twice and a node of another file',
      check(doc, ctx) {
        const range = doc.rangeOf(0, 8)
        ctx.report({ message: 'first', range, source: doc })
        ctx.report({ message: 'again', range, source: doc })
        ctx.report({ message: 'elsewhere', range: doc.rangeOf(12, 15), source: other })
        ctx.report({ message: 'no source', range })
        ctx.report({ message: 'no source', range })
      }
    })
    const result = lintText(
      { path: 'compose.yaml', text, kind: 'compose' },
      {
        registry: {
          ...registry,
          compose: [twice],
          byId: new Map([...registry.byId, [twice.meta.id, twice.meta]])
        },
        config
      }
    )
    expect(result.findings.map((f) => f.message)).toEqual(['first', 'no source', 'no source'])
  })
})
