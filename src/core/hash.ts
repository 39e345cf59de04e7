import type * as Crypto from 'node:crypto'
import { createRequire } from 'node:module'

/**
 * SHA-256 in hex. `node:crypto` is fetched on the first call, not imported: loading it costs
 * ~7 ms on Node 24, and a lint that prints no fingerprint (a one-file pre-commit run) never needs it.
 */
export function sha256Hex(text: string): string {
  // process.getBuiltinModule: Node ≥ 20.16; the package supports ≥ 20.9.
  crypto ??=
    (process.getBuiltinModule as typeof process.getBuiltinModule | undefined)?.('node:crypto') ??
    (createRequire(import.meta.url)('node:crypto') as typeof Crypto)
  return crypto.createHash('sha256').update(text).digest('hex')
}
let crypto: typeof Crypto | undefined
