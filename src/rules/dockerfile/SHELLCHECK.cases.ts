import type { ShellcheckComment, ShellcheckRequest, Tools } from '../../core/tools.js'
import type { InvalidCase, RuleCases, ValidCase } from '../define.js'

/**
 * A deterministic stand-in for ShellCheck so these cases run without the binary: it reports
 * SC2086 (with ShellCheck's quoting fix) for every unquoted `$NAME` / `${NAME}` of the script body,
 * at ShellCheck's coordinates (1-based lines of the whole script, code-point columns). The real
 * binary is exercised in __tests__/rules/shellcheck.test.ts and __tests__/tools/shellcheck.test.ts.
 */
function unquotedVariables(script: string): ShellcheckComment[] {
  const out: ShellcheckComment[] = []
  let quote: string | undefined
  script.split('\n').forEach((text, i) => {
    if (text.startsWith('#!') || text.startsWith('export ')) return
    const chars = [...text]
    for (let k = 0; k < chars.length; k++) {
      const c = chars[k]
      if (c === '\\' && quote !== "'") k++
      else if ((c === '"' || c === "'") && (!quote || quote === c)) quote = quote ? undefined : c
      else if (c === '$' && !quote) {
        const m = /^\$(\{[A-Za-z_]\w*\}|[A-Za-z_]\w*)/.exec(chars.slice(k).join(''))
        if (!m) continue
        const line = i + 1
        const column = k + 1
        const endColumn = column + [...m[0]].length
        out.push({
          code: 2086,
          level: 'info',
          message: 'Double quote to prevent globbing and word splitting.',
          line,
          column,
          endLine: line,
          endColumn,
          fix: {
            replacements: [
              { line, column, endLine: line, endColumn: column, replacement: '"' },
              { line, column: endColumn, endLine: line, endColumn, replacement: '"' }
            ]
          }
        })
      }
    }
  })
  return out
}

const tools: Tools = {
  shellcheck: (requests: ShellcheckRequest[]) => requests.map((r) => unquotedVariables(r.script))
}

/** The tester hands `tools` to the engine (cases without it run with no ShellCheck at all). */
const withTools = (c: ValidCase): ValidCase => ({ ...c, tools }) as ValidCase
const invalid = (c: InvalidCase): InvalidCase => ({ ...c, tools }) as InvalidCase

export const cases: RuleCases = {
  valid: [
    { name: 'silent without a shellcheck binary', code: 'FROM debian:12\nRUN echo $FOO\n' },
    withTools({ name: 'quoted', code: 'FROM debian:12\nRUN echo "$FOO"\n' }),
    withTools({ name: 'exec form is not a shell script', code: 'RUN ["echo", "$FOO"]\n' }),
    withTools({
      name: 'settings.shellcheck: false',
      code: 'RUN echo $FOO\n',
      settings: { shellcheck: false } as ValidCase['settings']
    }),
    withTools({
      name: 'PowerShell SHELL',
      code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN echo $env:FOO\n'
    }),
    withTools({
      name: 'hadolint shell pragma',
      code: '# hadolint shell=powershell\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo $FOO\n'
    }),
    withTools({
      name: 'Windows base image without SHELL: cmd runs the RUN',
      code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN powershell -Command iex ((new-object net.webclient).DownloadString($URL))\n'
    }),
    withTools({
      name: 'nanoserver through an ARG, and a stage built on it',
      code: 'ARG TAG=ltsc2022\nFROM mcr.microsoft.com/windows/nanoserver:${TAG} AS base\nFROM base\nRUN echo %PATH% $FOO\n'
    }),
    withTools({
      name: 'backtick escape (Windows)',
      code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo $FOO\n'
    }),
    withTools({
      name: 'heredoc with a python shebang',
      code: 'FROM python:3.12.4\nRUN <<EOF\n#!/usr/bin/env python3\nprint("$FOO")\nEOF\n'
    }),
    withTools({
      name: 'ignore pragma with an SC code',
      code: 'FROM debian:12\n# hadolint ignore=SC2086\nRUN echo $FOO \\\n  && echo $BAR\n'
    })
  ],
  invalid: [
    invalid({
      name: 'a Linux stage after a Windows one is checked',
      code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS win\nRUN echo $A\nFROM debian:12\nRUN echo $FOO\n',
      errors: [{ line: 4, column: 10, rule: 'SC2086' }],
      output:
        'FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS win\nRUN echo $A\nFROM debian:12\nRUN echo "$FOO"\n'
    }),
    invalid({
      name: 'position inside a continued RUN',
      code: 'FROM debian:12\nRUN apt-get update \\\n    && echo $FOO\n',
      errors: [{ line: 3, column: 13, endLine: 3, endColumn: 17, rule: 'SC2086' }],
      output: 'FROM debian:12\nRUN apt-get update \\\n    && echo "$FOO"\n'
    }),
    invalid({
      name: 'comment lines inside the continuation are skipped',
      code: 'FROM debian:12\nRUN true \\\n  # a comment\n  && echo ${FOO}\n',
      errors: [{ line: 4, column: 11, endColumn: 17, rule: 'SC2086' }],
      output: 'FROM debian:12\nRUN true \\\n  # a comment\n  && echo "${FOO}"\n'
    }),
    invalid({
      name: 'heredoc body',
      code: 'FROM debian:12\nRUN <<EOF\nset -e\necho $FOO\nEOF\n',
      errors: [{ line: 4, column: 6, endColumn: 10, rule: 'SC2086' }],
      output: 'FROM debian:12\nRUN <<EOF\nset -e\necho "$FOO"\nEOF\n'
    }),
    invalid({
      name: 'CRLF file',
      code: 'FROM debian:12\r\nRUN true \\\r\n  && echo $FOO\r\n',
      errors: [{ line: 3, column: 11, endColumn: 15, rule: 'SC2086' }],
      output: 'FROM debian:12\r\nRUN true \\\r\n  && echo "$FOO"\r\n'
    }),
    invalid({
      name: 'issue 14: a variable holding command output is a list: no quoting fix',
      code: 'FROM debian:12\nRUN savedAptMark="$(apt-mark showmanual)"; \\\n  apt-mark auto \'.*\' > /dev/null; \\\n  apt-mark manual $savedAptMark\n',
      errors: [{ line: 4, column: 19, rule: 'SC2086' }],
      output: null
    }),
    invalid({
      name: 'issue 14: a variable assigned several words is a list; a one-word one is fixed',
      code: "FROM debian:12\nRUN runDeps='gcc make' one=x; apt-get purge -y $runDeps; echo $one\n",
      errors: [
        { line: 2, column: 48, rule: 'SC2086' },
        { line: 2, column: 63, rule: 'SC2086' }
      ],
      output:
        'FROM debian:12\nRUN runDeps=\'gcc make\' one=x; apt-get purge -y $runDeps; echo "$one"\n'
    }),
    invalid({
      name: 'an ENV holding several words is a list',
      code: 'FROM debian:12\nENV PKGS="curl git"\nRUN apt-get install -y $PKGS\n',
      errors: [{ line: 3, column: 24, rule: 'SC2086' }],
      output: null
    }),
    invalid({
      name: 'ONBUILD RUN',
      code: 'FROM debian:12\nONBUILD RUN echo $FOO\n',
      errors: [{ line: 2, column: 18, endColumn: 22, rule: 'SC2086' }],
      output: 'FROM debian:12\nONBUILD RUN echo "$FOO"\n'
    })
  ]
}
