/**
 * A value computed on first use and kept. Schema validators are compiled this way so that starting
 * the action or the CLI (which may never validate a compose file) does not pay for compiling them.
 */
export function lazy<T>(make: () => T): () => T {
  let made = false
  let value: T
  return () => {
    if (!made) {
      value = make()
      made = true
    }
    return value
  }
}
