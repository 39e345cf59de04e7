import { describe, expect, it } from 'vitest'
import { loadHadolintCases } from '../../../bench/conformance/hadolint.js'
import { lintText } from '../../../src/lint/engine.js'
import { resolveConfig } from '../../../src/config/config.js'
import type { Finding } from '../../../src/core/types.js'
import { registry } from '../../../src/rules/index.js'

/**
 * Pins the deliberate divergences from hadolint listed in docs/divergences.md (section
 * dockerfile-a), each against hadolint's own case where one exists (read from
 * ../shared/conformance at test time).
 */

function upstream(source: string): string {
  const found = loadHadolintCases().find((c) => c.source === source)
  if (!found) throw new Error(`no hadolint case ${source}`)
  return `${found.dockerfile}\n`
}

/** Findings with the default configuration plus `on` rules. */
function lint(text: string, ...on: string[]): Finding[] {
  const config = resolveConfig([
    { source: 'test', rules: new Map(on.map((id) => [id, 'on' as const])) }
  ])
  const result = lintText({ path: 'Dockerfile', text, kind: 'dockerfile' }, { registry, config })
  expect(result.errors).toEqual([])
  return result.findings
}

const rulesOf = (findings: Finding[]): string[] => [...new Set(findings.map((f) => f.rule))].sort()
const at = (findings: Finding[], rule: string): number[] =>
  findings.filter((f) => f.rule === rule).map((f) => f.range.start.line)

describe('rules beyond hadolint', () => {
  it('hadolint finds nothing in RegressionSpec.hs:37; our no-USER and floating-tag rules do', () => {
    const findings = lint(upstream('test/RegressionSpec.hs:37'))
    expect(findings.filter((f) => f.rule.startsWith('DL'))).toEqual([])
    expect(rulesOf(findings)).toEqual(['DR1003', 'DR1004'])
  })
})

describe('DL3002: only stages that run as an image', () => {
  it('a build stage copied from may stay root', () => {
    const text =
      'FROM golang:1.22 AS build\nUSER root\nRUN make\nFROM debian:12.5\nCOPY --from=build /a /a\nUSER app\n'
    expect(at(lint(text), 'DL3002')).toEqual([])
  })
  it('the final image, an inherited root user and unused targets are still reported', () => {
    const text =
      'FROM debian:12.5 AS base\nUSER root\nFROM base AS final\nFROM alpine:3.20 AS debug\nUSER 0\nFROM base\n'
    expect(at(lint(text), 'DL3002')).toEqual([2, 5])
  })
})

describe('package lists in variables', () => {
  it('a variable with a known default is judged by its value', () => {
    const text =
      'FROM alpine:3.20\nARG PKGS="curl=8.8.0-r0 git"\nRUN apk add --no-cache $PKGS\n' +
      'ENV TOOLS="black==24.4.2"\nRUN pip install --no-cache-dir $TOOLS\n'
    expect(at(lint(text), 'DL3018')).toEqual([3])
    expect(at(lint(text), 'DL3013')).toEqual([])
  })
  it('a variable without a known value is not reported', () => {
    const text =
      'FROM debian:12.5\nRUN apt-get install -y --no-install-recommends $PACKAGES && npm i -g ${NPM_TOOLS} && gem install $GEMS\n'
    const findings = lint(text)
    for (const rule of ['DL3008', 'DL3016', 'DL3028']) expect(at(findings, rule)).toEqual([])
  })
})

describe('COPY --from and images', () => {
  it('judges `--from=$VAR` by its default and treats references with a registry as images', () => {
    const text =
      'ARG BUILDER=builder\nFROM golang:1.22 AS builder\nFROM debian:12.5\nARG BUILDER\n' +
      'COPY --from=$BUILDER /a /a\nCOPY --from=docker.io/library/alpine /etc/os-release /x\nCOPY --from=$UNKNOWN /b /b\n'
    expect(at(lint(text), 'DL3022')).toEqual([])
  })
  it('leaves a stage copying from itself to DL3023 only', () => {
    const findings = lint('FROM debian:12.5 AS app\nCOPY --from=app /a /b\n')
    expect(rulesOf(findings).filter((r) => r === 'DL3022' || r === 'DL3023')).toEqual(['DL3023'])
  })
})

describe('fewer false positives', () => {
  it('DL3019: removing /var/cache/apk later in the same RUN counts as --no-cache', () => {
    expect(
      at(
        lint('FROM alpine:3.20\nRUN apk add -U curl=8.8.0-r0 && rm -rf /var/cache/apk/*\n'),
        'DL3019'
      )
    ).toEqual([])
  })
  it('DL3013: a VCS URL whose only `@` is the user of the host is unpinned', () => {
    const text =
      'FROM python:3.12.4\nRUN pip install --no-cache-dir git+ssh://git@github.com/x/y.git#egg=y\n'
    expect(at(lint(text), 'DL3013')).toEqual([2])
  })
  it('DL3018 and DL3028: `!pkg` constraints and local .gem files are not unpinned packages', () => {
    const text =
      'FROM ruby:3.3.4-alpine3.20\nRUN apk add --no-cache py3-a=1.0-r0 !pyc\nRUN gem install ./local.gem\n'
    const findings = lint(text)
    expect(at(findings, 'DL3018')).toEqual([])
    expect(at(findings, 'DL3028')).toEqual([])
  })
})

describe('BuildKit where it is the better judge', () => {
  it('DL3029: a stage named after its platform pins it on purpose', () => {
    const text =
      'FROM --platform=linux/arm64 debian:12.5 AS build-arm64\nFROM --platform=linux/amd64 debian:12.5 AS tools\n'
    expect(at(lint(text), 'DL3029')).toEqual([2])
  })
})

describe('stricter than hadolint', () => {
  it('DL1001 also reports global, stage and docker-review ignore pragmas', () => {
    const text =
      '# hadolint global ignore=DL3003\nFROM debian:12.5\n# docker-review stage ignore=DL3008\nRUN true\n'
    expect(at(lint(text, 'DL1001'), 'DL1001')).toEqual([1, 3])
  })
  it('DL3016 also checks `npm i` and `npm add` (one finding per instruction, naming both)', () => {
    const found = lint('FROM node:20.11\nRUN npm i -g typescript && npm add left-pad\n').filter(
      (f) => f.rule === 'DL3016'
    )
    expect(found.map((f) => f.range.start.line)).toEqual([2])
    expect(found[0].message).toMatch(/2 findings in this instruction:.*`typescript`.*`left-pad`/)
  })
  it('DL3026 knows every name of Docker Hub', () => {
    const text =
      'FROM index.docker.io/library/debian:12.5\nFROM registry-1.docker.io/library/alpine:3.20\n'
    const config = resolveConfig([
      { source: 'test', settings: { trustedRegistries: ['docker.io'] } }
    ])
    const result = lintText({ path: 'Dockerfile', text, kind: 'dockerfile' }, { registry, config })
    expect(at(result.findings, 'DL3026')).toEqual([])
  })
})

describe('ARG defaults and heredocs', () => {
  it('DL3006/DL3007 judge `FROM $VAR` by the ARG default (hadolint skips every `$` image)', () => {
    const text =
      'ARG BASE=ubuntu\nARG NODE=node:latest\nFROM $BASE AS a\nFROM ${NODE}\nFROM ${UNKNOWN}\n'
    const findings = lint(text)
    expect(at(findings, 'DL3006')).toEqual([3])
    expect(at(findings, 'DL3007')).toEqual([4])
  })
  it('heredocs hadolint fails to parse are linted inside, at their own lines', () => {
    const text =
      'FROM debian:12.5\nRUN <<EOF bash\nset -e\napt-get update\napt-get install -y curl\nEOF\n' +
      'COPY <<-"CONF" /etc/app.conf\n\tkey=$value\n\tCONF\n'
    const findings = lint(text)
    expect(at(findings, 'DL1000')).toEqual([])
    expect(at(findings, 'DL3008')).toEqual([5])
    expect(at(findings, 'DL3009')).toEqual([4])
  })
})

describe('DL3025: only where the process loses signals', () => {
  it('HEALTHCHECK CMD is a probe, not the container process', () => {
    expect(rulesOf(lint(upstream('test/Hadolint/Rule/DL3025Spec.hs:46')))).not.toContain('DL3025')
  })

  it('bash and BusyBox ash exec a lone command; dash and unknown images keep the shell', () => {
    const on = (from: string, line: string): boolean =>
      lint(`FROM ${from}\n${line}\n`).some((f) => f.rule === 'DL3025')
    expect(on('alpine:3.20', 'CMD server --port 80')).toBe(false)
    expect(on('rockylinux:9', 'CMD server --port 80')).toBe(false)
    expect(on('debian:12', 'CMD server --port 80')).toBe(true)
    expect(on('example.com/base:1', 'CMD server --port 80')).toBe(true)
    expect(on('alpine:3.20', 'ENTRYPOINT server --port 80')).toBe(true)
    expect(on('debian:12', 'CMD server && other')).toBe(false)
    expect(on('debian:12', 'CMD /bin/bash')).toBe(false)
  })
})

describe('DL3000: only paths the base image decides', () => {
  it('a relative WORKDIR after an absolute one, or from scratch, is determined by the file', () => {
    const on = (text: string): boolean => lint(text).some((f) => f.rule === 'DL3000')
    expect(on('FROM debian:12\nWORKDIR /work\nWORKDIR src\n')).toBe(false)
    expect(on('FROM scratch\nWORKDIR app\n')).toBe(false)
    expect(on('FROM debian:12\nWORKDIR src\n')).toBe(true)
  })
})
