import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { v8FlagsFor } from '../../src/cli/v8-flags.js'

describe('the V8 flags the CLI sets for itself', () => {
  it('sets the Maglev flags on V8 13 (Node 24) only', () => {
    expect(v8FlagsFor('13.6.233.17-node.63')).toEqual([
      '--invocation-count-for-maglev=1000',
      '--concurrent-maglev-max-threads=4'
    ])
    for (const version of ['11.3.244.8-node.38', '12.4.254.21-node.33', '14.1.146.11', 'x']) {
      expect(v8FlagsFor(version)).toEqual([])
    }
  })

  it('gives this runtime only flags its V8 knows: nothing on stderr', () => {
    const flags = v8FlagsFor(process.versions.v8)
    const run = spawnSync(
      process.execPath,
      [
        '-e',
        `const v8 = require('node:v8'); for (const f of ${JSON.stringify(flags)}) v8.setFlagsFromString(f)`
      ],
      { encoding: 'utf8' }
    )
    expect(run.status).toBe(0)
    expect(run.stderr).toBe('')
  })
})
