import { defineDockerfileRule } from '../define.js'
import { finalChain, imageRole, isWindowsImage } from '../../dockerfile/stages.js'
import { inherited } from '../../dockerfile/parents.js'

/** Images that already run as a non-root user. */
const NON_ROOT_IMAGE =
  /nonroot|non-root|rootless|unprivileged|^(docker\.io\/)?bitnami\/|^cgr\.dev\/chainguard\//i
/**
 * Servers whose master process starts as root and runs its workers as an unprivileged user
 * (php-fpm pools, Apache httpd, nginx): the official images are built that way on purpose.
 */
const DROPPING_SERVER = /^(php:.*(fpm|apache)|httpd:|nginx:|nginxinc\/nginx-unprivileged)/i
/** `USER root`, `USER 0`, `USER root:root`. */
const ROOT_USER = /^(root|0)(:|$)/
/** The same servers started by the image's own command (an official image built from Debian). */
const DROPPING_COMMAND =
  /^\s*(\[\s*")?(\S*\/)?(php-fpm[\d.]*|httpd-foreground|apache2-foreground|nginx)\b/
/** Privilege drop at run time (`gosu app …` in the entrypoint, as official images do). */
const DROPS_PRIVILEGES = /\b(gosu|su-exec|setpriv|s6-setuidgid|chpst|runuser)\b/

export const DR1004 = defineDockerfileRule({
  id: 'DR1004',
  aliases: ['AVD-DS-0002', 'CKV_DOCKER_3'],
  severity: 'warning',
  description: 'The final stage never sets USER, so the container runs as root.',
  check(doc, ctx) {
    if (imageRole(doc) !== 'application' || doc.escape === '`') return
    const chain = finalChain(doc)
    if (chain.length === 0) return
    const root = chain[chain.length - 1].image
    if (root.unresolved || isWindowsImage(root)) return
    const ref = `${root.registry ? `${root.registry}/` : ''}${root.name}:${root.tag ?? ''}`
    if (
      NON_ROOT_IMAGE.test(ref) ||
      DROPPING_SERVER.test(ref.replace(/^(docker\.io\/)?(library\/)?/, ''))
    )
      return
    // A parent built in this repository (a compose or bake file names its image) that switches to
    // a non-root user, or starts from an image that does, passes it on.
    const parent = inherited(doc, chain[chain.length - 1], ctx.workspace)
    if (parent.user !== undefined && !ROOT_USER.test(parent.user)) return
    if (parent.user === undefined && parent.baseImage && NON_ROOT_IMAGE.test(parent.baseImage))
      return
    for (const stage of chain) {
      for (const inst of stage.instructions) {
        const target = inst.trigger ?? inst
        if (target.keyword === 'USER') return
        if (
          ['RUN', 'ENTRYPOINT', 'CMD'].includes(target.keyword) &&
          DROPS_PRIVILEGES.test(target.text)
        )
          return
        if (target.keyword === 'CMD' && DROPPING_COMMAND.test(target.text)) return
      }
    }
    // A `FROM scratch` stage without CMD/ENTRYPOINT is an artifact for `--output`, not a container.
    const runnable = chain.some((s) =>
      s.instructions.some((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT')
    )
    if (!runnable && root.name.toLowerCase() === 'scratch') return
    const from = chain[0].from
    ctx.report({
      message:
        'The final stage never sets USER, so the container runs as root: a compromised process then has root in the container and an easier way out. Create a user and switch to it (`RUN useradd --system app` … `USER app`).',
      range: doc.span(from.start, from.keywordSpan.end).range
    })
  }
})
