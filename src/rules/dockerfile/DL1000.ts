import { closest } from '../../core/similar.js'
import { defineDockerfileRule } from '../define.js'
import type { Instruction } from '../../parse/dockerfile.js'

export const INSTRUCTIONS = [
  'ADD',
  'ARG',
  'CMD',
  'COPY',
  'ENTRYPOINT',
  'ENV',
  'EXPOSE',
  'FROM',
  'HEALTHCHECK',
  'LABEL',
  'MAINTAINER',
  'ONBUILD',
  'RUN',
  'SHELL',
  'STOPSIGNAL',
  'USER',
  'VOLUME',
  'WORKDIR'
]

/** Instructions Docker rejects without arguments. */
const NEEDS_ARGS = new Set(INSTRUCTIONS.filter((k) => k !== 'HEALTHCHECK'))

/**
 * What the Docker builder itself rejects, reported where it is (hadolint uses DL1000 for parse
 * errors; we never stop linting the rest of the file).
 */
export const DL1000 = defineDockerfileRule({
  id: 'DL1000',
  aliases: [],
  severity: 'error',
  description:
    'The Dockerfile does not parse: unknown instruction, missing arguments or an unterminated heredoc.',
  check(doc, ctx) {
    const visit = (inst: Instruction): void => {
      if (!INSTRUCTIONS.includes(inst.keyword)) {
        const hint = closest(inst.keyword, INSTRUCTIONS)
        ctx.report({
          message: `Unknown instruction \`${inst.keywordText}\`${hint ? ` (did you mean \`${hint}\`?)` : ''}.`,
          range: inst.keywordSpan.range
        })
        return
      }
      if (
        NEEDS_ARGS.has(inst.keyword) &&
        inst.text.trim() === '' &&
        inst.args.length === 0 &&
        inst.flags.length === 0
      ) {
        ctx.report({
          message: `\`${inst.keyword}\` requires at least one argument.`,
          range: inst.keywordSpan.range
        })
      }
      for (const h of inst.heredocs) {
        if (
          h.contentEnd >= doc.text.length &&
          !new RegExp(`^\\s*${h.name}\\s*$`, 'm').test(h.content)
        ) {
          ctx.report({
            message: `Heredoc \`<<${h.name}\` is never terminated: add a line \`${h.name}\`.`,
            range: inst.keywordSpan.range
          })
        }
      }
      if (inst.trigger) visit(inst.trigger)
    }
    doc.instructions.forEach(visit)
  }
})
