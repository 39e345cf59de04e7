/**
 * Keeping the token out of everything the action writes. A token can come back to us inside an
 * error (a proxy or GitHub echoing the request's `Authorization` header, as is or base64-encoded
 * in a Basic credential): every form of it is replaced with `***`. Pure.
 */

export const REDACTED = '***'

/** Shortest secret worth redacting (shorter values would mangle ordinary text). */
const MIN_SECRET = 8

/**
 * The token and the parts of its base64 encodings that appear whatever precedes it (three byte
 * alignments, standard and URL-safe alphabets): `Basic base64("x-access-token:" + token)` holds
 * one of them.
 */
export function secretForms(token: string): string[] {
  if (token.length < MIN_SECRET) return []
  const bytes = Buffer.from(token, 'utf8')
  const forms = new Set<string>([token])
  for (let pad = 0; pad < 3; pad++) {
    const encoded = Buffer.concat([Buffer.alloc(pad), bytes]).toString('base64')
    // Characters that depend only on the token: skip the group shared with the padding, keep
    // whole groups of three token bytes.
    const skip = pad === 0 ? 0 : 4
    const whole = Math.floor((bytes.length - (pad === 0 ? 0 : 3 - pad)) / 3) * 4
    const core = encoded.slice(skip, skip + whole)
    if (core.length >= MIN_SECRET) {
      forms.add(core)
      forms.add(core.replace(/\+/g, '-').replace(/\//g, '_'))
    }
  }
  // Longest first, so a form inside another never leaves a piece of the longer one behind.
  return [...forms].sort((a, b) => b.length - a.length)
}

/** Every form of each secret (see `secretForms`), longest first. */
export function secretFormsOf(secrets: ReadonlyArray<string | undefined>): string[] {
  const forms = new Set<string>()
  for (const secret of secrets) if (secret) for (const form of secretForms(secret)) forms.add(form)
  return [...forms].sort((a, b) => b.length - a.length)
}

/**
 * Credentials of the run that reach the process besides the `token` input: whatever the runner
 * hands a JavaScript action. Their values are redacted like the token's.
 */
export const RUNNER_SECRETS = [
  'GITHUB_TOKEN',
  'INPUT_TOKEN',
  'INPUT_GITHUB-TOKEN',
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN'
] as const

/**
 * Credentials in the shapes git and HTTP clients store them, whoever's they are: the
 * `http.extraheader` that actions/checkout writes into `.git/config` (`AUTHORIZATION: basic …`),
 * and `x-access-token:…@` in a remote URL. Nobody writes these in a Dockerfile or compose file,
 * so replacing them can never break a suggestion.
 */
const CREDENTIAL_SHAPES =
  /(\bauthorization:\s*(?:basic|bearer|token)\s+)[A-Za-z0-9+/=._~-]{8,}|(\bx-access-token:)[^\s@/]{8,}(?=@)/gi

/** `text` with every form of the secrets, and every stored credential, replaced. */
export function redact(text: string, forms: readonly string[]): string {
  let out = text
  for (const form of forms) if (out.includes(form)) out = out.split(form).join(REDACTED)
  if (/authorization:|x-access-token:/i.test(out)) {
    out = out.replace(
      CREDENTIAL_SHAPES,
      (_m, header?: string, user?: string) => `${header ?? user ?? ''}${REDACTED}`
    )
  }
  return out
}

/** Redact every string inside a JSON-like value, in place where possible; returns the value. */
export function redactDeep<T>(value: T, forms: readonly string[], depth = 0): T {
  if (depth > 20) return value
  if (typeof value === 'string') return redact(value, forms) as T
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = redactDeep(value[i], forms, depth + 1)
    return value
  }
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>
    for (const key of Object.keys(record)) {
      try {
        record[key] = redactDeep(record[key], forms, depth + 1)
      } catch {
        // a read-only property: leave it (it is not ours to print)
      }
    }
  }
  return value
}
