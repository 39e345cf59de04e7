import {
  closeSync,
  ftruncateSync,
  mkdtempSync,
  openSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { checkout, runAction, TOKEN, type RunResult } from '../standin/harness.js'
import { workflowRunPayload } from '../standin/payloads.js'
import { ourComments, stickyComments, withPullRequest } from '../standin/scenario.js'
import type { Standin } from '../standin/server.js'
import { expectCleanTraffic, reportedFindings } from './checks.js'

/**
 * Issue 11 end to end: the built action (`dist/index.js`) against the stand-in, on what a hostile
 * pull request can put in a checkout or a file. Nothing outside the workspace and no credential
 * reaches any request, log, output, summary or SARIF (the harness also scans every one of them
 * for the token, plain and base64); a file that was not fully checked fails the check; every run
 * ends in bounded time.
 */

const outside = mkdtempSync(join(tmpdir(), 'dr-outside-'))
afterAll(() => rmSync(outside, { recursive: true, force: true }))

const SECRET = 'OUTSIDE-SECRET-7f3a9c'
/** What actions/checkout stores in .git/config: the job's token, base64 in a Basic credential. */
const CREDENTIAL = Buffer.from(`x-access-token:${TOKEN}`).toString('base64')

/** Every text a run produced or sent. */
function everything(run: RunResult, standin: Standin): string[] {
  return [
    run.stdout,
    run.stderr,
    run.summary,
    run.sarif ?? '',
    JSON.stringify(run.outputs),
    ...run.requests.map((r) => `${r.path}${r.query}\n${JSON.stringify(r.body ?? null)}`),
    ...standin.world.issueComments.map((c) => c.body),
    ...standin.world.threads.flatMap((t) => t.comments.map((c) => c.body))
  ]
}

function expectNothingFrom(run: RunResult, standin: Standin, forbidden: RegExp): void {
  for (const text of everything(run, standin)) expect(text).not.toMatch(forbidden)
}

const sarifRules = (run: RunResult): string[] =>
  (
    JSON.parse(run.sarif!) as {
      runs: Array<{ results: Array<{ ruleId: string; locations: unknown[] }> }>
    }
  ).runs.flatMap((r) =>
    r.results.map(
      (x) =>
        `${x.ruleId} ${(x.locations[0] as { physicalLocation: { artifactLocation: { uri: string } } }).physicalLocation.artifactLocation.uri}`
    )
  )

describe('a hostile pull request (end to end)', () => {
  it('links in the checkout are never followed: outside files and .git/config stay out, the check fails', async () => {
    const head = {
      Dockerfile: 'FROM debian:12\n',
      'compose.yaml': 'services: {}\n',
      'proc/Dockerfile': 'FROM debian:12\n',
      'big/Dockerfile': 'FROM debian:12\n',
      'up/Dockerfile': 'FROM debian:12\n'
    }
    await withPullRequest({ 'README.md': 'hello\n' }, head, async (s) => {
      const workspace = checkout(s.world, s.world.pulls.get(1)!.headSha)
      writeFileSync(join(outside, 'env'), `FROM evil\nAPI_KEY=${SECRET}\n`)
      const big = openSync(join(outside, 'huge'), 'w')
      ftruncateSync(big, 1024 * 1024 * 1024)
      closeSync(big)
      writeFileSync(
        join(workspace, '.git/config'),
        `[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic ${CREDENTIAL}\n`
      )
      const link = (target: string, path: string) => {
        rmSync(join(workspace, path))
        symlinkSync(target, join(workspace, path))
      }
      link(join(outside, 'env'), 'Dockerfile')
      link('.git/config', 'compose.yaml')
      link('/proc/self/status', 'proc/Dockerfile')
      link(join(outside, 'huge'), 'big/Dockerfile')
      rmSync(join(workspace, 'up'), { recursive: true })
      symlinkSync(outside, join(workspace, 'up'))
      writeFileSync(join(outside, 'Dockerfile'), `FROM evil\nRUN echo ${SECRET}\n`)

      const run = await s.review({ workspace })
      expect(run.stdout).toContain('Reading files from the checkout')
      expect(run.code).toBe(1)
      expect(run.outputs.result).toBe('failure')
      expectNothingFrom(run, s.standin, new RegExp(`${SECRET}|extraheader|VmRSS|Uid:|evil`))
      expectNothingFrom(run, s.standin, new RegExp(CREDENTIAL.slice(4, 24).replace(/[+/]/g, '.')))
      expect(sarifRules(run).sort()).toEqual([
        'DC0004 compose.yaml',
        'DR0001 Dockerfile',
        'DR0001 big/Dockerfile',
        'DR0001 proc/Dockerfile',
        'DR0001 up/Dockerfile'
      ])
      const comments = ourComments(s.world, 1)
      expect(comments.length).toBe(5)
      for (const c of comments) expect(c.body).toMatch(/not fully checked: symlink, not read/)
      expect(run.elapsed).toBeLessThan(30_000)
      expectCleanTraffic(run, s.standin)
    })
  })

  it('one NUL byte cannot put an ADD / USER root Dockerfile through the check', async () => {
    const text = 'FROM debian:12\nADD http://example.com/x.tgz /x\nUSER root\n# \0\n'
    await withPullRequest({ 'README.md': 'hello\n' }, { Dockerfile: text }, async (s) => {
      const run = await s.review()
      expect(run.code).toBe(1)
      expect(run.outputs.result).toBe('failure')
      expect(run.outputs.errors).toBe('1')
      expect(sarifRules(run)).toEqual(['DR0001 Dockerfile'])
      expect(run.summary).toMatch(/DR0001.*not fully checked: binary/)
      expectCleanTraffic(run, s.standin)
    })
  })

  it('a 6,000-long depends_on chain is checked, not crashed on', async () => {
    const n = 6000
    const services = Array.from(
      { length: n },
      (_, i) =>
        `  s${i}:\n    image: nginx:1.27\n${i + 1 < n ? `    depends_on: [s${i + 1}]\n` : ''}`
    ).join('')
    await withPullRequest(
      { 'README.md': 'hello\n' },
      { 'compose.yaml': `services:\n${services}` },
      async (s) => {
        // `mode: report`: the stand-in's diff of an 18,000-line file is slow to post comments on.
        const run = await s.review({ inputs: { 'fail-on': 'none', mode: 'report' } })
        expect(run.code).toBe(0)
        expect(sarifRules(run)).not.toContain('DC0004 compose.yaml')
        expect(run.summary).not.toMatch(/not fully checked/)
        expect(run.elapsed).toBeLessThan(60_000)
      }
    )
  })

  it('a COPY glob built to backtrack is matched in linear time', async () => {
    const text = `FROM python:3.12\nCOPY ${'*a'.repeat(14)}*b /app/\nRUN pip install -r ${'a'.repeat(80)}\n`
    await withPullRequest({ 'README.md': 'hello\n' }, { Dockerfile: text }, async (s) => {
      const run = await s.review({ inputs: { 'fail-on': 'none' } })
      expect(run.code).toBe(0)
      expect(sarifRules(run)).not.toContain('DR0001 Dockerfile')
      expect(run.elapsed).toBeLessThan(30_000)
    })
  })

  it('a RUN of 100,000 && is bounded: it finishes, and what was not checked is a finding', async () => {
    const text = `FROM debian:12\nRUN ${Array.from({ length: 100_000 }, (_, i) => `echo ${i}`).join(' && ')}\n`
    await withPullRequest({ 'README.md': 'hello\n' }, { Dockerfile: text }, async (s) => {
      const run = await s.review()
      expect(run.elapsed).toBeLessThan(120_000)
      expect(run.outputs.result).toBeDefined()
      const rules = sarifRules(run)
      // Either fully checked, or said to be not (ShellCheck's cap, the shell parser's limit).
      expect(rules.some((r) => /^(DR0001|DR0010|DR0011) /.test(r)) || run.code === 0).toBe(true)
    })
  })

  it('300 files with findings: every finding is listed in the job summary, none as "… and N more"', async () => {
    const head: Record<string, string> = {}
    for (let i = 0; i < 300; i++) head[`svc${i}/Dockerfile`] = 'FROM debian:12.5\nMAINTAINER me\n'
    await withPullRequest({ 'README.md': 'hello\n' }, head, async (s) => {
      const run = await s.review({ inputs: { 'max-comments': '5' } })
      const found = reportedFindings(run, s.standin, 1)
      expect(found.length).toBeGreaterThanOrEqual(300)
      expect(found.filter((f) => !f.summary)).toEqual([])
      expect(run.summary).not.toMatch(/… and \d+ more/)
      // The sticky comment is bounded by GitHub's comment size and says where the rest are.
      expect(stickyComments(s.world, 1).join('\n').length).toBeLessThan(65_536)
    })
  })

  it('a workflow_run started by merge_group never gets main, latest or a release tag', async () => {
    await withPullRequest(
      { 'README.md': 'hello\n' },
      { Dockerfile: 'FROM debian:12\n' },
      async (s) => {
        for (const trigger of [
          'merge_group',
          'issue_comment',
          'workflow_run',
          'pull_request_target'
        ]) {
          const payload = workflowRunPayload(s.world, s.world.pulls.get(1)!.headSha, [])
          const run0 = payload.workflow_run as Record<string, unknown>
          payload.workflow_run = { ...run0, event: trigger, head_branch: 'main' }
          const run = await runAction({
            standin: s.standin,
            event: 'workflow_run',
            payload,
            inputs: {
              mode: 'tags',
              images: 'ghcr.io/octo-org/app',
              tags: 'type=ref,event=branch\ntype=raw,value=latest,enable={{is_default_branch}}\ntype=semver,pattern={{version}},value=v1.2.3'
            },
            env: { GITHUB_REF: 'refs/heads/main' }
          })
          const tags = (run.outputs.tags ?? '').split('\n').filter(Boolean)
          for (const tag of tags) expect(tag, trigger).not.toMatch(/:(main|latest|1\.2\.3)$/)
        }
      }
    )
  })
})
