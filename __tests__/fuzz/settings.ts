import { appendFileSync, existsSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * How much to fuzz. `npm test` runs a short seeded run (DEFAULT_RUNS inputs over the whole fuzz
 * folder, the same inputs every time); `npm run fuzz` sets FUZZ_RUNS=100000. FUZZ_SEED replays or
 * varies a run. Every property gets its share of the runs and its own seed derived from FUZZ_SEED,
 * so a failure names the one seed and path that replays it.
 */

export const DEFAULT_RUNS = 1_200
export const DEFAULT_SEED = 0x5eed

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw.trim() === '') return fallback
  const value = Number(raw)
  if (!Number.isSafeInteger(value) || value < 0)
    throw new Error(`${name} must be a non-negative integer, got ${JSON.stringify(raw)}`)
  return value
}

/** Total inputs over all fuzz files. */
export const FUZZ_RUNS = intFromEnv('FUZZ_RUNS', DEFAULT_RUNS)
export const FUZZ_SEED = intFromEnv('FUZZ_SEED', DEFAULT_SEED)

/**
 * Every property of the fuzz folder, each run by its own test file `<kind>-<generator>.test.ts`
 * (so vitest spreads them over the cores), with its weight: the runs are split by weight, and the
 * shares add up to FUZZ_RUNS exactly.
 */
export const PROPERTIES = [
  { name: 'dockerfile/corpus-mutation', weight: 1 },
  { name: 'dockerfile/grammar', weight: 1 },
  { name: 'compose/corpus-mutation', weight: 1 },
  { name: 'compose/grammar', weight: 1 }
] as const

export type PropertyName = (typeof PROPERTIES)[number]['name']

/** Inputs for each property: FUZZ_RUNS split by weight, the remainder to the first ones. */
export function shares(total = FUZZ_RUNS): Map<PropertyName, number> {
  const weights = PROPERTIES.reduce((sum, p) => sum + p.weight, 0)
  const out = new Map<PropertyName, number>()
  let given = 0
  for (const p of PROPERTIES) {
    const n = Math.floor((total * p.weight) / weights)
    out.set(p.name, n)
    given += n
  }
  for (const p of PROPERTIES) {
    if (given === total) break
    out.set(p.name, out.get(p.name)! + 1)
    given++
  }
  return out
}

/** fast-check seed of one property (stable for a FUZZ_SEED, different per property). */
export function seedOf(name: PropertyName): number {
  const index = PROPERTIES.findIndex((p) => p.name === name)
  return (FUZZ_SEED + index * 0x9e3779b1) | 0
}

/**
 * The run-wide tally: each fuzz test file records how many inputs its property generated in a file
 * named after the vitest process (the forks share it as their parent), and the file that completes
 * the set prints and checks the total. One vitest run, one tally; a file older than a day is stale.
 */
const TALLY = join(tmpdir(), `docker-review-fuzz-${runId()}.tsv`)

/** The vitest process: its pid, and on Linux its start time too (pids are reused). */
function runId(): string {
  try {
    const stat = readFileSync(`/proc/${process.ppid}/stat`, 'utf8')
    return `${process.ppid}-${stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]}`
  } catch {
    return String(process.ppid)
  }
}

export interface TallyTotal {
  properties: number
  inputs: number
}

/** Record `inputs` for a property; returns the total once every property has reported. */
export function tally(name: PropertyName, inputs: number): TallyTotal | undefined {
  if (existsSync(TALLY) && Date.now() - Number(readFileSync(TALLY, 'utf8').split('\t')[0]) > 864e5)
    rmSync(TALLY, { force: true })
  appendFileSync(TALLY, `${Date.now()}\t${name}\t${inputs}\n`)
  let lines: string[]
  try {
    lines = readFileSync(TALLY, 'utf8').trim().split('\n')
  } catch {
    return undefined // the other file completed the set at the same moment and reported it
  }
  const byName = new Map<string, number>()
  for (const line of lines) {
    const [, property, n] = line.split('\t')
    byName.set(property, Number(n))
  }
  if (!PROPERTIES.every((p) => byName.has(p.name))) return undefined
  rmSync(TALLY, { force: true })
  return { properties: byName.size, inputs: [...byName.values()].reduce((a, b) => a + b, 0) }
}
