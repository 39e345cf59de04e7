import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkInput, emptyStats } from './properties.js'
import { FUZZ_RUNS, FUZZ_SEED, seedOf, shares, tally, type PropertyName } from './settings.js'
import { target, type Target } from './targets.js'

/** Long enough for a FUZZ_RUNS=100000 run of the slowest property. */
const TIMEOUT = 3_600_000

/**
 * The tests of one fuzz property: generate its share of FUZZ_RUNS inputs and check each with
 * `checkInput` (a failure is shrunk by fast-check and reported with the seed and path that replay
 * it); then check it generated exactly its share, and — in the file that completes the run-wide
 * tally — print the total and check it is FUZZ_RUNS.
 */
export function fuzzProperty(name: PropertyName): void {
  describe(`fuzz ${name}`, () => {
    let generated = -1

    it(`${shares().get(name)} inputs keep the properties`, { timeout: TIMEOUT }, () => {
      generated = run(name, target(name) as Target<unknown>)
    })

    it('generated its planned share of the run', () => {
      expect(generated).toBe(shares().get(name))
      const total = tally(name, generated)
      if (!total) return
      console.log(
        `fuzz total: ${total.inputs} generated inputs over ${total.properties} properties`
      )
      expect(total.inputs).toBe(FUZZ_RUNS)
    })
  })
}

function run(name: PropertyName, { arbitrary, toInput }: Target<unknown>): number {
  const runs = shares().get(name)!
  const seed = seedOf(name)
  const stats = emptyStats()
  const started = performance.now()
  const cpu = process.cpuUsage()
  const details = fc.check(
    fc.property(arbitrary, (value) => {
      checkInput(toInput(value), stats)
    }),
    { numRuns: runs, seed }
  )
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  const used = process.cpuUsage(cpu)
  const cpuSeconds = ((used.user + used.system) / 1e6).toFixed(1)
  if (details.failed) {
    const error = details.errorInstance
    const why = error instanceof Error ? error.message : String(error)
    throw new Error(
      `${name} (seed ${seed} from FUZZ_SEED ${FUZZ_SEED}):\n` +
        `${fc.defaultReportMessage(details)}\n\n${why}`
    )
  }
  const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`
  console.log(
    `fuzz ${name}: ${details.numRuns} inputs in ${seconds} s (${cpuSeconds} s CPU; seed ${seed} from FUZZ_SEED ${FUZZ_SEED}); ` +
      `${stats.findings} findings, ${stats.fixes} fixes applied alone, ${stats.fixPasses} fix-until-stable passes; ` +
      `${s(stats.lintMs)} linting, ${s(stats.aloneMs)} on fixes alone, ${s(stats.stableMs)} fixing until stable`
  )
  return details.numRuns
}
