import { closest } from '../../core/similar.js'
import type { Instruction } from '../../dockerfile/model.js'
import { defineDockerfileRule } from '../define.js'
import { eolAt } from './lib/edits.js'
import { pairs } from '../../dockerfile/properties.js'
import {
  IMPLICIT_ARGS,
  isVariableName,
  PLATFORM_ARGS,
  rootStage,
  variableRefs
} from '../../dockerfile/variables.js'

/** Instructions whose arguments BuildKit expands (RUN, CMD and ENTRYPOINT are left to the shell). */
const EXPANDED = new Set([
  'ADD',
  'ARG',
  'COPY',
  'ENV',
  'EXPOSE',
  'LABEL',
  'STOPSIGNAL',
  'USER',
  'VOLUME',
  'WORKDIR'
])

/** Variables base images commonly set; without the image's config we cannot say they are unset. */
const IMAGE_ENV = new Set([
  'PATH',
  'HOME',
  'HOSTNAME',
  'USER',
  'LANG',
  'LANGUAGE',
  'LC_ALL',
  'TERM',
  'PWD',
  'SHELL',
  'TZ',
  'JAVA_HOME',
  'GOPATH',
  'GOROOT',
  'CARGO_HOME',
  'RUSTUP_HOME',
  'PYTHONPATH',
  'LD_LIBRARY_PATH',
  'NODE_PATH'
])

export const DR2007 = defineDockerfileRule({
  id: 'DR2007',
  aliases: ['UndefinedVar'],
  severity: 'warning',
  fixable: true,
  description:
    'A variable is used outside RUN without being defined by ARG or ENV (BuildKit UndefinedVar).',
  check(doc, ctx) {
    const stageEnv = new Map<number, Set<string>>()
    for (const stage of doc.stages) {
      const env = new Set(stage.parent ? stageEnv.get(stage.parent.index) : [])
      const args = new Set<string>()
      const scratch = rootStage(stage).image.expanded.toLowerCase() === 'scratch'
      const fromLine = stage.from.range.end.line
      for (const inst of stage.instructions) {
        if (EXPANDED.has(inst.keyword) && inst.text.includes('$')) check(inst)
        if (inst.keyword === 'ENV') for (const p of pairs(doc, inst)) env.add(p.name)
        if (inst.keyword === 'ARG') for (const p of pairs(doc, inst)) args.add(p.name)
      }
      stageEnv.set(stage.index, env)

      function check(inst: Instruction): void {
        const own = new Set(
          inst.keyword === 'ENV' || inst.keyword === 'ARG'
            ? pairs(doc, inst).map((p) => p.name)
            : []
        )
        for (const ref of variableRefs(inst.text, inst.textOffsets, doc.escape)) {
          const name = ref.name
          if (env.has(name) || args.has(name) || own.has(name) || IMPLICIT_ARGS.has(name)) continue
          if (ref.modified) continue
          const where = doc.span(ref.start, ref.end).range
          if (PLATFORM_ARGS.has(name)) {
            const last = fromLine >= doc.lines.lineCount
            const eol = eolAt(doc, fromLine)
            const at = doc.lines.position(
              last ? doc.text.length : doc.lines.lineStart(fromLine + 1)
            )
            ctx.report({
              message: `Usage of undefined variable '$${name}': BuildKit's platform arguments must be declared with \`ARG ${name}\` inside the stage to be visible.`,
              range: where,
              fix: {
                description: `Declare \`ARG ${name}\` at the start of the stage (BuildKit fills in its value).`,
                safe: true,
                edits: [
                  {
                    range: { start: at, end: at },
                    text: last ? `${eol}ARG ${name}` : `ARG ${name}${eol}`
                  }
                ]
              }
            })
            continue
          }
          const hint = IMAGE_ENV.has(name)
            ? undefined
            : closest(name, [...env, ...args].filter(isVariableName))
          if (!hint && !scratch) continue
          ctx.report({
            message: `Usage of undefined variable '$${name}'${hint ? ` (did you mean $${hint}?)` : ''}.`,
            range: where,
            fix: hint
              ? {
                  description: `Use the defined variable \`${hint}\` (check that it is the intended one).`,
                  safe: false,
                  edits: [{ range: doc.span(ref.nameStart, ref.nameEnd).range, text: hint }]
                }
              : undefined
          })
        }
      }
    }
  }
})
