import type { RuleCases } from '../define.js'
import { yaml } from './lib/lines.js'

const base = yaml(
  'services:',
  '  web:',
  '    image: nginx:1.27',
  '    networks: [front]',
  '  db:',
  '    image: postgres:16.4',
  'networks:',
  '  front: {}'
)

export const cases: RuleCases = {
  valid: [
    yaml(
      'services:',
      '  web:',
      '    image: nginx:1.27',
      '    depends_on:',
      '      db: {condition: service_healthy}',
      '      cache: {condition: service_started, required: false}',
      '    networks: [default, front]',
      '    volumes:',
      '      - data:/data',
      '      - ./conf:/etc/nginx/conf.d:ro',
      '      - /var/log',
      '      - type: volume',
      '        source: data',
      '        target: /more',
      '    secrets: [token]',
      '    configs: [{source: conf, target: /conf}]',
      '  db:',
      '    image: postgres:16.4',
      '    network_mode: service:web',
      '    volumes_from: [web, "container:legacy"]',
      '  worker:',
      '    extends: web',
      'networks: {front: {}}',
      'volumes: {data: {}}',
      'secrets: {token: {file: ./token}}',
      'configs: {conf: {file: ./conf}}'
    ),
    {
      name: 'names from variables are not judged',
      code: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    networks: ["${NET}"]',
        '    depends_on: ["${DEP}"]'
      )
    },
    {
      name: 'an override linted without its base: what it references may be defined there',
      path: 'compose.override.yaml',
      code: yaml('services:', '  web:', '    networks: [front]', '    depends_on: [db]')
    },
    {
      name: 'an override whose base defines the references',
      path: 'compose.override.yaml',
      files: { 'compose.yaml': base },
      code: yaml('services:', '  web:', '    depends_on: [db]', '    networks: [front]')
    },
    {
      name: 'a file included by another one that declares the network',
      path: 'app/compose.yml',
      files: {
        'compose.yaml': yaml('include: [app/compose.yml]', 'networks: {backend: {}}'),
        'app/compose.yml': yaml(
          'services:',
          '  app:',
          '    image: nginx:1.27',
          '    networks: [backend]'
        )
      },
      code: yaml('services:', '  app:', '    image: nginx:1.27', '    networks: [backend]')
    },
    {
      name: 'extends from another file supplies the image',
      files: { 'common.yaml': yaml('services:', '  base:', '    image: nginx:1.27') },
      code: yaml('services:', '  web:', '    extends: {file: common.yaml, service: base}')
    }
  ],
  invalid: [
    {
      name: 'every kind of undefined reference, each at its name',
      code: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    depends_on: [db]',
        '    links: ["cache:redis"]',
        '    networks: [back]',
        '    volumes: ["data:/data"]',
        '    secrets: [token]',
        '    configs: [{source: conf}]',
        '  worker:',
        '    extends: {service: base}',
        '    network_mode: "service:proxy"',
        '    volumes_from: [store]'
      ),
      errors: [
        { line: 4, column: 18, endColumn: 20, message: "depends_on of service 'web' names 'db'" },
        { line: 5, column: 14, endColumn: 19, message: "links of service 'web' names 'cache'" },
        { line: 6, column: 16, message: "network 'back'" },
        { line: 7, column: 16, endColumn: 20, message: "volume 'data'" },
        { line: 8, column: 15, message: "secret 'token'" },
        { line: 9, column: 24, message: "config 'conf'" },
        { line: 11, column: 24, message: "extends of service 'worker' names 'base'" },
        { line: 12, column: 19, message: "network_mode of service 'worker' names 'proxy'" },
        { line: 13, column: 20, message: "volumes_from of service 'worker' names 'store'" }
      ]
    },
    {
      name: 'a long-form dependency and a long-syntax volume',
      code: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    depends_on:',
        '      db:',
        '        condition: service_healthy',
        '    volumes:',
        '      - type: volume',
        '        source: data',
        '        target: /data'
      ),
      errors: [
        { line: 5, column: 7, message: "names 'db'" },
        { line: 9, column: 17, message: "volume 'data'" }
      ]
    },
    {
      name: 'a dependency cycle, reported once at the edge that closes it',
      code: yaml(
        'services:',
        '  a:',
        '    image: nginx:1.27',
        '    depends_on: [b]',
        '  b:',
        '    image: nginx:1.27',
        '    depends_on: [a]'
      ),
      errors: [{ line: 7, column: 18, message: 'Dependency cycle: a -> b -> a' }]
    },
    {
      name: 'a service that depends on itself',
      code: yaml('services:', '  a:', '    image: nginx:1.27', '    depends_on: [a]'),
      errors: [{ line: 4, column: 18, message: 'a -> a' }]
    },
    {
      name: 'a service with neither image nor build',
      code: yaml('name: x', 'services:', '  a:', '    restart: always'),
      errors: [{ line: 3, column: 3, endColumn: 4, message: 'neither image nor build' }]
    },
    {
      name: 'an override adds a dependency its base does not define (reported in the override)',
      path: 'compose.override.yaml',
      files: { 'compose.yaml': base },
      code: yaml('services:', '  web:', '    depends_on: [cache]'),
      errors: [{ line: 3, column: 18, message: "names 'cache'" }]
    }
  ]
}
