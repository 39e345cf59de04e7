/**
 * A small GraphQL engine for the stand-in: a real parser (operations, variables, aliases,
 * arguments, inline fragments, `__typename`) and an executor over typed resolvers, answering with
 * GitHub's error shapes. It knows only the types the stand-in declares; anything else is the error
 * GitHub would give for a field that does not exist.
 */

export type Value =
  | { kind: 'var'; name: string }
  | { kind: 'literal'; value: unknown }
  | { kind: 'list'; items: Value[] }
  | { kind: 'object'; fields: Record<string, Value> }

export interface Field {
  kind: 'field'
  alias?: string
  name: string
  args: Record<string, Value>
  selections?: Selection[]
  line: number
  column: number
}
export interface InlineFragment {
  kind: 'fragment'
  on?: string
  selections: Selection[]
}
export type Selection = Field | InlineFragment

export interface Operation {
  operation: 'query' | 'mutation'
  name?: string
  variables: Array<{ name: string; type: string; defaultValue?: Value }>
  selections: Selection[]
}

export class GraphqlSyntaxError extends Error {}

interface Token {
  kind: 'punct' | 'name' | 'string' | 'number' | 'spread' | 'eof'
  value: string
  line: number
  column: number
}

const PUNCT = new Set(['{', '}', '(', ')', ':', '$', '[', ']', '!', '=', '@'])

function tokenize(source: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  let line = 1
  let lineStart = 0
  const at = (): Pick<Token, 'line' | 'column'> => ({ line, column: i - lineStart + 1 })
  while (i < source.length) {
    const c = source[i]
    if (c === '\n') {
      i++
      line++
      lineStart = i
      continue
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === ',' || c === '\ufeff') {
      i++
      continue
    }
    if (c === '#') {
      while (i < source.length && source[i] !== '\n') i++
      continue
    }
    if (source.startsWith('...', i)) {
      tokens.push({ kind: 'spread', value: '...', ...at() })
      i += 3
      continue
    }
    if (PUNCT.has(c)) {
      tokens.push({ kind: 'punct', value: c, ...at() })
      i++
      continue
    }
    if (/[A-Za-z_]/.test(c)) {
      const pos = at()
      let j = i
      while (j < source.length && /[A-Za-z0-9_]/.test(source[j])) j++
      tokens.push({ kind: 'name', value: source.slice(i, j), ...pos })
      i = j
      continue
    }
    if (/[-0-9]/.test(c)) {
      const pos = at()
      let j = i + 1
      while (j < source.length && /[0-9.eE+-]/.test(source[j])) j++
      tokens.push({ kind: 'number', value: source.slice(i, j), ...pos })
      i = j
      continue
    }
    if (c === '"') {
      const pos = at()
      if (source.startsWith('"""', i)) {
        const end = source.indexOf('"""', i + 3)
        if (end === -1) throw new GraphqlSyntaxError('Unterminated block string')
        tokens.push({ kind: 'string', value: source.slice(i + 3, end), ...pos })
        i = end + 3
        continue
      }
      let j = i + 1
      let value = ''
      while (j < source.length && source[j] !== '"') {
        if (source[j] === '\n') throw new GraphqlSyntaxError('Unterminated string')
        if (source[j] === '\\') {
          const e = source[j + 1]
          if (e === 'u') {
            value += String.fromCharCode(parseInt(source.slice(j + 2, j + 6), 16))
            j += 6
            continue
          }
          value +=
            ({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' } as Record<string, string>)[e] ?? e
          j += 2
          continue
        }
        value += source[j++]
      }
      if (j >= source.length) throw new GraphqlSyntaxError('Unterminated string')
      tokens.push({ kind: 'string', value, ...pos })
      i = j + 1
      continue
    }
    throw new GraphqlSyntaxError(`Unexpected character "${c}" at ${line}:${i - lineStart + 1}`)
  }
  tokens.push({ kind: 'eof', value: '', line, column: i - lineStart + 1 })
  return tokens
}

class Parser {
  private pos = 0
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.pos]
  }
  private next(): Token {
    return this.tokens[this.pos++]
  }
  private expect(value: string): Token {
    const t = this.next()
    if (t.value !== value || (t.kind !== 'punct' && t.kind !== 'name')) {
      throw new GraphqlSyntaxError(
        `Parse error on "${t.value || 'EOF'}" (${t.kind}) at [${t.line}, ${t.column}]`
      )
    }
    return t
  }
  private name(): string {
    const t = this.next()
    if (t.kind !== 'name') {
      throw new GraphqlSyntaxError(
        `Parse error on "${t.value || 'EOF'}" at [${t.line}, ${t.column}]`
      )
    }
    return t.value
  }
  private is(value: string): boolean {
    const t = this.peek()
    return (t.kind === 'punct' || t.kind === 'name') && t.value === value
  }

  document(): Operation[] {
    const ops: Operation[] = []
    while (this.peek().kind !== 'eof') ops.push(this.operation())
    return ops
  }

  private operation(): Operation {
    if (this.is('{')) return { operation: 'query', variables: [], selections: this.selectionSet() }
    const kind = this.name()
    if (kind !== 'query' && kind !== 'mutation') {
      throw new GraphqlSyntaxError(`Parse error on "${kind}": expected query or mutation`)
    }
    const op: Operation = { operation: kind, variables: [], selections: [] }
    if (this.peek().kind === 'name') op.name = this.name()
    if (this.is('(')) {
      this.next()
      while (!this.is(')')) {
        this.expect('$')
        const name = this.name()
        this.expect(':')
        const type = this.type()
        const variable: Operation['variables'][number] = { name, type }
        if (this.is('=')) {
          this.next()
          variable.defaultValue = this.value()
        }
        op.variables.push(variable)
      }
      this.next()
    }
    op.selections = this.selectionSet()
    return op
  }

  private type(): string {
    let type: string
    if (this.is('[')) {
      this.next()
      type = `[${this.type()}]`
      this.expect(']')
    } else type = this.name()
    if (this.is('!')) {
      this.next()
      type += '!'
    }
    return type
  }

  private selectionSet(): Selection[] {
    this.expect('{')
    const out: Selection[] = []
    while (!this.is('}')) {
      if (this.peek().kind === 'eof') throw new GraphqlSyntaxError('Unexpected end of document')
      out.push(this.selection())
    }
    this.next()
    if (out.length === 0) throw new GraphqlSyntaxError('Selection set cannot be empty')
    return out
  }

  private selection(): Selection {
    if (this.peek().kind === 'spread') {
      this.next()
      if (this.is('on')) {
        this.next()
        const on = this.name()
        return { kind: 'fragment', on, selections: this.selectionSet() }
      }
      if (this.is('{')) return { kind: 'fragment', selections: this.selectionSet() }
      throw new GraphqlSyntaxError('Named fragments are not supported by the stand-in')
    }
    const start = this.peek()
    let name = this.name()
    let alias: string | undefined
    if (this.is(':')) {
      this.next()
      alias = name
      name = this.name()
    }
    const args: Record<string, Value> = {}
    if (this.is('(')) {
      this.next()
      while (!this.is(')')) {
        const arg = this.name()
        this.expect(':')
        args[arg] = this.value()
      }
      this.next()
    }
    const field: Field = { kind: 'field', name, args, line: start.line, column: start.column }
    if (alias) field.alias = alias
    if (this.is('{')) field.selections = this.selectionSet()
    return field
  }

  private value(): Value {
    const t = this.peek()
    if (t.kind === 'punct' && t.value === '$') {
      this.next()
      return { kind: 'var', name: this.name() }
    }
    if (t.kind === 'punct' && t.value === '[') {
      this.next()
      const items: Value[] = []
      while (!this.is(']')) items.push(this.value())
      this.next()
      return { kind: 'list', items }
    }
    if (t.kind === 'punct' && t.value === '{') {
      this.next()
      const fields: Record<string, Value> = {}
      while (!this.is('}')) {
        const key = this.name()
        this.expect(':')
        fields[key] = this.value()
      }
      this.next()
      return { kind: 'object', fields }
    }
    this.next()
    if (t.kind === 'string') return { kind: 'literal', value: t.value }
    if (t.kind === 'number') return { kind: 'literal', value: Number(t.value) }
    if (t.kind === 'name') {
      if (t.value === 'true') return { kind: 'literal', value: true }
      if (t.value === 'false') return { kind: 'literal', value: false }
      if (t.value === 'null') return { kind: 'literal', value: null }
      return { kind: 'literal', value: t.value } // enum value
    }
    throw new GraphqlSyntaxError(`Parse error on "${t.value}" at [${t.line}, ${t.column}]`)
  }
}

export function parseGraphql(source: string): Operation[] {
  return new Parser(tokenize(source)).document()
}

// ---------------------------------------------------------------------------------------------
// Execution

/** A GraphQL error as GitHub formats it. */
export interface GraphqlError {
  type?: string
  path?: Array<string | number>
  locations?: Array<{ line: number; column: number }>
  message: string
}

export class FieldError extends Error {
  constructor(
    message: string,
    readonly type?: string
  ) {
    super(message)
  }
}

export interface FieldDef<Ctx> {
  /** Argument names the field accepts. */
  args?: string[]
  resolve(parent: unknown, args: Record<string, unknown>, ctx: Ctx): unknown
}

export interface TypeDef<Ctx> {
  /** Interfaces and unions this type satisfies in `... on X`. */
  implements?: string[]
  fields: Record<string, FieldDef<Ctx>>
}

export interface Schema<Ctx> {
  types: Record<string, TypeDef<Ctx>>
  /** Decide the concrete type of a resolved object. */
  typeOf(value: object): string
}

export interface ExecResult {
  data: Record<string, unknown> | null
  errors?: GraphqlError[]
}

function resolveValue(value: Value, vars: Record<string, unknown>): unknown {
  switch (value.kind) {
    case 'var':
      return vars[value.name] ?? null
    case 'literal':
      return value.value
    case 'list':
      return value.items.map((v) => resolveValue(v, vars))
    case 'object':
      return Object.fromEntries(
        Object.entries(value.fields).map(([k, v]) => [k, resolveValue(v, vars)])
      )
  }
}

/** Static validation of one level: every field exists on its type, every argument is known. */
function validate<Ctx>(
  schema: Schema<Ctx>,
  typeName: string,
  selections: Selection[],
  errors: GraphqlError[],
  possible: (t: string) => string[]
): void {
  for (const s of selections) {
    if (s.kind === 'fragment') {
      if (s.on && possible(s.on).length === 0) {
        errors.push({ message: `No such type ${s.on}, so it can't be a fragment condition` })
      }
      continue
    }
    if (s.name === '__typename') continue
    const concrete = possible(typeName)
    for (const t of concrete) {
      const def = schema.types[t]?.fields[s.name]
      if (!def) {
        errors.push({
          message: `Field '${s.name}' doesn't exist on type '${typeName}'`,
          locations: [{ line: s.line, column: s.column }]
        })
        continue
      }
      for (const arg of Object.keys(s.args)) {
        if (!(def.args ?? []).includes(arg)) {
          errors.push({
            message: `Field '${s.name}' doesn't accept argument '${arg}'`,
            locations: [{ line: s.line, column: s.column }]
          })
        }
      }
    }
  }
}

/** Field return types, declared so selections can be validated: `Type.field` → type name. */
export type ReturnTypes = Record<string, string>

export function execute<Ctx>(
  schema: Schema<Ctx>,
  returns: ReturnTypes,
  source: string,
  variables: Record<string, unknown>,
  ctx: Ctx,
  operationName?: string
): ExecResult & { operation?: Operation } {
  let ops: Operation[]
  try {
    ops = parseGraphql(source)
  } catch (error) {
    return { data: null, errors: [{ message: (error as Error).message }] }
  }
  const op = operationName ? ops.find((o) => o.name === operationName) : ops[0]
  if (!op || (!operationName && ops.length > 1)) {
    return { data: null, errors: [{ message: 'An operation name is required' }] }
  }
  const vars: Record<string, unknown> = { ...variables }
  for (const v of op.variables) {
    if (vars[v.name] === undefined && v.defaultValue)
      vars[v.name] = resolveValue(v.defaultValue, {})
    if ((vars[v.name] === undefined || vars[v.name] === null) && v.type.endsWith('!')) {
      return {
        data: null,
        errors: [{ message: `Variable $${v.name} of type ${v.type} was provided invalid value` }]
      }
    }
  }
  const possible = (t: string): string[] =>
    schema.types[t]
      ? [t]
      : Object.entries(schema.types)
          .filter(([, def]) => def.implements?.includes(t))
          .map(([name]) => name)
  const rootType = op.operation === 'query' ? 'Query' : 'Mutation'
  const errors: GraphqlError[] = []
  validateWithReturns(schema, returns, rootType, op.selections, errors, possible)
  if (errors.length > 0) return { data: null, errors, operation: op }
  const data = selectObject(schema, {}, rootType, op.selections, vars, ctx, [], errors)
  return errors.length > 0 ? { data, errors, operation: op } : { data, operation: op }
}

function validateWithReturns<Ctx>(
  schema: Schema<Ctx>,
  returns: ReturnTypes,
  typeName: string,
  selections: Selection[],
  errors: GraphqlError[],
  possible: (t: string) => string[]
): void {
  validate(schema, typeName, selections, errors, possible)
  for (const s of selections) {
    if (s.kind === 'fragment') {
      for (const t of s.on ? possible(s.on) : [typeName]) {
        validateWithReturns(schema, returns, t, s.selections, errors, possible)
      }
      continue
    }
    for (const t of possible(typeName)) {
      const child = returns[`${t}.${s.name}`]
      if (!s.selections) {
        if (child && !isScalarType(child)) {
          errors.push({
            message: `Field must have selections (field '${s.name}' returns ${child} but has no selections.`,
            locations: [{ line: s.line, column: s.column }]
          })
        }
        continue
      }
      if (!child) continue
      validateWithReturns(schema, returns, child, s.selections, errors, possible)
    }
  }
}

function isScalarType(name: string): boolean {
  return ['String', 'Int', 'Boolean', 'ID', 'GitObjectID', 'DateTime', 'URI', 'Float'].includes(
    name
  )
}

function selectObject<Ctx>(
  schema: Schema<Ctx>,
  value: object,
  typeName: string,
  selections: Selection[],
  vars: Record<string, unknown>,
  ctx: Ctx,
  path: Array<string | number>,
  errors: GraphqlError[]
): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  const apply = (list: Selection[]): void => {
    for (const s of list) {
      if (s.kind === 'fragment') {
        const type = schema.types[typeName]
        if (!s.on || s.on === typeName || type?.implements?.includes(s.on)) apply(s.selections)
        continue
      }
      const key = s.alias ?? s.name
      if (s.name === '__typename') {
        out[key] = typeName
        continue
      }
      const def = schema.types[typeName].fields[s.name]
      const args = Object.fromEntries(
        Object.entries(s.args).map(([k, v]) => [k, resolveValue(v, vars)])
      )
      try {
        const result = def.resolve(value, args, ctx)
        out[key] = complete(schema, result, s, vars, ctx, [...path, key], errors)
      } catch (error) {
        if (!(error instanceof FieldError)) throw error
        out[key] = null
        errors.push({
          ...(error.type ? { type: error.type } : {}),
          path: [...path, key],
          locations: [{ line: s.line, column: s.column }],
          message: error.message
        })
      }
    }
  }
  apply(selections)
  return out
}

function complete<Ctx>(
  schema: Schema<Ctx>,
  result: unknown,
  field: Field,
  vars: Record<string, unknown>,
  ctx: Ctx,
  path: Array<string | number>,
  errors: GraphqlError[]
): unknown {
  if (result === null || result === undefined) return null
  if (!field.selections) return result
  if (Array.isArray(result)) {
    return result.map((item, i) => complete(schema, item, field, vars, ctx, [...path, i], errors))
  }
  const typeName = schema.typeOf(result as object)
  return selectObject(schema, result as object, typeName, field.selections, vars, ctx, path, errors)
}
