import type { Threshold } from '../core/types.js'
import { lazy } from '../core/lazy.js'
import type { Finding } from '../core/types.js'
import type { FilterMode } from '../diff/filter.js'
import type { ReviewPlacement } from '../review/policy.js'

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
  /** With the review policy's decision (absent in older artifacts: inline). */
  findings: Array<Finding & { review?: ReviewPlacement }>
  notes: string[]
  tags: string[]
}

// The schema and ajv are loaded only by `mode: post`, the one flow that reads an artifact.
const validator = lazy(async () => (await import('./artifact-schema.js')).artifactValidator())

/** The artifact file must stay well below GitHub's artifact and memory budgets. */
export const MAX_ARTIFACT_BYTES = 32 * 1024 * 1024

export class ArtifactError extends Error {}

/**
 * The artifact as JSON. A fix's declared effect (what the fix checker compared) and a finding's own
 * precision (already spent on its `review` placement) stay behind: the
 * posting job needs only the edits, and the artifact's schema admits nothing more.
 */
export function serializeArtifact(artifact: ReportArtifact): string {
  const findings = artifact.findings.map(({ precision: _precision, ...f }) => {
    if (!f.fix?.effect) return f
    const { effect: _effect, ...fix } = f.fix
    return { ...f, fix }
  })
  return `${JSON.stringify({ ...artifact, findings }, null, 1)}\n`
}

export async function parseArtifact(text: string): Promise<ReportArtifact> {
  if (text.length > MAX_ARTIFACT_BYTES) throw new ArtifactError('the report artifact is too large')
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new ArtifactError(`the report artifact is not JSON: ${(error as Error).message}`, {
      cause: error
    })
  }
  const validate = await validator()
  if (!validate(data)) {
    const e = validate.errors?.[0]
    throw new ArtifactError(
      `the report artifact is not a docker-review report (${e?.instancePath || '/'} ${e?.message ?? 'is invalid'})`
    )
  }
  return data
}
