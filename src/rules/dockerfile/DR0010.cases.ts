import type { ShellcheckRequest, Tools } from '../../core/tools.js'
import type { InvalidCase, RuleCases, ValidCase } from '../define.js'

/**
 * A stand-in ShellCheck: no comments, except that it "runs out of memory" on any script that
 * mentions `explode` (what the real runner answers when a process hits its limit). The real binary
 * under its limits is exercised in __tests__/tools/shellcheck.test.ts and
 * __tests__/hardening/shellcheck-limits.test.ts.
 */
const tools: Tools = {
  shellcheck: (requests: ShellcheckRequest[]) =>
    requests.map((r) =>
      r.script.includes('explode')
        ? { notChecked: 'ShellCheck ran out of memory (limit 4096 MiB per process)' }
        : []
    )
}

const withTools = (c: ValidCase): ValidCase => ({ ...c, tools }) as ValidCase
const invalid = (c: InvalidCase): InvalidCase => ({ ...c, tools }) as InvalidCase

const chain = (n: number): string => Array.from({ length: n }, (_, i) => `echo ${i}`).join(' && ')

export const cases: RuleCases = {
  valid: [
    withTools({ name: 'an ordinary RUN', code: 'FROM debian:12\nRUN apt-get update && echo ok\n' }),
    withTools({
      name: 'a chain of 200 commands, the limit',
      code: `FROM debian:12\nRUN ${chain(200)}\n`
    }),
    {
      name: 'no ShellCheck at all (the edge says so once)',
      code: `FROM debian:12\nRUN ${chain(300)}\n`
    },
    withTools({
      name: 'settings.shellcheck: false',
      code: `FROM debian:12\nRUN ${chain(300)}\n`,
      settings: { shellcheck: false } as ValidCase['settings']
    }),
    withTools({
      name: 'exec form is not a shell script',
      code: 'FROM debian:12\nRUN ["explode"]\n'
    })
  ],
  invalid: [
    invalid({
      name: 'a chain of 201 commands is not given to ShellCheck',
      code: `FROM debian:12\nRUN ${chain(201)}\n`,
      errors: [
        {
          line: 2,
          column: 1,
          endColumn: 4,
          message:
            'Not checked by ShellCheck: ShellCheck is not given scripts this large: it chains 201 commands with &&, || or | (limit 200).'
        }
      ]
    }),
    invalid({
      name: 'twelve nested command substitutions',
      code: `FROM debian:12\nRUN echo ${'$(echo '.repeat(12)}x${')'.repeat(12)}\n`,
      errors: [
        { line: 2, column: 1, message: 'nested command substitutions weigh 8190 (limit 1024)' }
      ]
    }),
    invalid({
      name: 'ShellCheck ran out of memory on it',
      code: 'FROM debian:12\nRUN echo ok\nRUN ./explode\n',
      errors: [
        { line: 3, column: 1, message: 'ShellCheck ran out of memory (limit 4096 MiB per process)' }
      ]
    }),
    invalid({
      name: 'an ONBUILD RUN, at its RUN',
      code: `FROM debian:12\nONBUILD RUN ${chain(201)}\n`,
      errors: [{ line: 2, column: 9, endColumn: 12 }]
    })
  ]
}
