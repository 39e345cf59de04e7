import type { RuleCases } from '../define.js'
import { yaml } from './lib/lines.js'

/** A billion-laughs document: each level aliases the previous one ten times. */
const bomb = yaml(
  'a: &a ["x","x","x","x","x","x","x","x","x","x"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  'services: {}'
)

export const cases: RuleCases = {
  valid: [
    'services:\n  web:\n    image: nginx:1.27\n',
    {
      name: 'anchors, aliases and merge keys',
      code: yaml(
        'x-base: &base',
        '  restart: always',
        'services:',
        '  web:',
        '    <<: *base',
        '    image: nginx:1.27'
      )
    },
    {
      name: 'two merge keys in one map (Compose accepts them)',
      code: yaml(
        'x-a: &a {restart: always}',
        'x-b: &b {init: true}',
        'services:',
        '  web:',
        '    <<: *a',
        '    <<: *b',
        '    image: nginx:1.27'
      )
    },
    {
      name: 'Compose merge tags',
      code: yaml('services:', '  web:', '    image: nginx:1.27', '    ports: !reset []')
    },
    { name: 'an empty file', code: '' },
    {
      name: 'quotes escaped inside quoted values, closed properly',
      code: "services:\n  web:\n    image: 'nginx:1.27'\n    command: [\"a\\\\\", 'it''s', '''', \"\"]\n"
    }
  ],
  invalid: [
    {
      name: 'CRLF: a problem ending on the line break ends before the CR, not between CR and LF',
      code: 'services:\r\n  frontend:\r\n- a\r\n',
      errors: [
        { line: 2, column: 12, endLine: 2, endColumn: 12, message: 'block sequence' },
        { line: 3, column: 1 },
        { line: 3, column: 1 }
      ]
    },
    {
      name: 'a problem at a character outside the BMP covers both halves of its surrogate pair',
      code: 'services:\n  web:\n    image: nginx:1.27\n   \u{10000}',
      errors: [
        { line: 4, column: 4, endLine: 4, endColumn: 6, message: 'same column' },
        { line: 4, column: 4, endColumn: 6 }
      ]
    },
    {
      code: 'services:\n  web:\n    image: nginx:1.27\n    image: nginx:1.26\n',
      errors: [{ line: 4, column: 5, message: 'Duplicate key' }]
    },
    {
      name: 'a double-quoted value whose last quote is escaped is unterminated (yaml lets it pass)',
      code: 'version: "3.8\\"\nservices:\n  web:\n    image: "nginx:1.27"\n',
      errors: [{ line: 1, column: 10, message: 'Missing closing' }]
    },
    {
      name: "the same in single quotes: 'it'' ends in an escaped quote",
      code: "name: 'it''\nservices:\n  web:\n    image: 'nginx:1.27'\n",
      errors: [{ line: 1, column: 7, message: "Missing closing 'quote" }]
    },
    {
      code: 'services:\n  web:\n    image: "nginx\n',
      errors: [{ line: 3, column: 12, message: 'Missing closing' }]
    },
    {
      code: 'services: {}\n---\nservices: {}\n',
      errors: [{ line: 1, message: '2 YAML documents' }]
    },
    {
      name: 'an alias without an anchor (a password of asterisks)',
      code: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    environment:',
        '      PASSWORD: ******'
      ),
      errors: [{ line: 5, column: 17, endColumn: 23, message: 'no anchor' }]
    },
    {
      name: 'an alias bomb is bounded and reported at the alias that crosses the bound',
      code: bomb,
      errors: [{ line: 6, column: 8, message: 'alias bomb' }]
    },
    {
      name: 'nesting no compose file needs is bounded, not a stack overflow',
      code: `services:\n  a:\n    command: ${'['.repeat(300)}${']'.repeat(300)}\n`,
      errors: [{ line: 3, column: 268, message: 'nested more than 256 levels' }]
    },
    {
      name: 'bad indentation',
      code: yaml('services:', '  web:', '    image: nginx:1.27', '   ports: ["80:80"]'),
      errors: [{ line: 4, column: 4 }]
    }
  ]
}
