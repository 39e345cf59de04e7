import { DockerfileParser } from 'dockerfile-ast'
import { describe, expect, it } from 'vitest'
import { parseDockerfile } from '../../src/parse/dockerfile.js'

/**
 * dockerfile-ast 0.7.1's known quirks, pinned: the model used to be built on it and is now read by
 * our own lexer, which must not inherit them. If dockerfile-ast fixes one, its test here fails and
 * the note can go; the model side must keep passing either way.
 */

const ast = (text: string) => DockerfileParser.parse(text).getInstructions()

describe('dockerfile-ast quirks the model does not share', () => {
  it('splits arguments on whitespace inside quotes', () => {
    expect(
      ast('RUN apt-get install "a b"\n')[0]
        .getArguments()
        .map((a) => a.getValue())
    ).toEqual(['apt-get', 'install', '"a', 'b"'])
    const doc = parseDockerfile('Dockerfile', 'RUN apt-get install "a b"\n')
    expect(doc.shell(doc.instructions[0])!.commands[0].args.map((w) => w.value)).toEqual([
      'install',
      'a b'
    ])
  })

  it('drops interior whitespace from JSON strings', () => {
    const json = (
      ast('CMD ["echo  hi", "a b.js"]\n')[0] as unknown as {
        getJSONStrings(): Array<{ getJSONValue(): string }>
      }
    ).getJSONStrings()
    expect(json.map((j) => j.getJSONValue())).toEqual(['echohi', 'ab.js'])
    const doc = parseDockerfile('Dockerfile', 'CMD ["echo  hi", "a b.js"]\n')
    expect(doc.instructions[0].json!.values).toEqual(['echo  hi', 'a b.js'])
  })

  it('keeps heredoc bodies among the arguments', () => {
    const text = 'RUN <<EOF\nset -e\nEOF\n'
    expect(
      ast(text)[0]
        .getArguments()
        .map((a) => a.getValue())
    ).toEqual(['<<EOF', 'set', '-e', 'EOF'])
    expect(parseDockerfile('Dockerfile', text).instructions[0].args.map((a) => a.value)).toEqual([
      '<<EOF'
    ])
  })

  it('does not resolve ARG defaults in FROM', () => {
    const text = 'ARG BASE=python:3.12\nFROM ${BASE}\n'
    const from = ast(text)[1] as unknown as { getImageTag(): string | null }
    expect(from.getImageTag()).toBeNull()
    expect(parseDockerfile('Dockerfile', text).stages[0].image.tag).toBe('3.12')
  })

  it('accepts unknown parser directives and keeps reading directives after them', () => {
    const text = '# foo=bar\n# escape=`\nFROM a\n'
    const dockerfile = DockerfileParser.parse(text)
    expect(dockerfile.getDirectives().map((d) => d.getName())).toEqual(['foo', 'escape'])
    expect(dockerfile.getEscapeCharacter()).toBe('`')
    // BuildKit: an unknown directive is a comment and ends directive parsing.
    const doc = parseDockerfile('Dockerfile', text)
    expect([doc.directives.length, doc.escape]).toEqual([0, '\\'])
  })

  it('keeps quotes in flag values and splits them on whitespace', () => {
    const flags = (
      ast("COPY --from='a b' x y\n")[0] as unknown as {
        getFlags(): Array<{ getValue(): string | null }>
      }
    ).getFlags()
    expect(flags.map((f) => f.getValue())).toEqual(["'a"])
    expect(
      parseDockerfile('Dockerfile', "COPY --from='a b' x y\n").instructions[0].flags[0].value
    ).toBe('a b')
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
      '\uFEFF'
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
