import { afterAll, describe, expect, it } from 'vitest'
import {
  METADATA_DEFAULT_TAGS,
  Tally,
  caseEnv,
  casePayload,
  documentedDivergences,
  driveAction,
  loadConformance,
  splitOutput,
  type CaseContext
} from './harness.js'

interface EdgeExample {
  name: string
  context: CaseContext
  inputs: { images: string[]; tags?: string[]; flavor?: string[]; sepTags?: string }
  observed: { version: string; tags: string[]; tagNames: string[]; labels: string[] }
}

const examples = loadConformance<EdgeExample>('metadata-edge-examples.json')
const divergences = documentedDivergences()
const tally = new Tally('metadata-edge-examples', examples.length)

describe('conformance: metadata-edge-examples.json through the action entry', () => {
  afterAll(() => console.log(tally.line()))

  it.each(examples.map((c) => [c.name, c] as const))('%s', async (name, c) => {
    const sep = c.inputs.sepTags ?? '\n'
    const inputs: Record<string, string> = {
      images: c.inputs.images.join('\n'),
      tags: (c.inputs.tags?.length ? c.inputs.tags : METADATA_DEFAULT_TAGS).join('\n'),
      flavor: (c.inputs.flavor ?? []).join('\n')
    }
    if (c.inputs.sepTags !== undefined) inputs['sep-tags'] = c.inputs.sepTags
    const run = await driveAction({
      env: caseEnv(c.context),
      inputs,
      payload: casePayload(c.context),
      now: c.context.now
    })
    expect(run.failed, run.errors.join('\n')).toBe(false)
    const actual = {
      version: run.outputs.version,
      tags: splitOutput(run.outputs.tags, sep),
      tagNames: splitOutput(run.outputs['tag-names'], sep),
      labels: splitOutput(run.outputs.labels)
    }
    const expected = {
      version: c.observed.version,
      tags: c.observed.tags,
      tagNames: c.observed.tagNames,
      labels: c.observed.labels
    }
    const agrees = JSON.stringify(actual) === JSON.stringify(expected)
    tally.record(name, agrees)
    if (divergences.has(name)) {
      expect(agrees, `${name} is listed as a divergence but agrees; remove it from the list`).toBe(
        false
      )
    } else {
      expect(actual, `${name} disagrees and is not listed in docs/divergences.md`).toEqual(expected)
    }
  })
})
