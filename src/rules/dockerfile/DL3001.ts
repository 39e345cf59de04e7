import { defineDockerfileRule } from '../define.js'
import { commandsNamed } from '../../dockerfile/runs.js'

/** Commands that make no sense while building an image, and why. */
const POINTLESS: Record<string, string> = {
  free: 'shows the memory of the build container, which tells nothing about where the image runs',
  kill: 'only sees processes of this RUN; nothing else is running during a build',
  mount: 'needs privileges a build does not have, and mounts do not survive the RUN',
  ps: 'only sees processes of this RUN; nothing else is running during a build',
  service: 'starts a daemon that dies when the RUN ends; start services in CMD/ENTRYPOINT',
  shutdown: 'there is no system to shut down in a build',
  ssh: 'an interactive remote login has no place in a build (use `RUN --mount=type=ssh` for git)',
  top: 'is interactive and only sees processes of this RUN',
  vim: 'is an interactive editor; a build has no terminal'
}

export const DL3001 = defineDockerfileRule({
  id: 'DL3001',
  aliases: [],
  severity: 'info',
  perInstruction: true,
  description:
    'For some bash commands it makes no sense running them in a Docker container like ssh, vim, shutdown, service, ps, free, top, kill, mount, ifconfig.',
  check(doc, ctx) {
    for (const { cmd } of commandsNamed(doc, ...Object.keys(POINTLESS))) {
      const word = cmd.words[0]
      ctx.report({
        message: `\`${cmd.name}\` ${POINTLESS[word.value.replace(/^.*\//, '')]}.`,
        range: doc.span(word.start, word.end).range
      })
    }
  }
})
