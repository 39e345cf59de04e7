import { readList, splitField } from './list.js'

/** One `images` entry, the name as written. */
export interface ImageEntry {
  name: string
  enable: boolean
}

/**
 * Parse the `images` input. A single line without `=` is a comma-separated list of names
 * (`a/one,b/two`); otherwise each line is `name=<n>[,enable=true|false]` or a bare name first.
 */
export function parseImages(text: string): ImageEntry[] {
  const entries = readList(text, 'images')
  if (entries.length === 1 && entries[0].fields.every((f) => !f.includes('='))) {
    return entries[0].fields.filter((f) => f !== '').map((name) => checked(name, entries[0].line))
  }
  return entries.map((entry) => {
    const fail = (why: string): never => {
      throw new Error(`images entry "${entry.line}": ${why}`)
    }
    let name: string | undefined
    let enable = true
    for (const field of entry.fields) {
      const kv = splitField(field) ?? { key: 'name', value: field }
      if (kv.key === 'name') {
        if (name !== undefined) fail('more than one name')
        name = kv.value
      } else if (kv.key === 'enable') {
        if (kv.value !== 'true' && kv.value !== 'false') {
          fail(`enable must be true or false, got "${kv.value}"`)
        }
        enable = kv.value === 'true'
      } else {
        fail(`unknown key "${kv.key}" (known: name, enable)`)
      }
    }
    return { ...checked(name ?? '', entry.line), enable }
  })
}

function checked(name: string, line: string): ImageEntry {
  const fail = (why: string): never => {
    throw new Error(`images entry "${line}": ${why}`)
  }
  if (name === '') fail('empty image name')
  if (/\s/.test(name)) fail(`image name "${name}" contains whitespace`)
  const last = name.slice(name.lastIndexOf('/') + 1)
  if (last.includes(':') || name.includes('@')) {
    fail(`image name "${name}" must not carry a tag or digest (tags are computed)`)
  }
  return { name, enable: true }
}

/** The names to tag: enabled images, lower-cased (registries reject upper-case repository names). */
export function imageNames(images: ImageEntry[]): string[] {
  return [...new Set(images.filter((i) => i.enable).map((i) => i.name.toLowerCase()))]
}
