import { defineDockerfileRule } from '../define.js'
import { expandVariables } from '../../dockerfile/variables.js'

const ARCHIVE =
  /\.(tar|tar\.(gz|bz2|xz|lz|lzma|z|zst)|tgz|tb2|tbz|tbz2|tpz|tlz|txz|tz|gz|bz2|xz|lz|lzma|z|zst)$/i
/** Flags only ADD understands: converting to COPY would break the build. */
const ADD_ONLY = new Set(['checksum', 'keep-git-dir', 'unpack'])

export const DL3020 = defineDockerfileRule({
  id: 'DL3020',
  aliases: ['AVD-DS-0005', 'CKV_DOCKER_4'],
  severity: 'error',
  fixable: true,
  description: 'Use COPY instead of ADD for files and folders.',
  check(doc, ctx) {
    for (const inst of doc.instructions) {
      if (inst.keyword !== 'ADD' || inst.heredocs.length > 0) continue
      const words = inst.json ? inst.json.items : inst.args
      const sources = words.slice(0, -1)
      const local = sources.filter((w) => {
        let value = w.value.replace(/^["']|["']$/g, '')
        if (value.includes('$')) {
          // `ADD $URL /x`: judge the value the variable has here; unknown values may be URLs.
          const expanded = expandVariables(value, doc.variables(inst))
          if (expanded.unresolved) return false
          value = expanded.value
        }
        return (
          !/^(https?|git|ssh):\/\//i.test(value) && !/^git@/.test(value) && !ARCHIVE.test(value)
        )
      })
      if (local.length === 0) continue
      const convertible = !inst.flags.some((f) => ADD_ONLY.has(f.name))
      const keyword = inst.keywordText === inst.keywordText.toLowerCase() ? 'copy' : 'COPY'
      ctx.report({
        message: `Use COPY instead of ADD for ${local.map((w) => `\`${w.value}\``).join(', ')}: ADD's URL and auto-extract magic is not needed here.`,
        range: inst.keywordSpan.range,
        fix: convertible
          ? {
              description: 'Replace `ADD` with `COPY`.',
              safe: true,
              edits: [{ range: inst.keywordSpan.range, text: keyword }]
            }
          : undefined
      })
    }
  }
})
