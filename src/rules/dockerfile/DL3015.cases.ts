import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'RUN apt-get install -y --no-install-recommends curl=7\n',
    'RUN apt-get -o APT::Install-Recommends=false install -y curl=7\n',
    'RUN apt-get --option=APT::Install-Recommends=0 install -y curl=7\n'
  ],
  invalid: [
    {
      code: 'RUN apt-get install -y curl=7\n',
      errors: [{ line: 1, column: 5, endColumn: 20 }],
      output: 'RUN apt-get install --no-install-recommends -y curl=7\n'
    },
    {
      name: 'ONBUILD, by path',
      code: 'FROM debian:12.5\nONBUILD RUN /usr/bin/apt-get -y install curl=7\n',
      errors: [{ line: 2, column: 13, endColumn: 40 }],
      output:
        'FROM debian:12.5\nONBUILD RUN /usr/bin/apt-get -y install --no-install-recommends curl=7\n'
    },
    {
      name: 'issue 14: a later https download keeps ca-certificates (only a Recommends of curl)',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl \\\n  && rm -rf /var/lib/apt/lists/*\nRUN curl -fsSL https://example.com/x.tgz | tar -xz\n',
      errors: [{ line: 2, column: 23 }],
      output:
        'FROM debian:12\nRUN apt-get update && apt-get install --no-install-recommends -y curl ca-certificates \\\n  && rm -rf /var/lib/apt/lists/*\nRUN curl -fsSL https://example.com/x.tgz | tar -xz\n'
    },
    {
      name: 'ADD https:// and git clone https count too; an install of ca-certificates elsewhere is enough',
      code: 'FROM debian:12\nRUN apt-get install -y git ca-certificates\nRUN apt-get install -y make\nRUN git clone https://example.com/r.git\n',
      errors: [
        { line: 2, column: 5 },
        { line: 3, column: 5 }
      ],
      output:
        'FROM debian:12\nRUN apt-get install --no-install-recommends -y git ca-certificates\nRUN apt-get install --no-install-recommends -y make\nRUN git clone https://example.com/r.git\n'
    },
    {
      name: 'ADD https:// in the stage keeps ca-certificates too',
      code: 'FROM ubuntu:24.04\nRUN apt-get install -y wget\nADD https://example.com/a.tgz /tmp/\n',
      errors: [{ line: 2, column: 5 }],
      output:
        'FROM ubuntu:24.04\nRUN apt-get install --no-install-recommends -y wget ca-certificates\nADD https://example.com/a.tgz /tmp/\n'
    }
  ]
}
