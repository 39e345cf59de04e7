import type { Fix, Range, TextEdit } from '../../../core/types.js'
import { expandVariables } from '../../../dockerfile/variables.js'
import { unquote } from '../../../parse/dockerfile.js'
import type { DockerfileDoc, Instruction } from '../../../dockerfile/model.js'
import { commandName } from '../../../dockerfile/runs.js'
import type { ShellCommand, ShellWord } from '../../../parse/shell.js'

/**
 * hadolint's `Hadolint.Shell` vocabulary over our shell parse: a command's flags and non-flag
 * arguments, and the edits that fixes make to them. The commands themselves come from the model
 * (src/dockerfile/runs.ts).
 */

export function isFlag(word: ShellWord): boolean {
  return word.value.startsWith('-') && word.value !== '-'
}

/** Single-letter flags (`-yq` → y, q) and long flags without their value (`--yes=1` → yes). */
export function flagNames(cmd: ShellCommand): string[] {
  const out: string[] = []
  for (const w of cmd.args) {
    if (!isFlag(w)) continue
    if (w.value.startsWith('--')) out.push(w.value.slice(2).split('=')[0])
    else out.push(...w.value.slice(1).split(''))
  }
  return out
}

export function hasFlag(cmd: ShellCommand, ...names: string[]): boolean {
  const flags = flagNames(cmd)
  return names.some((n) => flags.includes(n))
}

/**
 * Arguments that are not flags; values of the flags in `valueFlags` (e.g. `['t', 'target-release']`)
 * are skipped too, whether written `-t x`, `-tx`, `--target-release x` or `--target-release=x`.
 */
export function argsNoFlags(cmd: ShellCommand, valueFlags: string[] = []): ShellWord[] {
  const out: ShellWord[] = []
  const args = cmd.args
  for (let i = 0; i < args.length; i++) {
    const w = args[i]
    if (!isFlag(w)) {
      out.push(w)
      continue
    }
    if (w.value === '--') {
      out.push(...args.slice(i + 1))
      break
    }
    const long = w.value.startsWith('--')
    const name = long ? w.value.slice(2) : w.value.slice(1)
    if (long && name.includes('=')) continue
    const takesValue = long
      ? valueFlags.includes(name)
      : valueFlags.includes(name.slice(-1)) && name.length === 1
    if (takesValue) i++
  }
  return out
}

/** `cmd` is `name` and one of its non-flag arguments is one of `subcommands` (hadolint cmdHasArgs). */
export function cmdHasArgs(
  cmd: ShellCommand,
  names: string | string[],
  subcommands: string[]
): boolean {
  const list = typeof names === 'string' ? [names] : names
  if (!list.includes(commandName(cmd))) return false
  return cmd.args.some((a) => subcommands.includes(a.value))
}

/** The first argument word equal to one of `words`. */
export function findArg(cmd: ShellCommand, words: string[]): ShellWord | undefined {
  return cmd.args.find((a) => words.includes(a.value))
}

/** Insert `text` right after `word` (adds a leading space). */
export function insertAfter(doc: DockerfileDoc, word: ShellWord, text: string): TextEdit {
  const at = doc.lines.position(word.end)
  return { range: { start: at, end: at }, text: ` ${text}` }
}

/**
 * Blanks for the shell: JavaScript's trimEnd() also drops U+2028, U+00A0 and friends, which the
 * shell reads as word characters (a script ending in one has a command there).
 */
const SHELL_BLANKS_AT_END = /[ \t\r\n]+$/
/** A shell comment starts at a word: after a blank or an operator. */
const TRAILING_COMMENT = /(?:^|[\s;&|()])#/
const QUOTE = /["'`]/

/**
 * Append ` && <command>` after the last command of a shell-form RUN (before trailing blanks); none
 * for a script the shell cannot parse.
 */
export function appendCommand(
  doc: DockerfileDoc,
  inst: Instruction,
  command: string
): TextEdit | undefined {
  const script = doc.shell(inst)
  // A script that does not parse (an unclosed quote, `$(`, `if`) would swallow the appended text.
  if (!script || script.error || inst.heredocs.length > 0) return undefined
  const last = script.commands.reduce<ShellCommand | undefined>(
    (a, c) => (!a || c.end > a.end ? c : a),
    undefined
  )
  if (!last) return undefined
  // End of the instruction's real text (trailing spaces and comment lines excluded) — or of the
  // script before a trailing shell comment (`… # see #12`), which would swallow the command. After
  // the last simple command only closers (`fi`, `done`, `}`) and redirections remain.
  const text = inst.text.replace(SHELL_BLANKS_AT_END, '')
  let lo = 0
  let hi = text.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (inst.offsetAt(mid) < last.end) lo = mid + 1
    else hi = mid
  }
  const tail = text.slice(lo)
  const hash = TRAILING_COMMENT.exec(tail)
  if (hash && QUOTE.test(tail.slice(0, hash.index))) return undefined
  const length = hash
    ? text.slice(0, lo + hash.index).replace(SHELL_BLANKS_AT_END, '').length
    : text.length
  const end = inst.offsetAt(length - 1) + 1
  const at = doc.lines.position(end)
  return { range: { start: at, end: at }, text: ` && ${command}` }
}

export function fix(
  description: string,
  safe: boolean,
  ...edits: Array<TextEdit | undefined>
): Fix | undefined {
  const present = edits.filter((e): e is TextEdit => e !== undefined)
  return present.length === edits.length && present.length > 0
    ? { description, safe, edits: present }
    : undefined
}

/** `keyword` in the case the instruction was written in (`run` → `workdir`). */
export function keywordAs(inst: Instruction, keyword: string): string {
  const k = inst.keywordText
  return k === k.toLowerCase() && k !== k.toUpperCase() ? keyword.toLowerCase() : keyword
}

/** Replace a shell word's text. */
export function replaceWord(doc: DockerfileDoc, word: ShellWord, text: string): TextEdit {
  return { range: doc.span(word.start, word.end).range, text }
}

/** A word made only of variable references and literal text (no `$(…)`, backticks or globs). */
const EXPANDABLE = /^(?:[^$`*?[\\]|\$\{[A-Za-z_]\w*(?::?[-+][^}$]*)?\}|\$[A-Za-z_]\w*)*$/

/**
 * The words a RUN word stands for once the ARG/ENV variables in scope are substituted (defaults:
 * build args may override them). `$PKGS` with `ENV PKGS="curl git"` gives `['curl', 'git']`; a
 * double-quoted word stays one word. Undefined when a variable is unknown or the word runs code.
 */
export function expandWord(
  doc: DockerfileDoc,
  inst: Instruction,
  word: ShellWord
): string[] | undefined {
  if (word.literal) return [word.value]
  let raw = word.raw
  const quoted = raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"')
  if (quoted) raw = raw.slice(1, -1)
  if (!EXPANDABLE.test(raw)) return undefined
  const { value, unresolved } = expandVariables(raw, doc.variables(inst))
  if (unresolved) return undefined
  if (quoted) return [value]
  return unquote(value)
    .split(/\s+/)
    .filter((w) => w !== '')
}

/**
 * Delete an instruction flag (`--platform=…`) with the blanks and line continuations that follow
 * it, so the next word takes its place.
 */
export function deleteFlag(doc: DockerfileDoc, flag: { start: number; end: number }): TextEdit {
  const t = doc.text
  let k = flag.end
  for (;;) {
    while (t[k] === ' ' || t[k] === '\t') k++
    if (t[k] !== doc.escape) break
    let j = k + 1
    while (t[j] === ' ' || t[j] === '\t') j++
    if (t[j] === '\r') j++
    if (t[j] !== '\n') break
    k = j + 1
  }
  return { range: doc.span(flag.start, k).range, text: '' }
}

/**
 * Report the unpinned packages among a command's package words as one finding from the first to
 * the last offending word, naming each. Literal words are judged as written; `$PKGS`-style words
 * by the ARG/ENV defaults in scope (what they expand to is named too); words whose value cannot be
 * known are left out, never guessed.
 */
export function reportUnpinned(
  doc: DockerfileDoc,
  report: (r: { message: string; range: Range }) => void,
  inst: Instruction,
  words: ShellWord[],
  pinned: (spec: string) => boolean,
  message: (names: string, example: string) => string
): void {
  const bad: Array<{ word: ShellWord; unpinned: string[] }> = []
  for (const word of words) {
    if (word.literal) {
      if (!pinned(word.value)) bad.push({ word, unpinned: [word.value] })
      continue
    }
    const unpinned = (expandWord(doc, inst, word) ?? []).filter((s) => !pinned(s))
    if (unpinned.length > 0) bad.push({ word, unpinned })
  }
  if (bad.length === 0) return
  const names = bad
    .map((a) =>
      a.word.literal
        ? `\`${a.unpinned[0]}\``
        : `\`${a.word.raw}\` (${a.unpinned.map((s) => `\`${s}\``).join(', ')})`
    )
    .join(', ')
  report({
    message: message(names, bad[0].unpinned[0]),
    range: doc.span(bad[0].word.start, bad[bad.length - 1].word.end).range
  })
}
