import { describe, expect, it } from 'vitest'
import { lintText } from '../../src/lint/engine.js'
import { resolveConfig } from '../../src/config/config.js'
import { registry } from '../../src/rules/index.js'

/** The rules these cases exercise; other rules' findings are not what is tested here. */
const UNDER_TEST = new Set(['DL3006', 'DL3008', 'DL3014', 'DL3015', 'DL4000'])

function rules(text: string, disableIgnorePragma = false): string[] {
  const config = resolveConfig([{ source: 't', settings: { disableIgnorePragma } }])
  return lintText({ path: 'Dockerfile', text, kind: 'dockerfile' }, { registry, config })
    .findings.filter((f) => UNDER_TEST.has(f.rule))
    .map((f) => `${f.range.start.line}:${f.rule}`)
}

describe('Dockerfile pragmas (central, rules never see them)', () => {
  it('hadolint ignore= applies to the next instruction only, with a trailing reason allowed', () => {
    expect(
      rules('FROM debian:12\n# hadolint ignore=DL4000 # legacy\nMAINTAINER me\nMAINTAINER you\n')
    ).toEqual(['4:DL4000'])
  })
  it('covers every line of a continued instruction', () => {
    const text =
      'FROM debian:12\n# hadolint ignore=DL3008\nRUN apt-get update && \\\n    apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*\n'
    expect(rules(text)).toEqual([])
  })
  it('stacked pragma comments combine (hadolint#370) and blank lines may separate', () => {
    expect(
      rules(
        'FROM debian:12\n# hadolint ignore=DL3015\n# hadolint ignore=DL3014\n\nRUN apt-get install curl=1\n'
      )
    ).toEqual([])
  })
  it('a pragma above FROM does not reach the next instruction', () => {
    expect(rules('# hadolint ignore=DL4000\nFROM debian:12\nMAINTAINER me\n')).toEqual(['3:DL4000'])
  })
  it('hadolint pragmas with a name that is not a DL/SC code are ignored entirely (hadolint grammar)', () => {
    expect(rules('FROM debian:12\n# hadolint ignore=crazy,DL4000\nMAINTAINER me\n')).toEqual([
      '3:DL4000'
    ])
  })
  it('docker-review pragmas accept aliases', () => {
    expect(
      rules('FROM debian:12\n# docker-review ignore=MaintainerDeprecated\nMAINTAINER me\n')
    ).toEqual([])
  })
  it('global ignore covers the file, wherever it stands', () => {
    expect(
      rules('FROM ubuntu\nMAINTAINER me\n# hadolint global ignore = DL4000 , DL3006\n')
    ).toEqual([])
    expect(rules('FROM ubuntu\n# docker-review global ignore=DL3006\n')).toEqual([])
  })
  it('stage ignore covers the stage the pragma opens, not the next one', () => {
    const text =
      '# hadolint stage ignore=DL4000\nFROM debian:12\nMAINTAINER a\nFROM debian:12\nMAINTAINER b\n'
    expect(rules(text)).toEqual(['5:DL4000'])
  })
  it("BuildKit's # check=skip= directive skips by BuildKit name, and skip=all skips the BuildKit checks", () => {
    expect(rules('# check=skip=MaintainerDeprecated\nFROM debian:12\nMAINTAINER me\n')).toEqual([])
    expect(rules('# check=skip=all\nFROM ubuntu\nMAINTAINER me\n')).toEqual(['2:DL3006'])
  })
  it('disable-ignore-pragma turns every pragma off', () => {
    expect(rules('FROM debian:12\n# hadolint ignore=DL4000\nMAINTAINER me\n', true)).toEqual([
      '3:DL4000'
    ])
  })
})
