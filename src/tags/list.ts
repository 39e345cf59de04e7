import { parse } from 'csv-parse/sync'

/** One entry of a list input: the line as written and its CSV fields, each trimmed. */
export interface ListEntry {
  line: string
  fields: string[]
}

/**
 * Split a list input (`images`, `tags`, `flavor`, `labels`, `annotations`) into entries: one entry
 * a line, blank lines and lines starting with `#` dropped. Each line is read as CSV exactly once
 * (quotes group a field that holds a comma), so `"pattern=^v\d{1,2}"` reaches the tag grammar
 * intact — metadata-action parses twice and loses it.
 */
export function readList(text: string, input: string): ListEntry[] {
  const entries: ListEntry[] = []
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) continue
    entries.push({ line, fields: csvFields(line, input) })
  }
  return entries
}

function csvFields(line: string, input: string): string[] {
  let rows: string[][]
  try {
    rows = parse(line, { relax_quotes: true, relax_column_count: true, skip_empty_lines: true })
  } catch (e) {
    throw new Error(`${input}: cannot read entry "${line}": ${(e as Error).message}`, { cause: e })
  }
  return (rows[0] ?? []).map((f) => f.trim())
}

/**
 * A list entry as one text: the fields joined back with `,` (what `labels` and `annotations`
 * entries are, and what metadata-action hands on).
 */
export function entryText(entry: ListEntry): string {
  return entry.fields.join(',').trim()
}

/** Split `key=value` at the first `=`; the key is trimmed and lower-cased. */
export function splitField(field: string): { key: string; value: string } | undefined {
  const at = field.indexOf('=')
  if (at < 0) return undefined
  return { key: field.slice(0, at).trim().toLowerCase(), value: field.slice(at + 1).trim() }
}
