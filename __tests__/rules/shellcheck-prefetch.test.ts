import { describe, expect, it } from 'vitest'
import { resolveConfig } from '../../src/config/config.js'
import type { ShellcheckRequest } from '../../src/core/tools.js'
import { lintFiles, type LintInput } from '../../src/lint/engine.js'
import { shellcheckRequests } from '../../src/rules/dockerfile/lib/shellcheck-prefetch.js'
import { registry } from '../../src/rules/index.js'

/**
 * The edges check a run's scripts ahead of linting (src/cli/lint.ts, src/action/lint.ts): what
 * they collect must be exactly what the SHELLCHECK rule then asks for, each script once.
 */

const overLimit = `RUN ${'true && '.repeat(600)}true\n`
const inputs: LintInput[] = [
  {
    path: 'a/Dockerfile',
    kind: 'dockerfile',
    text: 'FROM debian:12\nARG V\nRUN echo $V\nRUN cd /x\n'
  },
  // The same RUN with the same preamble is one script; another shell is another.
  { path: 'b/Dockerfile', kind: 'dockerfile', text: 'FROM debian:12\nARG V\nRUN echo $V\n' },
  {
    path: 'c/Dockerfile',
    kind: 'dockerfile',
    text: `FROM alpine:3\nSHELL ["/bin/ash", "-c"]\nRUN echo $V\n${overLimit}`
  },
  { path: 'compose.yaml', kind: 'compose', text: 'services:\n  a:\n    image: x\n' },
  { path: 'd/Dockerfile', kind: 'dockerfile', text: '', notChecked: 'it is a symbolic link' }
]

describe('shellcheckRequests', () => {
  it('is every distinct script the rule asks ShellCheck about, none over the limits', () => {
    const asked: string[] = []
    const recorder = (requests: ShellcheckRequest[]): [][] => {
      asked.push(...requests.map((r) => r.script))
      return requests.map(() => [])
    }
    lintFiles(inputs, {
      registry,
      config: resolveConfig([{ source: 'test', all: true }]),
      tools: { shellcheck: recorder }
    })
    const collected = shellcheckRequests(inputs).map((r) => r.script)
    // a: two RUNs; b: a's first again; c: one under ash (the one over the limits is not asked).
    expect(asked).toHaveLength(4)
    expect(new Set(collected)).toEqual(new Set(asked))
    expect(collected).toHaveLength(new Set(asked).size)
    expect(collected).toHaveLength(3)
    expect(collected.some((s) => s.includes('true && true'))).toBe(false)
  })
})
