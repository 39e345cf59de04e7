import { defineDockerfileRule } from '../define.js'
import { deleteFlag } from './lib/commands.js'

export const DL3029 = defineDockerfileRule({
  id: 'DL3029',
  aliases: ['FromPlatformFlagConstDisallowed'],
  severity: 'warning',
  fixable: true,
  description: 'Do not use `--platform` flag with `FROM`.',
  check(doc, ctx) {
    for (const stage of doc.stages) {
      const flag = stage.from.flags.find((f) => f.name === 'platform')
      if (!flag || flag.value === null) continue
      // `$BUILDPLATFORM` / `$TARGETPLATFORM` (any spelling) follow the build; constants do not.
      if (/BUILDPLATFORM|TARGETPLATFORM/.test(flag.value)) continue
      // BuildKit: a stage named after its platform (`AS build-arm64`) pins it on purpose.
      const [os, arch] = flag.value.toLowerCase().split('/')
      const name = stage.name ?? ''
      if (name && ((os && name.includes(os)) || (arch && name.includes(arch)))) continue
      ctx.report({
        message: `\`FROM --platform=${flag.value}\` pins the platform: the image no longer follows \`docker build --platform\` (use \`$BUILDPLATFORM\`/\`$TARGETPLATFORM\`, or drop the flag).`,
        range: flag.range,
        fix: {
          description:
            'Remove the `--platform` flag (the stage is then built for the target platform of the build instead of the fixed one).',
          safe: false,
          edits: [deleteFlag(doc, flag)]
        }
      })
    }
  }
})
