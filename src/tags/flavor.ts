import { readList, splitField } from './list.js'

export type LatestMode = 'auto' | 'true' | 'false'

/** The `flavor` input: how `latest` is decided and the global prefix/suffix. */
export interface Flavor {
  latest: LatestMode
  prefix: string
  /** Does `prefix` also go on the `latest` tag? */
  prefixLatest: boolean
  suffix: string
  suffixLatest: boolean
}

export const DEFAULT_FLAVOR: Flavor = {
  latest: 'auto',
  prefix: '',
  prefixLatest: false,
  suffix: '',
  suffixLatest: false
}

/**
 * Parse the `flavor` input: lines of `latest=auto|true|false`, `prefix=<s>[,onlatest=true]`,
 * `suffix=<s>[,onlatest=true]`. `onlatest` applies to the prefix or suffix before it on its line.
 */
export function parseFlavor(text: string): Flavor {
  const flavor = { ...DEFAULT_FLAVOR }
  for (const entry of readList(text, 'flavor')) {
    const fail = (why: string): never => {
      throw new Error(`flavor entry "${entry.line}": ${why}`)
    }
    let last: 'prefix' | 'suffix' | undefined
    for (const field of entry.fields) {
      const kv = splitField(field) ?? fail(`"${field}" is not key=value`)
      switch (kv.key) {
        case 'latest':
          if (kv.value !== 'auto' && kv.value !== 'true' && kv.value !== 'false') {
            fail(`latest must be auto, true or false, got "${kv.value}"`)
          }
          flavor.latest = kv.value as LatestMode
          break
        case 'prefix':
        case 'suffix':
          flavor[kv.key] = kv.value
          last = kv.key
          break
        case 'onlatest': {
          if (kv.value !== 'true' && kv.value !== 'false') {
            fail(`onlatest must be true or false, got "${kv.value}"`)
          }
          if (!last) fail('onlatest must follow prefix= or suffix= on the same line')
          flavor[last === 'prefix' ? 'prefixLatest' : 'suffixLatest'] = kv.value === 'true'
          break
        }
        default:
          fail(`unknown key "${kv.key}" (known: latest, prefix, suffix, onlatest)`)
      }
    }
  }
  return flavor
}
