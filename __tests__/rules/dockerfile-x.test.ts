import { describe, expect, it } from 'vitest'
import { resolveConfig } from '../../src/config/config.js'
import { lintText } from '../../src/lint/engine.js'
import type { Finding } from '../../src/core/types.js'
import { parseDockerfile } from '../../src/dockerfile/model.js'
import { cleanPath } from '../../src/core/paths.js'
import { parseDockerignore } from '../../src/dockerfile/build-context.js'
import { variableRefs } from '../../src/dockerfile/variables.js'
import { floating } from '../../src/rules/dockerfile/DR1003.js'
import { registry } from '../../src/rules/index.js'
import { workspaceOf } from './tester.js'

/**
 * Behaviour of the rules beyond hadolint (BuildKit, security, DR) that docs/divergences.md
 * promises (section dockerfile-x), and the shared helpers they stand on.
 */

function lint(text: string, files?: Record<string, string>, path = 'Dockerfile'): Finding[] {
  const result = lintText(
    { path, text, kind: 'dockerfile' },
    {
      registry,
      config: resolveConfig([]),
      workspace: files ? workspaceOf(files) : undefined
    }
  )
  expect(result.errors).toEqual([])
  return result.findings
}

const rules = (findings: Finding[], prefix = /^(DR|SC)/): string[] =>
  findings.filter((f) => prefix.test(f.rule)).map((f) => `${f.rule}@${f.range.start.line}`)

describe('fewer false positives', () => {
  it('SecretsUsedInArgOrEnv: one finding per name, key ids and file paths are not secrets', () => {
    const found = lint(
      'FROM python:3.12.4-slim\nENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D\nARG DB_PASSWORD\nENV TLS_KEY=/run/secrets/tls.key\nARG SIGNING_KEY\nUSER app\n'
    )
    expect(found.filter((f) => f.rule === 'DR2014').map((f) => f.range.start.line)).toEqual([5])
    expect(found.filter((f) => f.rule === 'DL3064').map((f) => f.range.start.line)).toEqual([3])
  })

  it('UndefinedVar: names the base image may set are not reported', () => {
    const text =
      'FROM eclipse-temurin:21.0.3_9-jre\nENV PATH=$JAVA_HOME/bin:$PATH\nCOPY app-$APP_VERSION.jar /app.jar\nUSER app\n'
    expect(rules(lint(text), /^DR2007$/)).toEqual([])
    expect(rules(lint('FROM scratch\nCOPY app-$APP_VERSION /app\n'), /^DR2007$/)).toEqual([
      'DR2007@2'
    ])
  })

  it('InvalidDefaultArgInFrom: defaults built from platform arguments are not judged', () => {
    const text =
      'ARG ARCH=${TARGETARCH}\nARG BASE=${TARGETPLATFORM#linux/}\nFROM example/app-${ARCH}:1 AS a\nFROM example/${BASE}:1\n'
    expect(rules(lint(text), /^DR2009$/)).toEqual([])
    expect(rules(lint('ARG V=3.20\nARG TAG=${V}\nFROM alpine:${TAG}\n'), /^DR2009$/)).toEqual([])
  })

  it('security rules: local repositories and local packages are not signature bypasses', () => {
    const text =
      'FROM debian:12.6\nRUN echo "deb [ trusted=yes ] file:///tmp/pkgs ./" > /etc/apt/sources.list.d/local.list\nFROM alpine:3.20\nRUN apk add --no-cache --allow-untrusted /tmp/packages/*.apk\n'
    expect(rules(lint(text), /^DR3006$/)).toEqual([])
  })

  it('DR1004/DR1007/DR1008/DR1010: development images and artifact stages are not judged', () => {
    const dev = 'FROM python:3.12\nRUN apt-get update && apt-get install -y gcc\nEXPOSE 8000\n'
    expect(rules(lint(dev, undefined, '.devcontainer/Dockerfile'))).toEqual([])
    expect(rules(lint(dev, undefined, 'Dockerfile.dev'))).toEqual([])
    expect(
      rules(
        lint(
          'FROM golang:1.22.5 AS build\nRUN go build -o /out/app\nFROM scratch\nCOPY --from=build /out /\n'
        )
      )
    ).toEqual([])
  })
})

describe('rules beyond hadolint', () => {
  it('DR2006 (WorkdirRelativePath) is off by default; DL3000 covers it', () => {
    const found = lint('FROM alpine:3.20\nWORKDIR app\nUSER app\n')
    expect(found.map((f) => f.rule).filter((r) => r === 'DL3000' || r === 'DR2006')).toEqual([
      'DL3000'
    ])
  })

  it('BuildKit names and Trivy/Checkov ids resolve to our rules', () => {
    expect(registry.resolve('UndefinedVar')).toBe('DR2007')
    expect(registry.resolve('workdirrelativepath')).toBe('DR2006')
    expect(registry.resolve('AVD-DS-0002')).toBe('DR1004')
    expect(registry.resolve('CKV_DOCKER_3')).toBe('DR1004')
    expect(registry.resolve('CKV2_DOCKER_14')).toBe('DR3005')
    expect(registry.resolve('AVD-DS-0017')).toBe('DR3002')
  })

  it('`# check=skip=all` skips the BuildKit-named rules, not the others', () => {
    const text =
      '# check=skip=all\nFROM alpine:3.20 as Build\nRUN curl -fsSL https://x | sh\nUSER app\n'
    const found = rules(lint(text))
    expect(found).toContain('DR1016@3')
    expect(found.filter((r) => /^DR200[12]/.test(r))).toEqual([])
  })
})

describe('.dockerignore semantics (Docker, not gitignore)', () => {
  const ig = parseDockerignore(
    '.dockerignore',
    '# comment\n*.md\n!README.md\nnode_modules\n/build/\n**/*.pem\nsecrets\n!secrets/public.txt\n'
  )
  it.each([
    ['NOTES.md', true],
    ['README.md', false],
    ['docs/guide.md', false],
    ['node_modules/x/index.js', true],
    ['src/node_modules', false],
    ['build/out.js', true],
    ['a/b/key.pem', true],
    ['secrets/db.txt', true],
    ['secrets/public.txt', false],
    ['./NOTES.md', true],
    ['.', false]
  ])('%s excluded: %s', (path, excluded) => {
    expect(ig.excludes(path)).toBe(excluded)
  })
  it('cleans paths like Docker', () => {
    expect(cleanPath('./a//b/')).toBe('a/b')
    expect(cleanPath('/a/../b')).toBe('b')
    expect(cleanPath('./')).toBe('.')
  })
})

describe('helpers', () => {
  it('variable references outside RUN, with file positions', () => {
    const doc = parseDockerfile(
      'Dockerfile',
      'FROM scratch\nLABEL a=$A b=\'$B\' c=\\$C d=${D:-x} e="${E}"\n'
    )
    const label = doc.instructions[1]
    const refs = variableRefs(label.text, label.textOffsets, doc.escape)
    expect(refs.map((r) => [r.name, doc.text.slice(r.start, r.end), r.modified])).toEqual([
      ['A', '$A', false],
      ['D', '${D:-x}', true],
      ['E', '${E}', false]
    ])
  })
  it.each([
    ['3', true],
    ['20-alpine', true],
    ['lts-slim', true],
    ['bookworm', true],
    ['bookworm-20240701-slim', false],
    ['3.12', false],
    ['3.12.4-slim', false],
    ['jammy', false],
    ['ltsc2022', false],
    ['1.22-alpine3.20', false]
  ])('tag %s floats: %s', (tag, floats) => {
    expect(floating(tag) !== undefined).toBe(floats)
  })
})
