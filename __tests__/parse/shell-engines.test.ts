import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  mvdanScript,
  parseShell,
  plainScript,
  resetShellCache,
  shellStats
} from '../../src/parse/shell.js'

/**
 * The two ways a script is read — the plain-command-list fast path and mvdan/sh — must agree on
 * every script the fast path accepts (on the corpus: __tests__/corpus/dockerfile-corpus.test.ts);
 * the cache must hand out independent, correctly located copies.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000)

const identity = (text: string): number[] => Array.from({ length: text.length + 1 }, (_, i) => i)

describe('fast path ⇔ mvdan/sh', () => {
  it('agrees with mvdan/sh on generated scripts whenever it accepts one', () => {
    const piece = fc.constantFrom(
      'apt-get ',
      'install ',
      '-y ',
      'a',
      'b',
      'A=1 ',
      'B+=x ',
      'x[1]=2 ',
      '=',
      '"q q" ',
      "'s s' ",
      '"a\'b" ',
      "'a\"b' ",
      '"é🙂" ',
      '"$x" ',
      '$x',
      '${x}',
      '${x:-y}',
      '$1',
      '$@',
      '$$',
      "$'a'",
      '$(',
      '$((',
      '$(a b)',
      '>',
      '>>',
      '> ',
      '<',
      '2>&1 ',
      '>&',
      '&>',
      '2',
      '2>',
      '"$(a | b)" ',
      ')',
      '"a $x b"',
      "'$x'",
      '`a`',
      "'\\' ",
      '&& ',
      '&&',
      '|| ',
      '| ',
      '|',
      '; ',
      ';',
      ';;',
      '&',
      '|&',
      '\n',
      ' ',
      '\t',
      '!',
      '! ',
      '[ ',
      ' ]',
      '[[ ',
      ']] ',
      'if ',
      'then ',
      'fi ',
      'do ',
      'done ',
      'in ',
      'time ',
      'export ',
      'let ',
      'local ',
      '*.txt ',
      '?',
      '@',
      '%',
      '^',
      ',',
      '~/x ',
      ':',
      '/usr/bin/',
      '.',
      '-',
      '+',
      '#',
      '$',
      '(',
      ')',
      '{',
      '}',
      '<',
      '>'
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const text = parts.join('')
        const fast = plainScript(text)
        if (fast) expect(fast).toEqual(mvdanScript(text))
      }),
      { numRuns: RUNS }
    )
  })

  it('leaves anything beyond plain command lists to mvdan/sh', () => {
    for (const text of [
      'echo ${HOME:-/}',
      'echo ${#A}',
      'echo $((1 + 2))',
      "echo $'a'",
      'echo $',
      'echo $(a',
      'echo $()',
      'echo a)',
      'echo $(a &&)',
      'echo `a`',
      'echo $A#b',
      'echo "$(a)"#b',
      'a & b',
      'a |& b',
      'a >| f',
      'a <<EOF\nx\nEOF',
      'a <<< x',
      'a <&3',
      'a >&f',
      'a <> f',
      '12>f a',
      'a > >(b)',
      'a <(b)',
      'a >',
      'a$12>f',
      'a x2>f',
      'a # c',
      'if a; then b; fi',
      '! a',
      'export A=1',
      'x[1]=2 a',
      'echo "`a`"',
      "echo 'a\\b'",
      'a &&',
      '&& a',
      'a ;; b',
      'echo {a,b}',
      'a\r\nb',
      'echo "unterminated'
    ]) {
      expect(plainScript(text), text).toBeUndefined()
    }
    expect(plainScript('A=1 apt-get install -y "a b" && b | c || d; e\nf')).toBeDefined()
    for (const text of [
      'echo $HOME ${A}/x "$1:$@" \'$x\'',
      'A=$(uname -m) make -j"$(nproc)" && b $(c | d) | e',
      'a "$(b "$(c)")" $(d\ne)',
      'A="$B" B=${C}x',
      'echo $(a; )',
      'a > f 2>&1 && b >> g',
      '2>/dev/null a; > f',
      'a &>/dev/null | b &>> "$L"',
      'a >"$(b)" c',
      'echo a>b 1>&2 <c >&- >& 2',
      'a 2&>f'
    ]) {
      expect(plainScript(text), text).toEqual(mvdanScript(text))
    }
  })
})

describe('parseShell: cache', () => {
  it('hands out independent copies located by each call', () => {
    resetShellCache()
    const text = 'apt-get install -y curl'
    const a = parseShell(text, identity(text))
    a.commands[0].args[0].value = 'changed'
    a.commands[0].assigns.push('X=1')
    const b = parseShell(text, (i) => 100 + i)
    expect(b.commands[0].args[0]).toMatchObject({ value: 'install', start: 108, end: 115 })
    expect(b.commands[0].assigns).toEqual([])
    expect(shellStats()).toMatchObject({ calls: 2, hits: 1, plain: 1, mvdan: 0 })
  })

  it('keeps errors and their fallback commands per call', () => {
    resetShellCache()
    const text = 'a && b "c'
    const first = parseShell(text, identity(text))
    const second = parseShell(text, (i) => 10 + i)
    expect(first.error!.offset + 10).toBe(second.error!.offset)
    expect(second.commands.map((c) => [c.name, c.start])).toEqual([
      ['a', 10],
      ['b', 15]
    ])
    expect(shellStats()).toMatchObject({ hits: 1, mvdan: 1, errors: 1 })
  })

  it('is bounded: the least recently used script is read again', () => {
    resetShellCache()
    const text = 'echo <<< first'
    parseShell(text, identity(text))
    for (let i = 0; i < 5000; i++) parseShell(`echo <<< x${i}`, identity(`echo <<< x${i}`))
    parseShell(text, identity(text))
    expect(shellStats()).toMatchObject({ hits: 0, mvdan: 5002 })
  })
})
