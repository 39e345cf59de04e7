import type { FileResult } from '../lint/engine.js'
import type { Severity } from '../core/types.js'

/**
 * `--format checkstyle`: Checkstyle's XML report (what ESLint, ShellCheck and hadolint write under
 * that name; read by Jenkins' warnings-ng, reviewdog `-f=checkstyle`, Sonar and others). Every
 * linted file has a `<file>` element, clean ones empty. Attribute values are escaped, and
 * characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates) are written as
 * `\xNN` / `\uNNNN` text. Pure.
 */

const SEVERITY: Record<Severity, 'error' | 'warning' | 'info'> = {
  error: 'error',
  warning: 'warning',
  info: 'info',
  style: 'info'
}

const SOURCE_PREFIX = 'docker-review.'

/** Characters XML 1.0 cannot carry, even as character references; lone surrogates too. */
const NOT_XML = new RegExp(
  // eslint-disable-next-line no-control-regex -- matching the forbidden characters is the point
  '[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\ufffe\\uffff]|[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]',
  'g'
)

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;'
}

/** An attribute value: escaped, whitespace kept (a raw newline would be normalised to a space). */
export function xmlAttribute(value: string): string {
  return value
    .replace(NOT_XML, (c) => {
      const code = c.charCodeAt(0)
      return code < 0x100
        ? `\\x${code.toString(16).padStart(2, '0')}`
        : `\\u${code.toString(16).padStart(4, '0')}`
    })
    .replace(/[&<>"'\t\n\r]/g, (c) => ENTITIES[c])
}

export function toCheckstyle(
  results: FileResult[],
  /** Files not (fully) linted: unreadable, binary, a crashed rule. */
  errors: Array<{ file: string; message: string }> = []
): string {
  const files = new Map<string, string[]>()
  const entries = (file: string): string[] => {
    let list = files.get(file)
    if (!list) files.set(file, (list = []))
    return list
  }
  const error = (attrs: Record<string, string | number>): string =>
    `    <error ${Object.entries(attrs)
      .map(([k, v]) => `${k}="${xmlAttribute(String(v))}"`)
      .join(' ')}/>`
  for (const r of results) {
    const list = entries(r.path)
    for (const f of r.findings) {
      list.push(
        error({
          line: f.range.start.line,
          column: f.range.start.column,
          severity: SEVERITY[f.severity],
          message: f.message,
          source: `${SOURCE_PREFIX}${f.rule}`
        })
      )
    }
  }
  for (const e of errors) {
    entries(e.file).push(
      error({
        line: 1,
        severity: 'error',
        message: e.message,
        source: `${SOURCE_PREFIX}not-linted`
      })
    )
  }
  const body = [...files].map(([name, list]) =>
    list.length === 0
      ? `  <file name="${xmlAttribute(name)}"/>`
      : [`  <file name="${xmlAttribute(name)}">`, ...list, '  </file>'].join('\n')
  )
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<checkstyle version="4.3">',
    ...body,
    '</checkstyle>',
    ''
  ].join('\n')
}
