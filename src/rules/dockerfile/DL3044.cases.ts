import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM debian:12.5\nENV APP=/opt/app\nENV CONF=${APP}/conf\n',
    { name: 'own right-hand side', code: 'ENV PATH=/opt/bin:$PATH\n' },
    { name: 'name only as a prefix', code: 'ENV HOME=/root HOMEDIR=$HOMEX/x\n' },
    {
      name: 'defined by an earlier ARG',
      code: 'ARG VERSION=1\nENV VERSION=$VERSION TAG=v$VERSION\n'
    },
    { name: 'single quotes do not expand', code: "ENV A=1 B='$A'\n" },
    { name: 'an escaped dollar is literal', code: 'ENV A=1 B=\\$A\n' }
  ],
  invalid: [
    {
      code: 'FROM debian:12.5\nENV APP=/opt/app CONF=${APP}/conf\n',
      errors: [{ line: 2, column: 23, endColumn: 29, message: '`APP`' }],
      output: 'FROM debian:12.5\nENV APP=/opt/app\nENV CONF=${APP}/conf\n'
    },
    {
      name: 'an apostrophe inside double quotes does not hide the reference',
      code: 'ENV A=1 B="it\'s $A"\n',
      errors: [{ line: 1, column: 17, endColumn: 19 }],
      output: 'ENV A=1\nENV B="it\'s $A"\n'
    },
    {
      name: 'the same name set twice',
      code: 'ENV PATH=/a:$PATH PATH=/b:$PATH\n',
      errors: [{ line: 1, column: 13, endColumn: 18 }],
      output: 'ENV PATH=/a:$PATH\nENV PATH=/b:$PATH\n'
    },
    {
      name: 'comment lines in the continuation are kept',
      code: 'ENV A=1 \\\n    # the derived one\n    B=$A/x \\\n    C=2\n',
      errors: [{ line: 3, column: 7 }],
      output: 'ENV A=1\n    # the derived one\nENV B=$A/x \\\n    C=2\n'
    },
    {
      name: 'continuation lines, ONBUILD and CRLF',
      code: 'FROM debian:12.5\r\nONBUILD ENV A=1 \\\r\n    B=x C="$A-$B"\r\n',
      errors: [{ line: 3, column: 12 }],
      output: 'FROM debian:12.5\r\nONBUILD ENV A=1 \\\r\n    B=x\r\nONBUILD ENV C="$A-$B"\r\n'
    }
  ]
}
