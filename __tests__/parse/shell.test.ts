import { describe, expect, it } from 'vitest'
import { parseShell, type ShellScript } from '../../src/parse/shell.js'

/** Parse with identity offsets shifted by `base` (as if the script started at file offset `base`). */
function parse(text: string, base = 0): ShellScript {
  return parseShell(
    text,
    Array.from({ length: text.length + 1 }, (_, i) => base + i)
  )
}

const names = (s: ShellScript): string[] => s.commands.map((c) => c.name)

describe('parseShell: commands', () => {
  it('splits lists and pipelines in source order', () => {
    const s = parse('apt-get update && apt-get install -y curl; echo a | tee b || true & wait')
    expect(names(s)).toEqual(['apt-get', 'apt-get', 'echo', 'tee', 'true', 'wait'])
    expect(s.commands.map((c) => c.index)).toEqual([0, 1, 2, 3, 4, 5])
    expect(s.commands.map((c) => c.next)).toEqual(['&&', ';', '|', '||', '&', ''])
    expect(s.commands.map((c) => c.piped)).toEqual([false, false, true, true, false, false])
    expect(s.hasPipe).toBe(true)
    expect(s.error).toBeUndefined()
  })

  it('finds commands inside compound commands and substitutions', () => {
    const s = parse(
      'if [ -f x ]; then a; elif b; then c; else d; fi; for i in 1 2; do e "$i"; done; ' +
        'while f; do g; done; case "$x" in a|b) h ;; (*) i ;; esac; { j; }; (k); ' +
        'l $(m `n`) <(o); function p { q; }; r() { s; }; [[ $x == y && -n z ]]; (( i++ ))'
    )
    expect(names(s)).toEqual([
      '[',
      'a',
      'b',
      'c',
      'd',
      'e',
      'f',
      'g',
      'h',
      'i',
      'j',
      'k',
      'l',
      'm',
      'n',
      'o',
      'q',
      's'
    ])
    expect(s.error).toBeUndefined()
    const byName = new Map(s.commands.map((c) => [c.name, c]))
    expect(byName.get('[')!.conditional).toBe(true)
    expect(byName.get('f')!.conditional).toBe(true)
    expect(byName.get('a')!.conditional).toBe(false)
    expect(byName.get('k')!.subshell).toBe(true)
    expect(byName.get('m')!.substituted).toBe(true)
    expect(byName.get('n')!.substituted).toBe(true)
    expect(byName.get('o')!.substituted).toBe(true)
    expect(byName.get('l')!.substituted).toBe(false)
  })

  it('marks every command of a piped compound command as piped', () => {
    const s = parse('{ a; b; } | c; d')
    expect(s.commands.map((c) => [c.name, c.piped])).toEqual([
      ['a', true],
      ['b', true],
      ['c', true],
      ['d', false]
    ])
  })

  it('keeps assignments apart from words, and assignment-only calls', () => {
    const s = parse(
      'DEBIAN_FRONTEND=noninteractive apt-get install -y x; A=1; arr=(1 "2 3"); B+=2 b'
    )
    expect(s.commands[0].assigns).toEqual(['DEBIAN_FRONTEND=noninteractive'])
    expect(s.commands[0].name).toBe('apt-get')
    expect(s.commands[1].name).toBe('')
    expect(s.commands[1].assigns).toEqual(['A=1'])
    expect(s.commands[2].assigns).toEqual(['arr=(1 "2 3")'])
    expect(s.commands[2].name).toBe('')
    expect(s.commands[3].assigns).toEqual(['B+=2'])
    expect(s.commands[3].name).toBe('b')
  })

  it('rejects an array assignment before a command, as mvdan/sh does (bash accepts it)', () => {
    const s = parse('arr=(1 "2 3") b')
    expect(s.error?.message).toBe('inline variables cannot be arrays')
    expect(names(s)).toEqual(['arr=(1'])
  })

  it('reads declarations and let as commands named by their keyword', () => {
    const s = parse('export A="b c" B -x; local -r L=$(pwd); declare -a X=(1 2); let i=1+2 "j = 3"')
    expect(s.commands.map((c) => [c.name, c.args.map((w) => [w.value, w.literal])])).toEqual([
      [
        'export',
        [
          ['A=b c', true],
          ['B', true],
          ['-x', true]
        ]
      ],
      [
        'local',
        [
          ['-r', true],
          ['L=$(pwd)', false]
        ]
      ],
      ['pwd', []],
      [
        'declare',
        [
          ['-a', true],
          ['X=(1 2)', true]
        ]
      ],
      [
        'let',
        [
          ['i=1+2', true],
          ['j = 3', true]
        ]
      ]
    ])
    expect(s.commands[2].substituted).toBe(true)
    expect(s.commands.map((c) => c.next)).toEqual([';', ';', '', ';', ''])
  })

  it('gives the operator after a command past its redirections, comments and escaped newlines', () => {
    const s = parse('echo x >f ; a 2>&1 # note\nb \\\n  && c | d; cat <<E && e\nbody\nE\n')
    expect(s.commands.map((c) => [c.name, c.next, s.text.slice(c.end, c.nextEnd)])).toEqual([
      ['echo', ';', ' ;'],
      ['a', '\n', ' # note\n'],
      ['b', '&&', ' \\\n  &&'],
      ['c', '|', ' |'],
      ['d', ';', ';'],
      ['cat', '&&', ' &&'],
      ['e', '\n', '\n']
    ])
  })

  it('does not carry subshell or condition context into substitutions', () => {
    const s = parse('if [ "$(a)" ]; then (b "$(c)"); fi; x | y "$(z)"')
    const byName = new Map(s.commands.map((c) => [c.name, c]))
    expect(byName.get('[')!.conditional).toBe(true)
    expect([byName.get('a')!.conditional, byName.get('a')!.substituted]).toEqual([false, true])
    expect(byName.get('b')!.subshell).toBe(true)
    expect([byName.get('c')!.subshell, byName.get('c')!.substituted]).toEqual([false, true])
    // a pipeline reaches into its substitutions
    expect(byName.get('z')!.piped).toBe(true)
  })

  it('reads CRLF scripts like LF ones', () => {
    const s = parse('apt-get update\r\napt-get install -y curl\r\n')
    expect(s.commands.map((c) => c.args.map((w) => w.value))).toEqual([
      ['update'],
      ['install', '-y', 'curl']
    ])
    expect(s.error).toBeUndefined()
  })

  it('treats reserved words as plain words outside command position', () => {
    const s = parse('echo if then fi done { }')
    expect(names(s)).toEqual(['echo'])
    expect(s.commands[0].args.map((w) => w.value)).toEqual(['if', 'then', 'fi', 'done', '{', '}'])
  })

  it('includes redirections in the span, but not as words', () => {
    const s = parse('>>/etc/x echo hi 2>&1 > /dev/null')
    const c = s.commands[0]
    expect(c.name).toBe('echo')
    expect(c.args.map((w) => w.value)).toEqual(['hi'])
    expect([c.start, c.end]).toEqual([0, s.text.length])
  })

  it('skips here-document bodies', () => {
    const s = parse(
      "cat <<'EOF' > /etc/conf\nrm -rf /\nEOF\nnext-cmd\ncat <<-END\n\tnot a command\n\tEND\n"
    )
    expect(names(s)).toEqual(['cat', 'next-cmd', 'cat'])
    expect(s.error).toBeUndefined()
  })

  it('ignores comments', () => {
    const s = parse('a # b && c\nd#e')
    expect(names(s)).toEqual(['a', 'd#e'])
  })
})

describe('parseShell: words', () => {
  it('removes quotes and escapes from literal words', () => {
    const s = parse(`echo 'a b' "c \\" d" e\\ f "x\\ny" $'t'`)
    expect(s.commands[0].args.map((w) => w.value)).toEqual(['a b', 'c " d', 'e f', 'x\\ny', 't'])
    expect(s.commands[0].args.every((w) => w.literal)).toBe(true)
  })

  it('keeps the raw text of words with expansions', () => {
    const s = parse('echo $A "${B:-x}" "$(c)" `d` $((1+2)) pre${E}post ~/f *.txt')
    const args = s.commands[0].args
    expect(args.map((w) => [w.value, w.literal])).toEqual([
      ['$A', false],
      ['"${B:-x}"', false],
      ['"$(c)"', false],
      ['`d`', false],
      ['$((1+2))', false],
      ['pre${E}post', false],
      ['~/f', true],
      ['*.txt', true]
    ])
  })

  it('locates words through the offset map', () => {
    const s = parse('apt-get install curl', 100)
    const w = s.commands[0].args[1]
    expect([w.start, w.end]).toEqual([116, 120])
    expect([s.commands[0].start, s.commands[0].end]).toEqual([100, 120])
  })

  it('maps positions through removed continuations', () => {
    // "a \\\n  b" joined by the Dockerfile layer to "a   b" with a jump in offsets
    const text = 'a   b'
    const offsets = [0, 1, 4, 5, 6, 7]
    const s = parseShell(text, offsets)
    expect(s.commands[0].args[0]).toMatchObject({ value: 'b', start: 6, end: 7 })
  })

  it('counts positions in UTF-16 units', () => {
    const s = parse('echo "héllo 🙂" x')
    expect(s.commands[0].args[1]).toMatchObject({ value: 'x', start: 16, end: 17 })
  })
})

describe('parseShell: errors', () => {
  it.each([
    // mvdan/sh's messages and positions
    ["echo 'unterminated", "reached EOF without closing quote '", 5],
    ['echo "unterminated', 'reached EOF without closing quote "', 5],
    ['if true; then a', 'if statement must end with "fi"', 0],
    ['a && ', '&& must be followed by a statement', 2],
    ['echo $(a', 'reached EOF without matching ( with )', 5],
    ['fi', '"fi" can only be used to end an if', 0],
    ['a )', 'a command can only contain words and redirects; encountered )', 2]
  ])('%s → %s', (text, message, offset) => {
    const s = parse(text)
    expect(s.error?.message).toContain(message)
    expect(s.error?.offset).toBe(offset)
  })

  it('still returns the commands of a quote-aware split, located in the file', () => {
    const s = parse('apt-get update && apt-get install -y "curl', 10)
    expect(names(s)).toEqual(['apt-get', 'apt-get'])
    expect(s.commands[1].args.map((w) => [w.value, w.start])).toEqual([
      ['install', 36],
      ['-y', 44],
      ['curl', 47]
    ])
    expect(s.commands[0]).toMatchObject({ next: '&&', nextEnd: 27 })
    expect(s.error).toEqual({ message: 'reached EOF without closing quote "', offset: 47 })
  })

  it('reports nesting deeper than the stack allows instead of crashing', () => {
    const text = `echo ${'$('.repeat(10000)}x${')'.repeat(10000)}`
    const s = parse(text)
    expect(s.error).toBeDefined()
    expect(names(s)[0]).toBe('echo')
    // the parser still works afterwards
    expect(names(parse('a && b'))).toEqual(['a', 'b'])
  })

  it('never loops or throws on arbitrary punctuation', () => {
    for (const text of [
      ')))',
      ';;;',
      '&&&',
      '|||',
      '{ ( [[ $( `',
      '<<',
      '>',
      '$',
      '\\',
      '"$(',
      "'"
    ]) {
      expect(() => parse(text)).not.toThrow()
    }
  })

  it('a panic inside mvdan/sh (a comment right after `((`) is a parse error, not a throw', () => {
    for (const text of ['((#x\n', '(( #x\n', 'RUN_ME=1 && ((#x\n']) {
      const script = parse(text)
      expect(script.error?.message, text).toBe('the shell parser failed on this script')
      expect(script.error?.offset).toBe(0)
    }
    // The parser is usable again afterwards.
    expect(parse('echo ok').error).toBeUndefined()
  })
})
