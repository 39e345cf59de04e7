import { hasVariable } from '../../compose/interpolation.js'
import { get, str } from '../../compose/model.js'
import { defineComposeRule } from '../define.js'
import { ruleOptions } from '../define.js'
import { atValue } from './lib/report.js'
import { localServices } from './lib/services.js'

/** Docker's container name rule (the schema's copy of it is not anchored, so it lets `a@b` pass). */
export const CONTAINER_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/

/**
 * DCLint's service-container-name-regex: a `container_name` Docker rejects when it creates the
 * container. Option `containerNameRegex` (a RegExp or its source) replaces the pattern, as in
 * DCLint v4, for naming conventions.
 */
export const DC2006 = defineComposeRule({
  id: 'DC2006',
  aliases: ['service-container-name-regex', 'service-container-name-convention'],
  severity: 'error',
  description:
    'A container_name that Docker rejects ([a-zA-Z0-9][a-zA-Z0-9_.-]+), or that breaks the configured convention.',
  options: {
    type: 'object',
    additionalProperties: false,
    properties: { containerNameRegex: { type: 'string' } }
  },
  check(doc, ctx) {
    const option = ruleOptions<{ containerNameRegex: RegExp | string }>(
      ctx,
      'DC2006'
    ).containerNameRegex
    const custom =
      option instanceof RegExp
        ? new RegExp(option.source, option.flags.replace(/[gy]/g, ''))
        : typeof option === 'string'
          ? new RegExp(option, 'u')
          : undefined
    const pattern = custom ?? CONTAINER_NAME
    for (const svc of localServices(doc)) {
      const v = get(svc.value, 'container_name')
      const name = str(v)
      if (!v || name === undefined || hasVariable(name) || pattern.test(name)) continue
      ctx.report({
        ...atValue(doc, v),
        message: custom
          ? `container_name '${name}' of service '${svc.name}' does not match the configured pattern ${custom}.`
          : `container_name '${name}' of service '${svc.name}' is not a valid container name (letters, digits, '_', '.', '-'; starting with a letter or digit); Docker refuses to create it.`
      })
    }
  }
})
