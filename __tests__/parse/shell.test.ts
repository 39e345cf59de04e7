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
    const s = parse('DEBIAN_FRONTEND=noninteractive apt-get install -y x; A=1; arr=(1 "2 3") b')
    expect(s.commands[0].assigns).toEqual(['DEBIAN_FRONTEND=noninteractive'])
    expect(s.commands[0].name).toBe('apt-get')
    expect(s.commands[1].name).toBe('')
    expect(s.commands[1].assigns).toEqual(['A=1'])
    expect(s.commands[2].assigns).toEqual(['arr=(1 "2 3")'])
    expect(s.commands[2].name).toBe('b')
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
    ["echo 'unterminated", 'single quote', 5],
    ['echo "unterminated', 'double quote', 5],
    ['if true; then a', '`fi` expected', 0],
    ['a && ', 'must be followed', 5],
    ['echo $(a', 'never closed', 5],
    ['fi', 'unexpected `fi`', 0],
    ['a )', 'unexpected `)`', 2]
  ])('%s → %s', (text, message, offset) => {
    const s = parse(text)
    expect(s.error?.message).toContain(message)
    expect(s.error?.offset).toBe(offset)
  })

  it('still returns the commands it could read', () => {
    const s = parse('apt-get update && apt-get install -y "curl')
    expect(names(s)).toEqual(['apt-get', 'apt-get'])
    expect(s.error).toBeDefined()
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
})
