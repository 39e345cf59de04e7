import { describe, expect, it } from 'vitest'
import { runTagsStep, type TagStepIO } from '../../src/tags/step.js'
import { NOW, REPOSITORY, SHA } from './helpers.js'

function fakeIO(
  inputs: Record<string, string>,
  env: Record<string, string> = {},
  payload: unknown = { repository: REPOSITORY }
) {
  const outputs: Record<string, string> = {}
  const exported: Record<string, string> = {}
  const files: Record<string, string> = {}
  const warnings: string[] = []
  const info: string[] = []
  const io: TagStepIO = {
    env: {
      GITHUB_EVENT_NAME: 'push',
      GITHUB_REF: 'refs/heads/main',
      GITHUB_SHA: SHA,
      GITHUB_EVENT_PATH: '/event.json',
      ...env
    },
    getInput: (name) => (inputs[name] ?? '').trim(),
    readFile: (path) => {
      if (path !== '/event.json') throw new Error(`ENOENT: ${path}`)
      return JSON.stringify(payload)
    },
    setOutput: (name, value) => (outputs[name] = value),
    exportVariable: (name, value) => (exported[name] = value),
    writeBakeFile: (name, content) => {
      files[`/runner/tmp/${name}`] = content
      return `/runner/tmp/${name}`
    },
    warning: (m) => warnings.push(m),
    info: (m) => info.push(m),
    now: () => NOW
  }
  return { io, outputs, exported, files, warnings, info }
}

describe('runTagsStep', () => {
  it('sets every output in metadata-action’s shapes and returns the result', () => {
    const { io, outputs } = fakeIO({ images: 'a/app\nb/app', labels: 'x=1' })
    const result = runTagsStep(io)
    expect(Object.keys(outputs).sort()).toEqual([
      'annotations',
      'bake-file',
      'bake-file-annotations',
      'bake-file-labels',
      'bake-file-tags',
      'json',
      'labels',
      'tag-names',
      'tags',
      'version'
    ])
    expect(outputs.version).toBe('main')
    expect(outputs.tags).toBe(result.tags.join('\n'))
    expect(outputs['tag-names']).toBe('main\nlatest\nsha-0123456')
    expect(outputs.labels.split('\n')).toEqual(result.labels)
    expect(outputs.labels).toContain('x=1')
    expect(outputs.annotations.split('\n').every((a) => a.startsWith('manifest:'))).toBe(true)
    expect(JSON.parse(outputs.json)).toEqual(result.json)
    expect(result.tags[0]).toBe('a/app:main')
  })

  it('writes the bake files as metadata-action does and exports DOCKER_METADATA_OUTPUT_*', () => {
    const { io, outputs, exported, files } = fakeIO(
      { images: 'a/app\nb/app', labels: 'x=1', 'bake-target': 'meta' },
      { DOCKER_METADATA_ANNOTATIONS_LEVELS: 'index,manifest' }
    )
    const result = runTagsStep(io)
    expect(outputs['bake-file-tags']).toBe('/runner/tmp/docker-metadata-action-bake-tags.json')
    expect(outputs['bake-file']).toBe('/runner/tmp/docker-metadata-action-bake.json')
    const read = (output: string) => JSON.parse(files[outputs[output]])
    const args = { DOCKER_META_IMAGES: 'a/app,b/app', DOCKER_META_VERSION: 'main' }
    expect(read('bake-file-tags')).toEqual({ target: { meta: { tags: result.tags, args } } })
    const labels = Object.fromEntries(result.labels.map((l) => l.split(/=(.*)/s).slice(0, 2)))
    expect(read('bake-file-labels')).toEqual({ target: { meta: { labels } } })
    expect(read('bake-file-annotations').target.meta.annotations).toEqual(result.annotations)
    expect(result.annotations[0]).toMatch(/^index:/)
    expect(read('bake-file')).toEqual({ target: { meta: { tags: result.tags, labels, args } } })
    // Two-space JSON, as metadata-action writes it.
    expect(files[outputs['bake-file-tags']]).toContain('\n  "target": {\n    "meta": {')
    expect(Object.keys(exported).sort()).toEqual(
      Object.keys(outputs)
        .map((n) => `DOCKER_METADATA_OUTPUT_${n.replace(/-/g, '_').toUpperCase()}`)
        .sort()
    )
    expect(exported.DOCKER_METADATA_OUTPUT_BAKE_FILE_TAGS).toBe(outputs['bake-file-tags'])
    expect(exported.DOCKER_METADATA_OUTPUT_TAG_NAMES).toBe('main\nlatest\nsha-0123456')
  })

  it('leaves DOCKER_META_VERSION out without a version, and exports nothing when told not to', () => {
    const { io, exported, files, outputs } = fakeIO(
      { tags: 'type=ref,event=tag' },
      { DOCKER_METADATA_SET_OUTPUT_ENV: 'false' }
    )
    runTagsStep(io)
    expect(exported).toEqual({})
    expect(JSON.parse(files[outputs['bake-file-tags']])).toEqual({
      target: { 'docker-metadata-action': { tags: [], args: { DOCKER_META_IMAGES: '' } } }
    })
    expect(() => runTagsStep(fakeIO({}, { DOCKER_METADATA_SET_OUTPUT_ENV: 'maybe' }).io)).toThrow(
      'DOCKER_METADATA_SET_OUTPUT_ENV: expected true or false, got "maybe"'
    )
  })

  it('reads separators untrimmed from the INPUT_ variables', () => {
    const { io, outputs } = fakeIO({}, { 'INPUT_SEP-TAGS': ' ', 'INPUT_SEP-LABELS': ',' })
    runTagsStep(io)
    expect(outputs.tags).toBe('main latest sha-0123456')
    expect(outputs.labels.split(',')[0]).toMatch(/^org\.opencontainers\.image\.created=/)
  })

  it('reports the guarantee’s drops as warnings', () => {
    const { io, outputs, warnings, info } = fakeIO(
      { tags: 'type=ref,event=pr\ntype=raw,value=latest' },
      { GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF: 'refs/pull/3/merge' }
    )
    const result = runTagsStep(io)
    expect(outputs['tag-names']).toBe('pr-3')
    expect(result.warnings).toEqual(warnings)
    expect(warnings.some((w) => w.includes('"type=raw,value=latest"'))).toBe(true)
    expect(info.join('\n')).toContain('pull-request run')
  })

  it('throws a clear error on invalid input and sets nothing', () => {
    const { io, outputs } = fakeIO({ tags: 'type=ref,event=branch\ntype=sha,colour=red' })
    expect(() => runTagsStep(io)).toThrow(
      'tags entry "type=sha,colour=red": unknown attribute "colour"'
    )
    expect(outputs).toEqual({})
  })

  it('fails clearly when the payload cannot be read, and runs without one', () => {
    expect(() => runTagsStep(fakeIO({}, { GITHUB_EVENT_PATH: '/missing.json' }).io)).toThrow(
      /cannot read the event payload \/missing\.json/
    )
    const { io, outputs } = fakeIO({}, { GITHUB_EVENT_PATH: '' })
    runTagsStep(io)
    // Without a payload the default branch is unknown: no latest, no branch collision with it.
    expect(outputs['tag-names']).toBe('main\nsha-0123456')
  })
})
