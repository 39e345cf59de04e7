import { DockerfileParser, Instruction } from 'dockerfile-ast'

/**
 * dockerfile-ast, made linear in the arguments it splits. Its `Instruction#getRawArguments` scans
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

/** The unpatched method, for the test that compares both. */
export const rawArgumentsUnpatched = (instruction: Instruction): unknown[] =>
  unpatched.call(instruction)

export { DockerfileParser }
