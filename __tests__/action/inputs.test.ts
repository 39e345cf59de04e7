import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import {
  INPUT_NAMES,
  InputError,
  listInput,
  readActionInputs,
  type InputName
} from '../../src/action/inputs.js'
import { DEFAULT_PATTERNS } from '../../src/detect.js'
import { TAG_INPUT_NAMES } from '../../src/tags/inputs.js'

const action = parse(readFileSync(join(__dirname, '../../action.yml'), 'utf8')) as {
  inputs: Record<string, { description: string; default?: string }>
  outputs: Record<string, { description: string }>
  runs: { using: string; main: string }
}

const reader = (values: Partial<Record<InputName, string>>) => (name: InputName) =>
  values[name] ?? ''

describe('readActionInputs', () => {
  it('applies the documented defaults', () => {
    const inputs = readActionInputs(reader({ 'github-token': 't' }))
    expect(inputs).toMatchObject({
      mode: 'review',
      filterMode: 'added',
      maxComments: 30,
      suggestions: true,
      patterns: DEFAULT_PATTERNS,
      sarifFile: 'docker-review.sarif',
      reportFile: 'docker-review-report.json'
    })
    expect(inputs.failOn).toBeUndefined()
    expect(inputs.reviewInline).toBeUndefined()
  })

  it('reads lists, thresholds and switches', () => {
    const inputs = readActionInputs(
      reader({
        'github-token': 't',
        'fail-on': 'Warning',
        'review-inline': 'Very-High',
        'filter-mode': 'diff_context',
        'max-comments': '0',
        suggestions: 'false',
        'dockerfile-patterns': 'docker/*.df\n# comment\nbuild/**/Dockerfile, Containerfile',
        'sarif-file': 'none',
        config: './ci/.docker-review.yml'
      })
    )
    expect(inputs).toMatchObject({
      failOn: 'warning',
      reviewInline: 'very-high',
      filterMode: 'diff_context',
      maxComments: 0,
      suggestions: false,
      sarifFile: '',
      config: 'ci/.docker-review.yml'
    })
    expect(inputs.patterns.dockerfile).toEqual([
      'docker/*.df',
      'build/**/Dockerfile',
      'Containerfile'
    ])
    expect(inputs.patterns.compose).toEqual(DEFAULT_PATTERNS.compose)
  })

  it('names every problem at once', () => {
    let error: unknown
    try {
      readActionInputs(
        reader({
          mode: 'publish',
          'fail-on': 'fatal',
          'review-inline': 'some',
          'max-comments': '-1',
          suggestions: 'yes',
          config: '../x.yml'
        })
      )
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(InputError)
    const problems = (error as InputError).problems
    expect(problems.map((p) => p.match(/^`([a-z-]+)`/)?.[1])).toEqual([
      'mode',
      'fail-on',
      'review-inline',
      'max-comments',
      'suggestions',
      'github-token',
      'config'
    ])
  })

  it('needs a token only where it writes', () => {
    expect(() => readActionInputs(reader({ mode: 'report' }))).not.toThrow()
    expect(() => readActionInputs(reader({ mode: 'post' }))).toThrow(/github-token/)
  })

  it('listInput splits on lines and commas and drops comments', () => {
    expect(listInput(' a ,b\n\n# c\nd # e\n')).toEqual(['a', 'b', 'd'])
  })
})

describe('action.yml', () => {
  it('runs the bundle on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
  })

  it('declares exactly the inputs the code reads, each with a description', () => {
    expect(Object.keys(action.inputs).sort()).toEqual([...INPUT_NAMES, ...TAG_INPUT_NAMES].sort())
    for (const [name, input] of Object.entries(action.inputs)) {
      expect(input.description, name).toMatch(/\S/)
      expect(name).toMatch(/^[a-z]+(-[a-z]+)*$/)
    }
  })

  it('declares defaults the code agrees with', () => {
    const fromDefaults = readActionInputs((name) =>
      name === 'github-token' ? 't' : (action.inputs[name].default ?? '')
    )
    const fromEmpty = readActionInputs((name) => (name === 'github-token' ? 't' : ''))
    expect(fromDefaults).toEqual(fromEmpty)
  })

  it('documents every output with a description', () => {
    for (const [name, output] of Object.entries(action.outputs)) {
      expect(output.description, name).toMatch(/\S/)
    }
  })
})
