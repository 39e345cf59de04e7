import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    {
      name: 'copied, never extracted',
      code: 'FROM debian:12.5\nCOPY app.tar /usr/src/app\nFROM debian:12.5 AS next\nRUN tar -xf app.tar\n'
    },
    'FROM debian:12.5\nCOPY package.json /usr/src/app\nRUN tar -xf package.json\n',
    {
      name: 'from another stage',
      code: 'FROM debian:12.5\nCOPY --from=builder /usr/local/share/some.tar /opt/some.tar\nRUN tar -xf /opt/some.tar\n'
    },
    {
      name: 'zip: ADD would not extract it',
      code: 'FROM debian:12.5\nCOPY app.zip /tmp/\nRUN unzip /tmp/app.zip\n'
    },
    {
      name: 'creating, not extracting',
      code: 'FROM debian:12.5\nCOPY app.tar /tmp/\nRUN tar -cf /tmp/app.tar /etc\n'
    }
  ],
  invalid: [
    {
      code: 'FROM debian:12.5\nCOPY packaged-app.tar /usr/src/app\nRUN tar -xf /usr/src/app/packaged-app.tar\n',
      errors: [{ line: 3, column: 13, endColumn: 42, message: 'line 2' }],
      output: null
    },
    {
      name: 'destination names the archive; later in a chain',
      code: 'FROM debian:12.5\nCOPY foo/bar/app.tar /foo.tar\nWORKDIR /x\nRUN make && tar xf /foo.tar\n',
      errors: [{ line: 4, column: 20 }],
      output: null
    },
    {
      name: 'Windows paths',
      code: 'FROM debian:12.5\nCOPY build\\foo\\bar.tar.gz "C:\\Program Files\\foo.tar.gz"\nRUN tar -xf foo.tar.gz\n',
      errors: [{ line: 3 }],
      output: null
    },
    {
      name: 'COPY + tar -C straight after: merged into ADD',
      code: 'FROM debian:12.5\nCOPY --chown=app app.tar.gz /tmp/app.tar.gz\nRUN tar -xzf /tmp/app.tar.gz -C /opt/app\nCMD ["/opt/app/run"]\n',
      errors: [{ line: 3, column: 14 }],
      output: 'FROM debian:12.5\nADD --chown=app app.tar.gz /opt/app/\nCMD ["/opt/app/run"]\n'
    },
    {
      name: 'into the known WORKDIR',
      code: 'FROM debian:12.5\nWORKDIR /srv\nCOPY app.tar /tmp/\nRUN tar xf /tmp/app.tar\n',
      errors: [{ line: 4 }],
      output: 'FROM debian:12.5\nWORKDIR /srv\nADD app.tar /srv/\n'
    }
  ]
}
