import fc from 'fast-check'
import type { FileKind } from '../../src/core/types.js'

/**
 * Corpus-seeded mutations: pick a real file and damage it line-wise and character-wise — delete,
 * duplicate, swap, truncate, splice in lines of another file, insert hostile snippets (bytes,
 * unicode, CR, tabs, backslashes, quotes, `$(`, heredoc markers, pragmas) or whole lines from the
 * grammar. Positions are plain naturals taken modulo the file's size when applied, so fast-check
 * shrinks a failing case to fewer, smaller mutations on the same file.
 */

export type Mutation =
  | { op: 'delete'; at: number; count: number }
  | { op: 'duplicate'; at: number; count: number }
  | { op: 'swap'; a: number; b: number }
  | { op: 'insert'; at: number; column: number; text: string }
  | { op: 'line'; at: number; text: string }
  | { op: 'indent'; at: number; by: string }
  | { op: 'truncate'; at: number }
  | { op: 'splice'; file: number; from: number; count: number; at: number }
  | { op: 'crlf' }

export interface Mutant {
  /** Index of the corpus file mutated. */
  file: number
  mutations: Mutation[]
}

/** Snippets that trip parsers of either kind. */
const COMMON = [
  '\\',
  '\\\n',
  ' \\\n',
  '\\\r\n',
  '"',
  "'",
  '`',
  '\t',
  '\r',
  '\r\n',
  '\n',
  '\n\n',
  ' ',
  '#',
  '# ',
  '$',
  '$(',
  ')',
  '${',
  '}',
  '${A:-b}',
  '$$',
  '\u0000',
  '\ufeff',
  '\u00a0',
  '\u2028',
  '\ud800',
  '\udc00',
  '😀',
  'é',
  '=',
  ':',
  ',',
  '[',
  ']',
  '{',
  '}',
  '<<EOF',
  'EOF',
  '--',
  '-'
]

const DOCKERFILE = [
  '<<EOF\n',
  '<<-"EOT"\n',
  "<<'X'\n",
  '\nEOF\n',
  '\n\tEOT\n',
  '2<<EOF ',
  '&& ',
  ' && ',
  ' || ',
  ' | ',
  '; ',
  ' &',
  '$(echo a',
  '`date`',
  '"$(',
  '# hadolint ignore=DL3008\n',
  '# hadolint ignore=DL3008,DL3015,DL3009\n',
  '# hadolint global ignore=DL3006\n',
  '# docker-review ignore=DR1001\n',
  '# escape=`\n',
  '# escape=\\\n',
  '# syntax=docker/dockerfile:1\n',
  '# check=skip=JSONArgsRecommended\n',
  '# check=error=true\n',
  '--mount=type=cache,target=/root/.cache ',
  '--mount=type=secret,id=x ',
  '--chown=1000:1000 ',
  '--chmod=755 ',
  '--from=builder ',
  '--platform=$BUILDPLATFORM ',
  '--link ',
  '--network=none ',
  'apt-get install -y curl ',
  'apt-get update ',
  'apk add curl ',
  'pip install flask ',
  'npm install ',
  'sudo ',
  'cd /tmp && ',
  'curl -fsSL https://example.com/x.sh | sh',
  'wget http://example.com/a.tgz ',
  ':latest',
  '@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
  ' AS build',
  '["/bin/sh", "-c", "echo hi"]',
  '["a",',
  '"]',
  'RUN ',
  'FROM ',
  'COPY ',
  'ONBUILD ',
  'ONBUILD ONBUILD ',
  'ENV ',
  'ARG ',
  'LABEL ',
  'HEALTHCHECK ',
  'SHELL ',
  'USER root',
  'WORKDIR app',
  'EXPOSE 80/tcp',
  'MAINTAINER me',
  'run ',
  'from '
]

const COMPOSE = [
  ': ',
  '- ',
  '  ',
  '    ',
  ': |\n',
  ': >-\n',
  '&anchor ',
  '*anchor',
  '<<: *anchor\n',
  '<<: [*anchor]\n',
  '!!binary ',
  '!!str ',
  '!reset ',
  '!override ',
  '!custom ',
  '? ',
  '~',
  'null',
  'true',
  'yes',
  '1e3',
  '0x1F',
  '0o17',
  '.inf',
  '"80:80"',
  "'127.0.0.1:8080:80'",
  '8080-8090:80',
  '---\n',
  '...\n',
  '# docker-review disable-line\n',
  '# docker-review disable-next-line DC1001\n',
  '# docker-review disable-file\n',
  '# dclint disable\n',
  '# dclint disable-line no-quotes-in-volumes\n',
  'image: nginx:latest\n',
  'image: postgres@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n',
  'privileged: true\n',
  'ports:\n  - 80:80\n',
  'depends_on: [db]\n',
  'depends_on:\n  db:\n    condition: service_healthy\n',
  'environment:\n  - A=1\n',
  'environment:\n  A: 1\n',
  'restart: always\n',
  'container_name: x\n',
  'build: .\n',
  'build:\n  context: ./app\n  dockerfile: Dockerfile\n',
  'version: "3.8"\n',
  'services:\n',
  'volumes:\n  - ./data:/data:ro\n',
  'network_mode: host\n',
  'healthcheck:\n  test: ["CMD", "curl", "-f", "http://localhost"]\n',
  'x-common: &common\n  restart: unless-stopped\n',
  '  <<: *common\n'
]

function snippets(kind: FileKind): fc.Arbitrary<string> {
  const named = fc.constantFrom(...COMMON, ...(kind === 'dockerfile' ? DOCKERFILE : COMPOSE))
  return fc.oneof(
    { weight: 6, arbitrary: named },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 12 }) }
  )
}

const pos = fc.nat({ max: 1_000_000 })

/** One mutation; `lines` are whole generated lines (the grammar's) to drop into the file. */
export function mutation(
  kind: FileKind,
  files: number,
  lines: fc.Arbitrary<string>
): fc.Arbitrary<Mutation> {
  const text = snippets(kind)
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fc.record({
        op: fc.constant('delete'),
        at: pos,
        count: fc.integer({ min: 1, max: 4 })
      })
    },
    {
      weight: 2,
      arbitrary: fc.record({
        op: fc.constant('duplicate'),
        at: pos,
        count: fc.integer({ min: 1, max: 4 })
      })
    },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('swap'), a: pos, b: pos }) },
    { weight: 6, arbitrary: fc.record({ op: fc.constant('insert'), at: pos, column: pos, text }) },
    {
      weight: 3,
      arbitrary: fc.record({ op: fc.constant('line'), at: pos, text: fc.oneof(text, lines) })
    },
    {
      weight: kind === 'compose' ? 2 : 1,
      arbitrary: fc.record({
        op: fc.constant('indent'),
        at: pos,
        by: fc.constantFrom('', ' ', '  ', '\t', '    ', '-')
      })
    },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('truncate'), at: pos }) },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant('splice'),
        file: fc.nat({ max: files - 1 }),
        from: pos,
        count: fc.integer({ min: 1, max: 12 }),
        at: pos
      })
    },
    { weight: 1, arbitrary: fc.constant({ op: 'crlf' as const }) }
  ) as fc.Arbitrary<Mutation>
}

export function mutant(
  kind: FileKind,
  files: number,
  lines: fc.Arbitrary<string>
): fc.Arbitrary<Mutant> {
  return fc.record({
    file: fc.nat({ max: files - 1 }),
    mutations: fc.array(mutation(kind, files, lines), { minLength: 1, maxLength: 6 })
  })
}

/** Apply mutations to `text`; `other(i)` is the text of corpus file `i` (for splices). */
export function applyMutations(
  text: string,
  mutations: Mutation[],
  other: (file: number) => string
): string {
  let lines = text.split('\n')
  for (const m of mutations) {
    const n = lines.length
    switch (m.op) {
      case 'delete': {
        lines.splice(m.at % n, m.count)
        if (lines.length === 0) lines = ['']
        break
      }
      case 'duplicate': {
        const at = m.at % n
        lines.splice(at, 0, ...lines.slice(at, at + m.count))
        break
      }
      case 'swap': {
        const [a, b] = [m.a % n, m.b % n]
        ;[lines[a], lines[b]] = [lines[b], lines[a]]
        break
      }
      case 'insert': {
        const at = m.at % n
        const line = lines[at]
        const column = m.column % (line.length + 1)
        const edited = line.slice(0, column) + m.text + line.slice(column)
        lines.splice(at, 1, ...edited.split('\n'))
        break
      }
      case 'line': {
        lines.splice(m.at % (n + 1), 0, ...m.text.replace(/\n$/, '').split('\n'))
        break
      }
      case 'indent': {
        const at = m.at % n
        lines[at] = m.by + lines[at].replace(/^[ \t]*/, '')
        break
      }
      case 'truncate': {
        const joined = lines.join('\n')
        lines = joined.slice(0, m.at % (joined.length + 1)).split('\n')
        break
      }
      case 'splice': {
        const source = other(m.file).split('\n')
        const from = m.from % source.length
        lines.splice(m.at % (n + 1), 0, ...source.slice(from, from + m.count))
        break
      }
      case 'crlf': {
        lines = lines.map((l) => (l.endsWith('\r') ? l : `${l}\r`))
        lines[lines.length - 1] = lines[lines.length - 1].replace(/\r$/, '')
        break
      }
    }
  }
  return lines.join('\n')
}
