import { defineDockerfileRule } from '../define.js'
import { PLATFORM_ARGS, variableRefs } from './lib/variables.js'

const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*'
/** Docker's image reference grammar (lenient on the registry host). */
const REFERENCE = new RegExp(
  `^(?:[A-Za-z0-9.-]+(?::\\d+)?/)?${COMPONENT}(?:/${COMPONENT})*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@[a-z0-9]+(?:[+._-][a-z0-9]+)*:[A-Fa-f0-9]{32,})?$`
)

/** Expand with ARG defaults; an ARG without a default is the empty string. */
function expand(value: string, args: Map<string, string | null>): string {
  return value.replace(
    /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g,
    (
      _m,
      braced: string | undefined,
      op: string | undefined,
      word: string | undefined,
      bare: string | undefined
    ) => {
      const v = args.get((braced ?? bare)!)
      const set = v !== undefined && v !== null
      const nonEmpty = set && v !== ''
      if (op === ':-') return nonEmpty ? v : (word ?? '')
      if (op === '-') return set ? v : (word ?? '')
      if (op === ':+') return nonEmpty ? (word ?? '') : ''
      if (op === '+') return set ? (word ?? '') : ''
      return v ?? ''
    }
  )
}

export const DR2009 = defineDockerfileRule({
  id: 'DR2009',
  aliases: ['InvalidDefaultArgInFrom'],
  severity: 'warning',
  description:
    "A global ARG's default (or the lack of one) makes the FROM image empty or invalid (BuildKit InvalidDefaultArgInFrom).",
  check(doc, ctx) {
    for (const stage of doc.stages) {
      const token = stage.from.args[0]
      if (!token || !token.value.includes('$')) continue
      const refs = variableRefs(stage.from.text, stage.from.textOffsets, doc.escape)
      // Unknown names are UndefinedArgInFrom's; platform arguments have no default to judge.
      if (refs.some((r) => !doc.globalArgs.has(r.name) || PLATFORM_ARGS.has(r.name))) continue
      const image = expand(token.value.replace(/^["']|["']$/g, ''), doc.globalArgs)
      if (image !== '' && REFERENCE.test(image)) continue
      const names = [...new Set(refs.map((r) => r.name))]
      const missing = names.filter((n) => doc.globalArgs.get(n) == null)
      ctx.report({
        message:
          image === ''
            ? `With the defaults of ${names.map((n) => `ARG ${n}`).join(', ')} the base image name is empty; give ${missing.length > 0 ? missing.map((n) => `\`${n}\``).join(', ') : 'the ARG'} a default value.`
            : `With the ARG defaults the base image becomes '${image}', which is not a valid image reference${missing.length > 0 ? `; give ${missing.map((n) => `\`${n}\``).join(', ')} a default value` : ''}.`,
        range: token.range
      })
    }
  }
})
