import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM debian:12.5\nWORKDIR /usr/local\n',
    'FROM debian:12.5\nWORKDIR ${work}\n',
    'FROM debian:12.5\nWORKDIR "$HOME/app"\n',
    "FROM debian:12.5\nWORKDIR '/usr/local'\n",
    {
      name: 'Windows drive',
      code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\app\n'
    },
    'FROM debian:12.5\nWORKDIR C:/\n'
  ],
  invalid: [
    {
      name: 'no earlier WORKDIR: unsafe prefix',
      code: 'FROM debian:12.5\nWORKDIR relative/dir\n',
      errors: [{ line: 2, column: 9, endColumn: 21, message: 'relative' }],
      output: 'FROM debian:12.5\nWORKDIR /relative/dir\n'
    },
    {
      name: 'after an absolute WORKDIR: the resolved path',
      code: 'FROM debian:12.5\nWORKDIR /srv\nWORKDIR app\n',
      errors: [{ line: 3, column: 9 }],
      output: 'FROM debian:12.5\nWORKDIR /srv\nWORKDIR /srv/app\n'
    },
    {
      name: 'inherited from the parent stage',
      code: 'FROM debian:12.5 AS base\nWORKDIR /opt\nFROM base\nWORKDIR ./tool\n',
      errors: [{ line: 4 }],
      output: 'FROM debian:12.5 AS base\nWORKDIR /opt\nFROM base\nWORKDIR /opt/tool\n'
    },
    {
      name: 'quoted: reported, no fix',
      code: 'FROM debian:12.5\nWORKDIR "relative dir"\n',
      errors: [{ line: 2 }],
      output: null
    },
    {
      name: 'Windows image: no fix',
      code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR app\n',
      errors: [{ line: 3, column: 9 }],
      output: null
    },
    {
      name: 'CRLF, scratch stage: safe prefix',
      code: 'FROM scratch\r\nWORKDIR app\r\n',
      errors: [{ line: 2 }],
      output: 'FROM scratch\r\nWORKDIR /app\r\n'
    },
    {
      name: 'after a WORKDIR with a variable: no fix',
      code: 'FROM debian:12.5\nWORKDIR $HOME\nWORKDIR app\n',
      errors: [{ line: 3 }],
      output: null
    }
  ]
}
