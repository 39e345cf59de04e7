import { afterAll, describe, expect, it } from 'vitest'
import {
  Tally,
  caseEnv,
  caseInputs,
  casePayload,
  documentedDivergences,
  driveAction,
  expectAgreesOrListed,
  loadConformance,
  splitOutput,
  type ActionRun,
  type CaseContext,
  type CaseInputs
} from './harness.js'

interface MetadataCase {
  name: string
  kind: 'tagsLabels' | 'json' | 'bakeFile' | 'bakeFileTagsLabels' | 'sepTags'
  context: CaseContext
  inputs: CaseInputs
  expected: Record<string, unknown>
}

interface BakeTarget {
  tags?: string[]
  labels?: Record<string, string>
  annotations?: string[]
  args?: Record<string, string>
}

const cases = loadConformance<MetadataCase>('metadata-cases.json')
const divergences = documentedDivergences()
const tally = new Tally('metadata-cases', cases.length)

const BAKE_LEVELS = 'index,manifest-descriptor'

async function runCase(c: MetadataCase): Promise<ActionRun> {
  const inputs = caseInputs(c.inputs)
  const env = caseEnv(c.context)
  if (c.kind === 'bakeFile') env.DOCKER_METADATA_ANNOTATIONS_LEVELS = BAKE_LEVELS
  return driveAction({ env, inputs, payload: casePayload(c.context), now: c.context.now })
}

/** The observable outputs for a case's kind, next to what upstream expects. */
function compare(c: MetadataCase, run: ActionRun): { actual: unknown; expected: unknown } {
  const o = run.outputs
  const e = c.expected
  switch (c.kind) {
    case 'tagsLabels':
      return {
        actual: {
          version: o.version,
          tags: splitOutput(o.tags),
          labels: splitOutput(o.labels),
          annotations: splitOutput(o.annotations)
        },
        expected: {
          version: e.version ?? '',
          tags: e.tags,
          labels: e.labels,
          annotations: (e.annotations as string[]).map((a) => `manifest:${a}`)
        }
      }
    case 'json':
      return { actual: JSON.parse(o.json), expected: e.json }
    case 'sepTags':
      return { actual: o.tags, expected: e.tagsJoined }
    case 'bakeFile':
    case 'bakeFileTagsLabels':
      return { actual: bakeFromJson(c, o), expected: bakeExpected(c) }
  }
}

/**
 * We write no bake files (documented divergence); what such a file would hold — tags, labels,
 * annotations, the image and version args — must still agree, checked through the `json` and
 * `version` outputs.
 */
function bakeFromJson(c: MetadataCase, o: Record<string, string>): BakeTarget {
  const json = JSON.parse(o.json) as {
    tags: string[]
    labels: Record<string, string>
    annotations: string[]
  }
  const args = {
    DOCKER_META_IMAGES: (c.inputs.images ?? []).map((i) => i.toLowerCase()).join(','),
    DOCKER_META_VERSION: o.version
  }
  if (c.kind === 'bakeFileTagsLabels') return { tags: json.tags, labels: json.labels, args }
  return { tags: json.tags, labels: json.labels, annotations: json.annotations, args }
}

function bakeExpected(c: MetadataCase): BakeTarget {
  const target = (file: unknown): BakeTarget =>
    Object.values((file as { target: Record<string, BakeTarget> }).target)[0]
  if (c.kind === 'bakeFileTagsLabels') return target(c.expected.bake)
  return {
    ...target(c.expected.bakeTags),
    labels: target(c.expected.bakeLabels).labels,
    annotations: target(c.expected.bakeAnnotations).annotations
  }
}

describe('conformance: metadata-cases.json through the action entry', () => {
  afterAll(() => console.log(tally.line()))

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (name, c) => {
    const run = await runCase(c)
    expect(run.failed, run.errors.join('\n')).toBe(false)
    const { actual, expected } = compare(c, run)
    const bake = c.kind === 'bakeFile' || c.kind === 'bakeFileTagsLabels'
    if (bake) {
      // The file itself is a documented divergence; its contents must agree.
      expect(divergences.has(name), `${name}: list it in docs/divergences.md (no bake file)`).toBe(
        true
      )
      expect(actual).toEqual(expected)
      tally.record(name, false)
      return
    }
    expectAgreesOrListed(name, actual, expected, divergences, tally)
  })
})
