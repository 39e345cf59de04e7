import { Argument, DockerfileParser, Instruction } from 'dockerfile-ast'

/**
 * dockerfile-ast, made linear: two of its methods do work that grows faster than the file.
 *
 * First, the arguments it splits. Its `Instruction#getRawArguments` scans
 * the instruction's text on every call, and the parser calls it five times for each RUN, COPY,
 * CMD, … while building the tree (JSON detection, argument range, flags, heredocs). An
 * instruction's text and range never change once it is parsed, so the scan is done once per
 * instruction, kept on it, and a copy handed out each time (callers such as
 * `ModifiableInstruction#getArguments` shift the array they get). This halves the time to parse
 * the Dockerfile corpus; the scan itself (`scanArguments`) builds each value from slices of the
 * text, and keeping it in a property instead of a WeakMap took parsing the corpus's 2,114 files
 * into the model from 460 ms to 295 ms (in-process, warm). Tests check the arguments are the
 * ones the unpatched method computes, on the corpus and on generated instructions.
 */

interface Pos {
  line: number
  character: number
}

/** What the scan reads of an instruction (dockerfile-ast's fields and methods). */
interface Scanned {
  getRawArguments(): Argument[]
  getInstructionRange(): { start: Pos; end: Pos }
  getTextContent(): string
  document: { offsetAt(p: Pos): number; positionAt(offset: number): Pos }
  escapeChar: string
}

const proto = Instruction.prototype as unknown as Scanned
const unpatched = proto.getRawArguments

/** The scan's result, kept on the instruction (a property: cheaper than a WeakMap lookup). */
interface Kept {
  __dockerReviewArgs?: Argument[]
}

proto.getRawArguments = function getRawArguments(this: Scanned & Kept): Argument[] {
  const args = (this.__dockerReviewArgs ??= scanArguments(this))
  return args.slice()
}

const isNewline = (c: string): boolean => c === '\r' || c === '\n'
const isWhitespace = (c: string): boolean => c === ' ' || c === '\t' || isNewline(c)

/**
 * dockerfile-ast 0.7.1's `Instruction#getRawArguments` (MIT), step for step, but for how an
 * argument's value and range are built: the original appends the value a character at a time (a
 * new string each time) and validates every range; here the value is kept as runs of the text,
 * sliced once.
 */
function scanArguments(inst: Scanned): Argument[] {
  const args: Argument[] = []
  const doc = inst.document
  const escapeChar = inst.escapeChar
  const range = inst.getInstructionRange()
  const extra = doc.offsetAt(range.end) - doc.offsetAt(range.start)
  const fullArgs = inst.getTextContent().substring(extra)
  const offset = doc.offsetAt(range.start) + extra
  let start = false
  let comment = false
  let found = -1
  // A space or tab that is part of an escaped newline sequence was found.
  let escapedWhitespaceDetected = false
  // Inside an escaped newline sequence.
  let escaping = false
  let escapeMarker = -1
  // The value so far: `done`, then the run of the text from `runStart` to `runEnd`.
  let done = ''
  let runStart = 0
  let runEnd = 0
  const append = (k: number): void => {
    if (k === runEnd && runEnd > runStart) {
      runEnd++
      return
    }
    if (runEnd > runStart) done += fullArgs.slice(runStart, runEnd)
    runStart = k
    runEnd = k + 1
  }
  const push = (to: number): void => {
    const value = done + fullArgs.slice(runStart, runEnd)
    args.push(
      new Argument(value, {
        start: doc.positionAt(offset + found),
        end: doc.positionAt(offset + to)
      })
    )
    done = ''
    runStart = runEnd = 0
  }
  for (let i = 0; i < fullArgs.length; i++) {
    const char = fullArgs.charAt(i)
    if (isWhitespace(char)) {
      if (escaping) {
        escapedWhitespaceDetected = true
        if (isNewline(char)) {
          // A newline: whitespace before it does not count.
          escapedWhitespaceDetected = false
          if (comment) {
            comment = false
            start = true
          }
        }
        continue
      } else if (found !== -1) {
        push(escapeMarker === -1 ? i : escapeMarker)
        escapeMarker = -1
        found = -1
      }
    } else if (char === escapeChar) {
      const next = fullArgs.charAt(i + 1)
      if (next === ' ' || next === '\t') {
        whitespaceCheck: for (let j = i + 2; j < fullArgs.length; j++) {
          switch (fullArgs.charAt(j)) {
            case ' ':
            case '\t':
              continue
            case '\r':
            case '\n':
              if (fullArgs.charAt(j) === '\r') j++
              comment = false
              escaping = true
              start = true
              if (found !== -1) escapeMarker = i
              i = j
              break whitespaceCheck
            default:
              escapeMarker = i
              if (found === -1) i = j - 1
              break whitespaceCheck
          }
        }
      } else if (next === '\r') {
        comment = false
        escaping = true
        start = true
        if (found !== -1 && escapeMarker === -1) escapeMarker = i
        i += 2
      } else if (next === '\n') {
        comment = false
        escaping = true
        start = true
        if (found !== -1 && escapeMarker === -1) escapeMarker = i
        i++
      } else {
        if (escapedWhitespaceDetected && escapeMarker !== -1) {
          push(escapeMarker)
          found = -1
        }
        escapeMarker = -1
        escapedWhitespaceDetected = false
        escaping = false
        if (next === '$') {
          append(i)
          append(i + 1)
        } else if (next === '') {
          // The end of the text.
          break
        } else append(i + 1)
        if (found === -1) found = i
        i++
      }
    } else if (!comment) {
      if (start && char === '#') {
        comment = true
      } else {
        if (escapedWhitespaceDetected && escapeMarker !== -1) {
          push(escapeMarker)
          found = -1
        }
        escapedWhitespaceDetected = false
        escaping = false
        escapeMarker = -1
        append(i)
        if (found === -1) found = i
      }
      // A character that is not whitespace.
      start = false
    }
  }
  if (found !== -1) push(escapeMarker === -1 ? fullArgs.length : escapeMarker)
  return args
}

/**
 * `Dockerfile#organizeComments` (run at the end of every parse) tests every comment against every
 * build stage: quadratic, two-thirds of the time on a 5 MB file of 8,000 stages. Comments and stages
 * both come in file order and stages do not overlap, so one sweep hands each comment to the same
 * stage (same `isInsideRange` test, inclusive ends). Comments out of order keep the original loop.
 */

interface Pos {
  line: number
  character: number
}
interface Span {
  start: Pos
  end: Pos
}
interface Commented {
  getRange(): Span
  addComment(comment: unknown): void
}
interface AstDockerfile {
  getComments(): Array<{ getRange(): Span }>
  initialInstructions: Commented
  buildStages: Commented[]
  organizeComments(): void
}

const before = (a: Pos, b: Pos): boolean =>
  a.line < b.line || (a.line === b.line && a.character < b.character)

function inside(p: Pos, r: Span): boolean {
  if (r.start.line === r.end.line)
    return (
      r.start.line === p.line && r.start.character <= p.character && p.character <= r.end.character
    )
  if (r.start.line === p.line) return r.start.character <= p.character
  if (r.end.line === p.line) return p.character <= r.end.character
  return r.start.line < p.line && p.line < r.end.line
}

const fileProto = Object.getPrototypeOf(DockerfileParser.parse('')) as AstDockerfile
const organizeUnpatched = fileProto.organizeComments

fileProto.organizeComments = function organizeComments(this: AstDockerfile): void {
  const comments = this.getComments()
  const ranges = comments.map((c) => c.getRange())
  if (ranges.some((r, i) => i > 0 && before(r.start, ranges[i - 1].start))) {
    organizeUnpatched.call(this)
    return
  }
  const initial = this.initialInstructions.getRange()
  const stages = this.buildStages.map((stage) => ({ stage, range: stage.getRange() }))
  let first = 0
  comments.forEach((comment, i) => {
    const { start, end } = ranges[i]
    if (inside(end, initial)) {
      this.initialInstructions.addComment(comment)
      return
    }
    while (first < stages.length && before(stages[first].range.end, start)) first++
    for (let j = first; j < stages.length && !before(start, stages[j].range.start); j++) {
      if (inside(start, stages[j].range)) stages[j].stage.addComment(comment)
    }
  })
}

/** The unpatched method, for the test that compares both. */
export const rawArgumentsUnpatched = (instruction: Instruction): Argument[] =>
  unpatched.call(instruction as unknown as Scanned)

/** The unpatched comment placement: `file` is what `DockerfileParser.parse` returned. */
export const organizeCommentsUnpatched = (file: object): void =>
  organizeUnpatched.call(file as AstDockerfile)

export { DockerfileParser }
