import { describe, expect, it } from 'vitest'
import { resolveConfig } from '../../src/config/config.js'
import { lintText } from '../../src/lint/engine.js'
import { getIn, toJS } from '../../src/compose/model.js'
import { loadFile, projectOf } from '../../src/compose/project.js'
import { parseCompose } from '../../src/parse/compose.js'
import { registry } from '../../src/rules/index.js'
import { workspaceOf } from '../rules/tester.js'

const y = (...lines: string[]): string => lines.map((l) => `${l}\n`).join('')

describe('project model', () => {
  it('merges the override with Compose rules: maps merge, lists append and de-duplicate, !reset, !override', () => {
    const files = {
      'app/compose.yaml': y(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    ports: ["8080:80"]',
        '    environment: {A: "1", B: "2"}',
        '    command: [nginx, -g, daemon off;]',
        '    volumes: [./a:/data]',
        '    dns: [1.1.1.1]',
        '    labels: [x=1]'
      ),
      'app/compose.override.yaml': y(
        'services:',
        '  web:',
        '    ports: ["8080:80", "8443:443"]',
        '    environment: {B: "3"}',
        '    command: [nginx-debug]',
        '    volumes: [./b:/data]',
        '    dns: !reset []',
        '    labels: !override [y=2]'
      )
    }
    const ws = workspaceOf(files)
    const doc = parseCompose('app/compose.yaml', files['app/compose.yaml'])
    const project = projectOf(doc, ws)
    expect(project.layers.map((l) => l.doc.path)).toEqual([
      'app/compose.yaml',
      'app/compose.override.yaml'
    ])
    expect(project.complete).toBe(true)
    expect(toJS(project.services.get('web')!.value)).toEqual({
      image: 'nginx:1.27',
      ports: ['8080:80', '8443:443'],
      environment: { A: '1', B: '3' },
      command: ['nginx-debug'],
      volumes: ['./b:/data'],
      labels: ['y=2']
    })
  })

  it('builds the same project from the override, and keeps each value tied to its file', () => {
    const files = {
      'docker-compose.yml': y('services:', '  db:', '    image: postgres:16.4'),
      'docker-compose.override.yml': y('services:', '  db:', '    ports: ["5432:5432"]')
    }
    const doc = parseCompose('docker-compose.override.yml', files['docker-compose.override.yml'])
    const project = projectOf(doc, workspaceOf(files))
    expect(project.complete).toBe(true)
    const db = project.services.get('db')!
    expect(db.layers.map((l) => l.doc.path)).toEqual([
      'docker-compose.yml',
      'docker-compose.override.yml'
    ])
    expect(getIn(db.value, ['image'])!.doc.path).toBe('docker-compose.yml')
    expect(getIn(db.value, ['ports', 0])!.doc.path).toBe('docker-compose.override.yml')
  })

  it('follows include (also from the included side) and extends (also across files)', () => {
    const files = {
      'compose.yaml': y(
        'include:',
        '  - path: svc/compose.yml',
        'services:',
        '  web:',
        '    extends: {file: common.yaml, service: base}',
        'networks: {back: {}}'
      ),
      'common.yaml': y('services:', '  base:', '    image: nginx:1.27', '    restart: always'),
      'svc/compose.yml': y('services:', '  db:', '    image: postgres:16.4', '    networks: [back]')
    }
    const ws = workspaceOf(files)
    const fromRoot = projectOf(parseCompose('compose.yaml', files['compose.yaml']), ws)
    expect([...fromRoot.services.keys()].sort()).toEqual(['db', 'web'])
    expect(toJS(fromRoot.services.get('web')!.value)).toEqual({
      image: 'nginx:1.27',
      restart: 'always'
    })
    const fromIncluded = projectOf(parseCompose('svc/compose.yml', files['svc/compose.yml']), ws)
    expect(fromIncluded.complete).toBe(true)
    expect(fromIncluded.resources.get('networks')!.has('back')).toBe(true)
  })

  it('finds an includer whose include key is written with escapes', () => {
    // Keys that are `include` without the word in the text: hex escapes, an escaped line break.
    const includers = [
      y('"\\x69nclude": [svc/compose.yml]', 'networks: {back: {}}'),
      y('"\\u0069nclude": [svc/compose.yml]', 'networks: {back: {}}'),
      y('? "inc\\', '  lude"', ': [svc/compose.yml]', 'networks: {back: {}}')
    ]
    for (const includer of includers) {
      const files = {
        'compose.yaml': includer,
        'svc/compose.yml': y(
          'services:',
          '  db:',
          '    image: postgres:16.4',
          '    networks: [back]'
        )
      }
      const ws = workspaceOf(files)
      const project = projectOf(parseCompose('svc/compose.yml', files['svc/compose.yml']), ws)
      expect(project.layers.map((l) => l.doc.path)).toEqual(['compose.yaml'])
      expect(project.resources.get('networks')!.has('back')).toBe(true)
    }
  })

  it('loads a file only when its text is worth parsing, unless it is parsed already', () => {
    const files = { 'a/compose.yaml': y('services:', '  web:', '    image: nginx:1.27') }
    const ws = workspaceOf(files)
    const never = (): boolean => false
    expect(loadFile(ws, 'a/compose.yaml', never)).toBeUndefined()
    const doc = loadFile(ws, 'a/compose.yaml')
    expect(doc?.path).toBe('a/compose.yaml')
    expect(loadFile(ws, 'a/compose.yaml', never)).toBe(doc)
    expect(loadFile(ws, 'a/missing.yaml')).toBeUndefined()
  })

  it('drops a service the override resets', () => {
    const files = {
      'compose.yaml': y(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '  caddy:',
        '    image: caddy:2.8'
      ),
      'compose.override.yaml': y('services:', '  caddy: !reset {}')
    }
    const project = projectOf(
      parseCompose('compose.yaml', files['compose.yaml']),
      workspaceOf(files)
    )
    expect([...project.services.keys()]).toEqual(['web'])
  })

  it('loads a variant with only its own complete services on its own', () => {
    const files = {
      'docker-compose.yml': y('services:', '  api:', '    image: app:1', '    ports: ["80:80"]'),
      'docker-compose.prod.yml': y(
        'services:',
        '  api-prod:',
        '    image: app:1',
        '    ports: ["80:80"]',
        '    volumes: [data:/data]'
      ),
      'docker-compose.data.yml': y('volumes:', '  data: {}')
    }
    const doc = parseCompose('docker-compose.prod.yml', files['docker-compose.prod.yml'])
    const project = projectOf(doc, workspaceOf(files))
    expect(project.layers.map((l) => l.doc.path)).toEqual(['docker-compose.prod.yml'])
    // Names its sibling files define are known, so stacking them is not reported as undefined.
    expect(project.elsewhere.resources.has('volumes:data')).toBe(true)
    expect(project.elsewhere.services.has('api')).toBe(true)
  })

  it('marks an override without its base as incomplete', () => {
    const doc = parseCompose(
      'compose.override.yaml',
      y('services:', '  web:', '    ports: ["80:80"]')
    )
    expect(projectOf(doc, workspaceOf({})).complete).toBe(false)
  })

  it('layers a variant with partial services over the base one folder up', () => {
    const files = {
      'compose.yaml': y('services:', '  web:', '    image: nginx:1.27'),
      'overrides/compose.proxy.yaml': y('services:', '  web:', '    labels: [proxy=1]')
    }
    const doc = parseCompose('overrides/compose.proxy.yaml', files['overrides/compose.proxy.yaml'])
    const project = projectOf(doc, workspaceOf(files))
    expect(project.layers.map((l) => l.doc.path)).toEqual([
      'compose.yaml',
      'overrides/compose.proxy.yaml'
    ])
    expect(project.complete).toBe(true)
  })
})

describe('findings across files', () => {
  const files = {
    'compose.yaml': y(
      'services:',
      '  a:',
      '    image: nginx:1.27',
      '    ports: ["8080:80"]',
      '  b:',
      '    image: nginx:1.27'
    ),
    'compose.override.yaml': y('services:', '  b:', '    ports: ["8080:8080"]')
  }
  const config = resolveConfig([{ source: 'test', all: true }])
  const lint = (path: keyof typeof files) =>
    lintText(
      { path, text: files[path], kind: 'compose' },
      { registry, config, workspace: workspaceOf(files), only: new Set(['DC1011', 'DC1004']) }
    ).findings

  it('lands each finding in the file that defines the value, exactly once', () => {
    const base = lint('compose.yaml')
    const override = lint('compose.override.yaml')
    expect(base.filter((f) => f.rule === 'DC1011')).toEqual([])
    expect(override.filter((f) => f.rule === 'DC1011').map((f) => f.range.start.line)).toEqual([3])
    // Services without a restart policy are reported at their definition in the base only.
    expect(base.filter((f) => f.rule === 'DC1004').map((f) => f.range.start.line)).toEqual([2, 5])
    expect(override.filter((f) => f.rule === 'DC1004')).toEqual([])
  })
})
