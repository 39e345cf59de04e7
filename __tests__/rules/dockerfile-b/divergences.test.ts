import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { lintText } from '../../../src/lint/engine.js'
import { resolveConfig } from '../../../src/config/config.js'
import { registry } from '../../../src/rules/index.js'

/**
 * Pins the deliberate divergences from hadolint listed in docs/divergences.md
 * (section dockerfile-b), each against hadolint's own case where one exists.
 */

const CASES = join(import.meta.dirname, '../../../../shared/conformance/hadolint-cases.json')

interface HadolintCase {
  rule: string
  dockerfile: string
  fires: boolean
  source: string
}

function upstream(source: string): HadolintCase {
  const cases = JSON.parse(readFileSync(CASES, 'utf8')) as HadolintCase[]
  const found = cases.find((c) => c.source === source && !('onbuild' in c))
  if (!found) throw new Error(`no hadolint case ${source} in ${CASES}`)
  return found
}

/** Lines at which `rule` reports on `text` (the rule switched on, everything else default). */
function lines(rule: string, text: string): number[] {
  const config = resolveConfig([{ source: 'test', rules: new Map([[rule, 'on']]) }])
  const result = lintText(
    { path: 'Dockerfile', text, kind: 'dockerfile' },
    { registry, config, only: new Set([rule]) }
  )
  expect(result.errors).toEqual([])
  return result.findings.filter((f) => f.rule === rule).map((f) => f.range.start.line)
}

describe('DL4006: only pipes that can hide a failure', () => {
  it('RegressionSpec.hs:26 — `echo … | sed` cannot hide a failure: silent (hadolint fires)', () => {
    const c = upstream('test/RegressionSpec.hs:26')
    expect(c.fires).toBe(true)
    expect(lines('DL4006', `${c.dockerfile}\n`)).toEqual([])
  })
  it('the point of that case still holds: a comment ending in `\\` does not hide the SHELL line', () => {
    const c = upstream('test/RegressionSpec.hs:26')
    const fallible = c.dockerfile.replace(/RUN echo "kaka" \|/, 'RUN cat /etc/os-release |')
    expect(fallible).not.toBe(c.dockerfile)
    expect(lines('DL4006', `${fallible}\n`)).toEqual([7])
  })
  it('`set -o pipefail` earlier in the same RUN counts', () => {
    const text = 'FROM debian:12.5\nRUN set -eux; set -o pipefail; curl -fsSL https://x | tar -xz\n'
    expect(lines('DL4006', text)).toEqual([])
    expect(lines('DL4006', text.replace('set -o pipefail; ', ''))).toEqual([2])
  })
  it('a stage built FROM an earlier one inherits its SHELL, as Docker does', () => {
    const text =
      'FROM debian:12.5 AS base\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM base\nRUN curl -fsSL https://x | tar -xz\n'
    expect(lines('DL4006', text)).toEqual([])
    expect(lines('DL4006', text.replace('FROM base\n', 'FROM debian:12.5\n'))).toEqual([4])
  })
})

describe('DL3059: only layers that reach the image', () => {
  const text = 'FROM golang:1.22.5 AS build\nRUN go mod download\nRUN go build -o /app .\n'
  it('build stages are not reported (hadolint #1056)', () => {
    expect(lines('DL3059', `${text}FROM debian:12.5\nCOPY --from=build /app /app\n`)).toEqual([])
  })
  it('the same RUNs in the final stage are', () => {
    expect(lines('DL3059', text)).toEqual([3])
  })
  it('heredoc RUNs are not merge candidates', () => {
    expect(
      lines('DL3059', 'FROM debian:12.5\nRUN <<EOF\napt-get update\nEOF\nRUN echo done\n')
    ).toEqual([])
  })
})

describe('final-image rules', () => {
  it('DL3057: build stages without HEALTHCHECK are not reported, only the image built', () => {
    const text = 'FROM golang:1.22.5 AS build\nFROM nginx:1.27.0\nHEALTHCHECK NONE\n'
    expect(lines('DL3057', text)).toEqual([])
    expect(lines('DL3057', text.replace('HEALTHCHECK NONE\n', ''))).toEqual([2])
  })
  it('DL3066: only the USER the image runs as (hadolint PR #1239)', () => {
    const text = 'FROM debian:12.5 AS build\nUSER builder\nFROM debian:12.5\nUSER app\nUSER 10001\n'
    expect(lines('DL3066', text)).toEqual([])
    expect(lines('DL3066', `${text}USER app\n`)).toEqual([6])
  })
})

describe('package lists in variables', () => {
  it.each([
    ['DL3033', 'RUN yum install -y $PACKAGES\n'],
    ['DL3041', 'RUN dnf install -y ${PACKAGES}\n'],
    ['DL3037', 'RUN zypper -n install "$PACKAGES"\n'],
    ['DL3062', 'RUN go install $TOOL\n']
  ])('%s: a word that is only a variable is not judged', (rule, text) => {
    expect(lines(rule, text)).toEqual([])
  })
  it('DL3041: an undefined variable inside a version still fires, a defined one passes', () => {
    expect(lines('DL3041', 'RUN dnf install -y git-${V}\n')).toEqual([1])
    expect(lines('DL3041', 'ARG V=2.45.2\nRUN dnf install -y git-${V}\n')).toEqual([])
  })
})

describe('fewer false positives', () => {
  it('DL3064: names that point at a secret, public values and the container user name', () => {
    const text =
      'FROM debian:12.5\nENV DB_PASSWORD_FILE=/run/secrets/db NEXT_PUBLIC_TOKEN_URL=/t\nARG USERNAME=vscode\n'
    expect(lines('DL3064', text)).toEqual([])
    expect(lines('DL3064', 'FROM debian:12.5\nENV DB_PASSWORD=x\n')).toEqual([2])
  })
  it('DL3067: tool images and stages built from scratch may be copied whole', () => {
    expect(lines('DL3067', 'FROM debian:12.5\nCOPY --from=tonistiigi/xx:1.4.0 / /\n')).toEqual([])
    expect(
      lines('DL3067', 'FROM scratch AS out\nCOPY a /a\nFROM debian:12.5\nCOPY --from=out / /\n')
    ).toEqual([])
    expect(lines('DL3067', 'FROM debian:12.5 AS os\nFROM scratch\nCOPY --from=os / /\n')).toEqual([
      3
    ])
  })
  it('DL3062: `.go` files and the `tool` meta-package are local', () => {
    expect(lines('DL3062', 'RUN go run main.go && go install tool\n')).toEqual([])
  })
  it('DL3049: a stage is a step when a later stage built on it sets the label, whatever its alias', () => {
    const settings = { labelSchema: { owner: 'email' } }
    const config = resolveConfig([{ source: 'test', settings }])
    const result = lintText(
      {
        path: 'Dockerfile',
        text: 'FROM debian:12.5 AS base\nFROM base AS final\nLABEL owner=ops@example.com\n',
        kind: 'dockerfile'
      },
      { registry, config, only: new Set(['DL3049']) }
    )
    expect(result.findings).toEqual([])
  })
})

describe('stricter than hadolint', () => {
  it('DL3060: a bare `yarn` installs too', () => {
    expect(lines('DL3060', 'FROM node:20.15.0\nRUN yarn --frozen-lockfile\n')).toEqual([2])
  })
  it('DL3032: groupinstall and localinstall fill the cache as well', () => {
    expect(lines('DL3032', 'RUN yum -y groupinstall "Development Tools"\n')).toEqual([1])
  })
})
