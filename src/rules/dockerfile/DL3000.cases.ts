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
    'FROM debian:12.5\nWORKDIR C:/\n',
    {
      name: 'after an absolute WORKDIR: resolves to /srv/app, whatever the base image',
      code: 'FROM debian:12.5\nWORKDIR /srv\nWORKDIR app\n'
    },
    {
      name: 'after an absolute WORKDIR of the parent stage',
      code: 'FROM debian:12.5 AS base\nWORKDIR /opt\nFROM base\nWORKDIR ./tool\n'
    },
    { name: 'a stage from scratch starts in /', code: 'FROM scratch\r\nWORKDIR app\r\n' }
  ],
  invalid: [
    {
      name: 'no earlier WORKDIR: unsafe prefix',
      code: 'FROM debian:12.5\nWORKDIR relative/dir\n',
      errors: [{ line: 2, column: 9, endColumn: 21, message: 'relative' }],
      output: 'FROM debian:12.5\nWORKDIR /relative/dir\n'
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
      name: 'after a WORKDIR with a variable: no fix',
      code: 'FROM debian:12.5\nWORKDIR $HOME\nWORKDIR app\n',
      errors: [{ line: 3 }],
      output: null
    }
  ]
}
