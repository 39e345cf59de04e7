import { describe, expect, it } from 'vitest'
import { resolveConfig } from '../../src/config/config.js'
import { lintText } from '../../src/lint/engine.js'
import { registry } from '../../src/rules/index.js'
import { errorsOf, lintFiles } from './cli.js'

/**
 * Compose graphs walked with loops, not recursion (issue 11): a `depends_on` chain or an
 * `extends` chain thousands of services long lints like any file — no stack overflow, no
 * "internal error", a bounded message — where a recursive walk blew the call stack at 6,000.
 */

const config = resolveConfig([])
/** The engine's wall-clock budget (being removed, issue 11) must not decide these on a busy machine. */
const NO_CLOCK = { ms: Number.MAX_SAFE_INTEGER, now: () => performance.now() }

/** `n` services, each depending on the next; `cycle`: the last depends on the first. */
function dependsChain(n: number, cycle: boolean): string {
  const lines = ['services:']
  for (let i = 0; i < n; i++) {
    lines.push(`  s${i}:`, '    image: nginx:1.27')
    if (i + 1 < n) lines.push(`    depends_on: [s${i + 1}]`)
    else if (cycle) lines.push('    depends_on: [s0]')
  }
  return `${lines.join('\n')}\n`
}

/** `n` services, each extending the next; only the last one has an image. */
function extendsChain(n: number): string {
  const lines = ['services:']
  for (let i = 0; i < n; i++) {
    lines.push(`  s${i}:`)
    if (i + 1 < n) lines.push(`    extends: s${i + 1}`)
    else lines.push('    image: nginx:1.27')
  }
  return `${lines.join('\n')}\n`
}

const dc0003 = (text: string) =>
  lintText(
    { path: 'compose.yaml', text, kind: 'compose' },
    {
      registry,
      config,
      only: new Set(['DC0003'])
    }
  )

describe('recursive compose graphs, walked iteratively', () => {
  it('a 6,000-long depends_on chain through the CLI: linted, no cycle, no internal error', () => {
    const { report } = lintFiles(
      { 'compose.yaml': dependsChain(6000, false) },
      { seconds: 30, budget: NO_CLOCK }
    )
    expect(errorsOf(report, 'compose.yaml')).toEqual([])
    expect(report.findings.filter((f) => f.rule === 'DC0003')).toEqual([])
  })

  it('a 6,000-long depends_on cycle through the CLI: one DC0003 at the closing edge, ends spelled out', () => {
    const { report } = lintFiles(
      { 'compose.yaml': dependsChain(6000, true) },
      { seconds: 30, budget: NO_CLOCK }
    )
    expect(errorsOf(report, 'compose.yaml')).toEqual([])
    const cycles = report.findings.filter((f) => f.rule === 'DC0003')
    expect(cycles).toHaveLength(1)
    expect(cycles[0].line).toBe(1 + 6000 * 3)
    expect(cycles[0].message).toBe(
      'Dependency cycle: s0 -> s1 -> s2 -> s3 -> s4 -> s5 -> … (5989 more) … -> s5995 -> s5996 -> s5997 -> s5998 -> s5999 -> s0. Compose refuses to start the project.'
    )
  })

  it('a 100,000-long depends_on cycle: one finding, a message of bounded length', () => {
    const result = dc0003(dependsChain(100_000, true))
    expect(result.errors).toEqual([])
    expect(result.findings.map((f) => f.message)).toEqual([
      'Dependency cycle: s0 -> s1 -> s2 -> s3 -> s4 -> s5 -> … (99989 more) … -> s99995 -> s99996 -> s99997 -> s99998 -> s99999 -> s0. Compose refuses to start the project.'
    ])
  }, 120_000)

  it('a 20,000-long extends chain resolves to the image at its end (no "neither image nor build")', () => {
    const result = dc0003(extendsChain(20_000))
    expect(result.errors).toEqual([])
    expect(result.findings).toEqual([])
    // The same chain cut short of its image: every service lacks one (the walk reached the end).
    const broken = extendsChain(20_000).replace('    image: nginx:1.27\n', '    x-none: 1\n')
    expect(dc0003(broken).findings).toHaveLength(20_000)
  }, 120_000)

  it('an extends cycle is left alone, as before (a short one and one 20,000 long)', () => {
    const short = 'services:\n  a:\n    extends: b\n  b:\n    extends: a\n    image: nginx:1.27\n'
    expect(dc0003(short).errors).toEqual([])
    const long = `${extendsChain(20_000).replace('    image: nginx:1.27\n', '    image: nginx:1.27\n    extends: s0\n')}`
    const result = dc0003(long)
    expect(result.errors).toEqual([])
    expect(result.findings).toEqual([])
  }, 120_000)
})
