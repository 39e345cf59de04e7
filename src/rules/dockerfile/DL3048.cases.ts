import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM debian:12.5\nLABEL org.opencontainers.image.source="https://example.com/repo"\n',
    'LABEL maintainer=me version=1.2 a=b\n',
    'LABEL com.example.my-app.tier3=web\n'
  ],
  invalid: [
    {
      name: 'upper case: renamed (unsafe)',
      code: 'FROM debian:12.5\nLABEL Version=1.2 vendor=acme\n',
      errors: [{ line: 2, column: 7, endColumn: 14, message: 'lower-case' }],
      output: 'FROM debian:12.5\nLABEL version=1.2 vendor=acme\n'
    },
    {
      name: 'underscore',
      code: 'LABEL build_date=2024-05-01\n',
      errors: [{ line: 1, column: 7, endColumn: 17, message: '`.` and `-`' }],
      output: 'LABEL build-date=2024-05-01\n'
    },
    {
      name: 'reserved namespace and repeated separators: no fix',
      code: 'LABEL com.docker.thing=1 a..b=2 "9lives"=3\n',
      errors: [{ line: 1, column: 7, endColumn: 41, message: /reserved.*repeat.*start/ }],
      output: null
    }
  ]
}
