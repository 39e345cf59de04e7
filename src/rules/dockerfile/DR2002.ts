import { defineDockerfileRule } from '../define.js'

export const DR2002 = defineDockerfileRule({
  id: 'DR2002',
  aliases: ['FromAsCasing'],
  severity: 'style',
  fixable: true,
  description: "The casing of 'AS' should match the casing of 'FROM' (BuildKit FromAsCasing).",
  check(doc, ctx) {
    for (const stage of doc.stages) {
      const from = stage.from
      const as = from.args[1]
      if (!as || as.value.toLowerCase() !== 'as' || !stage.nameSpan) continue
      const keyword = from.keywordText
      const upper = keyword === keyword.toUpperCase()
      const lower = keyword === keyword.toLowerCase()
      const want = upper ? 'AS' : lower ? 'as' : undefined
      if (!want || as.value === want) continue
      ctx.report({
        message: `'${as.value}' and '${keyword}' keywords' casing do not match; write '${want}'.`,
        range: as.range,
        fix: {
          description: `Write '${want}' to match '${keyword}'.`,
          safe: true,
          edits: [{ range: as.range, text: want }]
        }
      })
    }
  }
})
