import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM debian:12.5\nCOPY foo bar\n',
    'FROM debian:12.5\nCOPY foo bar baz/\n',
    'FROM debian:12.5\nCOPY foo bar "baz/"\n',
    'FROM debian:12.5\nCOPY ["a", "b", "/dst/"]\n',
    { name: 'destination from ENV', code: 'FROM debian:12.5\nENV DEST=/app/\nCOPY a b $DEST\n' },
    { name: 'unknown variable', code: 'FROM debian:12.5\nCOPY a b $DEST\n' },
    {
      name: '`.` and `..` are directories (BuildKit appends the separator)',
      code: 'FROM debian:12.5\nWORKDIR /app\nCOPY a b .\nCOPY c d ..\nCOPY e f ./sub/.\n'
    }
  ],
  invalid: [
    {
      code: 'FROM debian:12.5\nCOPY foo bar baz\n',
      errors: [{ line: 2, column: 14, endColumn: 17, message: '2 sources' }],
      output: 'FROM debian:12.5\nCOPY foo bar baz/\n'
    },
    {
      code: 'FROM debian:12.5\nCOPY foo bar "baz"\n',
      errors: [{ line: 2, column: 14 }],
      output: 'FROM debian:12.5\nCOPY foo bar "baz/"\n'
    },
    {
      name: 'exec form',
      code: 'FROM debian:12.5\nCOPY ["a", "b", "/dst"]\n',
      errors: [{ line: 2, column: 17, endColumn: 23 }],
      output: 'FROM debian:12.5\nCOPY ["a", "b", "/dst/"]\n'
    },
    {
      name: 'flags are not sources',
      code: 'FROM debian:12.5\nCOPY --chown=1:1 a b /dst\n',
      errors: [{ line: 2 }],
      output: 'FROM debian:12.5\nCOPY --chown=1:1 a b /dst/\n'
    },
    {
      name: 'a quote that closes no quoted word is part of the destination',
      code: 'FROM debian:12.5\nCOPY . "/a b/"\n',
      errors: [{ line: 2, column: 12, endColumn: 15, message: '`b/"`' }],
      output: 'FROM debian:12.5\nCOPY . "/a b/"/\n'
    },
    {
      name: 'ENV value without a slash: no fix',
      code: 'FROM debian:12.5\nENV DEST=/app\nCOPY a b $DEST\n',
      errors: [{ line: 3 }],
      output: null
    }
  ]
}
