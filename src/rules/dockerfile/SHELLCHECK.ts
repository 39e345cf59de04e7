import type { Fix, Severity, TextEdit } from '../../core/types.js'
import type { ShellcheckComment } from '../../core/tools.js'
import type { DockerfileDoc } from '../../dockerfile/model.js'
import { defineDockerfileRule } from '../define.js'
import { refutedByContext } from './lib/shellcheck-context.js'
import {
  bodyIndex,
  checkedScripts,
  contiguous,
  fileSpan,
  shellcheckOf,
  type RunScript
} from './lib/shellcheck-script.js'

/**
 * Codes hadolint drops: ash is checked as dash (SC2187), sourced files are not available. And
 * SC3043 (`local` is not POSIX): every `/bin/sh` an image ships (dash, BusyBox ash, bash) has
 * `local`; the precision sample (bench/precision, seed 13) judged all four of its findings false.
 */
const EXCLUDED = new Set([2187, 1090, 1091, 3043])

const POSIX_NOTE =
  ' (this RUN runs under a POSIX `sh`; if the image needs bash features, set `SHELL ["/bin/bash", "-c"]` first)'

const VARIABLE = /^\$\{?([A-Za-z_]\w*)\}?$/

/**
 * Is `name` given a list somewhere the RUN can see: a command's output (`x="$(apt-mark
 * showmanual)"`, backticks) or a value with blanks (`runDeps='gcc make'`, `ENV PKGS="a b"`)?
 * Quoting such a variable turns the list into one argument (`apt-mark manual "$savedAptMark"`).
 */
function holdsList(doc: DockerfileDoc, rs: RunScript, name: string): boolean {
  const value = doc.variables(rs.inst).get(name)
  if (value && /\s/.test(value.trim())) return true
  const assign = new RegExp(
    `(?:^|[\\s;&|(])${name}=("\\$\\(|\\$\\(|\`|"\`|"[^"]*\\s[^"]*"|'[^']*\\s[^']*')`,
    'm'
  )
  return assign.test(rs.body)
}

function toFix(doc: DockerfileDoc, rs: RunScript, c: ShellcheckComment): Fix | undefined {
  if (!c.fix) return undefined
  if (c.code === 2086) {
    const s = bodyIndex(rs, c.line, c.column)
    const e = bodyIndex(rs, c.endLine, c.endColumn)
    const name =
      s === undefined || e === undefined ? undefined : VARIABLE.exec(rs.body.slice(s, e))?.[1]
    if (name && holdsList(doc, rs, name)) return undefined
  }
  const edits: TextEdit[] = []
  for (const r of c.fix.replacements) {
    const s = bodyIndex(rs, r.line, r.column)
    const e = bodyIndex(rs, r.endLine, r.endColumn)
    if (s === undefined || e === undefined || e < s || !contiguous(rs, s, e)) return undefined
    const [start, end] = fileSpan(rs, s, e)
    edits.push({ range: doc.span(start, end).range, text: r.replacement })
  }
  if (edits.length === 0) return undefined
  return {
    description: `Apply ShellCheck's suggested edit for SC${c.code} (e.g. quoting stops word splitting and globbing; check that none was intended).`,
    safe: false,
    edits
  }
}

export const SHELLCHECK = defineDockerfileRule({
  id: 'SHELLCHECK',
  aliases: [],
  severity: 'warning',
  fixable: true,
  description:
    'ShellCheck findings (SC codes) in shell-form and heredoc RUN instructions, at their exact position.',
  check(doc, ctx) {
    const shellcheck = shellcheckOf(ctx)
    if (!shellcheck) return
    // Scripts ShellCheck did not check are DR0010's to report.
    for (const { rs, comments } of checkedScripts(doc, shellcheck)) {
      for (const c of comments) {
        if (EXCLUDED.has(c.code)) continue
        const s = bodyIndex(rs, c.line, c.column)
        if (s === undefined) continue
        if (refutedByContext(doc, rs, c, s)) continue
        const e = Math.max(s, bodyIndex(rs, c.endLine, c.endColumn) ?? s)
        const [start, end] = fileSpan(rs, s, e)
        const posix = c.code >= 3000 && c.code < 4000 && /^#!\/bin\/(sh|dash)\n/.test(rs.script)
        ctx.report({
          rule: `SC${c.code}`,
          severity: c.level as Severity,
          message: c.message + (posix ? POSIX_NOTE : ''),
          range: doc.span(start, end).range,
          fix: toFix(doc, rs, c)
        })
      }
    }
  }
})
