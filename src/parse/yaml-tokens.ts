import {
  Composer,
  Parser,
  YAMLParseError,
  type CST,
  type Document,
  type DocumentOptions,
  type ParseOptions,
  type SchemaOptions,
  type ToJSOptions
} from 'yaml'

/**
 * YAML read once, composed many ways. Lexing and parsing into the CST do not depend on any option
 * (only composing into a document does), and they are three quarters of the yaml library's time.
 * Around each Dockerfile, compose files are read by three models with different options (build
 * contexts, local images, parent images): each composes the same tokens, kept for the few texts
 * read last.
 */

type Options = ParseOptions & DocumentOptions & SchemaOptions

/** Texts whose tokens are kept, most recently used last. */
const KEEP = 16
const kept = new Map<string, CST.Token[]>()

function tokensOf(text: string): CST.Token[] {
  let tokens = kept.get(text)
  if (tokens) {
    kept.delete(text)
  } else {
    tokens = Array.from(new Parser().parse(text))
    if (kept.size >= KEEP) kept.delete(kept.keys().next().value!)
  }
  kept.set(text, tokens)
  return tokens
}

/** What `parseDocument(text, options)` gives (its errors not prettified). */
export function yamlDocument(text: string, options: Options = {}): Document.Parsed {
  const composer = new Composer(options)
  let doc: Document.Parsed | undefined
  for (const next of composer.compose(tokensOf(text), true, text.length)) {
    if (!doc) doc = next
    else {
      if (doc.options.logLevel !== 'silent') {
        doc.errors.push(
          new YAMLParseError(
            [next.range[0], next.range[1]],
            'MULTIPLE_DOCS',
            'Source contains multiple documents; please use YAML.parseAllDocuments()'
          )
        )
      }
      break
    }
  }
  return doc!
}

/**
 * What `parse(text, options)` gives, or throws (its first error), but never prints a warning: the
 * library prints those to stderr, quoting the file (an unknown tag such as Compose's `!reset`).
 */
export function yamlValue(text: string, options: Options & ToJSOptions = {}): unknown {
  const doc = yamlDocument(text, options)
  if (doc.errors.length > 0) {
    if (doc.options.logLevel !== 'silent') throw doc.errors[0]
    doc.errors = []
  }
  return doc.toJS(options)
}
