import { closest } from '../../core/similar.js'
import { defineDockerfileRule } from '../define.js'
import type { DockerfileDoc, Instruction } from '../../dockerfile/model.js'
import type { Flag } from '../../parse/dockerfile.js'
import { isWindows } from '../../dockerfile/runs.js'

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

/** The flags BuildKit accepts per instruction (anything else fails the build: "unknown flag"). */
const FLAGS: Record<string, string[]> = {
  FROM: ['platform'],
  RUN: ['mount', 'network', 'security', 'device'],
  COPY: ['from', 'chown', 'chmod', 'link', 'parents', 'exclude'],
  ADD: ['chown', 'chmod', 'link', 'checksum', 'keep-git-dir', 'exclude', 'unpack'],
  HEALTHCHECK: ['interval', 'timeout', 'start-period', 'start-interval', 'retries']
}

/** Instructions whose words BuildKit's lexer reads: an unclosed quote fails the build. */
const WORD_PROCESSED = new Set(['ENV', 'LABEL', 'ARG', 'WORKDIR', 'USER', 'STOPSIGNAL', 'EXPOSE'])

/** mvdan/sh errors that mean the script ends inside a construct: every POSIX shell rejects it. */
const CUT_SHORT =
  /^reached EOF without|must end with "|^unclosed here-document|must be followed by a statement$/

/**
 * Offset (in `inst.text`) of a quote BuildKit's lexer never sees closed, or -1: outside quotes
 * the escape character escapes the next character; inside `'…'` nothing is special; inside
 * `"…"` the escape character escapes the next one.
 */
function unclosedQuote(text: string, escape: string): number {
  let i = 0
  while (i < text.length) {
    const c = text[i]
    if (c === escape) i += 2
    else if (c === "'") {
      const close = text.indexOf("'", i + 1)
      if (close === -1) return i
      i = close + 1
    } else if (c === '"') {
      let j = i + 1
      while (j < text.length && text[j] !== '"') j += text[j] === escape ? 2 : 1
      if (j >= text.length) return i
      i = j + 1
    } else i++
  }
  return -1
}

function quoteProblem(
  doc: DockerfileDoc,
  inst: Instruction
): { at: number; message: string } | undefined {
  if (WORD_PROCESSED.has(inst.keyword) && !inst.json) {
    const at = unclosedQuote(inst.text, doc.escape)
    if (at !== -1) {
      const quote = inst.text[at] === '"' ? 'double' : 'single'
      return {
        at: inst.offsetAt(at),
        message: `This ${quote} quote is never closed: the build fails ("unexpected end of statement while looking for matching ${quote}-quote").`
      }
    }
  }
  if (inst.keyword !== 'RUN') return undefined
  const error = doc.shell(inst)?.error
  if (!error || !CUT_SHORT.test(error.message) || isWindows(doc, inst)) return undefined
  return {
    at: error.offset,
    message: `The RUN script ends too early for the shell (${error.message}): the build step fails.`
  }
}

/**
 * What the Docker builder itself rejects, reported where it is (hadolint uses DL1000 for parse
 * errors; we never stop linting the rest of the file).
 */
export const DL1000 = defineDockerfileRule({
  id: 'DL1000',
  aliases: [],
  severity: 'error',
  fixable: true,
  description:
    'The Dockerfile does not parse: unknown instruction or flag, wrong number of arguments, an unterminated heredoc or quote.',
  check(doc, ctx) {
    const unknownFlag = (inst: Instruction, flag: Flag): void => {
      const known = FLAGS[inst.keyword]
      if (!known || known.includes(flag.name)) return
      const hint = closest(flag.name, known)
      // `--chwon=1000` → `--chown=1000`: only the name changes, the value stays as written.
      const nameEnd = flag.start + 2 + flag.raw.slice(2).split('=')[0].length
      ctx.report({
        message: `\`${inst.keyword}\` has no flag \`--${flag.name}\`${hint ? ` (did you mean \`--${hint}\`?)` : ''}; the build fails with "unknown flag".`,
        range: flag.range,
        fix: hint
          ? {
              description: `Rename the flag to \`--${hint}\`.`,
              safe: true,
              effect: { kind: 'repair' },
              edits: [{ range: doc.span(flag.start + 2, nameEnd).range, text: hint }]
            }
          : undefined
      })
    }
    const visit = (inst: Instruction): void => {
      if (!INSTRUCTIONS.includes(inst.keyword)) {
        const hint = closest(inst.keyword, INSTRUCTIONS)
        ctx.report({
          message: `Unknown instruction \`${inst.keywordText}\`${hint ? ` (did you mean \`${hint}\`?)` : ''}.`,
          range: inst.keywordSpan.range
        })
        return
      }
      // Flags are not arguments: `FROM --platform=linux/amd64` alone has no image.
      if (NEEDS_ARGS.has(inst.keyword) && inst.text.trim() === '' && inst.args.length === 0) {
        ctx.report({
          message: `\`${inst.keyword}\` requires at least one argument.`,
          range: inst.keywordSpan.range
        })
      }
      if (inst.keyword === 'FROM' && inst.args.length > 0) {
        const n = inst.args.length
        if (n === 2 || n > 3 || (n === 3 && inst.args[1].value.toLowerCase() !== 'as')) {
          ctx.report({
            message:
              '`FROM` takes an image and optionally `AS <name>`: `FROM <image> [AS <name>]`.',
            range: doc.span(inst.args[1].start, inst.args[n - 1].end).range
          })
        }
      }
      for (const flag of inst.flags) unknownFlag(inst, flag)
      const quote = quoteProblem(doc, inst)
      if (quote) {
        const end = Math.min(quote.at + 1, doc.text.length)
        ctx.report({ message: quote.message, range: doc.span(quote.at, end).range })
      }
      for (const h of inst.heredocs) {
        if (h.terminated) continue
        ctx.report({
          message: `Heredoc \`<<${h.name}\` is never terminated: add a line \`${h.name}\`.`,
          range: h.marker.range
        })
      }
      if (inst.trigger) visit(inst.trigger)
    }
    for (const d of doc.directives) {
      if (d.name !== 'escape' || d.value === '`' || d.value === '\\') continue
      ctx.report({
        message: `\`# escape=${d.value}\` is not an escape character BuildKit accepts (only a backslash or a backtick): the build fails ("invalid escape token").`,
        range: d.range
      })
    }
    doc.instructions.forEach(visit)
    if (doc.instructions.length === 0) {
      const firstLineEnd = doc.lines.lineEnd(1)
      ctx.report({
        message:
          'The Dockerfile has no instructions (it is empty or holds only comments): the build fails ("file with no instructions").',
        range: doc.span(0, firstLineEnd).range
      })
    }
  }
})
