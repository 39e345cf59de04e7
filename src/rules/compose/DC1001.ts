import { parseImage, repository, tagUnknown } from '../../compose/image.js'
import { get, str } from '../../compose/model.js'
import { defineComposeRule } from '../define.js'
import { ruleOptions } from '../define.js'
import { atValue } from './lib/report.js'
import { localServices } from './lib/services.js'

/** DCLint's default list of tags that move (`prohibitedTags` replaces it). */
export const MUTABLE_TAGS = [
  'latest',
  'stable',
  'edge',
  'test',
  'nightly',
  'dev',
  'beta',
  'canary',
  'lts'
]

/**
 * Pulled images must be pinned: no tag (= `latest`) or a tag that moves. A digest pins whatever the
 * tag says; a tag (or whole reference) from a variable is not judged; a service that `build`s its
 * image names the build output with `image:`, which is not a pull.
 */
export const DC1001 = defineComposeRule({
  id: 'DC1001',
  aliases: ['service-image-require-explicit-tag', 'require-explicit-image-tag', 'CL-0004'],
  severity: 'warning',
  description: 'A service image has no tag or a mutable tag such as latest; pin a version.',
  options: {
    type: 'object',
    additionalProperties: false,
    properties: { prohibitedTags: { type: 'array', items: { type: 'string' } } }
  },
  check(doc, ctx) {
    const options = ruleOptions<{ prohibitedTags: string[] }>(ctx, 'DC1001')
    const prohibited = new Set((options.prohibitedTags ?? MUTABLE_TAGS).map((t) => t.toLowerCase()))
    for (const svc of localServices(doc)) {
      const image = get(svc.value, 'image')
      const text = str(image)
      if (!image || text === undefined || get(svc.value, 'build')) continue
      const ref = parseImage(text)
      if (tagUnknown(ref) || ref.digest || repository(ref) === '') continue
      if (ref.tag === undefined) {
        ctx.report({
          ...atValue(doc, image),
          message: `Service '${svc.name}' uses image '${text}' without a tag, which means ':latest' and changes under you; pin a version (e.g. '${repository(ref)}:<version>').`
        })
      } else if (prohibited.has(ref.tag.toLowerCase())) {
        ctx.report({
          ...atValue(doc, image),
          message: `Service '${svc.name}' uses image '${text}': the tag '${ref.tag}' moves; pin a version (or a digest).`
        })
      }
    }
  }
})
