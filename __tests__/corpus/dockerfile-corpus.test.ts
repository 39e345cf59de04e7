import { describe, expect, it } from 'vitest'
import { mvdanScript, plainScript } from '../../src/parse/shell.js'
import { dockerfileCorpus } from './dockerfile-pass.js'
import './dockerfiles.js'
import './dockerfile-extra.js'
import './dockerfile-effects.js'

/**
 * The Dockerfile corpus suites, in one process so that they share one parse and lint pass
 * (dockerfile-pass.ts) instead of each linting the 2,114 files again: the default-configuration
 * suite (dockerfiles.ts), the rules beyond hadolint (dockerfile-extra.ts), the effect check of
 * every fix (dockerfile-effects.ts), and the shell parser's two paths on every RUN body below.
 */

describe('fast path ⇔ mvdan/sh on the corpus', () => {
  it('reads every plain RUN body of the corpus exactly as mvdan/sh does', () => {
    let plain = 0
    let scripts = 0
    for (const { doc } of dockerfileCorpus()) {
      for (const top of doc.instructions) {
        const script = doc.shell(top.trigger ?? top)
        if (!script) continue
        scripts++
        const fast = plainScript(script.text)
        if (!fast) continue
        plain++
        expect(fast, script.text).toEqual(mvdanScript(script.text))
      }
    }
    // Both kinds occur: the comparison is not vacuous, and the fast path is not everything.
    expect(plain).toBeGreaterThan(0)
    expect(plain).toBeLessThan(scripts)
  })
})
