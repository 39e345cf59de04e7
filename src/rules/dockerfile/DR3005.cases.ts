import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM debian:12.6\nRUN curl -fsSL https://example.com/x.tgz -o /tmp/x.tgz\n',
    {
      name: '-K is a config file, -H takes a value',
      code: 'FROM debian:12.6\nRUN curl -K cfg -Hk: https://x\n'
    },
    'FROM debian:12.6\nRUN git -c http.sslVerify=true clone https://example.com/r.git\n',
    { name: 'ARG without a value sets nothing', code: 'FROM debian:12.6\nARG GIT_SSL_NO_VERIFY\n' }
  ],
  invalid: [
    {
      name: 'flags are removed, continuation lines stay valid',
      code: 'FROM debian:12.6\nRUN curl -fsSLk https://x | tar x \\\n  && wget --no-check-certificate https://y \\\n  && curl \\\n    --insecure \\\n    https://a\n',
      errors: [
        {
          line: 2,
          column: 10,
          endLine: 5,
          endColumn: 15,
          message: /^3 findings in this instruction: line 2: .*; line 3: .*; line 5: /
        }
      ],
      output:
        'FROM debian:12.6\nRUN curl -fsSL https://x | tar x \\\n  && wget https://y \\\n  && curl \\\n    https://a\n'
    },
    {
      name: 'git',
      code: 'FROM debian:12.6\nRUN git -c http.sslVerify=false clone https://z \\\n  && git config --global http.sslverify false\n',
      errors: [{ line: 2, column: 9, endLine: 3, endColumn: 46, message: '2 findings' }],
      // `git config` has no fix of its own: no partial fix for the instruction.
      output: null
    },
    {
      name: 'GIT_SSL_NO_VERIFY in ENV and as a prefix',
      code: 'FROM debian:12.6\nENV GIT_SSL_NO_VERIFY=1 LANG=C.UTF-8\nRUN GIT_SSL_NO_VERIFY=true git clone https://z\n',
      errors: [
        { line: 2, column: 5, endColumn: 24 },
        { line: 3, column: 5, endColumn: 27 }
      ],
      output: 'FROM debian:12.6\nENV LANG=C.UTF-8\nRUN GIT_SSL_NO_VERIFY=true git clone https://z\n'
    }
  ]
}
