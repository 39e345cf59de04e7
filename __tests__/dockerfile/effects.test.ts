import { beforeAll, describe, expect, it } from 'vitest'
import { applyFixes } from '../../src/core/fixes.js'
import type { Finding, Fix, FixEffect } from '../../src/core/types.js'
import { imageDistro } from '../../src/dockerfile/distro.js'
import {
  checkSafeFixes,
  fixVerdict,
  laterRunNeedsIndex,
  swapIn,
  stageEffects,
  undeclaredChange
} from '../../src/dockerfile/effects.js'
import { parseDockerfile } from '../../src/dockerfile/model.js'
import { loadShellParser } from '../../src/parse/shell.js'
import { LineIndex } from '../../src/core/text.js'

beforeAll(() => loadShellParser())

const parse = (text: string) => parseDockerfile('Dockerfile', text)

/** Does replacing `from` by `to` in `text` change the build only as `effect` says? */
function change(text: string, from: string, to: string, effect?: FixEffect): string | undefined {
  return undeclaredChange(parse(text), parse(text.replace(from, to)), effect)
}

describe('imageDistro', () => {
  it.each([
    ['node:22-alpine3.20', 'alpine', 'busybox'],
    ['golang:1.22-alpine3.19', 'alpine', 'busybox'],
    ['docker:27-dind', 'alpine', 'busybox'],
    ['docker.io/library/busybox:1.36', 'busybox', 'busybox'],
    ['python:3.12-slim', 'debian', 'gnu'],
    ['ubuntu:24.04', 'ubuntu', 'gnu'],
    ['gcr.io/distroless/static:nonroot', 'distroless', undefined],
    ['example.com/team/base:1', 'unknown', undefined],
    ['${BASE}', 'unknown', undefined]
  ])('%s is %s with a %s userland', (ref, family, userland) => {
    const d = imageDistro(ref)
    expect([d.family, d.userland]).toEqual([family, userland])
  })

  it('knows which shells and which apt', () => {
    expect(imageDistro('alpine:3.20').shells).not.toContain('/bin/bash')
    expect(imageDistro('debian:12').shells).toContain('/bin/bash')
    expect(imageDistro('gcr.io/distroless/base:debug').shells).toEqual(['/busybox/sh'])
    expect(imageDistro('ubuntu:24.04').aptDistClean).toBe(true)
    expect(imageDistro('debian:12').aptDistClean).toBe(false)
  })
})

describe('stageEffects', () => {
  it('tracks packages, index state, env, user, workdir, copies, ports and cmd per stage', () => {
    const doc = parse(
      [
        'FROM debian:12 AS base',
        'ENV A=1',
        'RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*',
        'WORKDIR /app',
        'COPY --chown=1:1 a b /app/',
        'USER app',
        'EXPOSE 80/tcp',
        'CMD ["run"]',
        'FROM base',
        'RUN apt-get purge -y curl'
      ].join('\n')
    )
    const [base, child] = stageEffects(doc)
    expect(base.runs[0].argv[1]).toEqual(['apt-get', 'install', '-y', 'curl'])
    expect(base.runs[0].indexAfter.apt).toBe('absent')
    expect(base.packages.apt.installed).toEqual(['curl'])
    expect([...base.env]).toEqual([['A', '1']])
    expect([base.user, base.workdir, base.exposed, base.cmd]).toEqual([
      'app',
      '/app',
      ['80/tcp'],
      '["run"]'
    ])
    expect(base.copies[0]).toMatchObject({
      sources: ['a', 'b'],
      destination: '/app/',
      chown: '1:1'
    })
    expect(child.indexes.apt).toBe('absent')
    expect(child.packages.apt.removed).toEqual(['curl'])
  })

  it('knows when a later RUN (or a child stage) still needs the apt lists', () => {
    const doc = parse(
      'FROM debian:12 AS a\nRUN apt-get update\nFROM a\nRUN apt-get install -y git\n'
    )
    expect(laterRunNeedsIndex(doc, doc.stages[0].instructions[1], 'apt')).toBe(true)
  })
})

describe('undeclaredChange', () => {
  const base = 'FROM debian:12\nRUN apt-get install curl\n'
  it('accepts a text-only change and the declared effects', () => {
    expect(change('FROM debian:12\nENV A 1\n', 'ENV A 1', 'ENV A=1')).toBeUndefined()
    expect(
      change(base, 'install', 'install -y', { kind: 'add-args', command: 'apt-get', args: ['-y'] })
    ).toBeUndefined()
    expect(
      change(base, 'curl', 'curl && rm -rf /var/lib/apt/lists/*', {
        kind: 'append-command',
        argv: ['rm', '-rf', '/var/lib/apt/lists/*']
      })
    ).toBeUndefined()
    expect(
      change('FROM debian:12\nRUN apt install curl\n', 'apt install', 'apt-get install', {
        kind: 'replace-words',
        command: 'apt',
        from: ['apt', 'install'],
        to: ['apt-get', 'install']
      })
    ).toBeUndefined()
  })

  it('names what changed beyond the declared effect', () => {
    expect(change(base, 'install', 'install -y')).toMatch(/apt-get install curl → .*-y/)
    expect(
      change(base, 'install curl', 'install -y git', {
        kind: 'add-args',
        command: 'apt-get',
        args: ['-y']
      })
    ).toContain('git')
    expect(change('FROM debian:12\nENV A=1 B=$A\n', 'ENV A=1 B=$A', 'ENV A=1\nENV B=$A')).toContain(
      'B='
    )
    expect(change('FROM debian:12\nWORKDIR app\n', 'app', '/app')).toContain('<base>')
  })
})

describe('checkSafeFixes', () => {
  it('demotes a safe fix whose effect is not the declared one, saying why, and keeps the others', () => {
    const text = 'FROM debian:12\nRUN apt-get install curl\n'
    const doc = parse(text)
    const at = { line: 2, column: 20 }
    const edit = (t: string) => [{ range: { start: at, end: at }, text: t }]
    const good: Fix = {
      description: 'Insert -y.',
      safe: true,
      edits: edit(' -y'),
      effect: { kind: 'add-args', command: 'apt-get', args: ['-y'] }
    }
    const bad: Fix = { description: 'Insert -y.', safe: true, edits: edit(' -y') }
    const finding = (fix: Fix): Finding => ({
      rule: 'X',
      severity: 'info',
      message: 'm',
      file: 'Dockerfile',
      range: { start: at, end: at },
      fix
    })
    const { findings, check } = checkSafeFixes(doc, [finding(good), finding(bad)])
    expect(check.checked).toBe(2)
    expect(findings[0].fix).toBe(good)
    expect(findings[1].fix?.safe).toBe(false)
    expect(findings[1].fix?.description).toMatch(
      /^Insert -y\. Unsafe: it changes more than it declares \(.*-y/
    )
    expect(applyFixes(text, [good]).text).toBe('FROM debian:12\nRUN apt-get install -y curl\n')
  })
})

describe('fixVerdict re-reads the edited instruction alone', () => {
  /** A safe fix replacing the first `from` in `text` by `to`. */
  const fixOf = (text: string, from: string, to: string, effect?: FixEffect): Fix => {
    const lines = new LineIndex(text)
    const at = text.indexOf(from)
    return {
      description: 'd',
      safe: true,
      edits: [{ range: lines.range(at, at + from.length), text: to }],
      effect
    }
  }
  /** The verdict both ways: the shortcut must give what parsing the whole fixed text gives. */
  const both = (text: string, from: string, to: string, effect?: FixEffect) => {
    const doc = parse(text)
    const fix = fixOf(text, from, to, effect)
    const fast = fixVerdict(doc, fix)
    expect(fast).toBe(fixVerdict(doc, fix, true))
    return fast
  }
  /** Does the shortcut take the edit (else the whole fixed text is parsed)? */
  const alone = (text: string, from: string, to: string): boolean =>
    swapIn(parse(text), fixOf(text, from, to), text.replace(from, to)) !== undefined
  const apt: FixEffect = { kind: 'add-args', command: 'apt-get', args: ['-y'] }

  it('gives the verdicts of a whole parse for edits inside one instruction', () => {
    const text = 'FROM debian:12\nENV A 1\nRUN apt-get install curl \\\n  git\nLABEL a b\nCMD x\n'
    expect(both(text, 'ENV A 1', 'ENV A=1')).toBeUndefined()
    expect(both(text, 'LABEL a b', 'LABEL a=b')).toBeUndefined()
    expect(both(text, 'install', 'install -y', apt)).toBeUndefined()
    expect(both(text, 'install', 'install -y')).toMatch(/apt-get install curl git → .*-y/)
    expect(both(text, 'ENV A 1', 'ENV A 2')).toContain('A=2')
    expect(both(text, 'CMD x', 'CMD y')).toContain('CMD y')
    // A keyword that changes (MAINTAINER → LABEL, ADD → COPY) is read alone too.
    expect(both('FROM a\nADD x /y\n', 'ADD', 'COPY')).toBeUndefined()
    expect(both('FROM a\r\nENV A 1\r\nRUN b\r\n', 'ENV A 1', 'ENV A=1')).toBeUndefined()
    expect(both('# escape=`\nFROM a\nRUN b `\n  c\n', 'RUN b', 'RUN b -y')).toContain('-y')
    expect(both('FROM a\nENV A=1\nRUN echo $A', 'A=1', 'A=2')).toContain('A=2')
    expect(alone(text, 'ENV A 1', 'ENV A=1')).toBe(true)
    expect(alone(text, 'install', 'install -y')).toBe(true)
    expect(alone('FROM a\nADD x /y\n', 'ADD', 'COPY')).toBe(true)
    expect(alone('# escape=`\nFROM a\nRUN b `\n  c\n', 'RUN b', 'RUN b -y')).toBe(true)
  })

  it('parses the whole text when the edit reaches past the instruction', () => {
    const text = 'FROM debian:12\nRUN apt-get install curl\nCOPY a /b\n'
    // A continuation added at the end of the line takes in the COPY.
    expect(both(text, 'curl', 'curl \\')).toMatch(/COPY/)
    for (const [from, to] of [
      ['curl', 'curl \\'],
      ['curl', 'curl \\\n# note'],
      ['curl', 'curl <<EOF'],
      ['curl', 'curl\nUSER x'],
      ['debian:12', 'debian:12 AS base']
    ])
      expect(alone(text, from, to)).toBe(false)
    // A comment line at the end, a heredoc, a new line with an instruction, a stage name.
    expect(both(text, 'curl', 'curl \\\n# note')).toBeDefined()
    expect(both(text, 'curl', 'curl <<EOF')).toBeDefined()
    expect(both(text, 'curl', 'curl\nUSER x')).toContain('USER x')
    expect(both(text, 'debian:12', 'debian:12 AS base')).toContain('AS base')
    expect(both('FROM a\nSHELL ["/bin/bash", "-c"]\nRUN x', 'bash', 'zsh')).toContain('zsh')
    // Edits in two instructions.
    const doc = parse(text)
    const lines = new LineIndex(text)
    const two: Fix = {
      description: 'd',
      safe: true,
      edits: [
        { range: lines.range(20, 20), text: '' },
        { range: lines.range(text.indexOf('/b'), text.indexOf('/b') + 2), text: '/c' }
      ]
    }
    expect(fixVerdict(doc, two)).toBe(fixVerdict(doc, two, true))
    expect(fixVerdict(doc, two)).toContain('/c')
  })
})

describe('the engine runs the effect check', () => {
  it('demotes DL3044 (the split ENV changes a value) and keeps DL3047 safe', async () => {
    const { lintText } = await import('../../src/lint/engine.js')
    const { resolveConfig } = await import('../../src/config/config.js')
    const { registry } = await import('../../src/rules/index.js')
    const config = resolveConfig([])
    const lint = (text: string, checkFixEffects?: boolean) =>
      lintText(
        { path: 'Dockerfile', text, kind: 'dockerfile' },
        { registry, config, only: new Set(['DL3044', 'DL3047']), checkFixEffects }
      ).findings.map((f) => [
        f.rule,
        f.fix?.safe,
        /Unsafe: it changes more/.test(f.fix?.description ?? '')
      ])
    const text =
      'FROM debian:12.5\nENV APP=/opt/app CONF=${APP}/conf\nRUN wget https://example.com/a\n'
    expect(lint(text)).toEqual([
      ['DL3044', false, true],
      ['DL3047', true, false]
    ])
    expect(lint(text, false)).toEqual([
      ['DL3044', true, false],
      ['DL3047', true, false]
    ])
  })
})
