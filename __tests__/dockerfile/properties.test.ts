import { describe, expect, it } from 'vitest'
import { parseDockerfile } from '../../src/dockerfile/model.js'
import { pairs } from '../../src/dockerfile/properties.js'

describe('pairs', () => {
  it('removes quotes as BuildKit does: in double quotes `\\` escapes only `"`, `$` and `\\`', () => {
    const doc = parseDockerfile(
      'Dockerfile',
      'FROM alpine\nENV A="x\\y" B="q\\"r" C=a\\ b D=\'s\\t\'\n'
    )
    expect(pairs(doc, doc.instructions[1]).map((p) => [p.name, p.value])).toEqual([
      ['A', 'x\\y'],
      ['B', 'q"r'],
      ['C', 'a b'],
      ['D', 's\\t']
    ])
  })
})
