import type { RuleCases } from '../define.js'

const chain = (n: number): string => Array.from({ length: n }, (_, i) => `echo ${i}`).join(' && ')

export const cases: RuleCases = {
  valid: [
    'FROM debian:12\nRUN apt-get update && echo ok\n',
    { name: 'a chain of 512 commands, the limit', code: `FROM debian:12\nRUN ${chain(512)}\n` },
    {
      name: '48 levels of nesting, the limit',
      code: `FROM debian:12\nRUN ${'( '.repeat(48)}true${' )'.repeat(48)}\n`
    },
    {
      name: 'exec form is not parsed as a script',
      code: `FROM debian:12\nRUN ["sh", "-c", "${chain(600)}"]\n`
    }
  ],
  invalid: [
    {
      name: 'a chain of 513 commands',
      code: `FROM debian:12\nRUN ${chain(513)}\n`,
      errors: [
        {
          line: 2,
          column: 1,
          endColumn: 4,
          message:
            'Not analysed: the script of this RUN is beyond what docker-review parses (it chains 513 commands with &&, || or | (limit 512))'
        }
      ]
    },
    {
      name: '49 nested command substitutions',
      code: `FROM debian:12\nRUN echo ${'"$(echo '.repeat(49)}x${')"'.repeat(49)}\n`,
      errors: [{ line: 2, column: 1, message: 'it nests 49 levels deep (limit 48)' }]
    },
    {
      name: 'a heredoc script over the size limit, and an ONBUILD RUN',
      code: `FROM debian:12\nRUN <<EOF\n${'echo aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n'.repeat(3000)}EOF\nONBUILD RUN ${chain(600)}\n`,
      errors: [
        { line: 2, column: 1, message: 'it is 276000 bytes long (limit 262144)' },
        { line: 3004, column: 9, message: 'it chains 600 commands' }
      ]
    }
  ]
}
