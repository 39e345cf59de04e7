import { describe, expect, it } from 'vitest'
import { hasShellcheck } from './shellcheck-binary.js'

describe('hasShellcheck (tests that need the binary)', () => {
  it('runs them when the binary answers', () => {
    const warned: string[] = []
    expect(
      hasShellcheck(
        'x',
        {},
        () => '0.10.0',
        (l) => warned.push(l)
      )
    ).toBe(true)
    expect(
      hasShellcheck(
        'x',
        { REQUIRE_SHELLCHECK: '1' },
        () => '0.10.0',
        (l) => warned.push(l)
      )
    ).toBe(true)
    expect(warned).toEqual([])
  })
  it('skips them with a visible notice when it is missing', () => {
    const warned: string[] = []
    expect(
      hasShellcheck(
        'rules/shellcheck.test.ts',
        {},
        () => undefined,
        (l) => warned.push(l)
      )
    ).toBe(false)
    expect(warned).toHaveLength(1)
    expect(warned[0]).toMatch(/^NOTICE rules\/shellcheck\.test\.ts: .* SKIPPED .* not on PATH/)
  })
  it('fails when REQUIRE_SHELLCHECK=1 (.ci/run) and it is missing', () => {
    expect(() =>
      hasShellcheck(
        'x',
        { REQUIRE_SHELLCHECK: '1' },
        () => undefined,
        () => {}
      )
    ).toThrow(
      /x: shellcheck is not installed, and REQUIRE_SHELLCHECK=1 makes these tests mandatory/
    )
  })
})
