import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'RUN /foo.sh\n',
    'RUN /foo.sh\nWORKDIR /\nRUN /bar.sh\n',
    'RUN --mount=type=secret,id=foo /foo.sh\nRUN /bar.sh\n',
    { name: 'chained RUNs were split on purpose', code: 'RUN foo && bar\nRUN foobar\n' },
    {
      name: 'build stages keep fine-grained cache layers',
      code: 'FROM golang:1.22.5 AS build\nRUN go mod download\nRUN go build -o /app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app\n'
    },
    {
      name: 'backtick escape: a Windows file, whose RUNs are not POSIX shell',
      code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN mkdir C:\\app\nRUN dir\n'
    },
    {
      name: 'heredoc RUNs are already consolidated',
      code: 'FROM debian:12.5\nRUN <<EOF\nset -e\napt-get update\nEOF\nRUN echo done\n'
    }
  ],
  invalid: [
    {
      code: 'RUN /foo.sh\nRUN /bar.sh\n',
      errors: [{ line: 2, column: 1, endColumn: 4 }],
      output: 'RUN /foo.sh && \\\n    /bar.sh\n'
    },
    {
      name: 'comments between stay inside the continuation',
      code: 'RUN /foo.sh\n# a comment\nRUN /bar.sh\n',
      errors: [{ line: 3 }],
      output: 'RUN /foo.sh && \\\n# a comment\n    /bar.sh\n'
    },
    {
      name: 'three in a row merge in one pass',
      code: 'RUN a\nRUN b\nRUN c\n',
      errors: [{ line: 2 }, { line: 3 }],
      output: 'RUN a && \\\n    b && \\\n    c\n'
    },
    {
      name: "keeps the file's leading-&& style and indentation",
      code: 'RUN apt-get update \\\n  && apt-get install -y curl=1\nRUN echo one\nRUN echo two\n',
      errors: [{ line: 4 }],
      output:
        'RUN apt-get update \\\n  && apt-get install -y curl=1\nRUN echo one \\\n  && echo two\n'
    },
    {
      name: 'blank lines between are dropped (no empty continuation lines), CRLF kept',
      code: 'FROM debian:12.5\r\nRUN useradd app\r\n\r\n# then\r\n\r\nRUN mkdir /data\r\n',
      errors: [{ line: 6 }],
      output: 'FROM debian:12.5\r\nRUN useradd app && \\\r\n# then\r\n    mkdir /data\r\n'
    },
    {
      name: 'same flags; the final stage of a multi-stage build',
      code: 'FROM debian:12.5 AS base\nFROM base\nRUN --network=none a\nRUN --network=none b\n',
      errors: [{ line: 4 }],
      output: 'FROM debian:12.5 AS base\nFROM base\nRUN --network=none a && \\\n    b\n'
    }
  ]
}
