import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'
import { lintFiles, type FileResult } from '../../src/lint/engine.js'
import { LineIndex } from '../../src/core/text.js'
import type { Finding } from '../../src/core/types.js'
import { resolveConfig } from '../../src/config/config.js'
import { toCheckstyle, xmlAttribute } from '../../src/format/checkstyle.js'
import { NOT_LINTED_CHECK, toGitlab } from '../../src/format/gitlab.js'
import { toRdjson } from '../../src/format/rdjson.js'
import { fingerprints } from '../../src/review/fingerprint.js'
import { registry } from '../../src/rules/index.js'
import { cli, sandbox } from './harness.js'

/** --format gitlab, checkstyle and rdjson: the shapes their consumers read. */

const ajv = new Ajv({ strict: true, allErrors: true })

/** GitLab's Code Quality report: the fields GitLab documents as required, nothing else. */
const gitlabSchema = {
  type: 'array',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
    properties: {
      description: { type: 'string', minLength: 1 },
      check_name: { type: 'string', minLength: 1 },
      fingerprint: { type: 'string', pattern: '^[0-9a-f]{16}$' },
      severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
      location: {
        type: 'object',
        additionalProperties: false,
        required: ['path', 'lines'],
        properties: {
          path: { type: 'string', minLength: 1 },
          lines: {
            type: 'object',
            additionalProperties: false,
            required: ['begin'],
            properties: {
              begin: { type: 'integer', minimum: 1 },
              end: { type: 'integer', minimum: 1 }
            }
          }
        }
      }
    }
  }
}

/** reviewdog's DiagnosticResult, written from proto/rdf/reviewdog.proto (field names as JSON). */
const position = {
  type: 'object',
  additionalProperties: false,
  required: ['line'],
  properties: { line: { type: 'integer', minimum: 1 }, column: { type: 'integer', minimum: 1 } }
}
const range = {
  type: 'object',
  additionalProperties: false,
  required: ['start'],
  properties: { start: position, end: position }
}
const rdjsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['diagnostics'],
  properties: {
    source: {
      type: 'object',
      additionalProperties: false,
      required: ['name'],
      properties: { name: { type: 'string' }, url: { type: 'string' } }
    },
    severity: { enum: ['UNKNOWN_SEVERITY', 'ERROR', 'WARNING', 'INFO'] },
    diagnostics: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['message', 'location'],
        properties: {
          message: { type: 'string' },
          location: {
            type: 'object',
            additionalProperties: false,
            required: ['path'],
            properties: { path: { type: 'string' }, range }
          },
          severity: { enum: ['UNKNOWN_SEVERITY', 'ERROR', 'WARNING', 'INFO'] },
          source: { type: 'object' },
          code: {
            type: 'object',
            additionalProperties: false,
            required: ['value'],
            properties: { value: { type: 'string' }, url: { type: 'string' } }
          },
          suggestions: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['range', 'text'],
              properties: { range, text: { type: 'string' } }
            }
          },
          original_output: { type: 'string' }
        }
      }
    }
  }
}

const DOCKERFILE = 'FROM ubuntu\nMAINTAINER me\nRUN echo a\nRUN echo b\nMAINTAINER me\n'

function lint(path: string, text: string): FileResult[] {
  return lintFiles([{ path, text, kind: 'dockerfile' }], {
    registry,
    config: resolveConfig([])
  })
}

describe('gitlab', () => {
  it('is a Code Quality report whose fingerprints are the review’s own', () => {
    const results = lint('app/Dockerfile', DOCKERFILE)
    const report = toGitlab(results, new Map([['app/Dockerfile', DOCKERFILE]]), [
      { file: 'bin/Dockerfile', message: 'binary file' }
    ])
    expect(ajv.validate(gitlabSchema, report), ajv.errorsText()).toBe(true)
    const findings = results[0].findings
    expect(report.map((i) => i.fingerprint).slice(0, findings.length)).toEqual(
      fingerprints('app/Dockerfile', new LineIndex(DOCKERFILE), findings)
    )
    // GitLab keeps one issue per fingerprint: two MAINTAINER lines must differ.
    expect(new Set(report.map((i) => i.fingerprint)).size).toBe(report.length)
    const dl4000 = report.filter((i) => i.check_name === 'DL4000')
    expect(dl4000.map((i) => [i.severity, i.location])).toEqual([
      ['blocker', { path: 'app/Dockerfile', lines: { begin: 2 } }],
      ['blocker', { path: 'app/Dockerfile', lines: { begin: 5 } }]
    ])
    expect(report.find((i) => i.check_name === 'DL3006')?.severity).toBe('major')
    expect(report.find((i) => i.check_name === 'DL3059')?.severity).toBe('minor')
    expect(report.at(-1)).toMatchObject({
      check_name: NOT_LINTED_CHECK,
      severity: 'blocker',
      description: 'binary file',
      location: { path: 'bin/Dockerfile', lines: { begin: 1 } }
    })
  })

  it('keeps every fingerprint when lines are added above the findings', () => {
    const before = toGitlab(lint('Dockerfile', DOCKERFILE), new Map([['Dockerfile', DOCKERFILE]]))
    const moved = `# a comment\n\n${DOCKERFILE}`
    const after = toGitlab(lint('Dockerfile', moved), new Map([['Dockerfile', moved]]))
    const key = (i: (typeof before)[number]): string => `${i.check_name} ${i.fingerprint}`
    expect(after.map(key).sort()).toEqual(before.map(key).sort())
    expect(after.map((i) => i.location.lines.begin)).not.toEqual(
      before.map((i) => i.location.lines.begin)
    )
  })

  it('ends a multi-line range on the last line it covers', () => {
    const finding: Finding = {
      rule: 'DL3008',
      severity: 'warning',
      message: 'pin',
      file: 'Dockerfile',
      range: { start: { line: 2, column: 1 }, end: { line: 4, column: 1 } }
    }
    const [issue] = toGitlab(
      [{ path: 'Dockerfile', kind: 'dockerfile', findings: [finding], errors: [] }],
      new Map([['Dockerfile', 'FROM a\nRUN b \\\n  c\nUSER d\n']])
    )
    expect(issue.location.lines).toEqual({ begin: 2, end: 3 })
  })
})

describe('checkstyle', () => {
  it('writes one <file> per linted file and escapes everything it quotes', () => {
    const finding: Finding = {
      rule: 'DL1000',
      severity: 'style',
      message: 'unknown "<x>" & \'y\'\nline\u0001 \ud800',
      file: 'a&b/"Dockerfile"',
      range: { start: { line: 3, column: 7 }, end: { line: 3, column: 9 } }
    }
    const xml = toCheckstyle(
      [
        { path: 'a&b/"Dockerfile"', kind: 'dockerfile', findings: [finding], errors: [] },
        { path: 'clean/Dockerfile', kind: 'dockerfile', findings: [], errors: [] }
      ],
      [{ file: 'bin/<Dockerfile>', message: 'binary file' }]
    )
    expect(xml).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<checkstyle version="4.3">',
        '  <file name="a&amp;b/&quot;Dockerfile&quot;">',
        '    <error line="3" column="7" severity="info" message="unknown &quot;&lt;x&gt;&quot; &amp; &apos;y&apos;&#10;line\\x01 \\ud800" source="docker-review.DL1000"/>',
        '  </file>',
        '  <file name="clean/Dockerfile"/>',
        '  <file name="bin/&lt;Dockerfile&gt;">',
        '    <error line="1" severity="error" message="binary file" source="docker-review.not-linted"/>',
        '  </file>',
        '</checkstyle>',
        ''
      ].join('\n')
    )
  })

  it('xmlAttribute keeps pairs of surrogates and tabs', () => {
    expect(xmlAttribute('a\t😀')).toBe('a&#9;😀')
    expect(xmlAttribute('\udc00x')).toBe('\\udc00x')
  })
})

describe('rdjson', () => {
  it('is a DiagnosticResult with UTF-8 byte columns and safe fixes as suggestions', () => {
    const text = 'FROM debian:12\nRUN echo "é😀" && apt-get install curl\nMAINTAINER me\n'
    const results = lint('Dockerfile', text)
    const result = toRdjson(results, registry, new Map([['Dockerfile', text]]), [
      { file: 'bin/Dockerfile', message: 'binary file' }
    ])
    expect(ajv.validate(rdjsonSchema, result), ajv.errorsText()).toBe(true)
    expect(result.source).toEqual({
      name: 'docker-review',
      url: 'https://github.com/docker-review/docker-review'
    })
    // `apt-get` starts at UTF-16 column 19; é is 2 bytes (1 unit) and 😀 4 (2 units): byte column 22.
    const line2 = new LineIndex(text).lineText(2)
    const utf16 = line2.indexOf('apt-get') + 1
    expect(utf16).toBe(19)
    const apt = result.diagnostics.find(
      (d) => d.location.range?.start.line === 2 && d.location.range.start.column === 22
    )
    expect(apt, JSON.stringify(result.diagnostics.map((d) => d.location))).toBeDefined()
    const dl4000 = result.diagnostics.find((d) => d.code?.value === 'DL4000')!
    expect(dl4000).toMatchObject({
      severity: 'ERROR',
      location: { path: 'Dockerfile', range: { start: { line: 3, column: 1 } } },
      code: { url: expect.stringMatching(/DL4000\.md$/) },
      suggestions: [
        { range: { start: { line: 3 }, end: { line: 3 } }, text: 'LABEL maintainer="me"' }
      ]
    })
    expect(result.diagnostics.at(-1)).toEqual({
      message: 'binary file',
      location: { path: 'bin/Dockerfile' },
      severity: 'ERROR'
    })
  })

  it('offers no suggestion for a fix that changes behaviour', () => {
    const text = 'FROM debian:12\nRUN echo a\nRUN echo b\n'
    const results = lint('Dockerfile', text)
    const unsafe = results[0].findings.find((f) => f.fix && !f.fix.safe)
    expect(unsafe?.rule).toBe('DL3059')
    const d = toRdjson(results, registry, new Map([['Dockerfile', text]])).diagnostics.find(
      (x) => x.code?.value === 'DL3059'
    )
    expect(d?.severity).toBe('INFO')
    expect(d?.suggestions).toBeUndefined()
  })
})

describe('through the CLI', () => {
  const dir = sandbox({
    'app/Dockerfile': 'FROM ubuntu\nMAINTAINER me\n',
    'clean/Dockerfile': 'FROM debian:12\nUSER app\nHEALTHCHECK NONE\n',
    'bin/Dockerfile': Buffer.from([0x46, 0x00, 0x01])
  })

  it('--format gitlab, rdjson and checkstyle print the reports and keep the exit code', () => {
    const gitlab = cli(dir, 'lint', '--format', 'gitlab')
    expect(gitlab.code).toBe(1)
    const report = JSON.parse(gitlab.out)
    expect(ajv.validate(gitlabSchema, report), ajv.errorsText()).toBe(true)
    expect(report.map((i: { check_name: string }) => i.check_name)).toContain('DR0001')
    const rd = cli(dir, 'lint', '--format', 'rdjson')
    expect(rd.code).toBe(1)
    expect(ajv.validate(rdjsonSchema, JSON.parse(rd.out)), ajv.errorsText()).toBe(true)
    const xml = cli(dir, 'lint', '--format', 'checkstyle')
    expect(xml.code).toBe(1)
    expect(xml.out).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<checkstyle version="4.3">\n/
    )
    expect(xml.out).toContain('<file name="app/Dockerfile">')
    expect(xml.out).toContain('source="docker-review.DL4000"')
    expect(xml.out).toContain('<file name="bin/Dockerfile">')
    expect(xml.out.trimEnd().endsWith('</checkstyle>')).toBe(true)
  })

  it('--format github escapes a file that was not linted like any finding', () => {
    const hostile = sandbox({ 'x\n::warning::injected/Dockerfile': Buffer.from([0x46, 0x00]) })
    const run = cli(hostile, 'lint', '--format', 'github')
    expect(run.code).toBe(1)
    expect(run.out.split('\n').filter((l) => l.startsWith('::'))).toEqual([
      expect.stringMatching(
        /^::error file=x%0A%3A%3Awarning%3A%3Ainjected\/Dockerfile,line=1,.*title=DR0001.*::.*binary/
      )
    ])
  })
})

describe('the review policy in the CLI', () => {
  const files = {
    Dockerfile: 'FROM debian:12\nMAINTAINER me\nRUN apt-get install -y curl\n',
    'docs/Dockerfile': 'FROM debian:12\nMAINTAINER me\n'
  }

  it('--format json says inline or summary for every finding', () => {
    const findings = JSON.parse(cli(sandbox(files), 'lint', '--format', 'json', '.').out)
      .findings as Array<{
      file: string
      rule: string
      review: string
    }>
    const at = (file: string, rule: string) =>
      findings.find((f) => f.file === file && f.rule === rule)?.review
    expect(at('Dockerfile', 'DL4000')).toBe('inline')
    expect(at('Dockerfile', 'DL3008')).toBe('summary')
    expect(at('docs/Dockerfile', 'DL4000')).toBe('summary')
    expect(findings.every((f) => f.review === 'inline' || f.review === 'summary')).toBe(true)
  })

  it('--review marks the tty output and counts both; the config moves the bar', () => {
    const dir = sandbox({ ...files, '.docker-review.yml': 'review:\n  inline: low\n' })
    const plain = cli(sandbox(files), 'lint', '.').out
    expect(plain).not.toContain('[inline]')
    const out = cli(dir, 'lint', '--review', '.').out
    expect(out).toMatch(/DL3008 {2}\[inline\]/)
    expect(out).toMatch(/review preview: \d+ inline, \d+ summary only \(error ≥ low, warning ≥ low/)
    expect(cli(sandbox(files), 'lint', '--review', '.').out).toMatch(/DL3008 {2}\[summary\]/)
  })
})
