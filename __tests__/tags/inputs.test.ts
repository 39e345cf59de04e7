import { describe, expect, it } from 'vitest'
import { DEFAULT_STABLE_TAGS } from '../../src/tags/guard.js'
import { DEFAULT_TAGS } from '../../src/tags/inputs.js'
import { parseTags } from '../../src/tags/tag.js'
import { inputsFor } from './helpers.js'

describe('readTagInputs', () => {
  it('uses our safe defaults when tags is empty', () => {
    const inputs = inputsFor({ tags: '  ' })
    expect(inputs.tags).toEqual(parseTags(DEFAULT_TAGS))
    expect(inputs.stableTags).toEqual(DEFAULT_STABLE_TAGS)
    expect(inputs).toMatchObject({ sepTags: '\n', sepLabels: '\n', sepAnnotations: '\n' })
    expect(inputs).toMatchObject({
      uniqueBranchTags: false,
      latestIfHighest: false,
      shortShaLength: 7
    })
    expect(inputs.annotationLevels).toEqual(['manifest'])
  })

  it('reads every input', () => {
    const inputs = inputsFor(
      {
        images: ['ghcr.io/Acme/App'],
        tags: ['type=sha'],
        flavor: 'latest=false',
        labels: ['a=1', '# c', 'b=2,3'],
        annotations: 'x=y',
        'sep-tags': ' ',
        'stable-tags': 'prod\nrelease-*',
        'unique-branch-tags': 'TRUE',
        'latest-if-highest': 'true',
        'existing-versions': 'v1.0.0, v1.1.0\nv2.0.0'
      },
      {
        DOCKER_METADATA_SHORT_SHA_LENGTH: '12',
        DOCKER_METADATA_ANNOTATIONS_LEVELS: 'index, manifest'
      }
    )
    expect(inputs.images).toEqual(['ghcr.io/acme/app'])
    expect(inputs.tags.map((t) => t.type)).toEqual(['sha'])
    expect(inputs.flavor.latest).toBe('false')
    expect(inputs.labels).toEqual(['a=1', 'b=2,3'])
    expect(inputs.annotations).toEqual(['x=y'])
    expect(inputs.sepTags).toBe(' ')
    expect(inputs.stableTags).toEqual(['prod', 'release-*'])
    expect(inputs).toMatchObject({
      uniqueBranchTags: true,
      latestIfHighest: true,
      shortShaLength: 12
    })
    expect(inputs.existingVersions).toEqual(['v1.0.0', 'v1.1.0', 'v2.0.0'])
    expect(inputs.annotationLevels).toEqual(['index', 'manifest'])
  })

  it('rejects bad booleans and sha lengths', () => {
    expect(() => inputsFor({ 'unique-branch-tags': 'yes' })).toThrow(
      'unique-branch-tags: expected true or false, got "yes"'
    )
    expect(() => inputsFor({}, { DOCKER_METADATA_SHORT_SHA_LENGTH: 'x' })).toThrow(
      /DOCKER_METADATA_SHORT_SHA_LENGTH/
    )
  })
})
