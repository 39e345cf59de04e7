import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    {
      name: 'apt-get dist-clean (apt >= 2.7) deletes the lists',
      code: 'FROM debian:trixie-slim\nRUN apt-get update; apt-get install -y curl; apt-get dist-clean\n'
    },
    'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
    {
      name: 'a lone surrogate in the script does not shift the words after it',
      code: 'FROM debian:12\nRUN apt-get update \ud800&& apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n'
    },
    {
      name: 'cache mount on the lists',
      code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl\n'
    },
    {
      name: 'build stage that is not reused',
      code: 'FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM debian:12\nCOPY --from=build /a /a\n'
    }
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
      errors: [{ line: 2, column: 5, endColumn: 19 }],
      output:
        'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n'
    },
    {
      name: 'multi-line RUN keeps its continuation lines',
      code: 'FROM debian:12\nRUN apt-get update \\\n  && apt-get install -y curl   \n',
      errors: [{ line: 2, column: 5 }],
      output:
        'FROM debian:12\nRUN apt-get update \\\n  && apt-get install -y curl && rm -rf /var/lib/apt/lists/*   \n'
    },
    {
      name: 'CRLF file',
      code: 'FROM debian:12\r\nRUN apt-get update && apt-get install -y curl\r\n',
      errors: [{ line: 2, column: 5 }],
      output:
        'FROM debian:12\r\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\r\n'
    },
    {
      name: 'a trailing shell comment stays last (the command goes before it, not into it)',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl # see #12\n',
      errors: [{ line: 2, column: 5 }],
      output:
        'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/* # see #12\n'
    },
    {
      name: 'a comment right after an operator is a comment too',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl;# see #12\n',
      errors: [{ line: 2, column: 5 }],
      output:
        'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*;# see #12\n'
    },
    {
      name: 'a trailing shell comment after a closer',
      code: 'FROM debian:12\nRUN set -eux; \\\n  if true; then apt-get update && apt-get install -y gcc; fi # see #12\n',
      errors: [{ line: 3, column: 17 }],
      output:
        'FROM debian:12\nRUN set -eux; \\\n  if true; then apt-get update && apt-get install -y gcc; fi && rm -rf /var/lib/apt/lists/* # see #12\n'
    },
    {
      name: 'a # inside a word after an expansion (mvdan/sh reads a comment there): no fix',
      code: 'FROM debian:12\nRUN apt-get update && wget https://example.com/$V#sha\n',
      errors: [{ line: 2, column: 5 }],
      output: null
    },
    {
      name: 'a line separator (U+2028) last is a word to the shell, not a blank to trim',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y gcc && \u2028\n',
      errors: [{ line: 2, column: 5 }],
      output:
        'FROM debian:12\nRUN apt-get update && apt-get install -y gcc && \u2028 && rm -rf /var/lib/apt/lists/*\n'
    },
    {
      name: 'issue 14: a later RUN installs from the lists: deleting them breaks it, no fix',
      code: 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\n',
      errors: [{ line: 2, column: 5, message: 'a later RUN still needs them' }],
      output: null
    },
    {
      name: 'issue 14: a later conditional install (laradock) needs the lists too',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\nARG WITH_GIT=false\nRUN if [ "$WITH_GIT" = true ]; then apt-get install -y git; fi\n',
      errors: [{ line: 2, column: 5, message: 'a later RUN still needs them' }],
      output: null
    },
    {
      name: 'a stage built FROM this one installs without an update: no fix',
      code: 'FROM debian:12 AS base\nRUN apt-get update && apt-get install -y curl\nFROM base\nRUN apt-get install -y git\n',
      errors: [{ line: 2, column: 5 }],
      output: null
    },
    {
      name: 'a later RUN that updates first does not need these lists: fix',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\nRUN apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/*\n',
      errors: [{ line: 2, column: 5 }],
      output:
        'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nRUN apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/*\n'
    },
    {
      name: 'ONBUILD RUN that updates and installs',
      code: 'FROM debian:12\nONBUILD RUN apt-get update && apt-get install -y curl\n',
      errors: [{ line: 2, column: 13 }],
      output:
        'FROM debian:12\nONBUILD RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n'
    },
    {
      name: 'an update alone installs nothing from the lists in this RUN: no fix',
      code: 'FROM debian:12\nRUN apt-get update\n',
      errors: [{ line: 2, column: 5 }],
      output: null
    },
    {
      name: 'a script cut short (unclosed quote): no fix, the appended text would land in the quote',
      code: "FROM debian:12\nRUN apt-get update && echo 'single\n",
      errors: [{ line: 2, column: 5 }],
      output: null
    }
  ]
}
