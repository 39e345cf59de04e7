import type { RuleCases } from '../define.js'
import { yaml } from './lib/lines.js'

export const cases: RuleCases = {
  valid: [
    yaml('services:', '  web:', '    image: nginx:1.27.3'),
    {
      name: 'a digest pins whatever the tag says',
      code: yaml(
        'services:',
        '  web:',
        '    image: nginx:latest@sha256:0ed5d5928d4737458944eb604cc8509e245c3e19d02ad83935398bc4b991aac7'
      )
    },
    {
      name: 'the whole reference from a variable',
      code: yaml('services:', '  web:', '    image: ${APP_IMAGE}')
    },
    {
      name: 'the tag from a variable with a default',
      code: yaml('services:', '  web:', '    image: nginx:${TAG:-1.27}')
    },
    {
      name: 'a registry with a port and a tag',
      code: yaml('services:', '  web:', '    image: registry.local:5000/team/app:2.3.1')
    },
    {
      name: 'image names the build output',
      code: yaml('services:', '  app:', '    build: .', '    image: myorg/app')
    }
  ],
  invalid: [
    {
      name: 'no tag, latest, and a moving tag',
      code: yaml(
        'services:',
        '  a:',
        '    image: nginx',
        '  b:',
        '    image: "library/nginx:latest"',
        '  c:',
        '    image: my.registry:5000/nginx:stable'
      ),
      errors: [
        { line: 3, column: 12, endColumn: 17, message: "'nginx' without a tag" },
        { line: 5, column: 12, message: "the tag 'latest' moves" },
        { line: 7, column: 12, message: "the tag 'stable' moves" }
      ]
    },
    {
      name: 'a :latest inherited through a merge key is reported where it is written, once',
      code: yaml(
        'x-base: &base',
        '  image: nginx:latest',
        'services:',
        '  a:',
        '    <<: *base',
        '  b:',
        '    <<: *base'
      ),
      errors: [{ line: 2, column: 10, message: "the tag 'latest' moves" }]
    },
    {
      name: 'a variable in the registry does not supply a tag',
      code: yaml('services:', '  a:', '    image: ${REGISTRY:-docker.io}/nginx'),
      errors: [{ line: 3, column: 12, message: 'without a tag' }]
    },
    {
      name: 'prohibitedTags replaces the list (DCLint option)',
      settings: { ruleOptions: { DC1001: { prohibitedTags: ['unstable'] } } },
      code: yaml(
        'services:',
        '  a:',
        '    image: nginx:unstable',
        '  b:',
        '    image: nginx:latest'
      ),
      errors: [{ line: 3, column: 12, message: "'unstable'" }]
    }
  ]
}
