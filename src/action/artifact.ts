import { Ajv } from 'ajv'
import type { Threshold } from '../core/types.js'
import type { Finding } from '../core/types.js'
import type { FilterMode } from '../diff/filter.js'

/**
 * The results artifact of the two-workflow fork recipe: `mode: report` (untrusted
 * `pull_request` run, read-only token) writes it; `mode: post` (trusted `workflow_run` job)
 * reads it and posts the review. The post side treats it as hostile input: strict schema, sizes
 * capped, identities re-checked against the trusted event and the API by the caller. Pure.
 */

export const ARTIFACT_VERSION = 1

export interface ReportArtifact {
  version: typeof ARTIFACT_VERSION
  tool: 'docker-review'
  repository: string
  pullRequest: number
  headSha: string
  filterMode: FilterMode
  failOn: Threshold
  failed: boolean
  reason: string
  findings: Finding[]
  notes: string[]
  tags: string[]
}

const position = {
  type: 'object',
  required: ['line', 'column'],
  additionalProperties: false,
  properties: {
    line: { type: 'integer', minimum: 1, maximum: 10_000_000 },
    column: { type: 'integer', minimum: 1, maximum: 100_000_000 }
  }
}
const range = {
  type: 'object',
  required: ['start', 'end'],
  additionalProperties: false,
  properties: { start: position, end: position }
}
const text = (max: number) => ({ type: 'string', maxLength: max })

const schema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'version',
    'tool',
    'repository',
    'pullRequest',
    'headSha',
    'filterMode',
    'failOn',
    'failed',
    'reason',
    'findings',
    'notes',
    'tags'
  ],
  properties: {
    version: { const: ARTIFACT_VERSION },
    tool: { const: 'docker-review' },
    repository: { type: 'string', pattern: '^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$' },
    pullRequest: { type: 'integer', minimum: 1 },
    headSha: { type: 'string', pattern: '^[0-9a-f]{40}$' },
    filterMode: { enum: ['added', 'diff_context', 'file', 'nofilter'] },
    failOn: { enum: ['error', 'warning', 'info', 'style', 'none'] },
    failed: { type: 'boolean' },
    reason: text(1000),
    notes: { type: 'array', maxItems: 1000, items: text(1000) },
    tags: { type: 'array', maxItems: 1000, items: text(300) },
    findings: {
      type: 'array',
      maxItems: 20_000,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['rule', 'severity', 'message', 'file', 'range'],
        properties: {
          rule: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,40}$' },
          severity: { enum: ['error', 'warning', 'info', 'style'] },
          message: text(4000),
          file: text(1000),
          range,
          fix: {
            type: 'object',
            additionalProperties: false,
            required: ['description', 'safe', 'edits'],
            properties: {
              description: text(1000),
              safe: { type: 'boolean' },
              edits: {
                type: 'array',
                maxItems: 100,
                items: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['range', 'text'],
                  properties: { range, text: text(100_000) }
                }
              }
            }
          }
        }
      }
    }
  }
}

const validate = new Ajv({ allErrors: false, strict: false }).compile<ReportArtifact>(schema)

/** The artifact file must stay well below GitHub's artifact and memory budgets. */
export const MAX_ARTIFACT_BYTES = 32 * 1024 * 1024

export class ArtifactError extends Error {}

export function serializeArtifact(artifact: ReportArtifact): string {
  return `${JSON.stringify(artifact, null, 1)}\n`
}

export function parseArtifact(text: string): ReportArtifact {
  if (text.length > MAX_ARTIFACT_BYTES) throw new ArtifactError('the report artifact is too large')
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new ArtifactError(`the report artifact is not JSON: ${(error as Error).message}`, {
      cause: error
    })
  }
  if (!validate(data)) {
    const e = validate.errors?.[0]
    throw new ArtifactError(
      `the report artifact is not a docker-review report (${e?.instancePath || '/'} ${e?.message ?? 'is invalid'})`
    )
  }
  return data
}
