import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM debian:12.6\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
    {
      name: 'build stages are thrown away',
      code: 'FROM alpine:3.20 AS build\nRUN apk add gcc\nRUN apk del gcc\nFROM alpine:3.20\nCOPY --from=build /a /a\n'
    },
    { name: 'nothing created earlier', code: 'FROM debian:12.6\nRUN rm -rf /tmp/*\n' }
  ],
  invalid: [
    {
      name: 'apt lists removed by the next RUN: merged in the file’s style',
      code: 'FROM debian:12.6\nRUN apt-get update \\\n    && apt-get install -y --no-install-recommends curl\n\n# clean up\nRUN rm -rf /var/lib/apt/lists/*\n',
      errors: [{ line: 6, column: 5, endColumn: 32, message: 'apt package lists' }],
      output:
        'FROM debian:12.6\nRUN apt-get update \\\n    && apt-get install -y --no-install-recommends curl \\\n# clean up\n    && rm -rf /var/lib/apt/lists/*\n'
    },
    {
      name: 'download removed later',
      code: 'FROM debian:12.6\nRUN curl -fsSL -o /tmp/tool.tgz https://example.com/tool.tgz && tar -xzf /tmp/tool.tgz -C /opt\nRUN rm /tmp/tool.tgz\n',
      errors: [{ line: 3, message: '/tmp/tool.tgz' }],
      output:
        'FROM debian:12.6\nRUN curl -fsSL -o /tmp/tool.tgz https://example.com/tool.tgz && tar -xzf /tmp/tool.tgz -C /opt && \\\n    rm /tmp/tool.tgz\n'
    },
    {
      name: 'packages purged two RUNs later: no fix',
      code: 'FROM debian:12.6\nRUN apt-get update && apt-get install -y gcc && rm -rf /var/lib/apt/lists/*\nRUN make\nRUN apt-get purge -y gcc\n',
      errors: [{ line: 4, message: 'package gcc' }],
      output: null
    }
  ]
}
