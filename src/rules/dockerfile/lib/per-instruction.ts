import { applyFixes } from '../../../core/fixes.js'
import type { Fix, Report, RuleContext, TextEdit } from '../../../core/types.js'
import type { DockerfileDoc, Instruction } from '../../../dockerfile/model.js'

/**
 * One finding per instruction for rules that fire once per command of a RUN (`-y` missing on two
 * `apt-get install`s, three `cd`s): a reviewer gets one thread naming every command, not one per
 * command. The rule reports as before; `oncePerInstruction` collects its reports and, for an
 * instruction with several of the same rule, reports one finding spanning the first to the last,
 * naming each command by its text and line, with one fix made of all of theirs.
 */

/** The top-level instruction (ONBUILD included) whose text holds `offset`. */
function instructionAt(doc: DockerfileDoc, offset: number): Instruction | undefined {
  const list = doc.instructions
  let lo = 0
  let hi = list.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const inst = list[mid]
    if (offset < inst.start) hi = mid - 1
    else if (offset >= inst.end && !(offset === inst.end && inst.start === inst.end)) lo = mid + 1
    else return inst
  }
  return undefined
}

const MAX_LABEL = 48

/** The reported text on one line, blanks and line continuations collapsed, shortened. */
function label(doc: DockerfileDoc, r: Report): string {
  const start = doc.lines.offset(r.range.start)
  const end = doc.lines.offset(r.range.end)
  const escape = doc.escape === '`' ? '`' : '\\\\'
  const text = doc.text
    .slice(start, end)
    .replace(new RegExp(`${escape}[ \\t]*\\r?\\n`, 'g'), ' ')
    .replace(/\s+/g, ' ')
    .replace(/`/g, "'")
    .trim()
  return text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text
}

const STOP = /\.\s*$/

const isInsertion = (e: TextEdit): boolean =>
  e.range.start.line === e.range.end.line && e.range.start.column === e.range.end.column
const samePoint = (a: TextEdit, b: TextEdit): boolean =>
  a.range.start.line === b.range.start.line && a.range.start.column === b.range.start.column

/**
 * The message of the grouped finding: every command by its text and line, then what to do. One
 * advice when the per-command messages agree, else each message after its line.
 */
function groupMessage(doc: DockerfileDoc, reports: Report[]): string {
  const same = reports.every((r) => r.message === reports[0].message)
  if (same) {
    const named = reports.map((r) => `\`${label(doc, r)}\` (line ${r.range.start.line})`)
    return `Found ${reports.length} times in this instruction: ${named.join(', ')}. ${reports[0].message}`
  }
  // The messages name what differs (packages, flags, keys): each after its line.
  return `${reports.length} findings in this instruction: ${reports
    .map((r) => `line ${r.range.start.line}: ${r.message.replace(STOP, '')}`)
    .join('; ')}.`
}

/**
 * The fixes of one instruction's findings as one: every part's edits together, its descriptions
 * joined once each. Only a whole fix: when a command has no fix of its own, or two parts' edits
 * overlap, there is none (applying a part would leave the finding on the same instruction, and
 * `--fix` could not tell the finding was handled). Safe when every part is safe; the declared
 * effect is each part's at its own command.
 */
export function combineFixes(text: string, fixes: Array<Fix | undefined>): Fix | undefined {
  const present = fixes.filter((f): f is Fix => f !== undefined)
  if (present.length === 0) return undefined
  if (present.length === 1 && fixes.length === 1) return present[0]
  if (present.length < fixes.length) return undefined
  // Insertions at one point (`&& dnf clean all`, `&& microdnf clean all` at the end of the RUN)
  // become one, in the parts' order, as the review's combined suggestion does.
  const edits: TextEdit[] = []
  for (const e of present.flatMap((f) => f.edits)) {
    const same = edits.find((x) => isInsertion(x) && isInsertion(e) && samePoint(x, e))
    if (same) same.text += e.text
    else edits.push({ ...e })
  }
  const descriptions = [...new Set(present.map((f) => f.description.replace(STOP, '')))]
  const out: Fix = {
    description: `${descriptions.join('; ')}.`,
    safe: present.every((f) => f.safe),
    edits
  }
  if (applyFixes(text, [out]).applied.length !== 1) return undefined
  // A part that declares no effect changes text only; the others say what they change, each at
  // its own command.
  const effects = present.flatMap((f) => (f.effect ? [f.effect] : []))
  if (effects.length === 1) out.effect = effects[0]
  else if (effects.length > 1) out.effect = { kind: 'each', effects }
  return out
}

/**
 * Run `check` with a context whose reports are collected, then report them once per instruction
 * and rule id (reports outside any instruction pass through).
 */
export function oncePerInstruction(
  doc: DockerfileDoc,
  ctx: RuleContext,
  check: (doc: DockerfileDoc, ctx: RuleContext) => void
): void {
  const groups = new Map<string, Report[]>()
  let loose = 0
  check(doc, {
    ...ctx,
    report(r) {
      const inst = instructionAt(doc, doc.lines.offset(r.range.start))
      const key = inst ? `${r.rule ?? ''}\0${inst.index}` : `\0loose${loose++}`
      const list = groups.get(key)
      if (list) list.push(r)
      else groups.set(key, [r])
    }
  })
  for (const group of groups.values()) {
    const reports = group.sort(
      (a, b) => doc.lines.offset(a.range.start) - doc.lines.offset(b.range.start)
    )
    if (reports.length === 1) {
      ctx.report(reports[0])
      continue
    }
    const first = reports[0]
    const last = reports.reduce((a, r) =>
      doc.lines.offset(r.range.end) > doc.lines.offset(a.range.end) ? r : a
    )
    const fix = combineFixes(
      doc.text,
      reports.map((r) => r.fix)
    )
    const out: Report = {
      ...reports[0],
      message: groupMessage(doc, reports),
      range: { start: first.range.start, end: last.range.end }
    }
    if (fix) out.fix = fix
    else delete out.fix
    ctx.report(out)
  }
}
