import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: ['FROM busybox:1.36\nLABEL maintainer="Lukas"\n'],
  invalid: [
    {
      code: 'FROM busybox:1.36\nMAINTAINER Lukas <me@example.com>\n',
      errors: [{ line: 2, column: 1, endColumn: 11 }],
      output: 'FROM busybox:1.36\nLABEL maintainer="Lukas <me@example.com>"\n'
    },
    {
      code: 'from busybox:1.36\nmaintainer Lukas "the dev"\n',
      errors: [{ line: 2 }],
      output: 'from busybox:1.36\nlabel maintainer="Lukas \\"the dev\\""\n'
    },
    {
      name: 'a dollar sign stays literal',
      code: 'FROM busybox:1.36\r\nMAINTAINER Ops $TEAM\r\n',
      errors: [{ line: 2 }],
      output: 'FROM busybox:1.36\r\nLABEL maintainer="Ops \\$TEAM"\r\n'
    },
    {
      name: 'backtick escape character',
      code: '# escape=`\nFROM busybox:1.36\nMAINTAINER C:\\Users\\me "x"\n',
      errors: [{ line: 3 }],
      output: '# escape=`\nFROM busybox:1.36\nLABEL maintainer="C:\\Users\\me `"x`""\n'
    }
  ]
}
