import type { ShellcheckComment } from '../../../core/tools.js'
import { stageDistro } from '../../../dockerfile/distro.js'
import type { DockerfileDoc } from '../../../dockerfile/model.js'
import type { RunScript } from './shellcheck-script.js'

/**
 * What ShellCheck cannot know about a RUN and the Dockerfile model does: which `/bin/sh` the image
 * has and which variables the Dockerfile sets. A ShellCheck comment the context proves wrong is not
 * reported. Each class was measured (bench/precision/shellcheck-codes-21.tsv):
 *
 * - SC2115 (`rm -rf "$dir/"*` with an empty variable): both corpus findings were on an ARG with a
 *   non-empty default (`ARG WEB_DIR=/usr/local/tomcat/webapps`).
 * - SC3xxx ("in POSIX sh, X is undefined") under the default `/bin/sh`: on RHEL-family images
 *   /bin/sh is bash, and Alpine's BusyBox ash has `[[ ]]`, `&>`, `set -o pipefail` and `echo -e`
 *   (28 of the 32 drawn SC3010/SC3020/SC3037/SC3040/SC3053 findings were FP, mostly these).
 *   `echo -n` (and the external `/bin/echo`) works under every sh an image ships.
 */

/** SC3xxx codes for features Alpine's BusyBox ash (ASH_BASH_COMPAT, FANCY_ECHO) has. */
const BUSYBOX_ASH: ReadonlySet<number> = new Set([3010, 3020, 3037, 3040])

const VARIABLE = /^"?\$\{?([A-Za-z_]\w*)/

/** Does the body assign `name` itself (`name=…`, `read name`, `for name in`, `export name=`)? */
function assigns(body: string, name: string): boolean {
  return new RegExp(`(^|[\\s;&|(])${name}=|\\b(read|for)\\s+(-\\w+\\s+)*${name}\\b`, 'm').test(body)
}

/** `rm -rf ${DIR}/*` where DIR is an ARG or ENV with a non-empty value the script keeps. */
function setVariable(doc: DockerfileDoc, rs: RunScript, flagged: string): boolean {
  const name = VARIABLE.exec(flagged)?.[1]
  if (!name) return false
  const value = doc.variables(rs.inst).get(name)
  return typeof value === 'string' && value.trim() !== '' && !assigns(rs.body, name)
}

/** `echo -n` (every sh has it) or the external `/bin/echo` (GNU or BusyBox: both take -e). */
function portableEcho(rs: RunScript, at: number): boolean {
  const flags = /^(-[neE]+\s+)+/.exec(rs.body.slice(at))?.[0] ?? ''
  if (flags !== '' && !/[eE]/.test(flags)) return true
  return /(^|[\s;&|(])\/(usr\/)?bin\/echo\s+$/.test(rs.body.slice(Math.max(0, at - 40), at))
}

/** An SC3xxx comment on a `/bin/sh` RUN whose image's sh has the feature. */
function shHasIt(rs: RunScript, c: ShellcheckComment, at: number): boolean {
  if (!rs.script.startsWith('#!/bin/sh\n')) return false
  if (c.code === 3037 && portableEcho(rs, at)) return true
  const family = stageDistro(rs.inst.stage).family
  if (family === 'rhel') return true
  // Alpine's build of BusyBox; other builds (the busybox image, Debian's) may lack the bash compat.
  if (family !== 'alpine') return false
  if (c.code === 3040) return /pipefail/.test(c.message)
  return BUSYBOX_ASH.has(c.code)
}

/** Is this ShellCheck comment, starting at body index `at`, wrong for this RUN? */
export function refutedByContext(
  doc: DockerfileDoc,
  rs: RunScript,
  c: ShellcheckComment,
  at: number
): boolean {
  if (c.code === 2115) return setVariable(doc, rs, rs.body.slice(at))
  if (c.code >= 3000 && c.code < 4000) return shHasIt(rs, c, at)
  return false
}
