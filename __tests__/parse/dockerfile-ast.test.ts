import { DockerfileParser, type Heredoc } from 'dockerfile-ast'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseDockerfile } from '../../src/dockerfile/model.js'
import { organizeCommentsUnpatched, rawArgumentsUnpatched } from '../../src/parse/dockerfile-ast.js'
import { corpusFiles } from '../shared.js'

/**
 * The model is built on dockerfile-ast 0.7.1. Each test pins one of its known quirks (first
 * expectation: what dockerfile-ast does) next to the workaround that keeps the model BuildKit's
 * (second: what the model gives). If dockerfile-ast changes, its half fails and the workaround can
 * be revisited; the model's half must keep passing either way.
 */

const parse = (text: string) => parseDockerfile('Dockerfile', text)
const ast = (text: string) => DockerfileParser.parse(text)
const astInstructions = (text: string) =>
  ast(text)
    .getInstructions()
    .map((i) => i.getKeyword())
const keywords = (text: string) => parse(text).instructions.map((i) => i.keyword)
const astHeredocs = (instruction: unknown): Heredoc[] =>
  (instruction as { getHeredocs(): Heredoc[] }).getHeredocs()

describe('dockerfile-ast quirks worked around by reading the source', () => {
  it('splits arguments on whitespace inside quotes: the model splits the joined text', () => {
    expect(
      ast('RUN apt-get install "a b"\n')
        .getInstructions()[0]
        .getArguments()
        .map((a) => a.getValue())
    ).toEqual(['apt-get', 'install', '"a', 'b"'])
    const doc = parse('RUN apt-get install "a b"\n')
    expect(doc.shell(doc.instructions[0])!.commands[0].args.map((w) => w.value)).toEqual([
      'install',
      'a b'
    ])
  })

  it('drops interior whitespace from JSON strings: the model parses the source slice', () => {
    const json = (
      ast('CMD ["echo  hi", "a b.js"]\n').getInstructions()[0] as unknown as {
        getJSONStrings(): Array<{ getJSONValue(): string }>
      }
    ).getJSONStrings()
    expect(json.map((j) => j.getJSONValue())).toEqual(['echohi', 'ab.js'])
    expect(parse('CMD ["echo  hi", "a b.js"]\n').instructions[0].json!.values).toEqual([
      'echo  hi',
      'a b.js'
    ])
  })

  it('keeps heredoc bodies among the arguments: the model leaves them out', () => {
    const text = 'RUN <<EOF\nset -e\nEOF\n'
    expect(
      ast(text)
        .getInstructions()[0]
        .getArguments()
        .map((a) => a.getValue())
    ).toEqual(['<<EOF', 'set', '-e', 'EOF'])
    expect(parse(text).instructions[0].args.map((a) => a.value)).toEqual(['<<EOF'])
  })

  it('does not resolve ARG defaults in FROM: the model expands them', () => {
    const text = 'ARG BASE=python:3.12\nFROM ${BASE}\n'
    const from = ast(text).getInstructions()[1] as unknown as { getImageTag(): string | null }
    expect(from.getImageTag()).toBeNull()
    expect(parse(text).stages[0].image.tag).toBe('3.12')
  })

  it('cuts flag values at blanks inside quotes and escapes: the model re-reads them quote-aware', () => {
    const flags = (text: string) =>
      (
        ast(text).getInstructions()[0] as unknown as {
          getFlags(): Array<{ getName(): string; getValue(): string | null }>
        }
      )
        .getFlags()
        .map((f) => [f.getName(), f.getValue()])
    expect(flags("COPY --from='a b' --chmod=644 x y\n")).toEqual([['from', "'a"]])
    expect(
      parse("COPY --from='a b' --chmod=644 x y\n").instructions[0].flags.map((f) => [
        f.name,
        f.value
      ])
    ).toEqual([
      ['from', 'a b'],
      ['chmod', '644']
    ])
    expect(flags('COPY --chown=a\\ b --chmod=644 x y\n')).toEqual([['chown', 'a']])
    const copy = parse('COPY --chown=a\\ b --chmod=644 x y\n').instructions[0]
    expect(copy.flags.map((f) => [f.name, f.value, f.raw])).toEqual([
      ['chown', 'a b', '--chown=a\\ b'],
      ['chmod', '644', '--chmod=644']
    ])
    expect(copy.text).toBe('x y')
  })

  it('reads flags after a word that contains `--`: the model takes leading flags only', () => {
    const text = 'RUN --network=none x--b --mount=type=tmpfs,target=/t y\n'
    const astFlags = (
      ast(text).getInstructions()[0] as unknown as { getFlags(): Array<{ getName(): string }> }
    ).getFlags()
    expect(astFlags.map((f) => f.getName())).toEqual(['network', 'mount'])
    const run = parse(text).instructions[0]
    expect(run.flags.map((f) => f.name)).toEqual(['network'])
    expect(run.text).toBe('x--b --mount=type=tmpfs,target=/t y')
  })

  it("misses a heredoc's delimiter after a body line with the escape character: the model finds it", () => {
    const text = 'RUN <<EOT\nfind . -exec rm {} \\;\nEOT\nUSER app\n'
    expect(astHeredocs(ast(text).getInstructions()[0])[0].getDelimiterRange()).toBeNull()
    const doc = parse(text)
    expect(doc.instructions.map((i) => i.keyword)).toEqual(['RUN', 'USER'])
    expect(doc.instructions[0].heredocs[0]).toMatchObject({
      terminated: true,
      content: 'find . -exec rm {} \\;\n'
    })
  })

  it('takes marker-like body words after an escape for heredocs: the model keeps the instruction line', () => {
    const text = 'ADD <<"Q" \\\\\n<<"Q" x\n'
    expect(astHeredocs(ast(text).getInstructions()[0]).map((h) => h.getName())).toEqual(['Q', 'Q'])
    expect(parse(text).instructions[0].heredocs.map((h) => [h.name, h.terminated])).toEqual([
      ['Q', false]
    ])
  })
})

describe('where dockerfile-ast and BuildKit disagree on structure, the model is BuildKit', () => {
  it('reads unknown, repeated and indented parser directives (BuildKit stops there)', () => {
    expect(
      ast('# foo=bar\n# escape=`\nFROM a\n')
        .getDirectives()
        .map((d) => d.getName())
    ).toEqual(['foo', 'escape'])
    expect(ast('# foo=bar\n# escape=`\nFROM a\n').getEscapeCharacter()).toBe('`')
    const unknown = parse('# foo=bar\n# escape=`\nFROM a\n')
    expect([unknown.directives.length, unknown.escape]).toEqual([0, '\\'])
    expect(unknown.comments.map((c) => c.content)).toEqual(['foo=bar', 'escape=`'])

    expect(ast('# escape=`\n# escape=\\\nFROM a\n').getDirectives()).toHaveLength(2)
    const repeated = parse('# escape=`\n# escape=\\\nFROM a\n')
    expect(repeated.directives.map((d) => d.value)).toEqual(['`'])
    expect(repeated.comments.map((c) => c.content)).toEqual(['escape=\\'])

    expect(ast(' # escape=`\nFROM a\n').getEscapeCharacter()).toBe('`')
    expect(parse(' # escape=`\nFROM a\n').escape).toBe('\\')
  })

  it('continues a line that ends with an escaped escape character (`C:\\\\`)', () => {
    const text = 'ENV A=C:\\\\\nENV B=1\n'
    expect(astInstructions(text)).toEqual(['ENV'])
    expect(parse(text).instructions.map((i) => i.text)).toEqual(['A=C:\\\\', 'B=1'])
  })

  it('continues a line ending with an escaped blank and the escape (`a\\ \\`) no further', () => {
    const text = 'RUN echo a\\ \\\n  b\nUSER app\n'
    expect(astInstructions(text)).toEqual(['RUN', 'B', 'USER'])
    expect(keywords(text)).toEqual(['RUN', 'USER'])
    expect(parse(text).instructions[0].text).toBe('echo a\\   b')
  })

  it('reads a line of only the escape character as an instruction named `\\`', () => {
    const text = 'FROM a\n\\\n# note\nRUN b\n'
    expect(astInstructions(text)).toEqual(['FROM', '\\', 'RUN'])
    const doc = parse(text)
    expect(doc.instructions.map((i) => [i.keyword, i.start, i.text])).toEqual([
      ['FROM', 0, 'a'],
      ['RUN', 16, 'b']
    ])
    expect(doc.comments.map((c) => [c.content, c.inInstruction])).toEqual([['note', true]])
  })

  it('reads comment lines after a keyword continued with no blank (`RUN\\`) into the keyword', () => {
    const text = 'RUN\\\n# note\n  apt-get update\n'
    expect(astInstructions(text)).toEqual(['RUN', 'APT-GET'])
    expect(ast(text).getComments()).toEqual([])
    const doc = parse(text)
    expect(doc.instructions.map((i) => [i.keyword, i.text])).toEqual([['RUN', 'apt-get update']])
    expect(doc.comments.map((c) => [c.content, c.inInstruction])).toEqual([['note', true]])
  })

  it('reads `\\#` first on a continuation line as a comment and keeps continuing', () => {
    const text = 'RUN a \\\n\\# b\nUSER app\n'
    expect(astInstructions(text)).toEqual(['RUN'])
    const doc = parse(text)
    expect(doc.instructions.map((i) => [i.keyword, i.text])).toEqual([
      ['RUN', 'a \\# b'],
      ['USER', 'app']
    ])
    expect(doc.comments).toEqual([])
  })

  it('unescapes before looking for heredocs (`\\<<EOF` is none for BuildKit)', () => {
    const text = 'RUN cat \\<<EOF\nEOF\n'
    expect(astInstructions(text)).toEqual(['RUN'])
    expect(keywords(text)).toEqual(['RUN', 'EOF'])
    expect(parse(text).instructions[0].heredocs).toEqual([])
  })

  it('misses heredocs with a file descriptor (`cat 2<<EOF`)', () => {
    const text = 'RUN cat 2<<EOF\nx\nEOF\n'
    expect(astInstructions(text)).toEqual(['RUN', 'X', 'EOF'])
    const run = parse(text).instructions[0]
    expect(keywords(text)).toEqual(['RUN'])
    expect(run.heredocs.map((h) => [h.name, h.content, h.marker.value])).toEqual([
      ['EOF', 'x\n', '2<<EOF']
    ])
  })

  it('ends lines at a lone `\\r` (BuildKit ends them at `\\n` only)', () => {
    const text = 'RUN a\rRUN b\n'
    expect(astInstructions(text)).toEqual(['RUN', 'RUN'])
    expect(parse(text).instructions.map((i) => i.text)).toEqual(['a\rRUN b'])
  })

  it('takes a byte-order mark before the directives like BuildKit', () => {
    const doc = parse('\uFEFF# escape=`\nFROM a\n')
    expect(doc.directives.map((d) => [d.name, d.value, d.start])).toEqual([['escape', '`', 1]])
    expect(doc.escape).toBe('`')
  })
})

describe('heredocs in ONBUILD triggers (BuildKit and dockerfile-ast read them)', () => {
  it('belong to the trigger, and the ONBUILD spans its bodies', () => {
    const text = 'FROM a\nONBUILD RUN <<EOF\napt-get update\nEOF\nUSER app\n'
    expect(astInstructions(text)).toEqual(['FROM', 'ONBUILD', 'USER'])
    const doc = parse(text)
    expect(doc.instructions.map((i) => i.keyword)).toEqual(['FROM', 'ONBUILD', 'USER'])
    const onbuild = doc.instructions[1]
    const trigger = onbuild.trigger!
    expect(trigger.heredocs.map((h) => [h.name, h.content])).toEqual([['EOF', 'apt-get update\n']])
    expect([onbuild.range.end, trigger.range.end]).toEqual([
      { line: 4, column: 4 },
      { line: 4, column: 4 }
    ])
    expect(trigger.range.start).toEqual({ line: 2, column: 9 })
    expect(doc.shell(trigger)!.commands.map((c) => c.name)).toEqual(['apt-get'])
  })
})

describe('parseDockerfile: edge cases', () => {
  it('reads a heredoc whose header continues over several lines', () => {
    const text = 'RUN cat <<EOF \\\n  > /etc/app.conf\nkey=value\nEOF\nEXPOSE 80\n'
    const doc = parseDockerfile('Dockerfile', text)
    expect(doc.instructions.map((i) => i.keyword)).toEqual(['RUN', 'EXPOSE'])
    expect(doc.instructions[0].heredocs[0].content).toBe('key=value\n')
    expect(doc.shell(doc.instructions[0])!.commands.map((c) => c.name)).toEqual(['cat'])
  })

  it('starts heredoc bodies after the comment lines of the header continuation', () => {
    const text = 'RUN cat <<EOF \\\n  # note\n'
    const doc = parse(text)
    expect(doc.instructions[0].heredocs[0]).toMatchObject({
      content: '',
      contentStart: text.length,
      terminated: false
    })
    expect(doc.comments.map((c) => [c.content, c.inInstruction])).toEqual([['note', true]])
  })

  it('reads CRLF heredocs and compares the delimiter without the CR', () => {
    const doc = parseDockerfile('Dockerfile', 'RUN <<EOF\r\napt-get update\r\nEOF\r\nUSER app\r\n')
    expect(doc.instructions.map((i) => i.keyword)).toEqual(['RUN', 'USER'])
    expect(doc.shell(doc.instructions[0])!.commands[0].args.map((a) => a.value)).toEqual(['update'])
  })

  it('keeps a RUN that does not parse as shell, with its error and the commands it could read', () => {
    const text = 'RUN apt-get update && apt-get install -y "curl\n'
    const doc = parseDockerfile('Dockerfile', text)
    const script = doc.shell(doc.instructions[0])!
    expect(script.error?.message).toBe('reached EOF without closing quote "')
    expect(script.error?.offset).toBe(text.indexOf('"curl'))
    expect(script.commands.map((c) => c.name)).toEqual(['apt-get', 'apt-get'])
  })

  it('maps every word of a long continued RUN back to the file', () => {
    const lines = Array.from({ length: 200 }, (_, i) => `    pkg${i} \\`)
    const text = `RUN apt-get install -y \\\n${lines.join('\n')}\n    last\n`
    const doc = parseDockerfile('Dockerfile', text)
    const words = doc.shell(doc.instructions[0])!.commands[0].args
    expect(words).toHaveLength(203)
    for (const w of words) expect(text.slice(w.start, w.end)).toBe(w.raw)
    expect(doc.instructions[0].textOffsets).toHaveLength(doc.instructions[0].text.length + 1)
  })

  it('reads long runs of comment and escape-only lines in linear time', () => {
    const block = '# note\n\\\n'.repeat(20000)
    const start = performance.now()
    const doc = parse(`FROM a\n${block}RUN\\\n${block}  b\n`)
    expect(performance.now() - start).toBeLessThan(5000)
    expect(doc.instructions.map((i) => i.keyword)).toEqual(['FROM', 'RUN'])
    expect(doc.comments).toHaveLength(40000)
  })

  it('never throws on arbitrary text', () => {
    for (const text of [
      '',
      '\\',
      '\n\n',
      '#',
      'RUN',
      'RUN \\',
      'ONBUILD',
      'FROM',
      '<<EOF',
      'COPY <<',
      'RUN <<"',
      '\uFEFF',
      '\n# syntax=x\n\\\n',
      '\r#check=skip=all\n',
      'ONBUILD RUN <<EOF'
    ]) {
      expect(() => {
        const doc = parseDockerfile('Dockerfile', text)
        for (const i of doc.instructions) {
          void doc.shell(i)
          void i.args
          void i.properties
        }
      }).not.toThrow()
    }
  })
})

describe('the once-per-instruction argument scan (src/parse/dockerfile-ast.ts)', () => {
  const texts = [
    'FROM --platform=$BUILDPLATFORM node:20 AS build\nRUN --mount=type=cache,target=/root/.npm npm ci\n',
    'RUN apt-get update \\\n  # a comment line\n  && apt-get install -y \\\n     curl "a b" \\ \n  && rm -rf /var/lib/apt/lists/*\n',
    '# escape=`\nFROM mcr.microsoft.com/windows\nRUN powershell -Command `\n  Write-Host "x y"\n',
    'COPY --chown=app:app --from=build ["a b", "c"]\nCMD ["node", "server.js"]\n',
    'RUN <<EOF bash\nset -e\necho hi\nEOF\nCOPY <<-"END" /etc/conf\n\tkey=value\nEND\n',
    'FROM alpine\r\nRUN echo a \\\r\n  b\r\nHEALTHCHECK --interval=5s CMD curl -f http://x/ || exit 1\r\n',
    'ONBUILD RUN echo "onbuild" \\\n  && true\nENV A=1 B="two words" \\\n  C=3\n'
  ]
  const view = (args: unknown[]) =>
    (args as Array<{ getValue(): string; getRange(): unknown }>).map((a) => [
      a.getValue(),
      a.getRange()
    ])

  /** Every instruction of `text` (triggers too) scanned both ways. */
  const compare = (text: string): number => {
    let n = 0
    for (const top of DockerfileParser.parse(text).getInstructions()) {
      const trigger = (
        top as unknown as { getTriggerInstruction?(): unknown }
      ).getTriggerInstruction?.()
      for (const instruction of trigger ? [top, trigger as typeof top] : [top]) {
        const raw = instruction as unknown as { getRawArguments(): unknown[] }
        const first = raw.getRawArguments()
        expect(view(first), text).toEqual(view(rawArgumentsUnpatched(instruction)))
        first.length = 0
        expect(view(raw.getRawArguments()), text).toEqual(view(rawArgumentsUnpatched(instruction)))
        n++
      }
    }
    return n
  }

  it('gives the arguments the unpatched scan gives, as a fresh array on every call', () => {
    for (const text of texts) compare(text)
  })

  it('agrees with the unpatched scan on every corpus instruction', () => {
    let n = 0
    for (const f of corpusFiles('dockerfile')) n += compare(f.text)
    expect(n).toBeGreaterThan(20_000)
  })

  it('agrees with the unpatched scan on generated instructions', () => {
    const piece = fc.constantFrom(
      'a',
      'bc',
      ' ',
      '  ',
      '\t',
      '\n',
      '\r\n',
      '\r',
      '\\',
      '\\\n',
      '\\ \n',
      '\\\t \r\n',
      '\\ x',
      '\\$',
      '$x',
      '#',
      ' # c\n',
      '\n# c\n',
      '`',
      '`\n',
      '"q q"',
      "'",
      '=',
      '[',
      '"]'
    )
    fc.assert(
      fc.property(
        fc.constantFrom('', '# escape=`\n'),
        fc.constantFrom('RUN ', 'COPY ', 'ENV ', 'CMD ', 'ONBUILD RUN ', 'LABEL ', 'FROM '),
        fc.array(piece, { maxLength: 24 }),
        (directive, keyword, parts) => {
          compare(`${directive}${keyword}${parts.join('')}\nUSER x\n`)
        }
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 1000) }
    )
  })
})

describe('the one-sweep comment placement (src/parse/dockerfile-ast.ts)', () => {
  interface Template {
    comments: Array<{ getRange(): unknown }>
  }
  interface File {
    initialInstructions: Template
    buildStages: Template[]
  }
  const placement = (file: File) =>
    [file.initialInstructions, ...file.buildStages].map((t) => t.comments.map((c) => c.getRange()))

  it('puts every comment where the unpatched loop puts it', () => {
    const texts = [
      '# top\nARG V=1\n# before FROM\nFROM a AS one\n# in one\nRUN x\n\n# between\n\nFROM b\nRUN y # not a comment\n  # indented\nCOPY . .\n# last\n',
      'FROM a\nRUN a \\\n# inside a continuation\n  b\nFROM b\n# tail\n',
      Array.from(
        { length: 40 },
        (_, i) => `# stage ${i}\nFROM img${i} AS s${i}\n# body ${i}\nRUN echo ${i}\n`
      ).join(''),
      '# only comments\n# here\n',
      'FROM a\n#c\nFROM b\n#c\nFROM c\n'
    ]
    let placed = 0
    for (const text of texts) {
      const patched = DockerfileParser.parse(text) as unknown as File
      const unpatched = DockerfileParser.parse(text) as unknown as File
      for (const t of [unpatched.initialInstructions, ...unpatched.buildStages]) t.comments = []
      organizeCommentsUnpatched(unpatched)
      expect(placement(patched)).toEqual(placement(unpatched))
      placed += placement(patched).flat().length
    }
    expect(placed).toBeGreaterThan(40)
  })

  it('parses 4,000 stages with a comment each in linear time', () => {
    const block = (n: number) =>
      Array.from({ length: n }, (_, i) => `# stage ${i}\nFROM img AS s${i}\nRUN echo ${i}\n`).join(
        ''
      )
    const time = (text: string) => {
      const start = performance.now()
      DockerfileParser.parse(text)
      return performance.now() - start
    }
    time(block(500))
    const small = Math.min(time(block(1000)), time(block(1000)))
    const large = Math.min(time(block(4000)), time(block(4000)))
    // Quadratic placement took 16× for 4× the stages; linear is about 4×.
    expect(large / small).toBeLessThan(9)
  })
})
