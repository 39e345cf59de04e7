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
      // The files' text, byte for byte (two-space JSON, metadata-action's key order).
      return {
        actual: [
          run.files['bake-file-tags'],
          run.files['bake-file-labels'],
          run.files['bake-file-annotations']
        ],
        expected: [e.bakeTags, e.bakeLabels, e.bakeAnnotations].map(bakeText)
      }
    case 'bakeFileTagsLabels':
      return { actual: run.files['bake-file'], expected: bakeText(e.bake) }
  }
}

function bakeText(definition: unknown): string {
  return JSON.stringify(definition, null, 2)
}

describe('conformance: metadata-cases.json through the action entry', () => {
  afterAll(() => console.log(tally.line()))

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (name, c) => {
    const run = await runCase(c)
    expect(run.failed, run.errors.join('\n')).toBe(false)
    // Every output is also in GITHUB_ENV as DOCKER_METADATA_OUTPUT_<NAME>, as metadata-action exports it.
    for (const [output, value] of Object.entries(run.outputs)) {
      const variable = `DOCKER_METADATA_OUTPUT_${output.replace(/\W/g, '_').toUpperCase()}`
      expect(run.githubEnv[variable], variable).toBe(value)
    }
    const { actual, expected } = compare(c, run)
    expectAgreesOrListed(name, actual, expected, divergences, tally)
  })
})
