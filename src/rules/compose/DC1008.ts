import { isScalar, type Scalar } from 'yaml'
import { replaceEdit, replaceScalar, spliceable } from '../../compose/edits.js'
import { hasVariable } from '../../compose/interpolation.js'
import { get, str, valSpan, type Val } from '../../compose/model.js'
import type { Fix } from '../../core/types.js'
import type { ComposeDoc } from '../../parse/compose.js'
import { defineComposeRule } from '../define.js'
import { reporter } from './lib/report.js'
import { localServices } from './lib/services.js'

/** Variable names that hold credentials (the name ends with the secret word). */
const SECRET_NAME =
  /(^|_)(PASSWORD|PASSWD|PASS|PWD|SECRET|SECRET_KEY|SECRET_KEY_BASE|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|AUTH_?KEY|CLIENT_SECRET|CREDENTIALS?|ENCRYPTION_KEY|SIGNING_KEY|MASTER_KEY)$/i
/** Values that are settings about a secret, not a secret. */
const NOT_A_SECRET = /^(true|false|yes|no|on|off|null|none|~|)$/i
/** `scheme://user:password@host` with a literal password. */
const URL_CREDENTIALS = /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:([^\s@/]+)@/i

/**
 * Credentials written into the compose file (which ends up in git): `POSTGRES_PASSWORD: hunter2`,
 * `- API_TOKEN=abc`, or a URL with a password. The fix replaces the literal with `${NAME:?}`, so
 * the value comes from the environment or an uncommitted `.env`, and Compose refuses to start
 * without it.
 */
export const DC1008 = defineComposeRule({
  id: 'DC1008',
  aliases: ['CL-0020', 'CL-0021'],
  severity: 'error',
  fixable: true,
  description:
    'A literal secret (password, token, key) in the compose file; take it from the environment or secrets:.',
  check(doc, ctx) {
    const report = reporter(doc, ctx)
    for (const svc of localServices(doc)) {
      const env = get(svc.value, 'environment')
      if (env?.kind === 'map') {
        for (const [name, entry] of env.entries) {
          const value = entry.value
          const text = str(value)
          if (value.kind !== 'scalar' || text === undefined) continue
          if (SECRET_NAME.test(name) && isLiteralSecret(text)) {
            report.value(
              value,
              `'${name}' of service '${svc.name}' is a literal secret in the file; take it from the environment ('\${${name}:?}') or use secrets:.`,
              mapFix(doc, value, name)
            )
          } else if (urlPassword(text)) {
            report.value(value, urlMessage(name, svc.name))
          }
        }
      } else if (env?.kind === 'seq') {
        for (const item of env.items) {
          const text = str(item)
          if (item.kind !== 'scalar' || text === undefined) continue
          const eq = text.indexOf('=')
          if (eq <= 0) continue
          const name = text.slice(0, eq).trim()
          const secret = text.slice(eq + 1)
          if (SECRET_NAME.test(name) && isLiteralSecret(secret)) {
            report.value(
              item,
              `'${name}' of service '${svc.name}' is a literal secret in the file; take it from the environment ('${name}=\${${name}:?}') or use secrets:.`,
              listFix(doc, item.node, name, eq)
            )
          } else if (urlPassword(secret)) {
            report.value(item, urlMessage(name, svc.name))
          }
        }
      }
    }
  }
})

function isLiteralSecret(value: string): boolean {
  const v = value.trim()
  if (NOT_A_SECRET.test(v) || hasVariable(v)) return false
  // A path to a secret file (`/run/secrets/db`, `./secrets/key`) is the recommended pattern.
  return !/^(\/|\.\/|~\/)/.test(v)
}

function urlPassword(value: string): boolean {
  const m = URL_CREDENTIALS.exec(value)
  return m !== null && !hasVariable(m[1])
}

function urlMessage(name: string, service: string): string {
  return `'${name}' of service '${service}' holds a URL with a literal password; take the password from the environment (\${VAR:?}) or use secrets:.`
}

function fixOf(name: string, edit: ReturnType<typeof replaceEdit>): Fix {
  return {
    description: `Replace the literal with \${${name}:?} (set ${name} in the environment or an uncommitted .env; Compose refuses to start without it).`,
    safe: false,
    edits: [edit]
  }
}

function mapFix(doc: ComposeDoc, value: Val, name: string): Fix | undefined {
  if (value.doc !== doc || !isScalar(value.node)) return undefined
  const node = value.node as Scalar
  const style = node.type === 'QUOTE_SINGLE' || node.type === 'QUOTE_DOUBLE' ? node.type : 'PLAIN'
  const edit = replaceScalar(doc, node, `\${${name}:?}`, style)
  return edit ? fixOf(name, edit) : undefined
}

function listFix(doc: ComposeDoc, node: unknown, name: string, eq: number): Fix | undefined {
  if (!isScalar(node) || !spliceable(doc, node)) return undefined
  const [start, end] = valSpan({ kind: 'scalar', doc, node, value: node.value })
  const quote = node.type === 'PLAIN' ? 0 : 1
  const from = start + quote + eq + 1
  return fixOf(name, replaceEdit(doc, from, end - quote, `\${${name}:?}`))
}
