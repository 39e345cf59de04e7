import { beforeAll, describe, expect, it } from 'vitest'
import { resolveConfig } from '../../src/config/config.js'
import { applyFixes } from '../../src/core/fixes.js'
import type { Finding, Fix, FixEffect } from '../../src/core/types.js'
import { lintText } from '../../src/lint/engine.js'
import { undeclaredChange } from '../../src/dockerfile/effects.js'
import { parseDockerfile } from '../../src/dockerfile/model.js'
import { loadShellParser } from '../../src/parse/shell.js'
import { combineFixes } from '../../src/rules/dockerfile/lib/per-instruction.js'
import { registry } from '../../src/rules/index.js'

/**
 * Rules that fire once per command of a RUN report once per instruction (issue 13): one finding
 * from the first to the last command, naming each, with one fix that the effect check keeps safe.
 */

beforeAll(() => loadShellParser())

function lint(text: string, rule: string): Finding[] {
  const result = lintText(
    { path: 'Dockerfile', text, kind: 'dockerfile' },
    { registry, config: resolveConfig([]), only: new Set([rule]) }
  )
  expect(result.errors).toEqual([])
  return result.findings.filter((f) => f.rule === rule)
}

const RUN = [
  'FROM debian:12.5',
  'RUN apt-get update \\',
  ' && apt-get install curl=7.88.1-10+deb12u5 \\',
  ' && dpkg --configure -a \\',
  ' && apt-get install git=1:2.39.2-1.1 \\',
  ' && rm -rf /var/lib/apt/lists/*',
  'RUN apt-get install wget=1.21.3-1+b2',
  ''
].join('\n')

describe('one finding per instruction', () => {
  it('names every command and spans the first to the last', () => {
    const found = lint(RUN, 'DL3014')
    expect(found.map((f) => f.range.start.line)).toEqual([3, 7])
    const [grouped] = found
    expect(grouped.range.end.line).toBe(5)
    expect(grouped.message).toMatch(
      /^Found 2 times in this instruction: `apt-get install` \(line 3\), `apt-get install` \(line 5\)\. Use `apt-get install -y`/
    )
  })

  it('combines the fixes into one that stays safe through the effect check', () => {
    const [grouped] = lint(RUN, 'DL3014')
    expect(grouped.fix?.safe).toBe(true)
    expect(grouped.fix?.effect).toEqual({
      kind: 'each',
      effects: [
        { kind: 'add-args', command: 'apt-get', args: ['-y'] },
        { kind: 'add-args', command: 'apt-get', args: ['-y'] }
      ]
    })
    const fixed = applyFixes(RUN, [grouped.fix!]).text
    expect(fixed).toContain('apt-get install -y curl')
    expect(fixed).toContain('apt-get install -y git')
    expect(lint(fixed, 'DL3014').map((f) => f.range.start.line)).toEqual([7])
  })

  it('different replacements at each command keep one safe fix (DL3027)', () => {
    const text = 'FROM ubuntu:24.04\nRUN apt update && apt install -y curl && apt show curl\n'
    const [f, ...rest] = lint(text, 'DL3027')
    expect(rest).toEqual([])
    expect(f.fix?.safe).toBe(true)
    expect(applyFixes(text, [f.fix!]).text).toBe(
      'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y curl && apt-cache show curl\n'
    )
  })

  it('an effect accounts for one place: two changed commands need two effects', () => {
    const before = 'FROM debian:12.5\nRUN apt-get install a && apt-get install b\n'
    const after = parseDockerfile('Dockerfile', before.replaceAll('install', 'install -y'))
    const y: FixEffect = { kind: 'add-args', command: 'apt-get', args: ['-y'] }
    const doc = parseDockerfile('Dockerfile', before)
    expect(undeclaredChange(doc, after, y)).toMatch(/apt-get install b → .*apt-get install -y b/)
    expect(undeclaredChange(doc, after, { kind: 'each', effects: [y] })).toMatch(/→/)
    expect(undeclaredChange(doc, after, { kind: 'each', effects: [y, y] })).toBeUndefined()
  })

  it('one command keeps its own message and fix', () => {
    const [single] = lint('FROM debian:12.5\nRUN apt-get install curl=1\n', 'DL3014')
    expect(single.message).toBe(
      'Use `apt-get install -y` so the build never waits for a confirmation.'
    )
    expect(single.fix?.effect).toEqual({ kind: 'add-args', command: 'apt-get', args: ['-y'] })
  })

  it('pin rules name every package of every command', () => {
    const found = lint('FROM python:3.12.4\nRUN pip install a b && pip install c\n', 'DL3013')
    expect(found).toHaveLength(1)
    expect(found[0].message).toMatch(/`a`, `b`.*`c`/)
  })
})

describe('combineFixes', () => {
  const at = (line: number, column: number) => ({ line, column })
  const insert = (column: number, text: string, safe = true): Fix => ({
    description: `Insert ${text}.`,
    safe,
    edits: [{ range: { start: at(1, column), end: at(1, column) }, text }]
  })

  it('is unsafe when one part is', () => {
    const text = 'RUN a && b && c\n'
    const out = combineFixes(text, [insert(6, ' -y'), insert(11, ' -y', false)])!
    expect(out.safe).toBe(false)
    expect(out.description).toBe('Insert  -y.')
    expect(applyFixes(text, [out]).text).toBe('RUN a -y && b -y && c\n')
  })

  it('is none when a command has no fix or two parts overlap', () => {
    expect(combineFixes('RUN a && b\n', [insert(6, ' -y'), undefined])).toBeUndefined()
    const replace = (from: number, to: number): Fix => ({
      description: 'Replace.',
      safe: true,
      edits: [{ range: { start: at(1, from), end: at(1, to) }, text: 'z' }]
    })
    expect(combineFixes('RUN abc\n', [replace(5, 7), replace(6, 8)])).toBeUndefined()
  })

  it('joins insertions at one point in the order of the commands', () => {
    const out = combineFixes('RUN a\n', [insert(6, ' && x'), insert(6, ' && y')])!
    expect(applyFixes('RUN a\n', [out]).text).toBe('RUN a && x && y\n')
  })
})
