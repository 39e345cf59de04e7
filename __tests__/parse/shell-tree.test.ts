import { beforeAll, describe, expect, it } from 'vitest'
import { initTreeSitter, treeSitterScript } from '../../bench/shell-tree.js'
import { mvdanScript } from '../../src/parse/shell.js'
import { difference } from './shell-readings.js'

/**
 * The tree-sitter-bash adapter (bench/shell-tree.ts, the candidate replacement for mvdan/sh of
 * issue 16; the corpus comparison is bench/shell-diff.ts): where the grammar's tree differs from
 * the shell's structure and the adapter maps it back, both parsers must read the same; where the
 * grammar misreads bash and nothing maps it back, the difference is pinned here, with what bash
 * does, so that a grammar update that fixes it shows up.
 */

beforeAll(async () => {
  await initTreeSitter()
})

describe('tree-sitter-bash ⇔ mvdan/sh', () => {
  it.each([
    // Plain lists, context flags, UTF-16 positions.
    'apt-get update && apt-get install -y curl; rm -rf /var/lib/apt/lists/*',
    'A=1 B="two words" make -C src all',
    'echo "é🙂 $x" && printf \'%s\' é 🙂 | tee out',
    '(cd /src && make) || { echo failed; exit 1; }',
    'x="$(apt-mark showmanual)"; [ -z "$x" ] || apt-mark manual $x',
    'if [ -f a ] && grep -q b c; then d; elif e; then f; else g; fi',
    'while read -r l; do echo "$l"; done < list; until h; do i; done',
    'for p in a $(b) "c d"; do e "$p"; done; case $x in a|b) c;; *) d;; esac',
    'export A=1 B="b c" C; declare -x D=$E; local F; readonly G=(1 2); unset H',
    "echo $'a\\nb' {a,b} a\\ b *.c ~/x",
    'f() { a; }; ! b; time -p make -j2',
    'echo $((1 + $(nproc))) ${a:-$(b)} `c d`',
    '>out; 2>&1 a',
    // `a && b >f | c`: the grammar hangs the redirection on `a && b`.
    'a && b 2>&1 | tee log',
    'a | b && c 2>&1 | d',
    'a && b >x || c | d',
    '[ -z "$s" ] ||\tapt-mark manual $s >/dev/null; x',
    // `! cmd >f`: the redirection hangs on the negation.
    'if ! git describe 2>/dev/null; then\n echo a\nfi',
    // What follows a here-document's delimiter sits inside the redirection.
    'cat <<EOF | sh\necho $x\nEOF\necho done',
    'cat <<-"EOF" >f && y\n\tx\n\tEOF',
    // The grammar cuts a word after a `$` (`…-$` `v-…`).
    'wget https://h/$v/a-$v-linux.tar.gz https://h/$v/a-$v-linux.tar.gz.sha512',
    // `elif` has no condition field.
    'if a; then if b; then c; elif d; then e; fi && f; fi'
  ])('reads %j the same', (script) => {
    const tree = treeSitterScript(script)
    expect(difference(mvdanScript(script), tree)).toBeUndefined()
    expect(tree.commands.length).toBeGreaterThan(0)
  })
})

describe('tree-sitter-bash misreads these (bash reads them as mvdan/sh does)', () => {
  it('joins the last command of a three-command pipeline with the next line when that line redirects', () => {
    const script = 'a | b | c -\necho x > f'
    expect(mvdanScript(script).commands.map((c) => c.name)).toEqual(['a', 'b', 'c', 'echo'])
    expect(treeSitterScript(script).commands.map((c) => c.words.map((w) => w.raw))).toEqual([
      ['a'],
      ['b'],
      ['c', '-', 'echo', 'x']
    ])
  })

  it('reads `! { …; }` as a command named `{`', () => {
    const script = "! { echo 'not found'; }; x"
    expect(mvdanScript(script).commands.map((c) => c.name)).toEqual(['echo', 'x'])
    expect(treeSitterScript(script).commands.map((c) => c.name)).toEqual(['{', '}', 'x'])
  })

  it.each([
    // A compound command ended by the next one's reserved word, as RUN line continuations leave them.
    'if a; then if b; then c; fi     fi',
    'for a in b; do for c in d; do e; done     done',
    'if a; then ( b ) else ( c ) fi'
  ])('does not parse %j', (script) => {
    expect(mvdanScript(script).error).toBeUndefined()
    expect(treeSitterScript(script).error).toBeDefined()
  })

  it('reads a `$"…"` string as an expansion', () => {
    const script = 'echo $"x"'
    expect(mvdanScript(script).commands[0].words[1]).toMatchObject({ value: 'x', literal: true })
    expect(treeSitterScript(script).commands[0].words[1]).toMatchObject({ literal: false })
  })

  it('drops an escaped blank at the start of a word', () => {
    const script = 'echo \\ -Force'
    expect(mvdanScript(script).commands[0].words[1]).toMatchObject({ value: ' -Force', start: 5 })
    expect(treeSitterScript(script).commands[0].words[1]).toMatchObject({
      value: '-Force',
      start: 7
    })
  })
})
