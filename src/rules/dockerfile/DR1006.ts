import type { Workspace } from '../../core/types.js'
import { defineDockerfileRule } from '../define.js'
import {
  contextFiles,
  copiesFromContext,
  buildContextOf,
  dockerignoreOf,
  localSources
} from '../../dockerfile/build-context.js'
import { joinPath } from '../../core/paths.js'

interface SecretKind {
  test: RegExp
  exclude?: RegExp
  /** When the file can be read: does its content really hold a secret? */
  confirm?: RegExp
}

const PRIVATE_KEY = /PRIVATE KEY/
/** Files that hold credentials by name (content confirms where names are ambiguous). */
const SECRETS: SecretKind[] = [
  {
    test: /^\.env(\.(?!example$|sample$|template$|dist$|defaults?$|tpl$)[\w.-]+)?$/i,
    // `.env.sh`, `.env.js`: scripts that read the environment, not dotenv files.
    exclude: /\.(sh|bash|js|mjs|ts|py|rb|php|go|md|txt|example|sample|template)$/i
  },
  { test: /^id_(rsa|dsa|ecdsa|ed25519)$/ },
  { test: /\.(pem|key)$/i, confirm: PRIVATE_KEY },
  { test: /\.(p12|pfx|jks|keystore)$/i },
  { test: /^\.npmrc$/, confirm: /_auth(Token)?\s*=|_password\s*=|:password\s*=/ },
  { test: /^\.pypirc$/, confirm: /password\s*[=:]/i },
  { test: /^\.(netrc|git-credentials|dockercfg|htpasswd)$/ },
  { test: /^credentials(\.json)?$/, confirm: /secret|private_key|aws_secret_access_key/i }
]
/** Test fixtures carry throw-away keys. */
const FIXTURE = /(^|\/)(tests?|testdata|fixtures?|spec|examples?|samples?)\//i

function isSecret(ws: Workspace, file: string): boolean {
  if (FIXTURE.test(file)) return false
  const name = file.split('/').pop() ?? ''
  const kind = SECRETS.find((k) => k.test.test(name) && !k.exclude?.test(name))
  if (!kind) return false
  if (!kind.confirm) return true
  // Names like `.npmrc` or `server.key` are only secrets when the content says so.
  const text = ws.readFile(file)
  return text !== undefined && kind.confirm.test(text)
}

export const DR1006 = defineDockerfileRule({
  id: 'DR1006',
  aliases: [],
  severity: 'error',
  description:
    'COPY/ADD puts a secret file (`.env`, `id_rsa`, private keys, `.npmrc` with a token, `.netrc`, …) into the image.',
  check(doc, ctx) {
    const ws = ctx.workspace
    const dir = buildContextOf(doc.path, ws).dir
    const ignored = dockerignoreOf(doc, ws)
    for (const top of doc.instructions) {
      const inst = top.trigger ?? top
      if (!copiesFromContext(inst)) continue
      for (const source of localSources(inst)) {
        if (!source.token || /[*?[]/.test(source.value)) continue
        if (ignored?.excludes(source.path)) continue
        const full = source.path === '.' ? dir : joinPath(dir, source.path)
        const isDir = ws.listDir(full) !== undefined
        if (!isDir) {
          if (source.path !== '.' && isSecret(ws, full)) {
            ctx.report({
              message: `\`${source.value}\` looks like a secret; once copied it is in an image layer for anyone who can pull the image. Mount it at build time (\`RUN --mount=type=secret\`) or pass it at run time.`,
              range: source.token.range
            })
          }
          continue
        }
        const found = contextFiles(ws, full, source.path === '.' ? (ignored ?? null) : null)
          .map((f) => (source.path === '.' ? f.path : `${source.path}/${f.path}`))
          .filter((p) => !ignored?.excludes(p) && isSecret(ws, joinPath(dir, p)))
        if (found.length === 0) continue
        const list =
          found.slice(0, 5).join(', ') + (found.length > 5 ? `, … (${found.length} files)` : '')
        ctx.report({
          message: `\`${inst.keyword} ${source.value}\` copies secret files from the build context into the image: ${list}. Exclude them in .dockerignore and mount what the build needs with \`RUN --mount=type=secret\`.`,
          range: source.token.range
        })
      }
    }
  }
})
