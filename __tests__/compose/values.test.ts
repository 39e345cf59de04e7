import { describe, expect, it } from 'vitest'
import { parseImage, repoName, repository, tagUnknown } from '../../src/compose/image.js'
import {
  hasVariable,
  maskVariables,
  splitOutsideVariables,
  scanVariables,
  withDefaults
} from '../../src/compose/interpolation.js'
import { exposeError, isIp, parseLongPort, parseShortPort } from '../../src/compose/ports.js'
import { isDuration, isRestartPolicy } from '../../src/compose/values.js'
import { basename, dirname, join } from '../../src/core/paths.js'

describe('interpolation', () => {
  it('finds variables, not escaped dollars', () => {
    expect(hasVariable('${A}')).toBe(true)
    expect(hasVariable('x$A')).toBe(true)
    expect(hasVariable('$$A and $$ {B}')).toBe(false)
    expect(hasVariable('cost: 5$')).toBe(false)
  })

  it('parses every operator and nesting', () => {
    const { refs, error } = scanVariables(
      '${A:-x}${B-y}${C:?msg}${D?m}${E:+alt}${F+alt}$G ${H:-${I:-z}}'
    )
    expect(error).toBeUndefined()
    expect(refs.map((r) => [r.name, r.operator, r.argument])).toEqual([
      ['A', ':-', 'x'],
      ['B', '-', 'y'],
      ['C', ':?', 'msg'],
      ['D', '?', 'm'],
      ['E', ':+', 'alt'],
      ['F', '+', 'alt'],
      ['G', '', ''],
      ['H', ':-', '${I:-z}']
    ])
  })

  it('rejects what Compose rejects', () => {
    expect(scanVariables('${A/b/c}').error?.message).toContain('invalid interpolation format')
    expect(scanVariables('${}').error).toBeDefined()
    expect(scanVariables('x ${A').error?.message).toContain('unterminated')
    expect(scanVariables('${A:-${B/c}}').error).toBeDefined()
  })

  it('evaluates defaults when every variable has one', () => {
    expect(withDefaults('${PORT:-8080}:80')).toBe('8080:80')
    expect(withDefaults('${A:-${B:-1}}')).toBe('1')
    expect(withDefaults('$$HOME')).toBe('$HOME')
    expect(withDefaults('${A}:80')).toBeUndefined()
    expect(maskVariables('${A:-1:2}:80', '#')).toBe('#:80')
    expect(splitOutsideVariables('${DATA:-/srv/db}:/data/db:ro', ':')).toEqual([
      '${DATA:-/srv/db}',
      '/data/db',
      'ro'
    ])
    expect(splitOutsideVariables('a:$B:${C:-x:y}', ':')).toEqual(['a', '$B', '${C:-x:y}'])
    expect(splitOutsideVariables('plain', ':')).toEqual(['plain'])
  })
})

describe('ports', () => {
  it('reads the short syntax as Docker does', () => {
    expect(parseShortPort('8080:80')).toMatchObject({
      hostIp: '',
      published: { start: 8080, end: 8080 },
      target: { start: 80, end: 80 },
      protocol: 'tcp'
    })
    expect(parseShortPort('127.0.0.1:53:53/udp')).toMatchObject({
      hostIp: '127.0.0.1',
      protocol: 'udp'
    })
    expect(parseShortPort('[::1]:8080:80')).toMatchObject({ hostIp: '::1' })
    expect(parseShortPort(80)).toMatchObject({ published: null, target: { start: 80, end: 80 } })
    expect(parseShortPort('9000-9002:9000-9002').published).toEqual({ start: 9000, end: 9002 })
    expect(parseShortPort('${PORT:-8080}:80')).toMatchObject({
      published: undefined,
      target: { start: 80, end: 80 }
    })
    expect(parseShortPort('${IP}:80:80').hostIp).toBeUndefined()
  })

  it('says why Docker would reject a mapping', () => {
    expect(parseShortPort('80:80:80:80').error).toContain("invalid host IP '80:80'")
    expect(parseShortPort('127.0.0.1:3000').error).toContain("invalid host port '127.0.0.1'")
    expect(parseShortPort('70000:80').error).toContain('out of range')
    expect(parseShortPort('80:80/http').error).toContain('invalid protocol')
    expect(parseShortPort('8000-8002:80-81').error).toContain('differ in length')
    expect(parseShortPort('8000-8010:80').error).toBeUndefined()
    expect(parseLongPort({ target: 80, host_ip: 'localhost' }).error).toContain('host_ip')
    expect(exposeError('9000:9000')).toBeDefined()
    expect(exposeError('3000-3005/udp')).toBeUndefined()
  })

  it('knows IP addresses', () => {
    for (const ip of [
      '0.0.0.0',
      '192.168.1.10',
      '::',
      '::1',
      'fe80::1',
      '2001:db8::8a2e:370:7334',
      '::ffff:10.0.0.1'
    ])
      expect(isIp(ip), ip).toBe(true)
    for (const ip of ['localhost', '256.1.1.1', '1.2.3', ':::', '1::2::3'])
      expect(isIp(ip), ip).toBe(false)
  })
})

describe('image references', () => {
  it('splits name, tag and digest', () => {
    expect(parseImage('nginx')).toMatchObject({ name: 'nginx', tag: undefined })
    expect(repoName(parseImage('nginx'))).toBe('nginx')
    const local = parseImage('registry:5000/team/app:1.2')
    expect(local).toMatchObject({ registry: 'registry:5000', name: 'team/app', tag: '1.2' })
    expect([repository(local), repoName(local)]).toEqual(['registry:5000/team/app', 'app'])
    expect(parseImage('nginx:latest@sha256:abc')).toMatchObject({
      tag: 'latest',
      digest: 'sha256:abc'
    })
    const noTag = parseImage('registry:5000/app')
    expect([repoName(noTag), noTag.tag]).toEqual(['app', undefined])
  })

  it('treats variable tags and references as unknown', () => {
    expect(tagUnknown(parseImage('${IMAGE}'))).toBe(true)
    const tagVar = parseImage('nginx:${TAG:-1.27}')
    expect([tagVar.name, tagUnknown(tagVar)]).toEqual(['nginx', true])
    const registryVar = parseImage('${REGISTRY:-docker.io}/nginx')
    expect([repoName(registryVar), registryVar.tag, tagUnknown(registryVar)]).toEqual([
      'nginx',
      undefined,
      false
    ])
  })
})

describe('values Compose parses', () => {
  it('durations and restart policies', () => {
    for (const d of ['10s', '1m30s', '500ms', '1.5h', '0', '2us'])
      expect(isDuration(d), d).toBe(true)
    for (const d of ['10', '10 seconds', '1d', 's']) expect(isDuration(d), d).toBe(false)
    for (const r of ['no', 'always', 'on-failure', 'on-failure:5', 'unless-stopped'])
      expect(isRestartPolicy(r)).toBe(true)
    for (const r of ['unless-stoped', 'on-failure:x', 'sometimes'])
      expect(isRestartPolicy(r)).toBe(false)
  })
})

describe('workspace paths', () => {
  it('joins and normalises', () => {
    expect(join('a/b', '../c.yaml')).toBe('a/c.yaml')
    expect(join('', './x/y.yml')).toBe('x/y.yml')
    expect(join('a', '/abs/f')).toBe('/abs/f')
    expect(join('a', '../../f')).toBe('../f')
    expect(dirname('a/b/c.yml')).toBe('a/b')
    expect(dirname('c.yml')).toBe('')
    expect(basename('a/b/c.yml')).toBe('c.yml')
  })
})

describe('vendored Compose Specification schema', () => {
  it('is a valid JSON Schema 2020-12 document that ajv compiles', async () => {
    const { Ajv2020 } = await import('ajv/dist/2020.js')
    const spec = (await import('../../src/parse/compose-spec.json', { with: { type: 'json' } }))
      .default
    const ajv = new Ajv2020({ strict: false })
    expect(ajv.validateSchema(spec), JSON.stringify(ajv.errors)).toBe(true)
    expect(spec.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
  })
})
