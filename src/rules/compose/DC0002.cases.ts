import type { RuleCases } from '../define.js'
import { yaml } from './lib/lines.js'

export const cases: RuleCases = {
  valid: [
    yaml('services:', '  web:', '    image: nginx:1.27', '    ports: ["8080:80"]'),
    {
      name: 'x- extensions anywhere, newer fields (pre_start, build.provenance, models)',
      code: yaml(
        'x-common: {anything: [1, 2]}',
        'services:',
        '  web:',
        '    x-note: free form',
        '    build: {context: ., provenance: true}',
        '    pre_start:',
        '      - command: ["echo", "hi"]',
        '    models: [llm]',
        'models:',
        '  llm: {model: ai/smollm2}'
      )
    },
    {
      name: 'values from variables are not judged',
      code: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    restart: ${RESTART:-unless-stopped}',
        '    ports: ["${PORT:-8080}:80", "${HOST_IP}:443:443"]',
        '    healthcheck: {test: ["CMD", "true"], interval: "${INTERVAL}"}',
        '    mem_limit: $MEM'
      )
    },
    {
      name: 'valid restart policies, durations, sizes and ports',
      code: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    restart: on-failure:3',
        '    stop_grace_period: 1m30s',
        '    shm_size: 256m',
        '    ports: ["127.0.0.1:8080:80/tcp", "[::1]:53:53/udp", "9000-9001:9000-9001", 80]',
        '    expose: ["3000-3005", 9090/udp]',
        '    healthcheck: {test: ["CMD-SHELL", "curl -f localhost"], interval: 10s, timeout: 500ms}'
      )
    },
    {
      name: 'an escaped dollar',
      code: yaml('services:', '  web:', '    image: nginx:1.27', '    command: echo $${HOME}')
    },
    { name: 'an empty file', code: '' }
  ],
  invalid: [
    {
      name: 'unknown service key with a did-you-mean fix',
      code: yaml('services:', '  web:', '    image: nginx:1.27', '    posts:', '      - "8080:80"'),
      errors: [{ line: 4, column: 5, endLine: 4, endColumn: 10, message: "did you mean 'ports'" }],
      output: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    ports:',
        '      - "8080:80"'
      )
    },
    {
      name: 'every violation is reported, each at its node (not only the first, not at 1:1)',
      code: yaml(
        'name: x',
        'services:',
        '  a:',
        '    image: nginx:1.27',
        '    restart_policy: always',
        '    enviroment:',
        '      A: "1"',
        '    healthcheck:',
        '      interval: 10'
      ),
      errors: [
        { line: 5, column: 5, message: "Unknown key 'restart_policy' in services.a:" },
        { line: 6, column: 5, message: "did you mean 'environment'" },
        { line: 9, column: 17, message: 'services.a.healthcheck.interval must be a string' }
      ],
      output: yaml(
        'name: x',
        'services:',
        '  a:',
        '    image: nginx:1.27',
        '    restart_policy: always',
        '    environment:',
        '      A: "1"',
        '    healthcheck:',
        '      interval: 10'
      )
    },
    {
      name: 'a top-level typo',
      code: yaml('sevices:', '  web:', '    image: nginx:1.27'),
      errors: [{ line: 1, column: 1, message: "did you mean 'services'" }],
      output: yaml('services:', '  web:', '    image: nginx:1.27')
    },
    {
      name: 'an enum value gets the closest valid value, quotes kept',
      code: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    depends_on:',
        '      db:',
        '        condition: "service_healty"',
        '  db:',
        '    image: postgres:16.4'
      ),
      errors: [{ line: 6, column: 20, message: "did you mean 'service_healthy'" }],
      output: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    depends_on:',
        '      db:',
        '        condition: "service_healthy"',
        '  db:',
        '    image: postgres:16.4'
      )
    },
    {
      name: 'restart is a free string in the schema; Compose still rejects a typo',
      code: yaml('services:', '  web:', '    image: nginx:1.27', '    restart: unless-stoped'),
      errors: [{ line: 4, column: 14, endColumn: 27, message: "did you mean 'unless-stopped'" }],
      output: yaml('services:', '  web:', '    image: nginx:1.27', '    restart: unless-stopped')
    },
    {
      name: 'durations, byte sizes, ports, expose and healthcheck test that Compose rejects',
      code: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    stop_grace_period: 10 seconds',
        '    mem_limit: 1 gig',
        '    ports:',
        '      - "80:80:80:80"',
        '      - "70000:80"',
        '      - target: 80',
        '        host_ip: localhost',
        '    expose: ["9000:9000"]',
        '    healthcheck:',
        '      test: ["RUN", "true"]'
      ),
      errors: [
        { line: 4, column: 24, message: 'not a duration' },
        { line: 5, column: 16, message: 'not a byte size' },
        { line: 7, column: 9, message: "invalid host IP '80:80'" },
        { line: 8, column: 9, message: 'out of range' },
        { line: 10, column: 18, message: "invalid host_ip 'localhost'" },
        { line: 11, column: 14, message: "invalid exposed port '9000:9000'" },
        { line: 13, column: 14, message: 'must be CMD, CMD-SHELL or NONE' }
      ]
    },
    {
      name: 'an interpolation Compose cannot parse',
      code: yaml('services:', '  web:', '    image: nginx:${VERSION/1/2}'),
      errors: [{ line: 3, column: 12, message: 'invalid interpolation format' }]
    },
    {
      name: 'an unquoted version number',
      code: yaml('version: 3.8', 'services:', '  web:', '    image: nginx:1.27'),
      errors: [{ line: 1, column: 10, message: 'version must be a string' }]
    },
    {
      name: 'a wrong type names both accepted shapes',
      code: yaml('services:', '  web:', '    image: nginx:1.27', '    environment: 5'),
      errors: [{ line: 4, column: 18, message: 'must be a mapping or a list' }]
    },
    {
      name: 'a key inherited through a merge key is reported where it is written (the anchor)',
      code: yaml(
        'x-base: &base',
        '  restrat: always',
        'services:',
        '  web:',
        '    <<: *base',
        '    image: nginx:1.27',
        '  api:',
        '    <<: *base',
        '    image: nginx:1.27'
      ),
      errors: [{ line: 2, column: 3, message: "did you mean 'restart'" }],
      output: yaml(
        'x-base: &base',
        '  restart: always',
        'services:',
        '  web:',
        '    <<: *base',
        '    image: nginx:1.27',
        '  api:',
        '    <<: *base',
        '    image: nginx:1.27'
      )
    },
    {
      name: 'no rename when the right key is already there',
      code: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    ports: ["80:80"]',
        '    posts: ["81:81"]'
      ),
      errors: [{ line: 5, column: 5, message: "did you mean 'ports'" }]
    },
    {
      name: 'the legacy v1 layout (services at the top level)',
      code: yaml(
        'web:',
        '  image: nginx:1.27',
        '  net: host',
        '  depends: [db]',
        'db:',
        '  image: postgres:16.4'
      ),
      errors: [
        { line: 1, column: 1, message: 'legacy v1 format' },
        {
          line: 3,
          column: 3,
          message: "Unknown key 'net' in services.web (did you mean 'network_mode'?)"
        },
        { line: 4, column: 3, message: "did you mean 'depends_on'" }
      ],
      output: yaml(
        'web:',
        '  image: nginx:1.27',
        '  net: host',
        '  depends_on: [db]',
        'db:',
        '  image: postgres:16.4'
      )
    },
    {
      name: 'issue 14: net: bridge is renamed; net: host is not (host networking, DC1009)',
      code: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    net: bridge',
        '  cache:',
        '    image: redis:7.4',
        '    net: host'
      ),
      errors: [
        { line: 4, column: 5, message: "did you mean 'network_mode'" },
        { line: 7, column: 5, message: "did you mean 'network_mode'" }
      ],
      output: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    network_mode: bridge',
        '  cache:',
        '    image: redis:7.4',
        '    net: host'
      )
    },
    {
      name: 'a top level that is not a mapping',
      code: yaml('- web', '- db'),
      errors: [{ line: 1, column: 1, message: 'must be a mapping' }]
    }
  ]
}
