import type { RuleCases } from '../define.js'

const files = {
  '.dockerignore': 'node_modules\n*.md\n!README.md\nsecrets\n',
  'README.md': '# app\n',
  'NOTES.md': 'notes\n'
}

export const cases: RuleCases = {
  valid: [
    { code: 'FROM alpine:3.19\nCOPY . /app\nCOPY README.md /app/\n', files },
    { name: 'no .dockerignore', code: 'FROM alpine:3.19\nCOPY node_modules /x\n' },
    {
      name: 'other stages are not the context',
      code: 'FROM alpine:3.19\nCOPY --from=build /node_modules /x\n',
      files
    }
  ],
  invalid: [
    {
      code: 'FROM alpine:3.19\nCOPY secrets/a.txt /x\nCOPY NOTES.md README.md /d/\n',
      files,
      errors: [
        { line: 2, column: 6, endColumn: 19, message: 'excluded by .dockerignore' },
        { line: 3, column: 6, endColumn: 14 }
      ]
    },
    {
      name: "the Dockerfile's own ignore file wins",
      path: 'docker/app.Dockerfile',
      code: 'FROM alpine:3.19\nCOPY build /x\n',
      files: { 'docker/app.Dockerfile.dockerignore': 'build\n', 'docker/.dockerignore': '' },
      errors: [{ line: 2, message: 'app.Dockerfile.dockerignore' }]
    }
  ]
}
