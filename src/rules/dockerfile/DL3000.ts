import { defineDockerfileRule } from '../define.js'
import { unquote } from '../../parse/dockerfile.js'
import { isWindows, workdirBefore } from '../../dockerfile/runs.js'
import { lineage } from '../../dockerfile/stages.js'

/** Absolute: `/x`, a variable (`$HOME`, `${DIR}`), or a Windows drive (`C:\`, `C:/`). */
const ABSOLUTE = /^(\/|\$|[A-Za-z]:[\\/]?)/

export const DL3000 = defineDockerfileRule({
  id: 'DL3000',
  aliases: ['AVD-DS-0009', 'CKV_DOCKER_10'],
  severity: 'error',
  fixable: true,
  description: 'Use absolute WORKDIR.',
  check(doc, ctx) {
    for (const inst of doc.instructions) {
      if (inst.keyword !== 'WORKDIR' || !inst.argsSpan) continue
      const raw = inst.text
      const path = unquote(raw)
      if (path === '' || ABSOLUTE.test(path)) continue
      const range = inst.argsSpan.range
      // The directory it resolves to is known when an earlier WORKDIR of the stage lineage set an
      // absolute one, or when the stage starts from scratch (the working directory is `/`): then
      // nothing depends on the base image, and Docker documents relative WORKDIRs for this.
      const before = workdirBefore(inst)
      const fromScratch = lineage(inst.stage).some((s) => s.image.expanded === 'scratch')
      if (typeof before === 'string' || (before === null && fromScratch)) continue
      // Windows paths resolve against a drive: no fix there.
      const plain = /^[A-Za-z0-9_.@%+=:,/-]+$/.test(path) && !isWindows(doc, inst)
      const fix =
        plain && before === null
          ? {
              description:
                "Prefix `/` (changes behaviour if the base image's WORKDIR is not `/`: the path is then no longer relative to it).",
              safe: false,
              edits: [{ range, text: `/${path}` }]
            }
          : undefined
      ctx.report({
        message: `\`WORKDIR ${raw}\` is relative: it depends on the WORKDIR inherited from the base image; use an absolute path.`,
        range,
        fix
      })
    }
  }
})
