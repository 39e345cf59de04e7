import { describe as describeAll, expect, it } from 'vitest'
import { resolveConfig } from '../../src/config/config.js'
import { lintText } from '../../src/lint/engine.js'
import { fixUntilStable } from '../../src/core/fixes.js'
import type { Finding } from '../../src/core/types.js'
import { parseDockerfile } from '../../src/dockerfile/model.js'
import { namesFor, shellcheckScripts } from '../../src/rules/dockerfile/lib/shellcheck-script.js'
import { registry } from '../../src/rules/index.js'
import { createShellcheck } from '../../src/tools/shellcheck.js'
import { hasShellcheck } from '../tools/shellcheck-binary.js'

/**
 * The SHELLCHECK rule with the real binary: every finding must land on the exact line and column
 * inside the RUN, its fix must apply where ShellCheck meant it, and the script hadolint would send
 * (shell, ARG/ENV preamble) must be the one we send.
 */

const shellcheck = hasShellcheck('__tests__/rules/shellcheck.test.ts')
  ? createShellcheck()
  : undefined
const describe = describeAll.runIf(shellcheck !== undefined)

function lint(text: string, settings: Record<string, unknown> = {}): Finding[] {
  const result = lintText(
    { path: 'Dockerfile', text, kind: 'dockerfile' },
    {
      registry,
      config: resolveConfig([{ source: 'test', settings }]),
      tools: { shellcheck },
      only: new Set(['SHELLCHECK'])
    }
  )
  expect(result.errors).toEqual([])
  return result.findings
}

/** `SC2086 3:13-3:17` for each finding. */
function at(findings: Finding[]): string[] {
  return findings.map(
    (f) =>
      `${f.rule} ${f.range.start.line}:${f.range.start.column}-${f.range.end.line}:${f.range.end.column}`
  )
}

/** The text a finding's range covers. */
function covered(text: string, f: Finding): string {
  const lines = text.split('\n')
  const { start, end } = f.range
  if (start.line === end.line) return lines[start.line - 1].slice(start.column - 1, end.column - 1)
  return [
    lines[start.line - 1].slice(start.column - 1),
    ...lines.slice(start.line, end.line - 1),
    lines[end.line - 1].slice(0, end.column - 1)
  ].join('\n')
}

describe('dropped codes', () => {
  it('SC2016 on code handed to PowerShell (`$env:X` is expanded by pwsh), and on Windows RUNs', () => {
    const pwsh =
      "FROM alpine:3.20\nRUN pwsh -NoLogo -Command \"Write-Host 'x'\" '$env:HOME' && echo '$HOME'\n"
    expect(at(lint(pwsh))).toEqual(['SC2016 2:64-2:71'])
    const windows = 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo $FOO $(x)\n'
    expect(lint(windows)).toEqual([])
  })

  it('SC3043: `local` in a function of a sh RUN is not reported (dash and BusyBox have it)', () => {
    const text = 'FROM alpine:3.20\nRUN f() { local x=1; echo "$x"; }; f\n'
    expect(lint(text).map((f) => f.rule)).toEqual([])
  })
})

describe('positions', () => {
  it('inside a continued RUN, with comment lines in between', () => {
    const text = [
      'FROM debian:12.6',
      'RUN apt-get update \\',
      '    # the tools',
      '    && cd /opt/app ; \\',
      '    ./install.sh $flags'
    ].join('\n')
    const found = lint(text)
    expect(at(found)).toEqual(['SC2164 4:8-4:19', 'SC2086 5:18-5:24', 'SC2154 5:18-5:24'])
    expect(found.map((f) => covered(text, f))).toEqual(['cd /opt/app', '$flags', '$flags'])
    expect(found.find((f) => f.rule === 'SC2164')!.severity).toBe('warning')
    expect(found.find((f) => f.rule === 'SC2086')!.severity).toBe('info')
  })

  it('in a heredoc body, tabs counted as one column', () => {
    const text =
      'FROM debian:12.6\nRUN <<EOF\nset -e\n\tfor f in $(ls /etc); do echo $f; done\nEOF\n'
    const found = lint(text)
    expect(at(found)).toEqual(['SC2045 4:11-4:21', 'SC2086 4:31-4:33'])
    expect(found.map((f) => covered(text, f))).toEqual(['$(ls /etc)', '$f'])
  })

  it('in a CRLF file', () => {
    const text =
      'FROM debian:12.6\r\nRUN true \\\r\n  && echo $foo\r\nRUN <<EOF\r\ncd /x\r\nEOF\r\n'
    const found = lint(text)
    expect(at(found)).toEqual(['SC2086 3:11-3:15', 'SC2154 3:11-3:15', 'SC2164 5:1-5:6'])
  })

  it('after non-ASCII text and characters outside the BMP (UTF-16 columns)', () => {
    const text = 'FROM debian:12.6\nRUN echo "é 🐳" $foo\n'
    const found = lint(text)
    expect(at(found)).toEqual(['SC2086 2:17-2:21', 'SC2154 2:17-2:21'])
    expect(found.map((f) => covered(text, f))).toEqual(['$foo', '$foo'])
  })

  it('in a heredoc read by a command: the header and the body', () => {
    const text = 'FROM debian:12.6\nRUN cat <<EOF > /etc/motd && cd /x\nhello $USER\nEOF\n'
    expect(at(lint(text))).toEqual(['SC2164 2:30-2:35'])
  })
})

describe('fixes', () => {
  it("apply ShellCheck's own edit at the right place, unsafe", () => {
    const text = 'FROM debian:12.6\nRUN true \\\n    && echo $foo \\\n    && cd /x\n'
    const found = lint(text)
    expect(found.every((f) => f.fix === undefined || f.fix.safe === false)).toBe(true)
    const fixed = fixUntilStable(
      text,
      (t) => lint(t),
      () => true
    )
    expect(fixed.text).toBe(
      'FROM debian:12.6\nRUN true \\\n    && echo "$foo" \\\n    && cd /x || exit\n'
    )
    expect(lint(fixed.text).filter((f) => f.fix)).toEqual([])
  })
})

describe('the script ShellCheck sees', () => {
  const scripts = (text: string): string[] =>
    shellcheckScripts(parseDockerfile('Dockerfile', text)).map((s) => s.script)

  it('exports ARG and ENV names of the stage and its parents, and the proxies', () => {
    const [script] = scripts(
      'ARG GLOBAL=1\nFROM debian:12.6 AS base\nENV APP_HOME=/app\nFROM base\nARG version\nRUN --mount=type=secret,id=t,env=TOKEN echo "$version $APP_HOME $TOKEN $HTTP_PROXY $GLOBAL"\n'
    )
    const exported = script.split('\n')[1]
    expect(exported).toMatch(/^export /)
    expect(exported).toContain(' APP_HOME=1')
    expect(exported).toContain(' version=1')
    expect(exported).toContain(' TOKEN=1')
    expect(exported).toContain('HTTP_PROXY=1')
    expect(exported).not.toContain('GLOBAL=1')
  })

  it('exports only the names the body mentions, or could be a misspelling of', () => {
    const names = ['HTTP_PROXY', 'NODE_VERSION', 'Node_Env', 'APP', 'APX', 'BUILD_FLAGS', 'UNUSED']
    expect(namesFor(names, 'echo "$NODE_VERSON" $node_env $APP\\\n$BUILD_\\\nFLAGS')).toEqual([
      'NODE_VERSION', // one edit from NODE_VERSON
      'Node_Env', // equal but for case
      'APP', // mentioned; APX (3 characters) is never suggested
      'BUILD_FLAGS' // across a line continuation
    ])
    expect(namesFor(names, 'true')).toEqual([])
    const [script] = scripts('FROM alpine:3.20\nARG A_LONG_NAME\nRUN true\n')
    expect(script).toBe('#!/bin/sh\n\ntrue\n')
  })

  it('ShellCheck says the same with the names left out as with all of them', () => {
    const names = [
      ...Array.from({ length: 40 }, (_, i) => `UNRELATED_${i}`),
      'NODE_VERSION',
      'Node_Env',
      'PKGS',
      'user',
      'TARGETARCH',
      'http_proxy'
    ]
    const bodies = [
      'echo $NODE_VERSON $node_env $PKGS $TARGETARC',
      'apt-get install $PKGS && echo "${usr}" ${NODE_VERSION:-x}',
      'for p in $PKGS; do echo $p; done; echo ${#user} ${!Node_Env} $UNRELATED_',
      'x=$(curl -x $http_proxy https://e.x) \\\n  && echo $x $NODE_\\\nVERSION $Node_env',
      'cd /tmp; arr=(a b); echo $arr; read -r line; echo $lin $TARGETARCHH'
    ]
    // The preamble as shellcheckScripts writes it: an empty line when no name is left.
    const check = (exported: string[], body: string) => {
      const line = exported.length > 0 ? `export ${exported.map((n) => `${n}=1`).join(' ')}` : ''
      return shellcheck!([{ script: `#!/bin/sh\n${line}\n${body}\n` }])[0]
    }
    const bodyComments = (result: ReturnType<typeof check>) => {
      if (!Array.isArray(result)) throw new Error(result.notChecked)
      return result.filter((c) => c.line > 2)
    }
    for (const body of bodies) {
      const all = bodyComments(check(names, body))
      const kept = namesFor(names, body)
      expect(kept.length).toBeLessThan(names.length)
      expect(bodyComments(check(kept, body))).toEqual(all)
    }
    // The suggestions that depend on names the body does not hold are there.
    const codes = bodies.flatMap((b) => bodyComments(check(names, b)).map((c) => c.code))
    expect(codes).toContain(2153)
  })

  it('RUN before and after a SHELL instruction, through FROM <stage>', () => {
    const shebangs = scripts(
      'FROM debian:12.6 AS base\nRUN a\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN b\nFROM base\nRUN c\nFROM debian:12.6\nRUN d\n'
    ).map((s) => s.split('\n')[0])
    expect(shebangs).toEqual(['#!/bin/sh', '#!/bin/bash', '#!/bin/bash', '#!/bin/sh'])
  })

  it('hadolint shell pragmas: before the first FROM for all stages, inside a stage from there on', () => {
    expect(
      scripts('# hadolint shell=bash\nFROM debian:12.6\nRUN a\nFROM debian:12.6\nRUN b\n').map(
        (s) => s.split('\n')[0]
      )
    ).toEqual(['#!/bin/bash', '#!/bin/bash'])
    expect(
      scripts(
        'FROM debian:12.6\nRUN a\n# hadolint shell=bash\nRUN b\nFROM debian:12.6\nRUN c\n'
      ).map((s) => s.split('\n')[0])
    ).toEqual(['#!/bin/sh', '#!/bin/bash', '#!/bin/sh'])
    expect(
      scripts(
        '# hadolint shell=powershell\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN a\n'
      )
    ).toEqual([])
  })
})

describe('heredoc dialects', () => {
  it('a shell shebang in the body decides the dialect', () => {
    expect(
      lint('FROM debian:12.6\nRUN <<EOF\n#!/bin/bash\n[[ -f /x ]] && echo yes\nEOF\n')
    ).toEqual([])
    expect(at(lint('FROM debian:12.6\nRUN <<EOF\n[[ -f /x ]] && echo yes\nEOF\n'))).toEqual([
      'SC3010 3:1-3:12'
    ])
  })
  it('`bash <<EOF` checks the body as bash', () => {
    expect(
      lint('FROM debian:12.6\nRUN bash -e <<EOF\n[[ -f /x ]] && cd /x\nEOF\n').map((f) => f.rule)
    ).toEqual(['SC2164'])
  })
  it('a non-shell shebang skips the body', () => {
    expect(lint('FROM python:3.12.4\nRUN <<EOF\n#!/usr/bin/env python3\nprint($x)\nEOF\n')).toEqual(
      []
    )
  })
})

describe('unsupported shells are skipped', () => {
  it('PowerShell, cmd, zsh and the Windows escape', () => {
    expect(lint('FROM debian:12.6\nSHELL ["zsh", "-c"]\nRUN echo $foo\n')).toEqual([])
    expect(
      lint(
        'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["cmd", "/S", "/C"]\nRUN echo %foo%\n'
      )
    ).toEqual([])
    expect(
      lint('# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo $foo\n')
    ).toEqual([])
    expect(lint('FROM debian:12.6\nRUN ["sh", "-c", "echo $foo"]\n')).toEqual([])
  })
  it('and everything when settings.shellcheck is false', () => {
    expect(lint('FROM debian:12.6\nRUN echo $foo\n', { shellcheck: false })).toEqual([])
  })
})

describe('ONBUILD RUN', () => {
  it('ONBUILD RUN uses the SHELL of its stage', () => {
    expect(lint('FROM debian:12.6\nSHELL ["/bin/bash", "-c"]\nONBUILD RUN echo $RANDOM\n')).toEqual(
      []
    )
  })
  it('ONBUILD RUN sees ENV, not ARG', () => {
    const found = lint(
      'FROM debian:12.6\nARG build_arg=1\nENV runtime_env=1\nONBUILD RUN echo "$build_arg $runtime_env"\n'
    )
    expect(found.map((f) => `${f.rule} ${f.message}`)).toEqual([
      'SC2154 build_arg is referenced but not assigned.'
    ])
    expect(at(found)).toEqual(['SC2154 4:19-4:29'])
  })
})

describe('pragmas and configuration', () => {
  it('`# hadolint ignore=SC2086` covers findings anywhere in the RUN', () => {
    const found = lint(
      'FROM debian:12.6\n# hadolint ignore=SC2086,SC2154\nRUN true \\\n  && echo $foo\n'
    )
    expect(found).toEqual([])
  })
  it('SC codes can be turned off or re-graded like rules', () => {
    const text = 'FROM debian:12.6\nRUN echo $foo\n'
    const result = lintText(
      { path: 'Dockerfile', text, kind: 'dockerfile' },
      {
        registry,
        config: resolveConfig([
          {
            source: 'test',
            rules: new Map([
              ['SC2154', 'off'],
              ['SC2086', 'error']
            ])
          }
        ]),
        tools: { shellcheck }
      }
    )
    expect(
      result.findings.filter((f) => /^SC/.test(f.rule)).map((f) => `${f.rule} ${f.severity}`)
    ).toEqual(['SC2086 error'])
  })
})
