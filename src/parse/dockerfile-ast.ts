import { DockerfileParser, Instruction } from 'dockerfile-ast'

/**
 * dockerfile-ast, made linear: two of its methods do work that grows faster than the file.
 *
 * First, the arguments it splits. Its `Instruction#getRawArguments` scans
 * the instruction's text on every call, and the parser calls it five times for each RUN, COPY,
 * CMD, … while building the tree (JSON detection, argument range, flags, heredocs). An
 * instruction's text and range never change once it is parsed, so the scan is done once per
 * instruction and a copy handed out each time (callers such as `ModifiableInstruction#getArguments`
 * shift the array they get). This halves the time to parse the Dockerfile corpus; a test checks the
 * arguments are the ones the unpatched method computes.
 */

interface RawArguments {
  getRawArguments(): unknown[]
}

const proto = Instruction.prototype as unknown as RawArguments
const unpatched = proto.getRawArguments
const computed = new WeakMap<object, unknown[]>()

proto.getRawArguments = function getRawArguments(this: object): unknown[] {
  let args = computed.get(this)
  if (!args) computed.set(this, (args = unpatched.call(this)))
  return args.slice()
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
export const rawArgumentsUnpatched = (instruction: Instruction): unknown[] =>
  unpatched.call(instruction)

/** The unpatched comment placement: `file` is what `DockerfileParser.parse` returned. */
export const organizeCommentsUnpatched = (file: object): void =>
  organizeUnpatched.call(file as AstDockerfile)

export { DockerfileParser }
