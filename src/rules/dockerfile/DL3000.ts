import { defineDockerfileRule } from '../define.js'
import { unquote } from '../../parse/dockerfile.js'
import { isWindows, workdirBefore } from '../../dockerfile/runs.js'
import { lineage } from '../../dockerfile/stages.js'

/** Absolute: `/x`, a variable (`$HOME`, `${DIR}`), or a Windows drive (`C:\`, `C:/`). */
const ABSOLUTE = /^(\/|\$|[A-Za-z]:[\\/]?)/

/** `path` resolved against the absolute directory `base` (`.` and `..` segments applied). */
function resolvePath(base: string, path: string): string {
  const parts = base.split('/').filter((p) => p !== '')
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue
    if (seg === '..') parts.pop()
    else parts.push(seg)
  }
  return `/${parts.join('/')}`
}

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
      // The directory it resolves to: known when an earlier WORKDIR of the stage lineage set an
      // absolute one (safe), or when the stage starts from scratch (the working directory is `/`).
      const before = workdirBefore(inst)
      const fromScratch = lineage(inst.stage).some((s) => s.image.expanded === 'scratch')
      // Windows paths resolve against a drive: no fix there.
      const plain = /^[A-Za-z0-9_.@%+=:,/-]+$/.test(path) && !isWindows(doc, inst)
      let fix
      if (plain && typeof before === 'string') {
        fix = {
          description: `Make the path absolute: \`${resolvePath(before, path)}\` is where the relative WORKDIR leads after \`WORKDIR ${before}\`.`,
          safe: true,
          edits: [{ range, text: resolvePath(before, path) }]
        }
      } else if (plain && before === null) {
        fix = {
          description: fromScratch
            ? 'Prefix `/` (a stage built from scratch starts in `/`).'
            : "Prefix `/` (changes behaviour if the base image's WORKDIR is not `/`: the path is then no longer relative to it).",
          safe: fromScratch,
          edits: [{ range, text: `/${path}` }]
        }
      }
      ctx.report({
        message: `\`WORKDIR ${raw}\` is relative: it depends on the WORKDIR inherited from the base image; use an absolute path.`,
        range,
        fix
      })
    }
  }
})
