import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FORMATS } from '../../src/cli/args.js'
import { cli, sandbox } from './harness.js'

/** docs/cli.md's examples are what the CLI prints: each format's example is checked against it. */

const ROOT = join(import.meta.dirname, '../..')
const doc = readFileSync(join(ROOT, 'docs/cli.md'), 'utf8')

/** The first fenced block after `**\`format\`**` in docs/cli.md. */
function example(format: string): string {
  const at = doc.indexOf(`**\`${format}\`**`)
  expect(at, `docs/cli.md has no example for ${format}`).toBeGreaterThan(-1)
  const block = /```[a-z]*\n([\s\S]*?)\n```/.exec(doc.slice(at))
  return block![1]
}

describe('docs/cli.md', () => {
  const dockerfile = /```dockerfile\n([\s\S]*?)```/.exec(doc)![1]
  const dir = sandbox({ Dockerfile: dockerfile })
  const run = (format: string): string => {
    const result = cli(dir, 'lint', '--format', format)
    expect(result.code).toBe(1)
    return result.out
  }
  const dl4000 = (items: Array<Record<string, unknown>>, key: (i: never) => unknown): unknown =>
    items.find((i) => key(i as never) === 'DL4000')

  it('documents every format', () => {
    for (const format of FORMATS) example(format)
  })

  it('the JSON examples are the real output for the DL4000 finding', () => {
    const json = JSON.parse(run('json'))
    expect(JSON.parse(example('json')).findings[0]).toEqual(
      dl4000(json.findings, (f: { rule: string }) => f.rule)
    )
    const gitlab = JSON.parse(run('gitlab'))
    expect(JSON.parse(example('gitlab'))[0]).toEqual(
      dl4000(gitlab, (i: { check_name: string }) => i.check_name)
    )
    const rd = JSON.parse(run('rdjson'))
    const documented = JSON.parse(example('rdjson'))
    expect(documented.source).toEqual(rd.source)
    expect(documented.diagnostics[0]).toEqual(
      dl4000(rd.diagnostics, (d: { code: { value: string } }) => d.code.value)
    )
    const sarif = JSON.parse(run('sarif')).runs[0]
    expect(JSON.parse(example('sarif')).runs[0].results[0]).toEqual(
      expect.objectContaining(
        Object.fromEntries(
          Object.entries(
            dl4000(sarif.results, (r: { ruleId: string }) => r.ruleId) as object
          ).filter(([k]) => ['ruleId', 'level', 'message', 'locations'].includes(k))
        )
      )
    )
  })

  it('the text examples are lines of the real output', () => {
    for (const format of ['tty', 'github', 'checkstyle']) {
      const out = run(format).split('\n')
      for (const line of example(format).split('\n')) {
        if (line.trim() !== '') expect(out, `${format}: ${line}`).toContain(line)
      }
    }
  })

  it('is linked from the README, which no longer promises `npx docker-review`', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    const local = readme.slice(
      readme.indexOf('## Use it locally'),
      readme.indexOf('## Configuration')
    )
    expect(local).toContain('(docs/cli.md)')
    expect(local).not.toMatch(/^npx docker-review/m)
  })
})
