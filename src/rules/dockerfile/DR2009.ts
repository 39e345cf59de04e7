import { defineDockerfileRule } from '../define.js'
import { PLATFORM_ARGS, variableRefs } from '../../dockerfile/variables.js'
import { composeBuildsOf } from '../../dockerfile/local-images.js'

const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*'
/** Docker's image reference grammar (lenient on the registry host). */
const REFERENCE = new RegExp(
  `^(?:[A-Za-z0-9.-]+(?::\\d+)?/)?${COMPONENT}(?:/${COMPONENT})*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@[a-z0-9]+(?:[+._-][a-z0-9]+)*:[A-Fa-f0-9]{32,})?$`
)

/** Expand with ARG defaults; an ARG without a default is the empty string, other names stay. */
function expand(value: string, args: Map<string, string | null>): string {
  return value.replace(
    /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g,
    (
      match: string,
      braced: string | undefined,
      op: string | undefined,
      word: string | undefined,
      bare: string | undefined
    ) => {
      const name = (braced ?? bare)!
      // Not a global ARG (a platform argument): its value is unknown here.
      if (!args.has(name)) return match
      const v = args.get(name)
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
      let image = token.value.replace(/["']/g, '')
      // Defaults may use earlier ARGs (`ARG B=${A}`): expand until nothing is left.
      for (let k = 0; k < 5 && image.includes('$'); k++) image = expand(image, doc.globalArgs)
      // Still unexpanded (platform arguments, `${X#…}` modifiers, self-references): cannot judge.
      if (image.includes('$')) continue
      if (image !== '' && REFERENCE.test(image)) continue
      const names = [...new Set(refs.map((r) => r.name))]
      const missing = names.filter((n) => doc.globalArgs.get(n) == null)
      // A compose service that builds this Dockerfile passes them (`build.args`): the build the
      // repository runs has a value, the default is only a fallback nobody uses.
      const passed = new Set(composeBuildsOf(doc.path, ctx.workspace).flatMap((b) => [...b.args]))
      if (names.some((n) => passed.has(n)) && missing.every((n) => passed.has(n))) continue
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
