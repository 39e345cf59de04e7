import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM golang:1.22.5\nRUN go install golang.org/x/tools/gopls@v0.16.1\n',
    'RUN go get example.com/mod@v1.2.3 && go mod tidy\n',
    { name: 'local packages', code: 'RUN go install ./cmd/... && go run . && go get -d ./...\n' },
    { name: 'go run of a file', code: 'RUN go run main.go\n' },
    { name: 'tools pinned in go.mod', code: 'RUN go install tool\n' },
    {
      name: 'program arguments after go run',
      code: 'RUN go run example.com/gen@v1.0.0 -out x example.com/pkg\n'
    },
    { name: 'flags with values', code: 'RUN go install -ldflags "-s -w" -o /bin/app ./cmd/app\n' },
    { name: 'version from a variable', code: 'RUN go install example.com/tool@${TOOL_VERSION}\n' }
  ],
  invalid: [
    {
      code: 'FROM golang:1.22.5\nRUN go install golang.org/x/tools/gopls\n',
      errors: [{ line: 2, column: 16, endColumn: 40, message: 'go install' }]
    },
    {
      name: '@latest floats',
      code: 'RUN go run example.com/gen@latest -v\n',
      errors: [{ line: 1, column: 12, endColumn: 34 }]
    },
    {
      name: 'go get -tool, every package listed',
      code: 'RUN go get -tool example.com/a example.com/b@v1.0.0 example.com/c@none\n',
      errors: [
        { line: 1, column: 18, endColumn: 71, message: '`example.com/a`, `example.com/c@none`' }
      ]
    },
    {
      name: 'CRLF: a word ending with the CR (unterminated heredoc read word by word) ends before it',
      code: 'FROM alpine:3.19\r\nRUN <<EOF cat > /x\r\ngo get github.com/x/y \\\r\n\\\r\n  && true\r\n',
      errors: [{ line: 3, column: 8, endLine: 3, endColumn: 24 }]
    }
  ]
}
