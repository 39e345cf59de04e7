import type { RuleCases } from '../define.js'

const trusted = (...trustedRegistries: string[]) => ({ settings: { trustedRegistries } })

export const cases: RuleCases = {
  valid: [
    { name: 'no allow-list: silent', code: 'FROM random.com/debian:12\n' },
    { code: 'FROM random.com/debian:12\n', ...trusted('x.com', 'random.com') },
    { code: 'FROM scratch\n', ...trusted('x.com') },
    {
      name: 'every form of Docker Hub',
      code: 'FROM ubuntu:18.04 AS a\nFROM zemanlx/ubuntu:18.04 AS b\nFROM docker.io/zemanlx/ubuntu:18.04 AS c\n',
      ...trusted('docker.io')
    },
    {
      name: 'earlier stages',
      code: 'FROM random.com/foo:1 AS b1\nFROM b1 AS b2\nCOPY --from=b1 a b\n',
      ...trusted('random.com')
    },
    { code: 'FROM foo.random.com/debian:12\n', ...trusted('x.com', '*.random.com') },
    { code: 'FROM ubuntu:18.04\n', ...trusted('*') },
    {
      code: 'FROM trusted.com/a:1\nRUN --mount=type=bind,from=trusted.com/repo/image:tag,target=/foo foobar\n',
      ...trusted('trusted.com')
    },
    { name: 'unresolvable variable', code: 'FROM ${REGISTRY}/app:1\n', ...trusted('trusted.com') }
  ],
  invalid: [
    {
      code: 'FROM random.com/debian:12\n',
      ...trusted('docker.io'),
      errors: [{ line: 1, column: 6, endColumn: 26, message: '`random.com`' }]
    },
    { code: 'FROM x.com/debian:12\n', ...trusted('*.random.com'), errors: [{ line: 1 }] },
    {
      name: 'Docker Hub images when only another registry is trusted',
      code: 'FROM ubuntu:18.04 AS a\nFROM zemanlx/ubuntu:18.04 AS b\nFROM docker.io/zemanlx/ubuntu:18.04 AS c\n',
      ...trusted('trusted.com'),
      errors: [{ line: 1 }, { line: 2 }, { line: 3 }]
    },
    {
      code: 'FROM trusted.com/a:1\nCOPY --from=untrusted.com/repo/image:tag /foo /bar\n',
      ...trusted('trusted.com'),
      errors: [{ line: 2, column: 13, endColumn: 41 }]
    },
    {
      code: 'FROM trusted.com/a:1\nRUN --mount=type=cache,from=untrusted.com/repo/image:tag,target=/foo foobar\n',
      ...trusted('trusted.com'),
      errors: [{ line: 2, column: 29, endColumn: 57 }]
    },
    {
      name: 'ARG default resolved',
      code: 'ARG BASE=quay.io/app:1\nFROM $BASE\n',
      ...trusted('docker.io'),
      errors: [{ line: 2, message: '`quay.io`' }]
    }
  ]
}
