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
  type CaseContext,
  type CaseInputs
} from './harness.js'

interface EdgeExample {
  name: string
  context: CaseContext
  inputs: CaseInputs & { images: string[] }
  observed: { version: string; tags: string[]; tagNames: string[]; labels: string[] }
}

const examples = loadConformance<EdgeExample>('metadata-edge-examples.json')
const divergences = documentedDivergences()
const tally = new Tally('metadata-edge-examples', examples.length)

describe('conformance: metadata-edge-examples.json through the action entry', () => {
  afterAll(() => console.log(tally.line()))

  it.each(examples.map((c) => [c.name, c] as const))('%s', async (name, c) => {
    const sep = c.inputs.sepTags ?? '\n'
    const run = await driveAction({
      env: caseEnv(c.context),
      inputs: caseInputs(c.inputs),
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
    expectAgreesOrListed(name, actual, expected, divergences, tally)
  })
})
