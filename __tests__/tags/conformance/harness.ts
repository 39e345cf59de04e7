/**
 * Drives the real action entry (`run()` from src/main.ts) the way the runner does: INPUT_* and
 * GITHUB_* variables, an event payload file, a GITHUB_OUTPUT file. The conformance data is read
 * from ../shared/conformance at test time and never copied into the repository.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, vi } from 'vitest'

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
export const CONFORMANCE_DIR = path.resolve(REPO_ROOT, '../shared/conformance')

/** Load a conformance file; a missing folder or file is an error, never a silent skip. */
export function loadConformance<T>(file: string): T[] {
  const full = path.join(CONFORMANCE_DIR, file)
  if (!existsSync(full)) {
    throw new Error(`conformance data missing: ${full} (expected the shared conformance folder)`)
  }
  const data = JSON.parse(readFileSync(full, 'utf8')) as T[]
  if (!Array.isArray(data) || data.length === 0) throw new Error(`${full}: no cases`)
  return data
}

/** metadata-action's own defaults, passed explicitly when a case's `tags` input is empty. */
export const METADATA_DEFAULT_TAGS = [
  'type=schedule',
  'type=ref,event=branch',
  'type=ref,event=tag',
  'type=ref,event=pr'
]

export interface RepoData {
  name: string
  full_name: string
  default_branch: string
  description: string | null
  html_url: string
  license_spdx_id: string | null
}

export interface CaseContext {
  eventName: string
  ref: string
  sha: string
  repository: string
  env?: Record<string, string>
  payload?: Record<string, unknown>
  repo: RepoData
  now: string
}

export interface ActionRun {
  outputs: Record<string, string>
  failed: boolean
  /** The text of each file an output names (the bake files), by output name. */
  files: Record<string, string>
  /** What the run wrote to GITHUB_ENV. */
  githubEnv: Record<string, string>
  /** `::error::` and `::warning::` lines the run printed. */
  errors: string[]
  warnings: string[]
}

export interface ActionCall {
  env: Record<string, string>
  inputs: Record<string, string>
  payload: unknown
  now: string
}

/**
 * The payload the action sees for a case. metadata-action reads repository data from the REST API;
 * we read it from the payload's `repository`, so the case's `repo` goes there. Upstream's tests mock
 * the commit date to `now`, so the payload's commit timestamps are left out, as the oracle run did.
 */
export function casePayload(ctx: CaseContext): Record<string, unknown> {
  const payload = { ...(ctx.payload ?? {}) }
  delete payload.head_commit
  delete payload.commits
  const given = (payload.repository ?? {}) as Record<string, unknown>
  payload.repository = {
    ...given,
    name: ctx.repo.name,
    full_name: ctx.repo.full_name,
    default_branch: ctx.repo.default_branch,
    description: ctx.repo.description,
    html_url: ctx.repo.html_url,
    license: ctx.repo.license_spdx_id === null ? null : { spdx_id: ctx.repo.license_spdx_id }
  }
  return payload
}

/** The runner environment for a case: its fixture env plus the context's own fields. */
export function caseEnv(ctx: CaseContext): Record<string, string> {
  return {
    ...(ctx.env ?? {}),
    GITHUB_EVENT_NAME: ctx.eventName,
    GITHUB_REF: ctx.ref,
    GITHUB_SHA: ctx.sha,
    GITHUB_REPOSITORY: ctx.repository
  }
}

let runAction: (() => Promise<void>) | undefined

/** Run the action entry once with the given variables; restores process.env afterwards. */
export async function driveAction(call: ActionCall): Promise<ActionRun> {
  runAction ??= (await import('../../../src/main.js')).run
  const dir = mkdtempSync(path.join(tmpdir(), 'tags-conformance-'))
  const saved = { ...process.env }
  const printed: string[] = []
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
    printed.push(String(chunk))
    return true
  })
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date(call.now))
  try {
    for (const key of Object.keys(process.env)) {
      if (/^(GITHUB_|INPUT_|DOCKER_METADATA_|RUNNER_)/.test(key)) delete process.env[key]
    }
    const payloadPath = path.join(dir, 'event.json')
    const outputPath = path.join(dir, 'output')
    const envPath = path.join(dir, 'env')
    writeFileSync(payloadPath, JSON.stringify(call.payload))
    writeFileSync(outputPath, '')
    writeFileSync(envPath, '')
    Object.assign(process.env, call.env, {
      GITHUB_EVENT_PATH: payloadPath,
      GITHUB_OUTPUT: outputPath,
      GITHUB_ENV: envPath,
      RUNNER_TEMP: dir,
      INPUT_MODE: 'tags'
    })
    for (const [name, value] of Object.entries(call.inputs)) {
      process.env[`INPUT_${name.toUpperCase()}`] = value
    }
    process.exitCode = undefined
    await runAction()
    const failed = process.exitCode === 1
    const lines = printed.join('').split(/\r?\n/)
    const outputs = parseGithubOutput(readFileSync(outputPath, 'utf8'))
    const files: Record<string, string> = {}
    for (const [name, value] of Object.entries(outputs)) {
      if (name.startsWith('bake-file')) files[name] = readFileSync(value, 'utf8')
    }
    return {
      outputs,
      files,
      githubEnv: parseGithubOutput(readFileSync(envPath, 'utf8')),
      failed,
      errors: lines.filter((l) => l.startsWith('::error::')).map(unescapeCommand),
      warnings: lines.filter((l) => l.startsWith('::warning::')).map(unescapeCommand)
    }
  } finally {
    process.exitCode = undefined
    vi.useRealTimers()
    write.mockRestore()
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key]
    Object.assign(process.env, saved)
    rmSync(dir, { recursive: true, force: true })
  }
}

function unescapeCommand(line: string): string {
  return line
    .replace(/^::\w+::/, '')
    .replace(/%0A/g, '\n')
    .replace(/%0D/g, '\r')
    .replace(/%25/g, '%')
}

/** Parse a GITHUB_OUTPUT file: `name<<DELIMITER` … `DELIMITER` blocks (and plain `name=value`). */
export function parseGithubOutput(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i])
    if (heredoc) {
      const [, name, delimiter] = heredoc
      const value: string[] = []
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i])
      out[name] = value.join('\n')
    } else if (lines[i].includes('=')) {
      const at = lines[i].indexOf('=')
      out[lines[i].slice(0, at)] = lines[i].slice(at + 1)
    }
  }
  return out
}

/** Split a list output; an empty output is an empty list. */
export function splitOutput(value: string | undefined, sep = '\n'): string[] {
  return value === undefined || value === '' ? [] : value.split(sep)
}

/**
 * Case names listed as deliberate divergences in the tags section of docs/divergences.md: table
 * rows whose first cell is a case name in backticks.
 */
export function documentedDivergences(): Map<string, string> {
  const doc = readFileSync(path.join(REPO_ROOT, 'docs/divergences.md'), 'utf8')
  const start = doc.indexOf('<!-- section: tags -->')
  if (start < 0) throw new Error('docs/divergences.md has no "<!-- section: tags -->" marker')
  const rest = doc.slice(start + 1)
  const end = rest.search(/<!-- section: |\n## /)
  const section = end < 0 ? rest : rest.slice(0, end)
  const listed = new Map<string, string>()
  for (const m of section.matchAll(/^\|\s*`([^`]+)`\s*\|([^\n]*)$/gm)) {
    listed.set(m[1], m[2])
  }
  return listed
}

/** Keeps a tally per conformance file for the summary line. */
export class Tally {
  private agree = 0
  private diverge: string[] = []
  constructor(
    readonly file: string,
    readonly total: number
  ) {}
  record(name: string, agrees: boolean): void {
    if (agrees) this.agree++
    else this.diverge.push(name)
  }
  line(): string {
    const done = this.agree + this.diverge.length
    const partial = done === this.total ? '' : ` (only ${done} of ${this.total} ran)`
    return `${this.file}: ${this.agree}/${this.total} agree, ${this.diverge.length} documented divergences${partial}`
  }
}

/** A case's inputs: list inputs as arrays of lines. */
export interface CaseInputs {
  images?: string[]
  tags?: string[]
  flavor?: string[]
  labels?: string[]
  annotations?: string[]
  sepTags?: string
  bakeTarget?: string
}

/** A case's list inputs as action input text; an empty `tags` gets metadata-action's defaults. */
export function caseInputs(given: CaseInputs): Record<string, string> {
  const inputs: Record<string, string> = {
    images: (given.images ?? []).join('\n'),
    tags: (given.tags?.length ? given.tags : METADATA_DEFAULT_TAGS).join('\n'),
    flavor: (given.flavor ?? []).join('\n'),
    labels: (given.labels ?? []).join('\n'),
    annotations: (given.annotations ?? []).join('\n')
  }
  if (given.sepTags !== undefined) inputs['sep-tags'] = given.sepTags
  if (given.bakeTarget !== undefined) inputs['bake-target'] = given.bakeTarget
  return inputs
}

/**
 * The verdict for one case: it agrees with upstream, or it is listed in docs/divergences.md — and
 * then it must really differ (a stale entry fails too).
 */
export function expectAgreesOrListed(
  name: string,
  actual: unknown,
  expected: unknown,
  listed: Map<string, string>,
  tally: Tally
): void {
  const agrees = JSON.stringify(actual) === JSON.stringify(expected)
  tally.record(name, agrees)
  if (listed.has(name)) {
    expect(agrees, `${name} is listed as a divergence but agrees; remove it from the list`).toBe(
      false
    )
  } else {
    expect(actual, `${name} disagrees and is not listed in docs/divergences.md`).toEqual(expected)
  }
}
