import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.tgz /tmp/\n',
    'FROM alpine:3.20\nADD tool.tgz /opt/\n',
    {
      name: 'git sources',
      code: 'FROM alpine:3.20\nADD https://github.com/moby/buildkit.git#v0.14.1 /src\n'
    }
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nADD https://example.com/tool.tgz /tmp/\n',
      errors: [{ line: 2, column: 5, endColumn: 33, message: '--checksum' }]
    }
  ]
}
