import { describe as describeAll, expect, it } from 'vitest'
import { resolveConfig } from '../../src/config/config.js'
import { lintText } from '../../src/lint/engine.js'
import { registry } from '../../src/rules/index.js'
import { createShellcheck } from '../../src/tools/shellcheck.js'
import { hasShellcheck } from '../tools/shellcheck-binary.js'

/**
 * ShellCheck comments the Dockerfile context proves wrong are not reported (the classes measured in
 * bench/precision/shellcheck-codes-21.tsv); the same comments stay where the context does not
 * refute them. Runs the real binary.
 */

const shellcheck = hasShellcheck('__tests__/rules/shellcheck-context.test.ts')
  ? createShellcheck()
  : undefined
const describe = describeAll.runIf(shellcheck !== undefined)

/** `SC2115 4` (code and line) for each ShellCheck finding. */
function codes(text: string): string[] {
  const result = lintText(
    { path: 'Dockerfile', text, kind: 'dockerfile' },
    { registry, config: resolveConfig([]), tools: { shellcheck }, only: new Set(['SHELLCHECK']) }
  )
  expect(result.errors).toEqual([])
  return result.findings
    .filter((f) => f.rule !== 'SC2086')
    .map((f) => `${f.rule} ${f.range.start.line}`)
}

describe('SC2115 and the variables the Dockerfile sets', () => {
  it('is not reported for an ARG or ENV with a non-empty default', () => {
    expect(
      codes(
        'FROM tomcat:8.5\nARG WEB_DIR=/usr/local/tomcat/webapps\nENV DL=/usr/src\n' +
          'RUN rm -rf ${WEB_DIR}/* && rm -rf "$DL/"*\n'
      )
    ).toEqual([])
  })
  it('is reported when the variable can be empty or the script reassigns it', () => {
    expect(
      codes(
        'FROM tomcat:8.5\nARG NODEFAULT\nARG EMPTY=""\nARG SET=/srv\n' +
          'RUN rm -rf ${NODEFAULT}/* && rm -rf "$EMPTY/"* && rm -rf $UNSET/*\n' +
          'RUN SET="$(cat /dir)"; rm -rf ${SET}/*\n'
      )
    ).toEqual(['SC2115 5', 'SC2115 5', 'SC2115 5', 'SC2115 6'])
  })
})

describe('SC3xxx and the sh of the image', () => {
  const bashisms =
    'RUN set -o pipefail && [[ -e /x ]] && echo -e "a\\nb" > /y && id x &>/dev/null\n'
  it('Alpine: BusyBox ash has [[ ]], &>, pipefail and echo -e', () => {
    expect(codes(`FROM alpine:3.20\n${bashisms}`)).toEqual([])
    expect(codes(`FROM node:22-alpine3.20\n${bashisms}`)).toEqual([])
  })
  it('RHEL family: /bin/sh is bash', () => {
    expect(codes(`FROM amazonlinux:2023\n${bashisms}`)).toEqual([])
    expect(codes(`FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\n${bashisms}`)).toEqual([])
  })
  it('Debian and Ubuntu (dash) and unknown images keep them', () => {
    const all = ['SC3040 2', 'SC3010 2', 'SC3037 2', 'SC3020 2']
    expect(codes(`FROM ubuntu:24.04\n${bashisms}`)).toEqual(all)
    expect(codes(`FROM example/app:1.0\n${bashisms}`)).toEqual(all)
  })
  it('an explicit dash SHELL keeps them on Alpine too (checked as dash)', () => {
    expect(codes(`FROM alpine:3.20\nSHELL ["/bin/dash", "-c"]\n${bashisms}`)).toEqual([
      'SC3010 3',
      'SC3036 3',
      'SC3020 3'
    ])
  })
  it('echo -n and /bin/echo work under every sh; echo -e under dash does not', () => {
    expect(
      codes('FROM ubuntu:24.04\nRUN echo -n x > /a && /bin/echo -e "a\\nb" > /b && echo -ne y\n')
    ).toEqual(['SC3037 2'])
  })
  it('BusyBox ash lacks indirect expansion: SC3053 stays on Alpine', () => {
    expect(codes('FROM alpine:3.20\nRUN x=HOME; echo "${!x}"\n')).toEqual(['SC3053 2'])
  })
})
