import { defineDockerfileRule } from '../define.js'
import { eolAt } from './lib/edits.js'
import {
  finalChain,
  finalInstructions,
  isDevelopmentImage,
  shortName
} from '../../dockerfile/stages.js'
import { pairs } from '../../dockerfile/properties.js'

const HINTS: Array<{ name: string; why: string }> = [
  { name: 'PYTHONUNBUFFERED', why: 'logs appear immediately instead of sitting in a buffer' },
  { name: 'PYTHONFAULTHANDLER', why: 'crashes in C extensions print a traceback' }
]
const RUNS_PYTHON = /\b(python[\d.]*|gunicorn|uvicorn|celery|flask|django-admin|pytest)\b/

export const DR1012 = defineDockerfileRule({
  id: 'DR1012',
  aliases: [],
  severity: 'info',
  fixable: true,
  enabledByDefault: false,
  description: 'A Python image does not set `PYTHONUNBUFFERED=1` and `PYTHONFAULTHANDLER=1`.',
  check(doc, ctx) {
    if (isDevelopmentImage(doc)) return
    const chain = finalChain(doc)
    const root = chain[chain.length - 1]
    if (!root) return
    const insts = finalInstructions(doc)
    const python =
      /(^|\/)python$/.test(shortName(root.image)) ||
      insts.some(
        (i) => (i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT') && RUNS_PYTHON.test(i.text)
      )
    if (!python) return
    const set = new Set<string>()
    for (const i of insts)
      if (i.keyword === 'ENV')
        for (const p of pairs(doc, i)) if (p.value && p.value !== '0') set.add(p.name)
    const missing = HINTS.filter((h) => !set.has(h.name))
    if (missing.length === 0) return
    const from = chain[0].from
    const line = from.range.end.line
    const last = line >= doc.lines.lineCount
    const eol = eolAt(doc, line)
    const at = doc.lines.position(last ? doc.text.length : doc.lines.lineStart(line + 1))
    const env = `ENV ${missing.map((h) => `${h.name}=1`).join(' ')}`
    ctx.report({
      message: `Set ${missing.map((h) => `\`${h.name}=1\` (${h.why})`).join(' and ')} in the final image.`,
      range: doc.span(from.start, from.keywordSpan.end).range,
      fix: {
        description: `Add \`${env}\` after the final stage's FROM.`,
        safe: true,
        edits: [{ range: { start: at, end: at }, text: last ? `${eol}${env}` : `${env}${eol}` }],
        effect: { kind: 'set-env', names: missing.map((h) => h.name) }
      }
    })
  }
})
