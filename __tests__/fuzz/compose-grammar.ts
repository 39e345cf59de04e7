import fc from 'fast-check'

/**
 * Grammar-based compose files: an optional `version`/`name`, an `x-` extension block with an
 * anchor, services built from field templates (image, build, ports, environment as list and map,
 * env_file, depends_on as list and map, healthcheck, deploy, restart, volumes, networks, secrets,
 * command, user, privileged, labels, logging, extends, profiles, merge keys), top-level volumes,
 * networks, secrets and configs — in block and flow style, with some values of the wrong type,
 * misspelt keys and references to things that are not defined.
 */

interface Ctx {
  /** Names of all services of the file. */
  services: string[]
}

/** A service field as lines, indented by `ind` (the field's own indentation). */
type Field = (ind: string, ctx: Ctx) => string

const lines =
  (...body: string[]): Field =>
  (ind) =>
    body.map((l) => ind + l).join('\n')

const DIGEST = 'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'

const IMAGE_VALUES = [
  'nginx',
  'nginx:latest',
  'nginx:1.25',
  '"postgres:16"',
  `postgres@${DIGEST}`,
  `redis:7@${DIGEST}`,
  'registry.example.com:5000/team/app:1.0',
  '${IMAGE:-app}:${TAG}',
  '${IMAGE?required}',
  'Nginx:Latest',
  "'mysql:8'",
  'ghcr.io/x/y:main',
  '""',
  '123',
  '[nginx]'
]

const PORT_ITEMS = [
  '80:80',
  '"8080:80"',
  "'127.0.0.1:5432:5432'",
  '3000',
  '"3000-3005:3000-3005"',
  '"53:53/udp"',
  '80:80/tcp',
  '"0.0.0.0:443:443"',
  '"[::1]:80:80"',
  '99999:80',
  '"abc"',
  '${PORT}:80',
  '22:22'
]

const ENV_ITEMS = [
  'A=1',
  'B="two words"',
  'PASSWORD=secret',
  'DEBUG',
  'X=${Y:-z}',
  "'QUOTED=1'",
  'EMPTY=',
  'DB_PASSWORD=hunter2',
  'A=dup'
]

const ENV_PAIRS = [
  'A: 1',
  'B: "two words"',
  'PASSWORD: secret',
  'DEBUG:',
  'FLAG: true',
  'X: ${Y:-z}',
  'NUM: 1.5',
  'LIST: [1, 2]',
  'API_TOKEN: abc123'
]

const DURATIONS = ['30s', '1m30s', '5', '10x', '"1h"', '0s', '500ms']

function list(items: string[], ind: string): string {
  return items.map((i) => `${ind}  - ${i}`).join('\n')
}

const serviceRef = (ctx: Ctx, i: number): string =>
  ctx.services.length > 0 ? ctx.services[i % ctx.services.length] : 'db'

const field: fc.Arbitrary<Field> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...IMAGE_VALUES).map((v) => lines(`image: ${v}`)) },
  {
    weight: 2,
    arbitrary: fc.constantFrom<Field>(
      lines('build: .'),
      lines('build: ./app'),
      lines('build:', '  context: .', '  dockerfile: Dockerfile'),
      lines('build:', '  context: ./app', '  args:', '    - VERSION=1', '    - TOKEN=secret'),
      lines('build:', '  context: .', '  args:', '    VERSION: 1', '  target: prod'),
      lines('build:', '  dockerfile: missing.Dockerfile'),
      lines('build:', '  context: https://github.com/x/y.git#main'),
      lines('build: [.]')
    )
  },
  {
    weight: 3,
    arbitrary: fc.tuple(fc.subarray(PORT_ITEMS, { minLength: 1, maxLength: 4 }), fc.boolean()).map(
      ([items, flow]): Field =>
        (ind) =>
          flow
            ? `${ind}ports: [${items.map((i) => (/^["']/.test(i) ? i : `"${i}"`)).join(', ')}]`
            : `${ind}ports:\n${list(items, ind)}`
    )
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom<Field>(
      lines('ports:', '  - target: 80', '    published: 8080', '    protocol: tcp'),
      lines('ports:', '  - target: "80"', '    published: "x"'),
      lines('ports: 80'),
      lines('expose:', '  - 3000', '  - "4000"')
    )
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.boolean(),
        fc.subarray(ENV_ITEMS, { minLength: 1 }),
        fc.subarray(ENV_PAIRS, { minLength: 1 })
      )
      .map(
        ([asList, items, pairs]): Field =>
          (ind) =>
            asList
              ? `${ind}environment:\n${list(items, ind)}`
              : `${ind}environment:\n${pairs.map((p) => `${ind}  ${p}`).join('\n')}`
      )
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom<Field>(
      lines('environment: A=1'),
      lines('env_file: .env'),
      lines('env_file:', '  - .env', '  - path: ./missing.env', '    required: false')
    )
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.nat(), fc.nat(), fc.constantFrom('list', 'flow', 'map', 'bad'))
      .map(([a, b, form]): Field => (ind, ctx) => {
        const [x, y] = [serviceRef(ctx, a), serviceRef(ctx, b)]
        switch (form) {
          case 'list':
            return `${ind}depends_on:\n${ind}  - ${x}\n${ind}  - ${y}`
          case 'flow':
            return `${ind}depends_on: [${x}, missing]`
          case 'map':
            return `${ind}depends_on:\n${ind}  ${x}:\n${ind}    condition: service_healthy\n${ind}  ${y}:\n${ind}    condition: service_started\n${ind}    restart: true`
          default:
            return `${ind}depends_on: ${x}`
        }
      })
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.constantFrom(
          '["CMD", "curl", "-f", "http://localhost"]',
          'curl -f http://localhost || exit 1',
          '["CMD-SHELL", "pg_isready"]',
          '["NONE"]',
          '["curl"]'
        ),
        fc.constantFrom(...DURATIONS),
        fc.constantFrom('3', '"3"', 'x', '-1')
      )
      .map(([test, interval, retries]) =>
        lines('healthcheck:', `  test: ${test}`, `  interval: ${interval}`, `  retries: ${retries}`)
      )
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom<Field>(
      lines('healthcheck:', '  disable: true'),
      lines(
        'deploy:',
        '  replicas: 2',
        '  resources:',
        '    limits:',
        "      cpus: '0.5'",
        '      memory: 512M'
      ),
      lines('deploy:', '  resources:', '    limits:', '      memory: lots'),
      lines('deploy:', '  restart_policy:', '    condition: on-failure'),
      lines('mem_limit: 1g'),
      lines('cpus: 1.5')
    )
  },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom(
        'always',
        'unless-stopped',
        'no',
        '"no"',
        'on-failure',
        'on-failure:3',
        'sometimes',
        'false'
      )
      .map((v) => lines(`restart: ${v}`))
  },
  {
    weight: 2,
    arbitrary: fc
      .subarray(
        [
          './data:/data',
          './data:/data:ro',
          'named:/var/lib/x',
          '/var/run/docker.sock:/var/run/docker.sock',
          '"./a b:/c"',
          'undefined-vol:/x',
          '/etc:/etc:rw',
          '~/x:/x'
        ],
        { minLength: 1 }
      )
      .map(
        (items): Field =>
          (ind) =>
            `${ind}volumes:\n${list(items, ind)}`
      )
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom<Field>(
      lines(
        'volumes:',
        '  - type: bind',
        '    source: ./x',
        '    target: /x',
        '    read_only: true'
      ),
      lines('networks:', '  - front', '  - back'),
      lines('networks:', '    front:', '      aliases: [web]'),
      lines('networks: [missing-net]'),
      lines('network_mode: host'),
      lines('network_mode: "service:db"'),
      lines('pid: host'),
      lines('ipc: host'),
      lines('secrets:', '  - db_password'),
      lines('secrets: [undefined_secret]'),
      lines('configs:', '  - source: app_config', '    target: /etc/app.conf')
    )
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom<Field>(
      lines('command: npm start'),
      lines('command: ["npm", "start"]'),
      lines('entrypoint: /entrypoint.sh'),
      lines('command: >-', '  sh -c "echo hi', '  && sleep 1"'),
      lines('command: 42'),
      lines('user: root'),
      lines('user: "1000:1000"'),
      lines('privileged: true'),
      lines('privileged: "yes"'),
      lines('read_only: true'),
      lines('cap_add: [ALL]'),
      lines('cap_add:', '  - SYS_ADMIN', '  - NET_ADMIN'),
      lines('security_opt:', '  - seccomp:unconfined'),
      lines('container_name: my-container'),
      lines('container_name: Bad Name'),
      lines('hostname: web'),
      lines('stdin_open: true'),
      lines('tty: true'),
      lines('init: true'),
      lines('pull_policy: always'),
      lines('platform: linux/amd64'),
      lines('profiles: [debug]'),
      lines('extends:', '  service: base'),
      lines('extends:', '  file: common.yml', '  service: web'),
      lines('labels:', '  - com.example.a=1', '  - com.example.b'),
      lines('labels:', '  com.example.a: "1"'),
      lines('logging:', '  driver: json-file', '  options:', '    max-size: 10m'),
      lines('ulimits:', '  nofile:', '    soft: 1024', '    hard: 2048'),
      lines('sysctls:', '  - net.core.somaxconn=1024'),
      lines('extra_hosts:', '  - "host.docker.internal:host-gateway"'),
      lines('devices:', '  - /dev/fuse'),
      lines('working_dir: /app'),
      lines('stop_grace_period: 1m'),
      lines('<<: *defaults'),
      lines('<<: [*defaults, *missing]'),
      lines('imagee: typo'),
      lines('Image: nginx'),
      lines('depends_on:'),
      lines('x-custom: anything'),
      lines('# a comment'),
      lines('image: nginx # trailing comment')
    )
  }
)

const SERVICE_NAMES = ['web', 'db', 'app', 'worker', 'cache', 'Web_1', 'api', 'proxy', 'base']

const TOP_LEVEL: string[] = [
  'volumes:\n  named:\n  data:\n    driver: local',
  'volumes:\n  named: {}\n  external-vol:\n    external: true',
  'networks:\n  front:\n  back:\n    driver: bridge',
  'networks:\n  default:\n    name: custom',
  'secrets:\n  db_password:\n    file: ./secrets/db.txt',
  'secrets:\n  db_password:\n    environment: DB_PASSWORD',
  'configs:\n  app_config:\n    file: ./app.conf',
  'include:\n  - other.yml',
  'unknown_top_level: 1'
]

const HEADERS = [
  '---',
  'version: "3.8"',
  "version: '2'",
  'version: 3',
  'name: project',
  'name: Bad Project Name',
  'x-defaults: &defaults\n  restart: unless-stopped\n  logging:\n    driver: json-file',
  'x-defaults: &defaults\n  environment:\n    - SHARED=1',
  '# docker-review disable DC1001',
  '# dclint disable-file'
]

/** A whole compose file. */
export const composeFile: fc.Arbitrary<string> = fc
  .record({
    headers: fc.subarray(HEADERS, { maxLength: 3 }),
    services: fc.array(
      fc.tuple(
        fc.constantFrom(...SERVICE_NAMES),
        fc.array(field, { minLength: 0, maxLength: 8 }),
        fc.constantFrom('  ', '  ', '  ', '    ', '    ', ' ', '\t')
      ),
      { minLength: 0, maxLength: 4 }
    ),
    servicesKey: fc.constantFrom('services:', 'services:', 'services:', 'service:', 'services: []'),
    tops: fc.subarray(TOP_LEVEL, { maxLength: 3 }),
    indent: fc.constantFrom('  ', '  ', '  ', '    ', '    ', ' ', '\t'),
    // Mostly one indentation and one entry per key: anything else makes the whole file DC0001's
    // and the other rules quiet. One file in eight is messy.
    messy: fc.nat({ max: 7 }).map((n) => n === 0),
    crlf: fc.nat({ max: 9 }).map((n) => n === 0),
    trailingNewline: fc.nat({ max: 4 }).map((n) => n !== 0)
  })
  .map(({ headers, services, servicesKey, tops, indent, messy, crlf, trailingNewline }) => {
    const unique = messy ? <T>(items: T[]): T[] => items : firstPerKey
    const chosen = unique(
      services.map(([name, fields, own]) => ({
        text: `${name}:`,
        fields,
        indent: messy ? own : indent
      }))
    )
    const ctx: Ctx = { services: chosen.map((c) => c.text.slice(0, -1)) }
    const out = unique(headers.map((text) => ({ text }))).map((h) => h.text)
    // `service:` / `services: []` with services under them is a YAML error: only in messy files.
    if (chosen.length > 0) out.push(messy ? servicesKey : 'services:')
    else if (servicesKey !== 'services:') out.push(servicesKey)
    for (const { text, fields, indent } of chosen) {
      out.push(`${indent}${text}`)
      const rendered = fields.map((f) => ({ text: f(indent + indent, ctx) }))
      for (const f of unique(rendered)) out.push(f.text)
    }
    out.push(...unique(tops.map((text) => ({ text }))).map((t) => t.text))
    const text = out.filter((l) => l !== '').join('\n') + (trailingNewline ? '\n' : '')
    return crlf ? text.replace(/\n/g, '\r\n') : text
  })

const FIRST_KEY = /^\s*([^\s:#][^:]*):/

/** Items whose first line's key (`image:` of `image: x`) no earlier item has; keyless items stay. */
function firstPerKey<T extends { text: string }>(items: T[]): T[] {
  const seen = new Set<string>()
  return items.filter((item) => {
    const key = FIRST_KEY.exec(item.text)?.[1]
    if (key === undefined) return true
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** Whole field lines (two-space service indentation) for the mutator to drop into corpus files. */
export const composeLine: fc.Arbitrary<string> = field.map((f) => f('    ', { services: ['db'] }))
