import { get, str } from '../../compose/model.js'
import { defineComposeRule } from '../define.js'
import { ruleOptions } from '../define.js'
import { atKey } from './lib/report.js'
import { localServices } from './lib/services.js'

/**
 * DCLint's no-build-and-image: a service with both `build` and `image`. Compose documents this as
 * the way to name the image it builds, and pulls `image` first unless `pull_policy: build` says
 * otherwise; DCLint accepts the pair when `pull_policy` is set (`checkPullPolicy`, default on).
 * Off by default: ambiguous only when the image name also exists in a registry.
 */
export const DC2001 = defineComposeRule({
  id: 'DC2001',
  aliases: ['no-build-and-image'],
  severity: 'warning',
  enabledByDefault: false,
  description:
    'A service has both build and image without a pull_policy (DCLint no-build-and-image).',
  options: {
    type: 'object',
    additionalProperties: false,
    properties: { checkPullPolicy: { type: 'boolean' } }
  },
  check(doc, ctx) {
    const checkPullPolicy =
      ruleOptions<{ checkPullPolicy: boolean }>(ctx, 'DC2001').checkPullPolicy ?? true
    for (const svc of localServices(doc)) {
      const build = svc.value.entries.get('build')
      if (!build || !get(svc.value, 'image')) continue
      if (checkPullPolicy && str(get(svc.value, 'pull_policy')) !== undefined) continue
      ctx.report({
        ...atKey(doc, build),
        message: `Service '${svc.name}' has both build and image: Compose may pull '${str(get(svc.value, 'image')) ?? 'the image'}' instead of building it. Set 'pull_policy: build' (or never), or drop one of the two.`
      })
    }
  }
})
