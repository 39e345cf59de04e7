import { describe, expect, it } from 'vitest'
import { parseDockerfile, type Instruction } from '../../src/dockerfile/model.js'
import { unquote } from '../../src/parse/dockerfile.js'

const parse = (text: string) => parseDockerfile('Dockerfile', text)
/** The source text a span covers. */
const at = (text: string, s: { start: number; end: number }): string => text.slice(s.start, s.end)

describe('parseDockerfile: lines and continuations', () => {
  it('joins continuation lines, dropping comment and blank lines inside them', () => {
    const text = 'RUN apt-get update \\\n  # a comment\n\n  && apt-get install -y curl\nEXPOSE 80\n'
    const doc = parse(text)
    expect(doc.instructions.map((i) => i.keyword)).toEqual(['RUN', 'EXPOSE'])
    const run = doc.instructions[0]
    expect(run.text).toBe('apt-get update   && apt-get install -y curl')
    // every character maps back to the same character in the file
    for (let k = 0; k < run.text.length; k++) expect(text[run.textOffsets[k]]).toBe(run.text[k])
    expect(run.range).toEqual({ start: { line: 1, column: 1 }, end: { line: 4, column: 29 } })
    expect(doc.comments.map((c) => [c.content, c.inInstruction])).toEqual([['a comment', true]])
  })

  it('accepts blanks after the escape character, and keeps an escaped escape literal', () => {
    const doc = parse('ENV A=a \\  \nB=b\nENV C=trailing\\\\\nENV D=d\n')
    expect(doc.instructions.map((i) => i.text)).toEqual(['A=a B=b', 'C=trailing\\\\', 'D=d'])
  })

  it('joins a continuation into the next instruction-looking line, as BuildKit does', () => {
    const doc = parse('RUN echo \\\n# gone\nEXPOSE 1\n')
    expect(doc.instructions).toHaveLength(1)
    expect(doc.instructions[0].args.map((a) => a.value)).toEqual(['echo', 'EXPOSE', '1'])
  })

  it('keeps CRLF files at the same columns as LF files', () => {
    const lf = parse('FROM a:1\nRUN b \\\n  c\n')
    const crlf = parse('FROM a:1\r\nRUN b \\\r\n  c\r\n')
    expect(crlf.instructions.map((i) => [i.text, i.range])).toEqual(
      lf.instructions.map((i) => [i.text, i.range])
    )
  })

  it('skips a byte-order mark and counts non-ASCII in UTF-16 units', () => {
    const doc = parse('\uFEFFFROM a:1\nLABEL x="héllo 🙂" y=z\n')
    expect(doc.instructions[0].keywordSpan.range.start).toEqual({ line: 1, column: 2 })
    const y = doc.instructions[1].properties[1]
    expect(y.name).toBe('y')
    expect(y.nameSpan.range.start).toEqual({ line: 2, column: 20 })
  })

  it('reads keyword, args and argument span with case preserved', () => {
    const text = '  run   echo   hi   \n'
    const i = parse(text).instructions[0]
    expect([i.keyword, i.keywordText, at(text, i.keywordSpan)]).toEqual(['RUN', 'run', 'run'])
    expect(i.args.map((a) => a.value)).toEqual(['echo', 'hi'])
    expect(at(text, i.argsSpan!)).toBe('echo   hi')
    expect(i.text).toBe('echo   hi')
  })

  it('gives an instruction without arguments an empty text', () => {
    const i = parse('WORKDIR\n').instructions[0]
    expect([i.text, i.args, i.argsSpan, i.textOffsets.length]).toEqual(['', [], undefined, 1])
  })
})

describe('parseDockerfile: directives', () => {
  it('reads known directives at the top and the escape character', () => {
    const doc = parse('# syntax=docker/dockerfile:1\n#escape=`\n# check=skip=all\nFROM a:1\n')
    expect(doc.directives.map((d) => [d.name, d.value])).toEqual([
      ['syntax', 'docker/dockerfile:1'],
      ['escape', '`'],
      ['check', 'skip=all']
    ])
    expect(doc.escape).toBe('`')
  })

  it('stops at a blank line, an unknown directive or any other comment', () => {
    expect(parse('# escape=`\n\n# check=skip=all\nFROM a\n').directives.map((d) => d.name)).toEqual(
      ['escape']
    )
    const doc = parse('# foo=bar\n# escape=`\nFROM a\n')
    expect(doc.directives).toEqual([])
    expect(doc.escape).toBe('\\')
    expect(doc.comments.map((c) => c.content)).toEqual(['foo=bar', 'escape=`'])
  })

  it('continues lines with the backtick escape and keeps backslashes literal', () => {
    const doc = parse('# escape=`\nFROM mcr.microsoft.com/windows:ltsc2022\nRUN dir C:\\ `\n  /s\n')
    expect(doc.instructions[1].text).toBe('dir C:\\   /s')
  })
})

describe('parseDockerfile: heredocs', () => {
  it('reads bodies after the instruction line and removes them from the arguments', () => {
    const text = 'RUN <<EOF bash\nset -e\necho hi\nEOF\nCOPY <<-"A" <<B /dst/\n\tx\n\tA\ny\nB\n'
    const doc = parse(text)
    const [run, copy] = doc.instructions
    expect(run.args.map((a) => a.value)).toEqual(['<<EOF', 'bash'])
    expect(run.heredocs).toMatchObject([{ name: 'EOF', content: 'set -e\necho hi\n' }])
    expect(run.heredocs[0].terminated).toBe(true)
    expect(run.range.end).toEqual({ line: 4, column: 4 })
    expect(at(text, run.argsSpan!)).toBe('<<EOF bash')
    expect(copy.heredocs.map((h) => [h.name, h.content, h.stripTabs, h.quoted])).toEqual([
      ['A', '\tx\n', true, true],
      ['B', 'y\n', false, false]
    ])
    expect(copy.args.map((a) => a.value)).toEqual(['<<-"A"', '<<B', '/dst/'])
  })

  it('only ends a body at an exact delimiter line', () => {
    const doc = parse('RUN <<EOF\n  EOF\nEOF\nRUN b\n')
    expect(doc.instructions[0].heredocs[0].content).toBe('  EOF\n')
    expect(doc.instructions.map((i) => i.keyword)).toEqual(['RUN', 'RUN'])
  })

  it('marks an unterminated body and runs it to the end of the file', () => {
    const text = 'RUN <<EOF\necho hi\n'
    const h = parse(text).instructions[0].heredocs[0]
    expect([h.terminated, h.content, h.contentEnd]).toEqual([false, 'echo hi\n', text.length])
  })

  it('ignores here-strings and heredoc markers outside RUN/COPY/ADD', () => {
    expect(parse('RUN cat <<<"x"\n').instructions[0].heredocs).toEqual([])
    expect(parse('CMD cat <<EOF\nEOF\n').instructions.map((i) => i.keyword)).toEqual(['CMD', 'EOF'])
  })
})

describe('parseDockerfile: flags, JSON and properties', () => {
  it('splits flags like BuildKit: quote-aware, values unquoted, `--` ends them', () => {
    const text = 'COPY --from="my stage" --chmod=644 --link -- --weird /dst/\n'
    const i = parse(text).instructions[0]
    expect(i.flags.map((f) => [f.name, f.value, f.raw])).toEqual([
      ['from', 'my stage', '--from="my stage"'],
      ['chmod', '644', '--chmod=644'],
      ['link', null, '--link']
    ])
    expect(at(text, i.flags[0].valueSpan!)).toBe('"my stage"')
    expect(i.text).toBe('--weird /dst/')
  })

  it('reads no flags on instructions that take none', () => {
    expect(parse('CMD --help\n').instructions[0].flags).toEqual([])
  })

  it('reads exec form with exact item spans (interior spaces kept)', () => {
    const text = 'CMD [ "/bin/sh", "-c", \\\n  "echo  a b" ]\n'
    const j = parse(text).instructions[0].json!
    expect(j.values).toEqual(['/bin/sh', '-c', 'echo  a b'])
    expect(j.items.map((t) => at(text, t))).toEqual(['"/bin/sh"', '"-c"', '"echo  a b"'])
    expect(parse("CMD ['a']\n").instructions[0].json).toBeUndefined()
  })

  it('reads ENV, LABEL and ARG pairs with quotes removed and value spans', () => {
    const text = 'ENV A="x y" B=z\\ w C=\nENV LEGACY some value\nLABEL "com.x"=\'1\'\nARG V=1 W\n'
    const doc = parse(text)
    const [env, legacy, label, arg] = doc.instructions.map((i) => i.properties)
    expect(env.map((p) => [p.name, p.value, p.valueSpan && at(text, p.valueSpan)])).toEqual([
      ['A', 'x y', '"x y"'],
      ['B', 'z w', 'z\\ w'],
      ['C', '', '']
    ])
    expect(legacy.map((p) => [p.name, p.value, p.legacy])).toEqual([['LEGACY', 'some value', true]])
    expect(label.map((p) => [p.name, p.value])).toEqual([['com.x', '1']])
    expect(arg.map((p) => [p.name, p.value])).toEqual([
      ['V', '1'],
      ['W', null]
    ])
  })

  it('unquotes like BuildKit (no expansion)', () => {
    expect(unquote(`"a \\" b"'c d'e\\ f`)).toBe('a " bc de f')
    expect(unquote('"C:\\dir"', '`')).toBe('C:\\dir')
    expect(unquote('$HOME')).toBe('$HOME')
  })
})

describe('parseDockerfile: ONBUILD, stages and variables', () => {
  it('parses the ONBUILD trigger as an instruction of its own', () => {
    const text = 'FROM a:1\nONBUILD RUN --mount=type=cache,target=/x apt-get install y\n'
    const onbuild = parse(text).instructions[1]
    const t = onbuild.trigger!
    expect([t.keyword, t.onbuild, at(text, t.keywordSpan), t.flags[0].name, t.text]).toEqual([
      'RUN',
      onbuild,
      'RUN',
      'mount',
      'apt-get install y'
    ])
    expect(t.index).toBe(onbuild.index)
  })

  it('links stages: parents, last, final image, copied-from', () => {
    const doc = parse(
      'ARG BASE=debian:12\nFROM $BASE AS base\nFROM base AS build\nFROM alpine:3 AS tools\n' +
        'FROM scratch AS unused\nFROM base\nCOPY --from=build /a /a\nRUN --mount=from=tools,target=/t x\n'
    )
    const [base, build, tools, unused, last] = doc.stages
    expect(base.image.expanded).toBe('debian:12')
    expect(build.parent).toBe(base)
    expect(last.parent).toBe(base)
    expect(base.usedAsBase).toBe(true)
    expect([build.copiedFrom, tools.copiedFrom, unused.copiedFrom]).toEqual([true, true, false])
    expect(doc.stages.map((s) => s.inFinalImage)).toEqual([true, false, false, false, true])
    expect(doc.stages.map((s) => s.isLast)).toEqual([false, false, false, false, true])
  })

  it('knows the variables in scope at each instruction', () => {
    const doc = parse(
      'ARG VERSION=1.2\nARG UNUSED=x\nFROM a:1 AS base\nENV HOME_DIR=/home/app PATH_EXT=$HOME_DIR/bin\n' +
        'ARG LOCAL=l\nFROM base\nARG VERSION\nRUN echo\nENV LATE=1\n'
    )
    const run = doc.instructions.find((i) => i.keyword === 'RUN') as Instruction
    expect(Object.fromEntries(doc.variables(run))).toEqual({
      HOME_DIR: '/home/app',
      PATH_EXT: '/home/app/bin',
      VERSION: '1.2'
    })
    expect(Object.fromEntries(doc.variables(doc.instructions[1]))).toEqual({ VERSION: '1.2' })
  })
})

describe('parseDockerfile: shell scripts', () => {
  const commandsOf = (text: string): string[][] => {
    const doc = parse(text)
    return doc.instructions.map(
      (i) => doc.shell(i.trigger ?? i)?.commands.map((c) => c.name) ?? ['<none>']
    )
  }

  it('parses shell form, heredoc scripts and shells reading a heredoc', () => {
    expect(
      commandsOf(
        'RUN a && b\nRUN <<EOF\nc\nd\nEOF\nRUN <<EOF bash -e\ne\nEOF\nRUN python3 <<EOF\nimport os\nEOF\n'
      )
    ).toEqual([['a', 'b'], ['c', 'd'], ['e'], ['python3']])
  })

  it('locates heredoc commands in the file', () => {
    const text = 'FROM a:1\nRUN <<EOF\napt-get install -y curl\nEOF\n'
    const doc = parse(text)
    const cmd = doc.shell(doc.instructions[1])!.commands[0]
    expect(at(text, cmd.args[2])).toBe('curl')
  })

  it('has no POSIX script for exec form, non-shell heredocs, PowerShell and backtick files', () => {
    expect(commandsOf('RUN ["a", "b"]\n')).toEqual([['<none>']])
    expect(commandsOf('RUN <<EOF\n#!/usr/bin/env python3\nprint(1)\nEOF\n')).toEqual([['<none>']])
    expect(commandsOf('FROM w\nSHELL ["powershell", "-Command"]\nRUN Get-Item x\n')[2]).toEqual([
      '<none>'
    ])
    expect(commandsOf('# escape=`\nFROM w\nRUN dir\n')[1]).toEqual(['<none>'])
    expect(commandsOf('FROM a:1\nONBUILD RUN x y\n')[1]).toEqual(['x'])
  })

  it('inherits SHELL from parent stages only', () => {
    const doc = parse('FROM a AS one\nSHELL ["/bin/bash", "-c"]\nFROM one\nRUN x\nFROM b\nRUN y\n')
    const runs = doc.instructions.filter((i) => i.keyword === 'RUN')
    expect(runs.map((r) => doc.shellOf(r)[0])).toEqual(['/bin/bash', '/bin/sh'])
  })
})

describe('parseDockerfile: compatibility', () => {
  it("exposes dockerfile-ast's tree and each instruction's node (a trigger's too)", () => {
    const doc = parse('FROM a:1\nONBUILD RUN x\nENV A=1\n')
    expect(doc.ast.getInstructions()).toHaveLength(3)
    expect(doc.instructions[2].node.getKeyword()).toBe('ENV')
    expect(doc.instructions[1].trigger!.node.getKeyword()).toBe('RUN')
  })
})
