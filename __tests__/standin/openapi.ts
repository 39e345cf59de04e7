import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { Ajv, type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'

/**
 * Every REST request the stand-in receives is checked against GitHub's official OpenAPI
 * description (`@octokit/openapi`): the route and method exist, path and query parameters have
 * the declared types (unknown query parameters are reported), and the JSON body satisfies the
 * operation's request schema (required fields, types, enums).
 */

interface Parameter {
  name: string
  in: 'path' | 'query' | 'header'
  required?: boolean
  schema?: Record<string, unknown>
}

interface Operation {
  operationId: string
  parameters?: Array<Parameter | { $ref: string }>
  requestBody?: { required?: boolean; content: Record<string, { schema: Record<string, unknown> }> }
}

interface Spec {
  paths: Record<string, Record<string, Operation>>
  components: { parameters: Record<string, Parameter>; schemas: Record<string, unknown> }
}

export interface RouteMatch {
  operationId: string
  template: string
  params: Record<string, string>
}

export interface Checked {
  match?: RouteMatch
  /** Problems with the request; empty when it conforms. */
  problems: string[]
  /** What GitHub would answer for a body that fails validation (422) or an unknown route (404). */
  status?: number
}

const require = createRequire(import.meta.url)
const SPEC_PATH = require.resolve('@octokit/openapi/generated/api.github.com.json')

let cached: OpenApi | undefined

/** The parsed description is large (13 MB): load it once per process. */
export function openApi(): OpenApi {
  cached ??= new OpenApi(JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as Spec)
  return cached
}

function rewriteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteRefs)
  if (node && typeof node === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(node)) {
      out[k] = k === '$ref' && typeof v === 'string' ? `gh${v}` : rewriteRefs(v)
    }
    return out
  }
  return node
}

export class OpenApi {
  private readonly routes: Array<{
    template: string
    regex: RegExp
    names: string[]
    static: number
  }>
  private readonly ajv: Ajv
  private readonly bodies = new Map<string, ValidateFunction>()

  constructor(private readonly spec: Spec) {
    this.routes = Object.keys(spec.paths).map((template) => {
      const names: string[] = []
      const pattern = template.replace(/[.*+?^${}()|[\]\\]/g, (c) =>
        c === '{' || c === '}' ? c : `\\${c}`
      )
      const regex = new RegExp(
        `^${pattern.replace(/\{([^}]+)\}/g, (_, name: string) => {
          names.push(name)
          // `{path}` of the contents API and `{basehead}` may hold slashes.
          return name === 'path' || name === 'basehead' || name === 'ref' ? '(.+)' : '([^/]+)'
        })}$`
      )
      return { template, regex, names, static: template.replace(/\{[^}]+\}/g, '').length }
    })
    // Most specific (longest static part) first, so `/pulls/comments/{id}` beats `/pulls/{n}`.
    this.routes.sort((a, b) => b.static - a.static)
    this.ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true })
    addFormats.default(this.ajv)
    this.ajv.addSchema(rewriteRefs({ components: spec.components }) as object, 'gh')
  }

  private parameter(p: Parameter | { $ref: string }): Parameter {
    if ('$ref' in p) return this.spec.components.parameters[p.$ref.split('/').pop()!]
    return p
  }

  private bodyValidator(op: Operation, schema: Record<string, unknown>): ValidateFunction {
    let validate = this.bodies.get(op.operationId)
    if (!validate) {
      validate = this.ajv.compile(rewriteRefs(schema) as object)
      this.bodies.set(op.operationId, validate)
    }
    return validate
  }

  check(method: string, pathname: string, query: URLSearchParams, body: unknown): Checked {
    const problems: string[] = []
    const m = method.toLowerCase()
    let route: RouteMatch | undefined
    let op: Operation | undefined
    for (const r of this.routes) {
      const hit = r.regex.exec(pathname)
      if (!hit) continue
      const candidate = this.spec.paths[r.template][m]
      if (!candidate) continue
      const params: Record<string, string> = {}
      r.names.forEach((n, i) => (params[n] = decodeURIComponent(hit[i + 1])))
      route = { operationId: candidate.operationId, template: r.template, params }
      op = candidate
      break
    }
    if (!route || !op) {
      return { problems: [`${method} ${pathname} is not in GitHub's REST API`], status: 404 }
    }
    const declared = (op.parameters ?? []).map((p) => this.parameter(p))
    for (const p of declared) {
      const raw =
        p.in === 'path' ? route.params[p.name] : p.in === 'query' ? query.get(p.name) : null
      if (raw === null || raw === undefined) {
        if (p.required && p.in !== 'header') problems.push(`missing ${p.in} parameter ${p.name}`)
        continue
      }
      const type = p.schema?.type
      if (type === 'integer' && !/^-?\d+$/.test(raw)) {
        problems.push(`${p.in} parameter ${p.name} must be an integer, got ${JSON.stringify(raw)}`)
      }
      const allowed = p.schema?.enum as unknown[] | undefined
      if (allowed && !allowed.includes(raw)) {
        problems.push(`${p.in} parameter ${p.name} must be one of ${allowed.join(', ')}`)
      }
    }
    for (const key of query.keys()) {
      if (!declared.some((p) => p.in === 'query' && p.name === key)) {
        problems.push(`unknown query parameter ${key} for ${route.operationId}`)
      }
    }
    const schema = op.requestBody?.content['application/json']?.schema
    if (schema && body !== undefined) {
      const validate = this.bodyValidator(op, schema)
      if (!validate(body)) {
        for (const e of validate.errors ?? []) {
          problems.push(`body${e.instancePath} ${e.message ?? 'is invalid'}`)
        }
        return { match: route, problems, status: 422 }
      }
    } else if (op.requestBody?.required && body === undefined) {
      problems.push(`${route.operationId} requires a body`)
      return { match: route, problems, status: 422 }
    }
    return { match: route, problems }
  }
}
