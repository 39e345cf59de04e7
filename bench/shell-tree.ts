import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { Language, Parser, type Node } from 'web-tree-sitter'
import type { ShellScript, ShellWord } from '../src/parse/shell.js'
import { CommandCollector, failed, unescape } from '../src/parse/shell-common.js'

/**
 * RUN bodies through tree-sitter-bash (WASM, run by web-tree-sitter): the candidate replacement for
 * mvdan/sh of issue 16, read into the same commands and words as the mvdan/sh walker in
 * src/parse/shell.ts, in script coordinates. tree-sitter reports UTF-16 indices for a JavaScript
 * string, which are our offsets, so no byte map is needed. Compared on the corpus by
 * bench/shell-diff.ts, timed by bench/shell-cost.ts and bench/parsers.ts.
 *
 * The grammar's tree differs from the shell's structure in these places, each mapped back here
 * (distinct corpus scripts whose first difference it was before the mapping, of 3,254):
 * - a redirection takes everything before it in an and-or list or pipeline (`a && b >f | c` is
 *   read as `(a && b) >f | c`): chains are flattened and each redirection given back to the
 *   command before it (251 scripts: spans, and `a` taken as piped);
 * - a word is cut after a `$` (`a/$v/b-$v-c` → `a/$v/b-$` `v-c`): adjacent words are joined (33);
 * - `elif` has no `condition` field: a condition is what stands before `then` (19);
 * - `! cmd >f` hangs the redirection on the negation (1);
 * - `[ … ]` is a `test_command` with an expression tree, for the shell a command named `[`;
 * - words after a redirection (`echo >f a b`) are more `destination`s of it: they are arguments;
 * - what follows a here-document's delimiter on its line (`cat <<EOF | sh`) sits inside the
 *   `heredoc_redirect`;
 * - `time cmd` is a command named `time`: the shell times `cmd`.
 * What is not mapped (grammar misreadings, pinned in __tests__/parse/shell-tree.test.ts): `! { …; }`
 * read as a command named `{`, an escaped blank at the start of a word dropped, `fi fi` and
 * `( … ) fi` not parsed, a three-command pipeline joined with the next line when that line
 * redirects, `$"…"` read as an expansion.
 *
 * Loading is asynchronous (WASM): `initTreeSitter()` once before the first `treeSitterScript`.
 */

let parser: Parser | undefined

/** Load the WASM runtime and the bash grammar; idempotent. */
export async function initTreeSitter(): Promise<void> {
  if (parser) return
  const resolve = createRequire(import.meta.url).resolve
  const runtime = readFileSync(resolve('web-tree-sitter/tree-sitter.wasm'))
  await Parser.init({ wasmBinary: runtime } as Parameters<typeof Parser.init>[0])
  const bash = await Language.load(readFileSync(resolve('tree-sitter-bash/tree-sitter-bash.wasm')))
  const p = new Parser()
  p.setLanguage(bash)
  parser = p
}

/** Node types of a word that expand (the word is not literal). */
const EXPANSIONS = new Set([
  'simple_expansion',
  'expansion',
  'command_substitution',
  'arithmetic_expansion',
  'process_substitution'
])
const SUBSTITUTIONS = new Set(['command_substitution', 'process_substitution'])
const REDIRECTS = new Set(['file_redirect', 'heredoc_redirect', 'herestring_redirect'])
const SIMPLE = new Set([
  'command',
  'declaration_command',
  'unset_command',
  'variable_assignment',
  'variable_assignments'
])
const CONDITIONS = new Set(['if_statement', 'elif_clause', 'while_statement'])

export function treeSitterScript(text: string): ShellScript {
  if (!parser) throw new Error('tree-sitter-bash is not loaded: await initTreeSitter() first')
  const tree = parser.parse(text)
  if (!tree) return failed(text, 'tree-sitter did not parse', 0)
  try {
    const root = tree.rootNode
    if (root.hasError) {
      const at = firstError(root)
      return failed(
        text,
        at?.isMissing ? `missing ${at.type}` : 'syntax error',
        at?.startIndex ?? 0
      )
    }
    return new TreeWalker(text).script(root)
  } finally {
    tree.delete()
  }
}

function isPipe(op: string | undefined): boolean {
  return op === '|' || op === '|&'
}

/** tree-sitter's parse alone (no walk): the parser's own share of `treeSitterScript`. */
export function treeSitterParseOnly(text: string): undefined {
  parser!.parse(text)?.delete()
  return undefined
}

/**
 * `! cmd >f`: the grammar hangs the redirection on the negation; the shell on the command (the
 * negation adds nothing to our reading of it).
 */
function unNegated(node: Node | null): Node | null {
  let n = node
  while (n?.type === 'negated_command') n = n.namedChild(n.namedChildCount - 1)
  return n
}

function firstError(node: Node): Node | undefined {
  if (node.type === 'ERROR' || node.isMissing) return node
  for (const c of node.children) {
    if (c && (c.hasError || c.isMissing)) {
      const found = firstError(c)
      if (found) return found
    }
  }
  return undefined
}

/** Quote removal of a word without expansions (`$'…'` keeps its escapes as written). */
function quoteRemoved(raw: string): string {
  let out = ''
  let i = 0
  const n = raw.length
  while (i < n) {
    const c = raw[i]
    if (c === '\\') {
      let j = i
      while (j < n && raw[j] !== "'" && raw[j] !== '"' && raw[j] !== '$')
        j += raw[j] === '\\' ? 2 : 1
      out += unescape(raw.slice(i, Math.min(j, n)), false)
      i = j
    } else if (c === "'" || (c === '$' && raw[i + 1] === "'")) {
      const s = i + (c === '$' ? 2 : 1)
      let j = s
      while (j < n && raw[j] !== "'") j += c === '$' && raw[j] === '\\' ? 2 : 1
      out += raw.slice(s, j)
      i = j + 1
    } else if (c === '"' || (c === '$' && raw[i + 1] === '"')) {
      const s = i + (c === '$' ? 2 : 1)
      let j = s
      while (j < n && raw[j] !== '"') j += raw[j] === '\\' ? 2 : 1
      out += unescape(raw.slice(s, j), true)
      i = j + 1
    } else {
      out += c
      i++
    }
  }
  return out
}

function expands(node: Node): boolean {
  if (EXPANSIONS.has(node.type)) return true
  if (node.childCount === 0) return false
  for (const c of node.children) if (c && expands(c)) return true
  return false
}

class TreeWalker extends CommandCollector {
  script(root: Node): ShellScript {
    this.node(root)
    return this.collected()
  }

  private word(node: Node): ShellWord {
    const start = node.startIndex
    const end = node.endIndex
    const raw = this.text.slice(start, end)
    return expands(node)
      ? { value: raw, raw, literal: false, start, end }
      : { value: quoteRemoved(raw), raw, literal: true, start, end }
  }

  private literal(node: Node): ShellWord {
    const raw = this.text.slice(node.startIndex, node.endIndex)
    return { value: raw, raw, literal: true, start: node.startIndex, end: node.endIndex }
  }

  private children(node: Node): void {
    for (const c of node.children) if (c) this.node(c)
  }

  private node(node: Node): void {
    const type = node.type
    switch (type) {
      case 'command':
      case 'declaration_command':
      case 'unset_command':
      case 'variable_assignment':
      case 'variable_assignments':
        this.simple(node, [])
        return
      case 'redirected_statement': {
        const body = node.childForFieldName('body')?.type
        if (body === 'list' || body === 'pipeline') this.chain(node)
        else this.redirected(node)
        return
      }
      case 'test_command':
        if (node.child(0)?.type === '[') this.bracket(node, [])
        else this.children(node)
        return
      case 'list':
      case 'pipeline':
        this.chain(node)
        return
      case 'subshell':
        this.subshell++
        this.children(node)
        this.subshell--
        return
      case 'heredoc_body':
        // Like the mvdan/sh walker: substitutions in a here-document body are not read.
        return
      default:
        break
    }
    if (SUBSTITUTIONS.has(type)) {
      const { subshell, conditional } = this
      this.subshell = this.conditional = 0
      this.substituted++
      this.children(node)
      this.substituted--
      this.subshell = subshell
      this.conditional = conditional
      return
    }
    if (CONDITIONS.has(type)) {
      // The condition: what stands before `then` (`elif` has no `condition` field) or the body.
      let cond = true
      for (const c of node.children) {
        if (!c) continue
        if (c.type === 'then' || c.type === 'do_group') cond = false
        if (cond) this.conditional++
        this.node(c)
        if (cond) this.conditional--
      }
      return
    }
    if (node.childCount > 0) this.children(node)
  }

  /**
   * An and-or list or pipeline. The grammar lets a redirection take everything before it in the
   * list (`a && b >f | c` is read as `(a && b) >f | c`; the shell reads `a && (b >f | c)`): the
   * chain is flattened into its elements and operators, each redirection given back to the element
   * just before it, and an element is piped when a `|` stands on either side of it.
   */
  private chain(node: Node): void {
    const elements: { node: Node; redirects: Node[] }[] = []
    const ops: string[] = []
    const flatten = (n: Node): void => {
      if (n.type === 'list' || n.type === 'pipeline') {
        for (const c of n.children) {
          if (!c) continue
          if (c.isNamed) flatten(c)
          else if (c.type === '&&' || c.type === '||' || c.type === '|' || c.type === '|&')
            ops[elements.length - 1] = c.type
        }
        return
      }
      const body = n.type === 'redirected_statement' ? n.childForFieldName('body') : null
      if (body && (body.type === 'list' || body.type === 'pipeline')) {
        flatten(body)
        for (const c of n.children)
          if (c && REDIRECTS.has(c.type)) elements[elements.length - 1].redirects.push(c)
        return
      }
      elements.push({ node: n, redirects: [] })
    }
    flatten(node)
    for (let i = 0; i < elements.length; i++) {
      const pipe = isPipe(ops[i]) || (i > 0 && isPipe(ops[i - 1]))
      if (pipe) {
        this.hasPipe = true
        this.piped++
      }
      const { redirects } = elements[i]
      const e = redirects.length > 0 ? unNegated(elements[i].node)! : elements[i].node
      if (redirects.length === 0) this.node(e)
      else if (e.type === 'redirected_statement') this.redirected(e, redirects)
      else if (SIMPLE.has(e.type) || e.type === 'test_command') this.simple(e, redirects)
      else {
        this.node(e)
        for (const r of redirects) this.redirect(r)
      }
      if (pipe) this.piped--
    }
  }

  /** A statement with redirections: they widen a simple command's span, and may hold its words. */
  private redirected(node: Node, more: Node[] = []): void {
    const body = unNegated(node.childForFieldName('body'))
    const redirects = node.children.filter((c): c is Node => c !== null && REDIRECTS.has(c.type))
    redirects.push(...more)
    const simple = body === null || SIMPLE.has(body.type) || body.type === 'test_command'
    // What the grammar hangs on a here-document (`cat <<EOF | sh`, `cat <<EOF && x`).
    const trailing: Node[] = []
    let pipe = false
    for (const r of redirects.slice()) {
      if (r.type !== 'heredoc_redirect') continue
      for (const c of r.children) {
        if (!c || c.type.startsWith('heredoc_')) continue
        if (isPipe(c.type)) pipe = true
        else if (REDIRECTS.has(c.type)) redirects.push(c)
        else if (c.isNamed) {
          if (c.type === 'pipeline' && isPipe(c.child(0)?.type)) pipe = true
          trailing.push(c)
        }
      }
    }
    if (pipe) {
      this.hasPipe = true
      this.piped++
    }
    if (simple) this.simple(body, redirects)
    else {
      this.node(body)
      for (const r of redirects) this.redirect(r)
    }
    for (const t of trailing) this.node(t)
    if (pipe) this.piped--
  }

  /** Nested commands of a redirection (its target word; not a here-document's body). */
  private redirect(r: Node): void {
    for (const c of r.children) {
      if (c && c.isNamed && !c.type.startsWith('heredoc_') && c.type !== 'file_descriptor') {
        if (r.type === 'heredoc_redirect' && !EXPANSIONS.has(c.type)) continue
        this.node(c)
      }
    }
  }

  /** A simple command (assignments, words, redirections); `node` null: redirections alone. */
  private simple(node: Node | null, redirects: Node[]): void {
    if (node?.type === 'test_command') {
      this.bracket(node, redirects)
      return
    }
    const words: ShellWord[] = []
    const assigns: string[] = []
    const nested: Node[] = []
    let start = Infinity
    let end = -1
    const widen = (s: number, e: number): void => {
      if (s < start) start = s
      if (e > end) end = e
    }
    if (node) {
      const type = node.type
      if (type === 'variable_assignment') {
        assigns.push(this.text.slice(node.startIndex, node.endIndex))
        widen(node.startIndex, node.endIndex)
        nested.push(node)
      } else {
        for (let i = 0; i < node.childCount; i++) {
          const c = node.child(i)!
          const field = node.fieldNameForChild(i)
          if (type === 'command' && (field === 'name' || field === 'argument')) {
            words.push(this.word(field === 'name' ? c.child(0)! : c))
            nested.push(c)
          } else if (c.type === 'variable_assignment') {
            if (type === 'declaration_command') words.push(this.assignWord(c))
            else assigns.push(this.text.slice(c.startIndex, c.endIndex))
            widen(c.startIndex, c.endIndex)
            nested.push(c)
          } else if (REDIRECTS.has(c.type)) {
            redirects.push(c)
          } else if (type !== 'command' && (c.isNamed || i === 0)) {
            // declaration / unset: the keyword, then names and words.
            words.push(i === 0 ? this.literal(c) : this.word(c))
            nested.push(c)
          }
        }
      }
    }
    const args: ShellWord[] = []
    for (const r of redirects) {
      // A redirection's span ends with its target word (a here-document's delimiter).
      let e = r.endIndex
      let target = true
      for (let i = 0; i < r.childCount; i++) {
        const c = r.child(i)!
        if (c.type === 'heredoc_start') e = c.endIndex
        else if (r.fieldNameForChild(i) !== 'destination') continue
        else if (target) {
          e = c.endIndex
          target = false
        } else args.push(this.word(c)) // `echo >f a`: `a` is an argument
      }
      widen(r.startIndex, e)
    }
    if (args.length > 0) {
      words.push(...args)
      words.sort((a, b) => a.start - b.start)
    }
    this.joinAdjacent(words)
    if (words.length > 0) widen(words[0].start, words[words.length - 1].end)
    if (end === -1) return
    // `time cmd`: the shell times `cmd` (mvdan/sh: a time clause around it).
    if (
      assigns.length === 0 &&
      words.length > 1 &&
      words[0].raw === 'time' &&
      words[0].start === start
    ) {
      const skip = words.length > 2 && words[1].raw === '-p' ? 2 : 1
      words.splice(0, skip)
      start = words[0].start
    }
    this.push(words, assigns, start, end)
    for (const n of nested) this.nestedIn(n)
    for (const r of redirects) this.redirect(r)
  }

  /**
   * The grammar sometimes ends a word at a `$` and starts another just after it
   * (`a/$v/b-$v-c` → `a/$v/b-$` `v-c`); the shell has one word there (two words are always apart):
   * adjacent words are joined, and the joined word expands (`$` and a name).
   */
  private joinAdjacent(words: ShellWord[]): void {
    for (let j = words.length - 1; j > 0; j--) {
      const a = words[j - 1]
      const b = words[j]
      if (a.end !== b.start) continue
      const raw = this.text.slice(a.start, b.end)
      words.splice(j - 1, 2, { value: raw, raw, literal: false, start: a.start, end: b.end })
    }
  }

  /** Commands inside a word or assignment. */
  private nestedIn(node: Node): void {
    if (SUBSTITUTIONS.has(node.type)) this.node(node)
    else this.children(node)
  }

  /** `[ … ]`: a command named `[` whose words are the expression's words. */
  private bracket(node: Node, redirects: Node[]): void {
    const words: ShellWord[] = []
    const leaves = (n: Node): void => {
      if (
        n.type === 'unary_expression' ||
        n.type === 'binary_expression' ||
        n.type === 'parenthesized_expression' ||
        n.type === 'test_command'
      ) {
        for (const c of n.children) if (c) leaves(c)
      } else words.push(n.isNamed ? this.word(n) : this.literal(n))
    }
    leaves(node)
    let start = words[0].start
    let end = words[words.length - 1].end
    for (const r of redirects) {
      start = Math.min(start, r.startIndex)
      end = Math.max(end, r.endIndex)
    }
    this.push(words, [], start, end)
    this.children(node)
    for (const r of redirects) this.redirect(r)
  }

  /** An assignment argument of a declaration as one word (`A="b c"` → `A=b c`). */
  private assignWord(a: Node): ShellWord {
    const value = a.childForFieldName('value')
    if (value?.type === 'array') return this.literal(a)
    return this.word(a)
  }
}
