import { isScalar } from 'yaml'
import { replaceEdit, replaceScalar, spliceable } from '../../compose/edits.js'
import { hasVariable, scanVariables } from '../../compose/interpolation.js'
import { get, str, valSpan, type ScalarVal } from '../../compose/model.js'
import type { Fix } from '../../core/types.js'
import type { ComposeDoc } from '../../parse/compose.js'
import { defineComposeRule } from '../define.js'
import { atValue } from './lib/report.js'
import { localServices } from './lib/services.js'

/** Variable names that hold credentials (the name ends with the secret word). */
const SECRET_NAME =
  /(^|_)(PASSWORD|PASSWD|PASS|PWD|SECRET|SECRET_KEY|SECRET_KEY_BASE|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|AUTH_?KEY|CLIENT_SECRET|CREDENTIALS?|ENCRYPTION_KEY|SIGNING_KEY|MASTER_KEY)$/i
/** Values that are settings about a secret (flags), not a secret. */
const NOT_A_SECRET = /^(true|false|yes|no|on|off|null|none|~|0|1|)$/i
/** `scheme://user:password@host` with a literal password. */
const URL_CREDENTIALS = /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:([^\s@/]+)@/i

type Verdict =
  /** The value is the secret. */
  | { kind: 'literal'; variable: string }
  /** `${VAR:-secret}`: the fallback is committed with the file. */
  | { kind: 'default'; variable: string }
  /** A URL with a literal password (no mechanical fix). */
  | { kind: 'url' }

/**
 * Credentials written into the compose file (which ends up in git): `POSTGRES_PASSWORD: hunter2`,
 * `- API_TOKEN=abc`, a literal fallback `${DB_PASS:-hunter2}`, or a URL with a password. The fix
 * replaces the literal with `${NAME:?}`, so the value comes from the environment or an
 * uncommitted `.env`, and Compose refuses to start without it.
 */
export const DC1008 = defineComposeRule({
  id: 'DC1008',
  aliases: ['CL-0020', 'CL-0021'],
  severity: 'error',
  fixable: true,
  description:
    'A literal secret (password, token, key) in the compose file; take it from the environment or secrets:.',
  check(doc, ctx) {
    for (const svc of localServices(doc)) {
      const env = get(svc.value, 'environment')
      const pairs: { name: string; value: string; val: ScalarVal; offset: number }[] = []
      if (env?.kind === 'map') {
        for (const [name, entry] of env.entries) {
          const text = str(entry.value)
          if (entry.value.kind === 'scalar' && text !== undefined)
            pairs.push({ name, value: text, val: entry.value, offset: -1 })
        }
      } else if (env?.kind === 'seq') {
        for (const item of env.items) {
          const text = str(item)
          const eq = text?.indexOf('=') ?? -1
          if (item.kind === 'scalar' && text !== undefined && eq > 0)
            pairs.push({
              name: text.slice(0, eq).trim(),
              value: text.slice(eq + 1),
              val: item,
              offset: eq + 1
            })
        }
      }
      for (const p of pairs) {
        const verdict = judge(p.name, p.value)
        if (!verdict) continue
        const where = `'${p.name}' of service '${svc.name}'`
        if (verdict.kind === 'url') {
          ctx.report({
            ...atValue(doc, p.val),
            message: `${where} holds a URL with a literal password; take the password from the environment (\${VAR:?}) or use secrets:.`
          })
          continue
        }
        const replacement = `\${${verdict.variable}:?}`
        ctx.report({
          ...atValue(doc, p.val),
          message:
            verdict.kind === 'literal'
              ? `${where} is a literal secret in the file; take it from the environment ('${replacement}') or use secrets:.`
              : `${where} falls back to a literal secret when ${verdict.variable} is unset; require the variable instead ('${replacement}').`,
          fix: fixFor(doc, p.val, p.offset, replacement, verdict.variable)
        })
      }
    }
  }
})

function judge(name: string, value: string): Verdict | undefined {
  if (SECRET_NAME.test(name)) {
    if (isLiteralSecret(value)) return { kind: 'literal', variable: name }
    const { refs } = scanVariables(value)
    const r = refs[0]
    if (
      refs.length === 1 &&
      r.start === 0 &&
      r.end === value.length &&
      (r.operator === ':-' || r.operator === '-') &&
      isLiteralSecret(r.argument)
    )
      return { kind: 'default', variable: r.name }
  }
  const m = URL_CREDENTIALS.exec(value)
  return m && !hasVariable(m[1]) ? { kind: 'url' } : undefined
}

function isLiteralSecret(value: string): boolean {
  const v = value.trim()
  if (NOT_A_SECRET.test(v) || hasVariable(v)) return false
  // A path to a secret file (`/run/secrets/db`, `./secrets/key`) is the recommended pattern.
  return !/^(\/|\.\/|~\/)/.test(v)
}

/** Replace the whole value (map form), or the part after `KEY=` (list form, `offset` ≥ 0). */
function fixFor(
  doc: ComposeDoc,
  val: ScalarVal,
  offset: number,
  replacement: string,
  variable: string
): Fix | undefined {
  const node = val.node
  if (val.doc !== doc || !isScalar(node)) return undefined
  const fix = (edit: ReturnType<typeof replaceEdit>): Fix => ({
    description: `Replace the literal with ${replacement} (set ${variable} in the environment or an uncommitted .env; Compose refuses to start without it).`,
    safe: false,
    edits: [edit]
  })
  if (offset < 0) {
    const style = node.type === 'QUOTE_SINGLE' || node.type === 'QUOTE_DOUBLE' ? node.type : 'PLAIN'
    const edit = replaceScalar(doc, node, replacement, style)
    return edit ? fix(edit) : undefined
  }
  if (!spliceable(doc, node)) return undefined
  const [start, end] = valSpan(val)
  const quote = node.type === 'PLAIN' ? 0 : 1
  return fix(replaceEdit(doc, start + quote + offset, end - quote, replacement))
}
