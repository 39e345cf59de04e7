import type { TextEdit } from '../../../core/types.js'
import type { DockerfileDoc, Instruction } from '../../../dockerfile/model.js'
import type { ShellCommand, ShellWord } from '../../../parse/shell.js'
import { deleteInstruction } from './edits.js'
import type { Pair } from '../../../dockerfile/properties.js'

/**
 * Deletions inside instructions that keep the rest intact: a removed word takes the gap before it
 * with it (back to the end of the previous word, so a continuation line that held only that word
 * disappears instead of leaving an empty continuation behind).
 */

/** Delete `cmd.args[from..to]` (inclusive) together with the gap before them. */
export function removeArgs(
  doc: DockerfileDoc,
  cmd: ShellCommand,
  from: ShellWord,
  to: ShellWord = from
): TextEdit | undefined {
  const k = cmd.words.indexOf(from)
  if (k <= 0 || cmd.words.indexOf(to) < k) return undefined
  const start = cmd.words[k - 1].end
  return { range: doc.span(start, to.end).range, text: '' }
}

/**
 * Remove one letter from a bundle of short flags (`-fsSLk` → `-fsSL`), or the whole word when it
 * is the only letter.
 */
export function removeFlagLetter(
  doc: DockerfileDoc,
  cmd: ShellCommand,
  word: ShellWord,
  letter: string
): TextEdit | undefined {
  if (!word.literal || word.raw !== word.value || !/^-[A-Za-z0-9]+$/.test(word.raw))
    return undefined
  if (word.raw === `-${letter}`) return removeArgs(doc, cmd, word)
  const at = word.raw.indexOf(letter, 1)
  if (at === -1) return undefined
  return { range: doc.span(word.start + at, word.start + at + 1).range, text: '' }
}

/** Remove one `KEY=value` pair of ENV/ARG/LABEL, or the whole instruction when it is the only one. */
export function removePair(
  doc: DockerfileDoc,
  inst: Instruction,
  all: Pair[],
  pair: Pair
): TextEdit {
  const k = all.indexOf(pair)
  if (all.length === 1) return deleteInstruction(doc, inst)
  if (k > 0) return { range: doc.span(all[k - 1].span.end, pair.span.end).range, text: '' }
  return { range: doc.span(pair.span.start, all[1].span.start).range, text: '' }
}
