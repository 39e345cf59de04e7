import type { ShellCommand, ShellScript } from '../../src/parse/shell.js'

/**
 * The first difference between two readings of one script (mvdan/sh's and tree-sitter-bash's), as
 * [class, detail]: parse errors, then each command (span, name, context, operator after,
 * assignments), then each word (span, raw text, literal, value). Used by the differential test and
 * bench/shell-diff.ts.
 */
export function difference(a: ShellScript, b: ShellScript): [string, string] | undefined {
  if (!!a.error !== !!b.error)
    return a.error
      ? ['error: mvdan only', `${a.error.message} @${a.error.offset}`]
      : ['error: tree-sitter only', `${b.error!.message} @${b.error!.offset}`]
  if (a.error) return undefined
  if (a.hasPipe !== b.hasPipe) return ['hasPipe', `${a.hasPipe} vs ${b.hasPipe}`]
  const n = Math.max(a.commands.length, b.commands.length)
  for (let k = 0; k < n; k++) {
    const x = a.commands[k]
    const y = b.commands[k]
    if (!x || !y || x.start !== y.start) return ['commands', `#${k}: ${show(x)} vs ${show(y)}`]
    for (const f of [
      'name',
      'end',
      'piped',
      'substituted',
      'subshell',
      'conditional',
      'next',
      'nextEnd'
    ] as const)
      if (x[f] !== y[f]) return [`command ${f}`, `${show(x)}: ${String(x[f])} vs ${String(y[f])}`]
    if (x.assigns.join('\0') !== y.assigns.join('\0'))
      return ['command assigns', `${JSON.stringify(x.assigns)} vs ${JSON.stringify(y.assigns)}`]
    if (x.words.length !== y.words.length)
      return [
        'word count',
        `${show(x)}: ${x.words.map((w) => w.raw).join(' ⏐ ')} vs ${y.words.map((w) => w.raw).join(' ⏐ ')}`
      ]
    for (let j = 0; j < x.words.length; j++) {
      const v = x.words[j]
      const w = y.words[j]
      for (const f of ['start', 'end', 'raw', 'literal', 'value'] as const)
        if (v[f] !== w[f])
          return [`word ${f}`, `${show(x)} word ${j}: ${JSON.stringify(v)} vs ${JSON.stringify(w)}`]
    }
  }
  return undefined
}

function show(c: ShellCommand | undefined): string {
  return c ? `${JSON.stringify(c.name)}@${c.start}` : '∅'
}
