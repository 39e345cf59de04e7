import { describe, expect, it } from 'vitest'
import { SHELL_PARSE_LIMITS, parseShell } from '../../src/parse/shell.js'
import { overLimit, shellShape } from '../../src/parse/shell-limits.js'

/**
 * The shape of a script, measured without a parser (issue 11): the numbers that decide, the same
 * way on every machine, whether a script is parsed and whether ShellCheck is given it.
 */

const shape = (text: string) => shellShape(text)

describe('shellShape', () => {
  it('counts commands, the longest and-or chain and variable names', () => {
    expect(shape('echo $a && b=1 c || d | e; f')).toEqual({
      bytes: 28,
      depth: 0,
      substitutions: 0,
      commands: 5,
      chain: 4,
      names: 2
    })
    // A newline after `&&` continues the chain; one after a command ends it.
    expect(shape('a &&\nb &&\nc\nd')).toMatchObject({ commands: 4, chain: 3 })
    expect(shape('export A=1 B=2\necho ${#A} ${!B} $C $1 "$D" \'$E\'')).toMatchObject({
      names: 4
    })
  })

  it('nests substitutions, groups, subshells and compound commands; weighs substitutions 2^depth', () => {
    expect(shape('echo "$(echo `x` ${a:-$(y)})"')).toMatchObject({
      depth: 3,
      substitutions: 2 + 4 + 4,
      commands: 4
    })
    expect(shape('x=$((1<<2 && 3)); while true; do { f; }; done')).toMatchObject({
      depth: 2,
      commands: 3,
      chain: 1
    })
    expect(shape('f() { echo; }').depth).toBe(1)
    expect(shape(`echo ${'$(a '.repeat(12)}x${')'.repeat(12)}`).substitutions).toBe(8190)
    expect(shape('diff <(a) >(b)').substitutions).toBe(4)
  })

  it('a case pattern’s `)` closes nothing; `esac`, `fi`, `done` close only their own', () => {
    expect(shape('if a; then case $x in a) b;; (c) d;; esac; fi').depth).toBe(3)
    expect(shape(`echo ${'$(case x in a) '.repeat(20)}y${';; esac)'.repeat(20)}`).depth).toBe(40)
    // A `}` or `fi` as an argument is a word, not a closer.
    expect(shape('{ echo }; { echo }; { echo fi; }; }; }').depth).toBe(3)
  })

  it('here-documents: a quoted body is skipped, an unquoted one is read for substitutions', () => {
    expect(shape("cat <<'EOF'\n$(a $(b))\nEOF\necho x")).toMatchObject({ depth: 0, commands: 2 })
    expect(shape('cat <<EOF\n$(a $(b))\nEOF\necho x')).toMatchObject({ depth: 2, commands: 4 })
    expect(shape('cat <<-EOF\n\t"(((\n\tEOF\necho x')).toMatchObject({ depth: 0, commands: 2 })
    // Inside arithmetic `<<` is a shift: what follows is still measured.
    expect(shape(`echo $((1<<EOF))\n${'( '.repeat(60)}x${' )'.repeat(60)}\nEOF`).depth).toBe(60)
  })

  it('UTF-8 bytes', () => {
    expect(shape('echo é 😀').bytes).toBe(5 + 2 + 1 + 4)
  })

  it('is linear: a megabyte of `&&`, of `$(` and of quotes in well under a second each', () => {
    const inputs = [
      'a && '.repeat(200_000),
      '$('.repeat(500_000),
      '"'.repeat(1_000_000),
      "'".repeat(1_000_000),
      'cat <<EOF\n'.repeat(100_000)
    ]
    for (const text of inputs) {
      const started = performance.now()
      shape(text)
      expect(performance.now() - started).toBeLessThan(1000)
    }
    expect(shape('a && '.repeat(200_000)).chain).toBe(200_001)
    expect(shape('$('.repeat(500_000)).depth).toBe(500_000)
  })

  it('overLimit names the first limit a shape is over, in words', () => {
    const limits = { bytes: 12, depth: 1, substitutions: 2, commands: 3, chain: 2, names: 1 }
    expect(overLimit(shape('a && b'), limits)).toBeUndefined()
    expect(overLimit(shape('a && b && c'), limits)).toBe(
      'it chains 3 commands with &&, || or | (limit 2)'
    )
    expect(overLimit(shape('echo 0123456789'), limits)).toBe('it is 15 bytes long (limit 12)')
    expect(overLimit(shape('$(a $(b))'), limits)).toBe('it nests 2 levels deep (limit 1)')
  })
})

describe('parseShell input limits', () => {
  it('a script beyond SHELL_PARSE_LIMITS is not parsed: `limit` says why, commands are the fallback’s', () => {
    const chain = Array.from({ length: SHELL_PARSE_LIMITS.chain + 1 }, (_, i) => `echo ${i}`).join(
      ' && '
    )
    const script = parseShell(chain, (i) => i + 100)
    expect(script.limit).toBe('it chains 513 commands with &&, || or | (limit 512)')
    expect(script.error?.message).toBe(`not parsed: ${script.limit}`)
    expect(script.commands).toHaveLength(513)
    expect(script.commands[1].start).toBe(100 + 'echo 0 && '.length)
  })

  it('at the limits mvdan/sh parses without running out of stack', () => {
    const n = SHELL_PARSE_LIMITS.depth
    const chain = Array.from({ length: SHELL_PARSE_LIMITS.chain }, () => 'echo $a').join(' && ')
    for (const text of [
      `echo ${'"$(echo '.repeat(n)}x${')"'.repeat(n)}`,
      `echo $((${'('.repeat(n - 2)}1${')'.repeat(n - 2)}))`,
      `[[ ${'( '.repeat(n)}a${' )'.repeat(n)} ]]`,
      `${'if a; then '.repeat(n - 1)}${chain}; ${'fi; '.repeat(n - 1)}`,
      `echo ${'$(echo '.repeat(n - 1)}${chain}${')'.repeat(n - 1)}`
    ]) {
      const script = parseShell(text, (i) => i)
      expect(script.limit, text.slice(0, 40)).toBeUndefined()
      expect(script.error, text.slice(0, 40)).toBeUndefined()
    }
  })
})
