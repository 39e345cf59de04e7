import { spawnSync } from 'node:child_process'
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'

/**
 * The recipes in README.md and docs/gitlab-ci.md: GitHub workflow snippets checked for workflow
 * syntax (jobs, steps, action references, expressions, the step outputs they read), the GitLab
 * pipeline parsed and its tag script run against GitLab's variables with the CLI from src.
 */

const ROOT = join(import.meta.dirname, '../..')
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8')

function yamlBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1])
}

interface Step {
  id?: string
  uses?: string
  run?: string
  if?: string
  with?: Record<string, unknown>
}
interface Job {
  'runs-on'?: string
  steps: Step[]
}

const ACTION_OUTPUTS = Object.keys(
  (parse(read('action.yml')) as { outputs: Record<string, unknown> }).outputs
)
const USES = /^(docker:\/\/\S+|\.\/\S*|[\w.-]+\/[\w.-]+(\/[\w./-]+)?@[\w.-]+)$/

/** Workflow-syntax problems of one job (empty when it is fine). */
function jobProblems(name: string, job: Job): string[] {
  const problems: string[] = []
  if (typeof job['runs-on'] !== 'string') problems.push(`${name}: no runs-on`)
  if (!Array.isArray(job.steps) || job.steps.length === 0) return [`${name}: no steps`]
  const ids = new Map<string, Step>()
  job.steps.forEach((step, i) => {
    const at = `${name}.steps[${i}]`
    const known = ['id', 'name', 'uses', 'run', 'if', 'with', 'env', 'shell', 'continue-on-error']
    for (const key of Object.keys(step))
      if (!known.includes(key)) problems.push(`${at}: unknown key ${key}`)
    if ((step.uses === undefined) === (step.run === undefined))
      problems.push(`${at}: needs exactly one of uses and run`)
    if (step.uses !== undefined && !USES.test(step.uses))
      problems.push(`${at}: bad uses ${step.uses}`)
    for (const [key, value] of Object.entries(step.with ?? {}))
      if (value !== null && typeof value === 'object')
        problems.push(`${at}: with.${key} not a scalar`)
    const strings = Object.values({ ...step, ...step.with }).filter((v) => typeof v === 'string')
    for (const value of strings)
      if (value.split('${{').length !== value.split('}}').length)
        problems.push(`${at}: unbalanced \${{ }} in ${value}`)
    const text = strings.join('\n')
    for (const [, id, output] of text.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
      const source = ids.get(id)
      if (!source) problems.push(`${at}: steps.${id} is not an earlier step`)
      else if (
        source.uses?.startsWith('docker-review/docker-review@') &&
        !ACTION_OUTPUTS.includes(output)
      )
        problems.push(`${at}: docker-review has no output ${output}`)
    }
    if (step.id) ids.set(step.id, step)
  })
  return problems
}

describe('README workflow snippets', () => {
  const blocks = yamlBlocks(read('README.md'))
  const workflows = blocks
    .map((b) => parse(b) as { jobs?: Record<string, Job> })
    .filter((w) => w && typeof w === 'object' && 'jobs' in w)

  it('are valid workflow syntax', () => {
    expect(workflows.length).toBeGreaterThanOrEqual(2)
    expect(
      workflows.flatMap((w) => Object.entries(w.jobs!).flatMap(([n, j]) => jobProblems(n, j)))
    ).toEqual([])
  })

  it('the image scan replaces the build job’s last step and scans a tag it computed', () => {
    const scan = blocks.find((b) => b.includes('aquasecurity/trivy-action'))!
    const steps = parse(scan) as Step[]
    const build = workflows.find((w) => w.jobs?.build)!.jobs!.build
    const job: Job = { ...build, steps: [...build.steps.slice(0, -1), ...steps] }
    expect(jobProblems('build+scan', job)).toEqual([])
    const trivy = steps.find((s) => s.uses?.startsWith('aquasecurity/trivy-action@'))!
    // The one tag of the trivy-action that was never moved (see the README's note).
    expect(trivy.uses).toBe('aquasecurity/trivy-action@0.35.0')
    expect(trivy.with!['image-ref']).toBe('${{ fromJSON(steps.meta.outputs.json).tags[0] }}')
    const load = steps[0]
    expect(load.with).toMatchObject({ load: true, tags: '${{ steps.meta.outputs.tags }}' })
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!
    expect(upload.with!.sarif_file).toBe(trivy.with!.output)
    // What the check catches: a bad action reference, an unknown step, an output docker-review lacks.
    const bad: Job = {
      'runs-on': 'ubuntu-latest',
      steps: [
        { uses: 'trivy' },
        { id: 'meta', uses: 'docker-review/docker-review@v1' },
        { run: 'echo ${{ steps.nope.outputs.x }} ${{ steps.meta.outputs.tagz }} ${{ x' }
      ]
    }
    expect(jobProblems('x', bad)).toEqual([
      'x.steps[0]: bad uses trivy',
      'x.steps[2]: unbalanced ${{ }} in echo ${{ steps.nope.outputs.x }} ${{ steps.meta.outputs.tagz }} ${{ x',
      'x.steps[2]: steps.nope is not an earlier step',
      'x.steps[2]: docker-review has no output tagz'
    ])
  })

  it('the pre-commit snippet names a hook of .pre-commit-hooks.yaml', () => {
    const config = blocks
      .map((b) => parse(b) as { repos?: Array<{ hooks: Array<{ id: string }> }> })
      .find((b) => b && typeof b === 'object' && 'repos' in b)!
    const hooks = (parse(read('.pre-commit-hooks.yaml')) as Array<{ id: string }>).map((h) => h.id)
    for (const hook of config.repos![0].hooks) expect(hooks).toContain(hook.id)
  })
})

describe('docs/gitlab-ci.md', () => {
  const pipeline = parse(yamlBlocks(read('docs/gitlab-ci.md'))[0]) as Record<
    string,
    {
      script: string[]
      artifacts?: { reports?: { codequality?: string }; paths?: string[] }
      needs?: string[]
    }
  >
  const scratch = mkdtempSync(join(tmpdir(), 'gitlab-recipe-'))
  afterAll(() => rmSync(scratch, { recursive: true, force: true }))

  /** The CLI from src as `docker-review` on PATH, for the recipe's scripts. */
  const bin = join(scratch, 'docker-review')
  writeFileSync(
    bin,
    `#!/bin/sh\nexec '${join(ROOT, 'node_modules/.bin/tsx')}' '${join(ROOT, 'src/cli/index.ts')}' "$@"\n`
  )
  chmodSync(bin, 0o755)
  const sh = (script: string[], cwd: string, vars: Record<string, string> = {}) =>
    spawnSync('sh', ['-ec', script.join('\n')], {
      cwd,
      encoding: 'utf8',
      env: { PATH: `${scratch}:${process.env.PATH}`, ...vars }
    })

  it('uploads the lint output as the Code Quality report, which the CLI writes', () => {
    const job = pipeline['docker-review']
    const report = job.artifacts!.reports!.codequality!
    expect(job.script.join('\n')).toContain(`docker-review lint --format gitlab > ${report}`)
    const project = mkdtempSync(join(scratch, 'project-'))
    writeFileSync(join(project, 'Dockerfile'), 'FROM ubuntu\n')
    const result = sh(job.script, project)
    // Nothing on stderr but, on a machine without shellcheck, the line saying SC checks were skipped.
    expect(result.stderr.replace(/^docker-review: shellcheck .* were skipped\.\n/, '')).toBe('')
    expect(result.status).toBe(0)
    const issues = JSON.parse(readFileSync(join(project, report), 'utf8')) as Array<{
      check_name: string
      location: { path: string }
    }>
    expect(issues.map((i) => [i.check_name, i.location.path])).toEqual(
      expect.arrayContaining([
        ['DL3006', 'Dockerfile'],
        ['DR1004', 'Dockerfile']
      ])
    )
  }, 60_000)

  it('computes pull-request tags for a merge request, release tags for a tag, with the CLI', () => {
    const job = pipeline['image-tags']
    const run = (vars: Record<string, string>): string[] => {
      const result = sh(job.script, scratch, {
        GITLAB_CI: 'true',
        CI_COMMIT_SHA: '0123456789abcdef0123456789abcdef01234567',
        CI_DEFAULT_BRANCH: 'main',
        CI_REGISTRY_IMAGE: 'registry.example.com/acme/app',
        ...vars
      })
      expect(result.stderr).toMatch(/^note: context from GitLab CI /)
      expect(result.status).toBe(0)
      const tags = readFileSync(join(scratch, job.artifacts!.paths![0]), 'utf8')
      return tags.split('\n').filter(Boolean)
    }
    const image = 'registry.example.com/acme/app'
    expect(
      run({
        CI_PIPELINE_SOURCE: 'merge_request_event',
        CI_MERGE_REQUEST_IID: '7',
        CI_COMMIT_REF_NAME: 'feature'
      })
    ).toEqual([`${image}:pr-7`, `${image}:sha-0123456`])
    expect(run({ CI_PIPELINE_SOURCE: 'push', CI_COMMIT_BRANCH: 'main' })).toEqual([
      `${image}:main`,
      `${image}:latest`,
      `${image}:sha-0123456`
    ])
    expect(run({ CI_PIPELINE_SOURCE: 'push', CI_COMMIT_TAG: 'v1.2.3' })).toEqual(
      expect.arrayContaining([`${image}:1.2.3`, `${image}:1.2`, `${image}:1`])
    )
    // A pipeline source it does not know (a child pipeline) fails closed: no main, no latest.
    expect(run({ CI_PIPELINE_SOURCE: 'parent_pipeline', CI_COMMIT_BRANCH: 'main' })).toEqual([])
    // The build job reads the file the tags job leaves.
    expect(pipeline.image.needs).toEqual(['image-tags'])
    expect(pipeline.image.script.join('\n')).toContain(job.artifacts!.paths![0])
  }, 120_000)
})
