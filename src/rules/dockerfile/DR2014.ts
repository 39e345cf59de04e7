import { defineDockerfileRule } from '../define.js'
import { looksSecret } from './DL3064.js'
import { pairs } from '../../dockerfile/properties.js'

/** BuildKit's word list: a secret-like word as a whole `_`-separated part of the name. */
const SECRET =
  /(?:^|_)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i
const ALLOWED = /(?:^|_)(?:public|file|version)(?:_|$)/i
/** GPG key ids and fingerprints (`ENV GPG_KEY …` in official images) are public. */
const PUBLIC_KEY_ID = /(?:^|_)(?:gpg|pgp)_?keys?(?:_|$)/i

export const DR2014 = defineDockerfileRule({
  id: 'DR2014',
  aliases: ['SecretsUsedInArgOrEnv'],
  severity: 'warning',
  description:
    'An ARG or ENV name looks like a secret by BuildKit’s word list (BuildKit SecretsUsedInArgOrEnv).',
  check(doc, ctx) {
    for (const top of doc.instructions) {
      const inst = top.trigger ?? top
      if (inst.keyword !== 'ARG' && inst.keyword !== 'ENV') continue
      for (const pair of pairs(doc, inst)) {
        if (!SECRET.test(pair.name) || ALLOWED.test(pair.name) || PUBLIC_KEY_ID.test(pair.name))
          continue
        // DL3064 reports hadolint's word list at the same place; one finding per name is enough.
        if (looksSecret(pair.name)) continue
        // A path to a key file names the secret, it does not hold it.
        if (pair.value && /^[\w.${}~-]*\/[^\s]*$/.test(pair.value)) continue
        ctx.report({
          message: `Do not use ${inst.keyword} for sensitive data ('${pair.name}'): its value stays in the image metadata and build history. Use \`RUN --mount=type=secret\` instead.`,
          range: pair.nameSpan.range
        })
      }
    }
  }
})
