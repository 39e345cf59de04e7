import { defineDockerfileRule } from '../define.js'

const TARGET = /^["']?\$(\{TARGETPLATFORM\}|TARGETPLATFORM)["']?$/

export const DL3065 = defineDockerfileRule({
  id: 'DL3065',
  aliases: ['RedundantTargetPlatform'],
  severity: 'warning',
  fixable: true,
  description: 'Redundant `--platform=$TARGETPLATFORM` in `FROM`.',
  check(doc, ctx) {
    for (const stage of doc.stages) {
      const flag = stage.from.flags.find((f) => f.name === 'platform')
      if (!flag || !TARGET.test(flag.value ?? '')) continue
      // Delete the flag and the blanks after it.
      let end = flag.end
      while (doc.text[end] === ' ' || doc.text[end] === '\t') end++
      ctx.report({
        message: '`--platform=$TARGETPLATFORM` is the default for FROM; remove it.',
        range: flag.range,
        fix: {
          description: 'Remove the redundant `--platform` flag.',
          safe: true,
          edits: [{ range: doc.span(flag.start, end).range, text: '' }]
        }
      })
    }
  }
})
