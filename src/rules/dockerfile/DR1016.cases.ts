import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM alpine:3.20\nRUN curl -fsSL https://example.com/x.tgz | tar -xz -C /opt\n',
    'FROM alpine:3.20\nRUN curl -fsSLO https://example.com/install.sh && sha256sum -c install.sh.sha256 && sh install.sh\n',
    {
      name: 'separate commands, not a pipe',
      code: 'FROM alpine:3.20\nRUN curl -fsSL https://x -o /tmp/i.sh; sh /tmp/i.sh\n'
    }
  ],
  invalid: [
    {
      code: 'FROM debian:12.6\nRUN curl -fsSL https://get.example.com | sh\n',
      errors: [{ line: 2, column: 5, endColumn: 44, message: '`sh`' }]
    },
    {
      name: 'through tee and sudo, across lines',
      code: 'FROM debian:12.6\nRUN wget -qO- https://x \\\n    | tee /tmp/log | sudo -E bash -s -- -y\n',
      errors: [{ line: 2, column: 5, endLine: 3, message: '`bash`' }]
    },
    {
      name: 'command and process substitution',
      code: 'FROM debian:12.6\nRUN sh -c "$(curl -fsSL https://x)"\nRUN bash <(curl -s https://y)\n',
      errors: [
        { line: 2, column: 5 },
        { line: 3, column: 5 }
      ]
    }
  ]
}
