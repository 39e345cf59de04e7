import { describe, expect, it } from 'vitest'
import { parseDocument } from 'yaml'
import { parseCompose } from '../../src/parse/compose.js'
import { corpusFiles } from '../shared.js'
import { errorsOf, everyFormat, lintFiles, located } from './cli.js'

/**
 * Hostile and broken compose files through `docker-review lint` (issue 7): located findings or a
 * clear error, never a crash, a hang or unbounded memory; a broken file never stops the others.
 */

const OTHER = 'services:\n  web:\n    image: nginx:latest\n'
const messages = (report: ReturnType<typeof lintFiles>['report'], file: string, rule: string) =>
  report.findings.filter((f) => f.file === file && f.rule === rule).map((f) => f.message)

describe.concurrent('hostile compose files (CLI)', () => {
  it('billion laughs: the alias bomb is reported where it crosses the bound, without expanding it', () => {
    const levels = 'abcdefghi'.split('')
    const text = [
      `x-a: &a [${Array(9).fill('"lol"').join(',')}]`,
      ...levels
        .slice(1)
        .map((l, i) => `x-${l}: &${l} [${Array(9).fill(`*${levels[i]}`).join(',')}]`),
      'services:',
      '  web:',
      '    image: nginx:1.27',
      '    command: *i',
      ''
    ].join('\n')
    const { report, dir } = lintFiles(
      { 'compose.yaml': text, 'other/compose.yaml': OTHER },
      { seconds: 10 }
    )
    const bomb = report.findings.find(
      (f) => f.file === 'compose.yaml' && /alias bomb/.test(f.message)
    )
    expect(bomb?.rule).toBe('DC0001')
    expect(bomb!.line).toBeLessThanOrEqual(9)
    expect(located(report, 'other/compose.yaml').length).toBeGreaterThan(0)
    expect(process.memoryUsage().heapUsed).toBeLessThan(2 * 1024 ** 3)
    everyFormat(dir, ['compose.yaml'])
  })

  it('1,000-level block nesting and 20,000-level flow nesting: bounded, located, said in words', () => {
    const block = `services:\n  web:\n    image: nginx:1.27\n    labels:\n${Array.from(
      { length: 1000 },
      (_, i) => `${' '.repeat(6 + 2 * i)}k${i}:`
    ).join('\n')} v\n`
    const flow = `services:\n  web:\n    image: nginx:1.27\n    x-deep: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`
    const flowMap = `services:\n  web:\n    image: nginx:1.27\n    x-deep: ${'{a: '.repeat(20_000)}1${'}'.repeat(20_000)}\n`
    const { report, dir } = lintFiles({
      'block/compose.yaml': block,
      'flow/compose.yaml': flow,
      'map/compose.yaml': flowMap
    })
    for (const file of ['block/compose.yaml', 'flow/compose.yaml', 'map/compose.yaml']) {
      const found = messages(report, file, 'DC0001')
      expect(found.length, file).toBeGreaterThan(0)
      for (const m of found)
        expect(m, file).toMatch(
          /^Invalid YAML: nested (more than 256 levels deep|too deeply to read)/
        )
    }
    expect(messages(report, 'block/compose.yaml', 'DC0001')[0]).toMatch(/more than 256 levels/)
    expect(report.errors).toEqual([])
    everyFormat(dir, ['flow/compose.yaml'])
  })

  it('duplicate keys: located at the repeated key, at every level', () => {
    const { report } = lintFiles({
      'compose.yaml':
        'services:\n  web:\n    image: nginx:1.27\n    image: nginx:1.26\n    environment: {A: 1, A: 2}\n  web:\n    image: redis:7\n'
    })
    expect(located(report, 'compose.yaml').filter((f) => f.startsWith('DC0001'))).toEqual([
      'DC0001@4:5',
      'DC0001@5:25',
      'DC0001@6:3'
    ])
  })

  it('duplicate keys are found in linear time, exactly as the YAML library finds them', () => {
    // 40,000 services in one map: yaml's own check compares every key with every other one.
    const services = Array.from({ length: 40_000 }, (_, i) => `  s${i}:\n    image: nginx:1.27\n`)
    services.splice(20_000, 0, '  s7:\n    image: nginx:1.27\n')
    const started = performance.now()
    const doc = parseCompose('big.yaml', `services:\n${services.join('')}`)
    expect(performance.now() - started).toBeLessThan(12_000)
    expect(doc.problems.filter((p) => p.code === 'DUPLICATE_KEY')).toHaveLength(1)
    // Same codes and positions as yaml's `uniqueKeys: true` on real and tricky files.
    const tricky = [
      'a: 1\na: 2\n',
      'x: {a: 1, b: 2, a: 3}\n',
      '? [a]\n: 1\n? [a]\n: 2\n',
      'a: &x 1\n&y a: 2\n',
      '<<: {a: 1}\n<<: {b: 2}\n',
      '1: a\n1.0: b\n"1": c\n',
      '~: a\n: b\nnull: c\n',
      'a: [b: 1, b: 2]\n',
      '"a": 1\n\'a\': 2\na: 3\n',
      '!!str a: 1\na: 2\n',
      '.nan: 1\n.nan: 2\n'
    ]
    const texts = [...tricky, ...corpusFiles('compose').map((f) => f.text)]
    for (const [i, text] of texts.entries()) {
      const expected = parseDocument(text, { uniqueKeys: true, strict: true, merge: true })
        .errors.filter((e) => e.code === 'DUPLICATE_KEY')
        .map((e) => e.pos[0])
      const actual = parseCompose(`dup-${i}.yaml`, text)
        .problems.filter((p) => p.code === 'DUPLICATE_KEY')
        .map((p) => p.start)
      expect(actual, text.slice(0, 200)).toEqual(expected)
    }
  })

  it('tabs as indentation: located YAML errors', () => {
    const { report } = lintFiles({ 'compose.yaml': 'services:\n\tweb:\n\t\timage: nginx:1.27\n' })
    expect(located(report, 'compose.yaml')).toContain('DC0001@2:2')
    expect(messages(report, 'compose.yaml', 'DC0001')[0]).toMatch(/Tabs/)
  })

  it('several documents: said once, at the top of the file', () => {
    const { report } = lintFiles({
      'compose.yaml':
        'services:\n  web:\n    image: nginx:latest\n---\nservices:\n  db:\n    image: postgres:16\n'
    })
    expect(located(report, 'compose.yaml')).toEqual(['DC0001@1:1'])
    expect(messages(report, 'compose.yaml', 'DC0001')).toEqual([
      'The file holds 2 YAML documents; Compose reads only one per file.'
    ])
  })

  it('a root that is not a mapping (list, scalar, null document): located', () => {
    const { report } = lintFiles({
      'list/compose.yaml': '- a\n- b\n',
      'scalar/compose.yaml': 'hello\n',
      'number/compose.yaml': '42\n'
    })
    for (const file of ['list/compose.yaml', 'scalar/compose.yaml', 'number/compose.yaml'])
      expect(located(report, file), file).toEqual(['DC0002@1:1'])
  })

  it('a 5 MB compose file: linted, or failed closed at its time guard; the others are linted', () => {
    let text = 'services:\n'
    for (let i = 0; text.length < 5_000_000; i++)
      text += `  s${i}:\n    image: nginx:1.27\n    ports:\n      - "${8000 + (i % 1000)}:80"\n    environment:\n      A: "1"\n`
    const budget = { ms: 3000, now: () => performance.now() }
    const { report } = lintFiles(
      { 'compose.yaml': text, 'other/compose.yaml': OTHER },
      { seconds: 60, budget }
    )
    const errors = errorsOf(report, 'compose.yaml')
    if (errors.length > 0) {
      expect(errors).toEqual([expect.stringMatching(/^linting stopped at the 3 s safety limit/)])
      expect(located(report, 'compose.yaml')).toEqual(['DC0004@1:1'])
    } else expect(located(report, 'compose.yaml').length).toBeGreaterThan(0)
    expect(located(report, 'other/compose.yaml').length).toBeGreaterThan(0)
  })

  it('!!binary, !!set, !!omap, !!timestamp and custom tags: located, never a crash', () => {
    const { report, dir } = lintFiles({
      'compose.yaml': [
        'services:',
        '  web:',
        '    image: !!binary aGVsbG8=',
        '    x-a: !custom {a: 1}',
        '    x-b: !!set {a, b}',
        '    x-c: !!omap [a: 1]',
        '    x-d: !!timestamp 2001-12-14',
        '    x-e: !<tag:example.com,2000:app/foo> bar',
        '    x-f: !!float not-a-number',
        '    command: !reset null',
        ''
      ].join('\n')
    })
    expect(located(report, 'compose.yaml')).toContain('DC0002@3:21')
    expect(messages(report, 'compose.yaml', 'DC0002')).toEqual([
      'services.web.image must be a string.'
    ])
    expect(report.errors).toEqual([])
    everyFormat(dir, ['compose.yaml'])
  })
})
