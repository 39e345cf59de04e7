import { describe, expect, it } from 'vitest'
import {
  ConfigError,
  configFromTexts,
  parseHadolintConfig,
  parseOwnConfig,
  ruleState
} from '../../src/config/config.js'
import { registry } from '../../src/rules/index.js'

const problems = (fn: () => unknown): string[] => {
  try {
    fn()
  } catch (e) {
    if (e instanceof ConfigError) return e.problems
    throw e
  }
  return []
}

describe('.docker-review.yml', () => {
  it('reads rules by id or alias, severities, fail-on, ignore paths and settings', () => {
    const layer = parseOwnConfig(
      '.docker-review.yml',
      'all: true\nfail-on: warning\nignore-paths: ["test/**"]\nrules:\n  maintainerdeprecated: off\n  DL3006: info\n  SC2086: off\nsettings:\n  trusted-registries: [docker.io]\n  shellcheck: false\n',
      registry
    )
    expect(layer.all).toBe(true)
    expect(layer.failOn).toBe('warning')
    expect(layer.ignorePaths).toEqual(['test/**'])
    expect([...layer.rules!]).toEqual([
      ['DL4000', 'off'],
      ['DL3006', 'info'],
      ['SC2086', 'off']
    ])
    expect(layer.settings).toEqual({ trustedRegistries: ['docker.io'], shellcheck: false })
  })
  it('every problem is reported with its position, unknown keys with a did-you-mean', () => {
    expect(
      problems(() =>
        parseOwnConfig(
          'c.yml',
          'fail-on: eror\nrulez: {}\nsettings:\n  strict-label: true\n',
          registry
        )
      )
    ).toEqual([
      '1:10: \'fail-on\' must be one of "error", "warning", "info", "style", "none"',
      "2:1: unknown key 'rulez' (did you mean 'rules'?)",
      "4:3: unknown key 'settings.strict-label' (did you mean 'strict-labels'?)"
    ])
  })
  it('review: the inline bar, summary-only paths and per-rule precision (by id or alias)', () => {
    const config = configFromTexts(
      {
        own: {
          file: '.docker-review.yml',
          text: 'review:\n  inline: medium\n  paths-summary-only: [legacy/**]\n  precision:\n    maintainerdeprecated: low\n    SC2086: high\n'
        }
      },
      registry
    )
    expect(config.review).toEqual({
      inline: 'medium',
      pathsSummaryOnly: ['legacy/**'],
      precision: { DL4000: 'low', SC2086: 'high' }
    })
    expect(configFromTexts({}, registry).review).toEqual({})
    expect(
      problems(() =>
        parseOwnConfig(
          'c.yml',
          'review:\n  inline: sometimes\n  precision:\n    DL9999: high\n    DL3008: great\n',
          registry
        )
      )
    ).toEqual([
      '2:11: \'review.inline\' must be one of "low", "medium", "high", "very-high", "all"',
      "4:5: unknown rule 'DL9999'",
      '5:13: \'review.precision.DL3008\' must be one of "low", "medium", "high", "very-high"'
    ])
  })
  it('YAML syntax errors are located', () => {
    expect(problems(() => parseOwnConfig('c.yml', 'rules: [\n', registry))[0]).toMatch(/^\d+:\d+: /)
  })
})

describe('rule options', () => {
  it('[setting, {options}] sets both, validated against the rule schema', () => {
    const layer = parseOwnConfig(
      'c.yml',
      'rules:\n  DC1001: [error, { prohibitedTags: [latest, edge] }]\n  require-quotes-in-ports: [on, { quoteType: double }]\n',
      registry
    )
    expect(layer.rules!.get('DC1001')).toBe('error')
    expect(layer.settings!.ruleOptions).toEqual({
      DC1001: { prohibitedTags: ['latest', 'edge'] },
      DC2005: { quoteType: 'double' }
    })
  })
  it('unknown options and options for a rule without any are located errors', () => {
    expect(
      problems(() =>
        parseOwnConfig(
          'c.yml',
          'rules:\n  DC1001: [warning, { prohibitedTag: [x] }]\n  DL3008: [off, { a: 1 }]\n',
          registry
        )
      )
    ).toEqual([
      "2:21: DC1001 options: unknown option 'prohibitedTag' (did you mean 'prohibitedTags'?)",
      '3:17: DL3008 options: this rule takes no options'
    ])
  })
  it('options reach the rule', () => {
    const config = configFromTexts(
      { own: { file: 'c.yml', text: 'rules:\n  DC1001: [warning, { prohibitedTags: [edge] }]\n' } },
      registry
    )
    expect(config.settings.ruleOptions.DC1001).toEqual({ prohibitedTags: ['edge'] })
  })
})

describe('.hadolint.yaml', () => {
  it('maps ignored, override, failure-threshold and the label/registry settings', () => {
    const layer = parseHadolintConfig(
      '.hadolint.yaml',
      'ignored: [DL3008, SC2086]\noverride:\n  error: [DL3006]\n  info: [DL3008]\nfailure-threshold: warning\ntrustedRegistries: docker.io\nlabel-schema:\n  author: text\nstrict-labels: true\n',
      registry
    )
    expect(layer.rules!.get('DL3008')).toBe('off') // ignored wins over override, as in hadolint
    expect(layer.rules!.get('DL3006')).toBe('error')
    expect(layer.failOn).toBe('warning')
    expect(layer.settings).toEqual({
      trustedRegistries: ['docker.io'],
      labelSchema: { author: 'text' },
      strictLabels: true
    })
  })
  it('unknown rule ids are an error naming the entry', () => {
    expect(
      problems(() =>
        parseHadolintConfig('.hadolint.yaml', 'ignored:\n  - DL3008\n  - DL30088\n', registry)
      )
    ).toEqual(["3:5: unknown rule 'DL30088' (did you mean 'DL3008'?)"])
  })
  it("our file wins over hadolint's", () => {
    const config = configFromTexts(
      {
        hadolint: { file: '.hadolint.yaml', text: 'ignored: [DL3006]\n' },
        own: { file: '.docker-review.yml', text: 'rules:\n  DL3006: error\n' }
      },
      registry
    )
    expect(ruleState(config, 'DL3006', registry.byId.get('DL3006'))).toEqual({
      enabled: true,
      severity: 'error'
    })
  })
})
