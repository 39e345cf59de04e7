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
      '>',
      '\\',
      '\\\n',
      '\\"',
      "'a\\b' ",
      '{}',
      '${!x}',
      '${x:?a b}',
      '"a\\"b" ',
      '"\\$x" ',
      '# c\n',
      '#',
      '{ ',
      '} ',
      '; } ',
      '( ',
      ') ',
      'elif ',
      'else ',
      'fi',
      'while ',
      'until ',
      'for ',
      'for x in ',
      'done',
      'declare ',
      'readonly ',
      '-x ',
      '${x%.*}',
      '${#x}',
      '${x:-$y}',
      '${x/a/b}',
      '${x:?m}'
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

  it('agrees with mvdan/sh on generated compound scripts whenever it accepts one', () => {
    // Mostly well-formed scripts (most are accepted), with a stray piece now and then.
    const blank = fc.constantFrom(' ', '  ', '\t', ' \\\n ')
    const sep = fc.constantFrom('; ', '\n', ' && ', ' || ', ' | ', ';\n', ' # c\n', '\n\n')
    const good = fc.constantFrom(
      'a',
      'apt-get',
      '-y',
      '-#',
      '"$x"',
      "'s q'",
      '\\$x',
      'a\\ b',
      '"a\\"b"',
      '${x:-y}',
      '${x%%/*}',
      '$(b c)',
      '"$(b | c)"',
      'A=1',
      '>f',
      '2>&1'
    )
    const odd = fc.constantFrom('then', 'fi', 'do', '}', '{', '#x', '!', '(', 'a#b', '$((1))')
    const word = fc.oneof({ arbitrary: good, weight: 20 }, { arbitrary: odd, weight: 1 })
    const name = fc.oneof(
      { arbitrary: fc.constantFrom('echo', 'a', 'apt-get', 'B=2 a', '['), weight: 20 },
      {
        arbitrary: fc.constantFrom('if', 'fi', 'then', 'done', 'case', '!', 'A=1 export'),
        weight: 1
      }
    )
    const call = fc
      .tuple(name, fc.array(fc.tuple(blank, word), { maxLength: 3 }))
      .map(([first, args]) => first + args.map(([b, w]) => b + w).join(''))
    const declaration = fc
      .tuple(
        fc.constantFrom('export', 'local', 'declare -x', 'readonly'),
        fc.array(
          fc.oneof(
            { arbitrary: fc.constantFrom('A', 'A=1', 'B="$x"', 'C=$(b c)', 'D+='), weight: 10 },
            { arbitrary: fc.constantFrom('"$x"', '-r', 'A[1]=2', '>f'), weight: 1 }
          ),
          { minLength: 1, maxLength: 3 }
        )
      )
      .map(([keyword, args]) => `${keyword} ${args.join(' ')}`)
    const simple = fc.oneof({ arbitrary: call, weight: 5 }, { arbitrary: declaration, weight: 1 })
    const item = fc.oneof(
      {
        arbitrary: fc.constantFrom('a', '"$x"', '${x:-y}', '$(b c)', "'s q'", 'a\\ b'),
        weight: 10
      },
      { arbitrary: odd, weight: 1 }
    )
    const { list } = fc.letrec((tie) => ({
      list: fc
        .tuple(tie('command'), fc.array(fc.tuple(sep, tie('command')), { maxLength: 2 }))
        .map(([first, rest]) => first + rest.map(([s, c]) => s + c).join('')),
      command: fc.oneof(
        { maxDepth: 3, withCrossShrink: true },
        simple,
        fc
          .tuple(tie('list'), tie('list'), fc.option(tie('list')), sep)
          .map(([c, t, e, s]) => `if ${c}; then ${t}${e === null ? '' : `; else ${e}`}${s}fi`),
        fc
          .tuple(fc.constantFrom('while', 'until'), tie('list'), tie('list'))
          .map(([w, c, d]) => `${w} ${c}; do ${d}; done`),
        fc
          .tuple(fc.array(item, { minLength: 1, maxLength: 3 }), tie('list'))
          .map(
            ([items, d]) =>
              `for f${items.length > 2 ? '' : ` in ${items.join(' ')}`}; do\n${d}\ndone`
          ),
        fc
          .tuple(
            fc.constantFrom('"$x"', '$(b c)', 'a'),
            fc.array(
              fc.tuple(
                fc.constantFrom('a', '*', '(x|y', 'x | "y"', "'a'*", 'a#b'),
                fc.option(tie('list')),
                fc.constantFrom(';;', ';&', ';;&', ' ;;\n', '\n;;')
              ),
              { minLength: 1, maxLength: 3 }
            ),
            fc.constantFrom(' ', '\n', '; ')
          )
          .map(
            ([subject, items, end]) =>
              `case ${subject} in ${items.map(([p, l, t]) => `${p}) ${l ?? ''}${t}`).join(' ')}${end}esac`
          ),
        tie('command').map((c) => `! ${c}`),
        tie('list').map((l) => `{ ${l}; }`),
        tie('list').map((l) => `f() { ${l}; }`),
        tie('list').map((l) => `( ${l})`),
        tie('list').map((l) => `( ${l} ) >/dev/null`)
      )
    }))
    let accepted = 0
    let compound = 0
    fc.assert(
      fc.property(
        list,
        fc.nat(),
        fc.constantFrom('', ';', ')', '}', 'fi', '\\', '#', '&'),
        (text, at, stray) => {
          const cut = at % (text.length + 1)
          const script = at % 3 === 0 ? text.slice(0, cut) + stray + text.slice(cut) : text
          const fast = plainScript(script)
          if (!fast) return
          accepted++
          if (/\b(if|while|until|for)\b|[({]/.test(script)) compound++
          expect(fast, script).toEqual(mvdanScript(script))
        }
      ),
      { numRuns: RUNS }
    )
    // Not vacuous: many generated scripts, compound ones among them, take the fast path.
    expect(accepted).toBeGreaterThan(RUNS / 10)
    expect(compound).toBeGreaterThan(RUNS / 20)
  })

  it('leaves anything beyond plain command lists to mvdan/sh', () => {
    for (const text of [
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
      '! ! a',
      'a | ! b',
      '!\na',
      'x[1]=2 a',
      'echo "`a`"',
      'a &&',
      '&& a',
      'a ;; b',
      'a\r\nb',
      'echo "unterminated',
      'case $a in x) b ;; esac esac',
      'case $a in x) b ;; }',
      'case $a in x) b ;;',
      'case $a x) b ;; esac',
      'f() a',
      'f() ( a )',
      'function f { a; }',
      'echo ${A:1:2} ${A^^} ${A[@]} ${A:-"a"}',
      '{} a',
      'if a; then fi',
      'if a then b; fi',
      'for x do a; done',
      'for x in; do a; done',
      '{ a }',
      '{a; }',
      '(( a ))',
      '( )',
      'a; }',
      'echo a\\\nb',
      'a # c \\\nb',
      'A=1 export B',
      'export A >f',
      'export A=1 "$x"',
      'export A[1]=2',
      '{ a; } b',
      'echo $(a # c\n)'
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
      'a 2&>f',
      'echo ${HOME:-/} ${#A} "${A%%.*}" ${A/x/$B}',
      'echo \'a\\b\' \\$x "a\\"b" a\\ b',
      'a # c\nb && # d\n c',
      'a \\\n  b',
      'if a; then b; elif c; then d; else e; fi',
      'if [ -f x ]\nthen\n  a | b\nfi >/dev/null 2>&1 && c',
      'while read -r l; do echo "$l"; done < f',
      'until a; do b; done',
      'for f in a "$B" $(c); do d "$f"; done | e',
      '{ a; b; } > f',
      '(cd x && make) || true',
      'A=$(if a; then b; fi) c',
      'export A=1 B="x y" C=$(d) E+=',
      'declare -r -x A',
      '! a | b && ! { c; }',
      'case "$(uname -m)" in x86_64|amd64) a=1 ;; (arm*) b ;& *) ;; esac',
      'case a in x) b ;;& y) c;; esac',
      'curl -#sSL x | tar -x',
      'echo {a,b} && find . -exec rm {} +',
      ': "${A:?a b}" ${!B}',
      'for f; do a "$f"; done',
      'f() { local a="$1"; b "$a"; }; f x',
      'g ()\n{\n  a | b\n} >/dev/null'
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
