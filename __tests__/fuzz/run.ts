import fc from 'fast-check'
import { expect } from 'vitest'
import { checkInput, type CheckStats, type FuzzInput } from './properties.js'
import { basename } from 'node:path'
import { FUZZ_RUNS, PROPERTIES, seedOf, shares, tally, type PropertyName } from './settings.js'

/**
 * Run one fuzz property for its share of FUZZ_RUNS: every generated value becomes an input checked
 * by `checkInput`. A failure is shrunk by fast-check and reported with the seed and path that
 * replay it. Returns the number of inputs generated.
 */
export function fuzz<T>(
  name: PropertyName,
  arbitrary: fc.Arbitrary<T>,
  toInput: (value: T) => FuzzInput
): number {
  const runs = shares().get(name)!
  const seed = seedOf(name)
  const stats: CheckStats = { findings: 0, fixes: 0, fixPasses: 0 }
  const started = performance.now()
  const details = fc.check(
    fc.property(arbitrary, (value) => {
      checkInput(toInput(value), stats)
    }),
    { numRuns: runs, seed }
  )
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  if (details.failed) {
    const error = details.errorInstance
    const why = error instanceof Error ? error.message : String(error)
    throw new Error(
      `${name} (seed ${seed}, FUZZ_SEED ${process.env.FUZZ_SEED ?? 'default'}):\n` +
        `${fc.defaultReportMessage(details)}\n\n${why}`
    )
  }
  console.log(
    `fuzz ${name}: ${details.numRuns} inputs in ${seconds} s (seed ${seed}); ` +
      `${stats.findings} findings, ${stats.fixes} fixes applied alone, ${stats.fixPasses} fix-until-stable passes`
  )
  return details.numRuns
}

/**
 * The closing test of a fuzz file: it generated exactly its planned inputs; the file that completes
 * the run-wide tally prints the total and, in a FUZZ_RUNS run, checks it.
 */
export function closeFile(testFile: string, counts: Map<PropertyName, number>): void {
  const planned = shares()
  const mine = PROPERTIES.filter((p) => p.file === basename(testFile)).map((p) => p.name)
  expect(mine.length, `${testFile} has properties in settings.ts`).toBeGreaterThan(0)
  for (const name of mine) expect(counts.get(name), name).toBe(planned.get(name))
  const total = tally(
    testFile,
    [...counts.values()].reduce((a, b) => a + b, 0)
  )
  if (!total) return
  console.log(`fuzz total: ${total.inputs} generated inputs over ${total.files} test files`)
  expect(total.inputs).toBe(FUZZ_RUNS)
}
