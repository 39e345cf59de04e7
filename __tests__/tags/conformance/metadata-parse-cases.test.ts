import { afterAll, describe, expect, it } from 'vitest'
import { parseFlavor } from '../../../src/tags/flavor.js'
import { parseImages } from '../../../src/tags/image.js'
import { composeTag } from '../../../src/tags/sanitize.js'
import { isRawStatement, parseTag, parseTags } from '../../../src/tags/tag.js'
import {
  Tally,
  documentedDivergences,
  driveAction,
  loadConformance,
  splitOutput,
  type ActionRun
} from './harness.js'

interface ParseCase {
  name: string
  function:
    'tag.Parse' | 'tag.Transform' | 'flavor.Transform' | 'image.Transform' | 'Meta.isRawStatement'
  input: string | string[]
  expected: unknown
  invalid?: boolean
}

interface FlavorRecord {
  latest: string
  prefix: string
  prefixLatest: boolean
  suffix: string
  suffixLatest: boolean
}

const cases = loadConformance<ParseCase>('metadata-parse-cases.json')
const divergences = documentedDivergences()
const tally = new Tally('metadata-parse-cases', cases.length)

const lines = (input: string | string[]) => (Array.isArray(input) ? input : [input]).join('\n')

/** The parser the action uses, called directly: records must equal upstream's. */
function parseDirect(c: ParseCase): unknown {
  switch (c.function) {
    case 'tag.Parse':
      return project(parseTag(c.input as string))
    case 'tag.Transform':
      return parseTags(lines(c.input)).map(project)
    case 'flavor.Transform':
      return parseFlavor(lines(c.input))
    case 'image.Transform':
      return parseImages(lines(c.input))
    case 'Meta.isRawStatement':
      return isRawStatement(c.input as string)
  }
}

function project(t: { type: string; attrs: Record<string, string> }) {
  return { type: t.type, attrs: t.attrs }
}

/** A push of this tag is the context for the action-level runs. */
const PRERELEASE = 'v2.0.8-beta.67'

async function runWith(inputs: Record<string, string>): Promise<ActionRun> {
  return driveAction({
    env: {
      GITHUB_EVENT_NAME: 'push',
      GITHUB_REF: `refs/tags/${PRERELEASE}`,
      GITHUB_SHA: '860c1904a1ce19322e91ac35af1ab07466440c37',
      GITHUB_REPOSITORY: 'octo/app'
    },
    inputs,
    payload: {
      repository: { default_branch: 'main', name: 'app', html_url: 'https://github.com/octo/app' }
    },
    now: '2020-01-10T00:30:00.000Z'
  })
}

/** Inputs for running the case's input through the action, and what the outputs must then show. */
function actionCheck(c: ParseCase): {
  inputs: Record<string, string>
  verify?: (run: ActionRun) => void
} {
  const text = lines(c.input)
  switch (c.function) {
    case 'tag.Parse':
    case 'tag.Transform':
      return { inputs: { images: 'user/app', tags: text } }
    case 'flavor.Transform':
      return {
        inputs: { images: 'user/app', tags: 'type=raw,value=v', flavor: text },
        verify: (run) => {
          const f = c.expected as FlavorRecord
          const names = [composeTag({ prefix: f.prefix, value: 'v', suffix: f.suffix })!.tag]
          if (f.latest === 'true') {
            const prefix = f.prefixLatest ? f.prefix : ''
            names.push(
              composeTag({ prefix, value: 'latest', suffix: f.suffixLatest ? f.suffix : '' })!.tag
            )
          }
          expect(splitOutput(run.outputs['tag-names'])).toEqual(names)
        }
      }
    case 'image.Transform':
      return {
        inputs: { images: text, tags: 'type=raw,value=v' },
        verify: (run) => {
          const images = c.expected as { name: string; enable: boolean }[]
          const refs = images.filter((i) => i.enable).map((i) => `${i.name.toLowerCase()}:v`)
          expect(splitOutput(run.outputs.tags)).toEqual(refs)
        }
      }
    case 'Meta.isRawStatement':
      return {
        inputs: { images: 'user/app', tags: `type=semver,"pattern=${c.input as string}"` },
        verify: (run) => {
          // A prerelease keeps its raw text only under a pattern that is exactly {{raw}}.
          expect(run.outputs.version).toBe(c.expected ? PRERELEASE : PRERELEASE.slice(1))
        }
      }
  }
}

describe('conformance: metadata-parse-cases.json', () => {
  afterAll(() => console.log(tally.line()))

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (name, c) => {
    expect(divergences.has(name), `${name}: no parse case is expected to diverge`).toBe(false)

    // 1. The parser itself.
    if (c.invalid) {
      expect(() => parseDirect(c)).toThrow()
    } else {
      expect(parseDirect(c)).toEqual(c.expected)
    }

    // 2. The same input through the action entry: rejected with a message naming the entry, or
    //    accepted with the effect the parsed record implies.
    const { inputs, verify } = actionCheck(c)
    const run = await runWith(inputs)
    if (c.invalid) {
      expect(run.failed).toBe(true)
      const entry = Array.isArray(c.input) ? c.input : [c.input]
      expect(entry.some((e) => run.errors.join('\n').includes(e.trim()))).toBe(true)
    } else {
      expect(run.failed, run.errors.join('\n')).toBe(false)
      verify?.(run)
    }
    tally.record(name, true)
  })
})
