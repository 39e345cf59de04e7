import { readList, splitField, type ListEntry } from './list.js'

export const TAG_TYPES = [
  'schedule',
  'semver',
  'pep440',
  'match',
  'edge',
  'ref',
  'raw',
  'sha'
] as const
export type TagType = (typeof TAG_TYPES)[number]

export const REF_EVENTS = ['branch', 'tag', 'pr'] as const
export type RefEvent = (typeof REF_EVENTS)[number]

/** Priority of each type when the entry gives none; higher runs first. */
export const DEFAULT_PRIORITIES: Record<TagType, string> = {
  schedule: '1000',
  semver: '900',
  pep440: '900',
  match: '800',
  edge: '700',
  ref: '600',
  raw: '200',
  sha: '100'
}

const COMMON_ATTRS = ['type', 'enable', 'priority', 'prefix', 'suffix']

/** Attributes each type accepts besides the common ones. Anything else is an error. */
const TYPE_ATTRS: Record<TagType, string[]> = {
  schedule: ['pattern'],
  semver: ['pattern', 'value', 'match'],
  pep440: ['pattern', 'value', 'match'],
  match: ['pattern', 'group', 'value'],
  edge: ['branch'],
  ref: ['event'],
  raw: ['value'],
  sha: ['format']
}

/** One `tags` entry: its type and attributes (strings, defaults filled in), and the text it came from. */
export interface TagEntry {
  type: TagType
  attrs: Record<string, string>
  source: string
}

/** Parse the `tags` input: every entry, sorted by priority (highest first, input order kept on ties). */
export function parseTags(text: string): TagEntry[] {
  return sortByPriority(readList(text, 'tags').map(parseTagEntry))
}

/** Parse one `tags` entry given as text (a single line). */
export function parseTag(line: string): TagEntry {
  const [entry] = readList(line, 'tags')
  if (!entry) throw new Error('tags: empty entry')
  return parseTagEntry(entry)
}

export function sortByPriority(entries: TagEntry[]): TagEntry[] {
  return entries
    .map((entry, index) => ({ entry, index, priority: Number(entry.attrs.priority) }))
    .sort((a, b) => b.priority - a.priority || a.index - b.index)
    .map((x) => x.entry)
}

export function parseTagEntry(entry: ListEntry): TagEntry {
  const fail = (why: string): never => {
    throw new Error(`tags entry "${entry.line}": ${why}`)
  }
  const attrs: Record<string, string> = {}
  for (const field of entry.fields.map(unquote)) {
    if (field === '') continue
    const kv = splitField(field) ?? { key: 'value', value: field }
    if (kv.key in attrs) fail(`attribute "${kv.key}" is given twice`)
    attrs[kv.key] = kv.value
  }
  const type = (attrs.type ?? 'raw').toLowerCase()
  if (!isTagType(type)) fail(`unknown type "${attrs.type}" (known: ${TAG_TYPES.join(', ')})`)
  const tagType = type as TagType
  delete attrs.type
  const allowed = [...COMMON_ATTRS, ...TYPE_ATTRS[tagType]]
  for (const key of Object.keys(attrs)) {
    if (!allowed.includes(key)) {
      fail(
        `unknown attribute "${key}" for type=${tagType} (allowed: ${allowed.slice(1).join(', ')})`
      )
    }
  }
  attrs.priority ??= DEFAULT_PRIORITIES[tagType]
  if (!/^-?\d+$/.test(attrs.priority))
    fail(`priority must be a whole number, got "${attrs.priority}"`)
  attrs.enable ??= 'true'
  completeAttrs(tagType, attrs, fail)
  return { type: tagType, attrs, source: entry.line }
}

function completeAttrs(type: TagType, attrs: Record<string, string>, fail: (why: string) => never) {
  switch (type) {
    case 'schedule':
      if (!attrs.pattern) attrs.pattern = 'nightly'
      break
    case 'semver':
    case 'pep440':
      if (!attrs.pattern) fail(`type=${type} needs a pattern attribute`)
      attrs.value ??= ''
      attrs.match ??= ''
      break
    case 'match':
      if (!attrs.pattern) fail('type=match needs a pattern attribute')
      attrs.group ??= '0'
      if (!/^\d+$/.test(attrs.group)) fail(`group must be a number, got "${attrs.group}"`)
      attrs.value ??= ''
      break
    case 'edge':
      attrs.branch ??= ''
      break
    case 'ref':
      if (!attrs.event) fail(`type=ref needs event=${REF_EVENTS.join('|')}`)
      attrs.event = attrs.event.toLowerCase()
      if (!(REF_EVENTS as readonly string[]).includes(attrs.event)) {
        fail(`unknown event "${attrs.event}" (known: ${REF_EVENTS.join(', ')})`)
      }
      if (attrs.event === 'pr') attrs.prefix ??= 'pr-'
      break
    case 'raw':
      if (!attrs.value) fail('type=raw needs a value')
      break
    case 'sha':
      attrs.prefix ??= 'sha-'
      attrs.format ??= 'short'
      if (attrs.format !== 'short' && attrs.format !== 'long') {
        fail(`format must be short or long, got "${attrs.format}"`)
      }
      break
  }
}

function isTagType(type: string): type is TagType {
  return (TAG_TYPES as readonly string[]).includes(type)
}

/**
 * Drop one level of surrounding double quotes. metadata-action users write `"""pattern=a{1,2}"""`
 * to survive its double CSV parse; read once, that leaves `"pattern=a{1,2}"`, which means the same.
 */
function unquote(field: string): string {
  return field.length >= 2 && field.startsWith('"') && field.endsWith('"')
    ? field.slice(1, -1).trim()
    : field
}

/** Is a semver/pep440 pattern exactly `{{raw}}` (spaces allowed)? Prereleases then keep the raw tag. */
export function isRawStatement(pattern: string): boolean {
  return /^\{\{\s*raw\s*\}\}$/.test(pattern.trim())
}
