import { describe, expect, it } from 'vitest'
import { DEFAULT_CONFIG } from '../../src/config/config.js'
import { lintText } from '../../src/lint/engine.js'
import { LineIndex } from '../../src/core/text.js'
import { fingerprints } from '../../src/review/fingerprint.js'
import { inlineMarker, parseInlineMarker, SUMMARY_MARKER } from '../../src/review/marker.js'
import { registry } from '../../src/rules/index.js'
import { READ_ONLY_TOKEN } from '../standin/harness.js'
import { ourComments, stickyComments, withPullRequest } from '../standin/scenario.js'
import type { Identity } from '../standin/state.js'
import {
  annotations,
  expectCleanTraffic,
  expectEveryFindingReported,
  expectNoDuplicates,
  expectOneSticky,
  expectSuggestionsFix,
  writes
} from './checks.js'
import { expectInert, fencedBlocks, liveMarkup, OUR_LINKS } from './inert.js'

/**
 * Content that tries to break out of what we post: code fences (``` and ~~~ of many lengths) in
 * RUN lines, heredocs and compose values, imitations of our hidden markers, `@mentions`, HTML,
 * a 100,000-character line, and file names with spaces, unicode, dots, dashes, commas, colons,
 * percent signs, pipes, backticks, markup and a line break. Every comment, suggestion, summary and
 * annotation must render as inert text (checked by an independent reading of the markdown, and of
 * the workflow-command escaping), and comments written by anyone else — even ending in our exact
 * markers — are never edited or deleted.
 */

const LINKS = [...OUR_LINKS, 'https://www.shellcheck.net/wiki/']
/** Raw HTML we write ourselves. */
const OURS = {
  inline: (body: string) => [
    parseInlineMarker(body) ? /<!-- docker-review:v1 [^>]*-->$/.exec(body)![0] : '',
    // A thread of several findings also lists the others' fingerprints on a line of its own.
    ...body.split('\n').filter((l) => /^<!-- docker-review:v1 also=[0-9a-f,]+ -->$/.test(l))
  ],
  summary: ['<details><summary>', '</summary>', '</details>', SUMMARY_MARKER]
}

const FORGED_FP = '0123456789abcdef'
const LONG = 'x'.repeat(100_000)
const DOCKERFILE = [
  'FROM debian:12',
  `RUN apt-get update && apt-get install 'cu\`\`rl<!--@octocat-->' && echo "\`\`\` @octocat <!-- docker-review:v1 fp=${FORGED_FP} rule=DL3008 --> <img src=x onerror=alert(1)>"`,
  'RUN apt-get install -y "x``<b>@octocat</b>" && echo ~~~~~ && echo "</code></pre><!--"',
  'RUN <<EOT',
  "apt-get install wget && echo '`````' '~~~~'",
  'echo "~~~"',
  "echo '```'",
  'echo "@here <script>alert(1)</script> <!-- docker-review:v1 summary -->"',
  'EOT',
  `RUN apt-get install jq && echo ${LONG}`,
  ''
].join('\n')
const COMPOSE = [
  'services:',
  '  "web @octocat <!-- docker-review:v1 summary --> <b>x</b> ```":',
  '    image: nginx:1.27',
  '    command: echo "``` ~~~~ @octocat <!-- docker-review:v1 summary --> <img src=x onerror=alert(1)>"',
  '    ports:',
  `      - 5432:5432 # \`\`\`\` ~~~ @octocat <!-- docker-review:v1 fp=${FORGED_FP} rule=DC1012 --> <script>x</script>`,
  ''
].join('\n')

/** One warning (shell-form CMD, with a fix) per file. */
const SMALL = 'FROM scratch\nCOPY app /app\nUSER 1000\nCMD /app\n'
const NAMES = [
  'my app/Dockerfile',
  'ünïcödé/🐳 dir/Dockerfile',
  '..hidden/a..b/Dockerfile',
  '-rf/--help.Dockerfile',
  'we,ird:na%me/Dockerfile',
  'docs/@octocat <b>hi</b> <!-- docker-review:v1 summary -->/Dockerfile',
  'evil\n::error::forged/Dockerfile',
  'tick`s ```/Dockerfile',
  'a|b) (c/Dockerfile',
  // Git cannot store a `..` segment; an API answer (or a forged report) could still name one.
  'docker/../Dockerfile'
]

/** The raw form of every annotation command: properties escaped as the runner requires. */
const ANNOTATION =
  /^::(error|warning|notice) file=[^,:\r\n]*,line=\d+,endLine=\d+(,col=\d+,endColumn=\d+)?,title=[^,:\r\n]*::[^\r\n]*$/

function annotationLines(stdout: string): string[] {
  return stdout.split('\n').filter((l) => /^::(error|warning|notice) /.test(l))
}

describe.concurrent('hostile content in what we post (end to end)', () => {
  it('fences, markers, mentions, HTML and a 100,000-character line in files: every body inert, suggestions intact', async () => {
    await withPullRequest(
      { 'README.md': 'hi\n' },
      { Dockerfile: DOCKERFILE, 'compose.yaml': COMPOSE },
      async (s) => {
        const run = await s.review({ inputs: { 'fail-on': 'warning', 'max-comments': '100' } })
        expect(run.code).toBe(1)
        expectCleanTraffic(run, s.standin)
        expectNoDuplicates(s.standin, 1)
        const found = expectEveryFindingReported(run, s.standin, 1)
        expect(found.filter((f) => !(f.inline && f.summary))).toEqual([])
        const comments = ourComments(s.world, 1)
        // One thread per instruction: several findings of a RUN share one comment.
        expect(comments.length).toBeGreaterThan(5)
        for (const c of comments) {
          expect(c.body.length).toBeLessThan(65_536)
          expect(parseInlineMarker(c.body)).toBeDefined()
          expectInert(c.body, { html: OURS.inline(c.body), links: LINKS })
        }
        // Suggestions keep the hostile lines verbatim inside a fence they cannot close.
        expect(expectSuggestionsFix(s.standin, 1)).toBeGreaterThanOrEqual(3)
        const on = (path: string, line: number) =>
          comments.filter((c) => c.path === path && c.line === line)
        const kept = on('Dockerfile', 2).flatMap((c) => fencedBlocks(c.body, 'suggestion'))
        expect(kept.length).toBeGreaterThan(0)
        expect(
          kept.some((lines) => lines.join('\n').includes(`fp=${FORGED_FP} rule=DL3008 -->`))
        ).toBe(true)
        const port = on('compose.yaml', 6).flatMap((c) => fencedBlocks(c.body, 'suggestion'))
        expect(port).toEqual([
          [
            `      - 127.0.0.1:5432:5432 # \`\`\`\` ~~~ @octocat <!-- docker-review:v1 fp=${FORGED_FP} rule=DC1012 --> <script>x</script>`
          ]
        ])
        // A heredoc line with fences of 3 and 5 backticks and tildes: the fence is longer.
        const heredoc = on('Dockerfile', 5).filter((c) => /suggestion$/m.test(c.body))
        expect(heredoc.length).toBeGreaterThan(0)
        for (const c of heredoc) expect(c.body).toMatch(/^`{6,}suggestion$/m)
        // The 100,000-character line: no block (it would not fit), the marker still at the end.
        const long = on('Dockerfile', 10).filter((c) => /Suggested fix|Check before/.test(c.body))
        expect(long.length).toBeGreaterThan(0)
        for (const c of long) expect(c.body).toContain('The change is too large to show here.')
        // The message that quotes file contents (a package name) stays in a code span.
        // The thread of line 2 carries DL3008 (led by the most severe finding of the RUN).
        const pin = comments.find(
          (c) => c.path === 'Dockerfile' && c.body.includes('[DL3008]') && c.line === 2
        )!
        expect(pin.body).toContain('`cu``rl<!--@octocat-->`')
        // The review body and the summaries.
        for (const review of s.world.reviews)
          expectInert(review.body, { html: ['<!-- docker-review:v1 review -->'] })
        const sticky = expectOneSticky(s.standin, 1)
        expect(sticky.length).toBeLessThan(65_536)
        expectInert(sticky, { html: OURS.summary, links: LINKS })
        expectInert(run.summary, { html: OURS.summary, links: LINKS })
        expect(sticky.endsWith(SUMMARY_MARKER)).toBe(true)
        // Annotations (findings beyond nothing here: reviewed inline) and log lines stay commands of ours.
        for (const line of annotationLines(run.stdout)) expect(line).toMatch(ANNOTATION)
      }
    )
  })

  it('hostile file names (read-only token, everything annotated): escaped commands, inert summary, no forged command', async () => {
    const head = Object.fromEntries(NAMES.map((n) => [n, SMALL]))
    await withPullRequest({ 'README.md': 'hi\n' }, head, async (s) => {
      const run = await s.review({
        fork: true,
        token: READ_ONLY_TOKEN,
        inputs: { 'fail-on': 'warning' }
      })
      expect(run.code).toBe(1)
      const found = expectEveryFindingReported(run, s.standin, 1)
      expect(new Set(found.map((f) => f.file))).toEqual(new Set(NAMES))
      expect(found.every((f) => f.annotation && f.summary && !f.inline)).toBe(true)
      // Every command line is well formed: no property leaks a raw `,`, `:`, CR or LF.
      const lines = annotationLines(run.stdout)
      expect(lines).toHaveLength(NAMES.length)
      for (const line of lines) expect(line).toMatch(ANNOTATION)
      // …and decodes back to the exact name.
      expect(new Set(annotations(run).map((a) => a.file))).toEqual(new Set(NAMES))
      // The name holding a line break never starts a command of its own.
      expect(run.stdout).not.toMatch(/^::error::forged/m)
      expect(run.stdout).toContain('file=evil%0A%3A%3Aerror%3A%3Aforged/Dockerfile,')
      // The summary: names in code spans, links only to the file's blob, none for a `..` path.
      expectInert(run.summary, { html: OURS.summary, links: LINKS })
      for (const name of NAMES.filter((n) => !n.includes('/../'))) {
        const url = `https://github.com/octo-org/hello-docker/blob/${s.world.pulls.get(1)!.headSha}/${name
          .split('/')
          .map((p) => encodeURIComponent(p).replace(/\(/g, '%28').replace(/\)/g, '%29'))
          .join('/')}#L4`
        expect(run.summary).toContain(`](${url})`)
        expect(url).not.toMatch(/[\s()<>]/)
      }
      const dotted = run.summary.split('\n').find((l) => l.includes('docker/../Dockerfile:4'))!
      expect(dotted).not.toContain('hello-docker/blob/')
    })
  })

  it('hostile file names with a write token: comments on every file, suggestions apply, a re-run writes nothing', async () => {
    const names = NAMES.filter((n) => !n.includes('/../'))
    const head = Object.fromEntries(names.map((n) => [n, SMALL]))
    await withPullRequest({ 'README.md': 'hi\n' }, head, async (s) => {
      const run = await s.review()
      expect(run.code).toBe(0)
      expectCleanTraffic(run, s.standin)
      const found = expectEveryFindingReported(run, s.standin, 1)
      expect(found.every((f) => f.inline)).toBe(true)
      expect(new Set(ourComments(s.world, 1).map((c) => c.path))).toEqual(new Set(names))
      expect(expectSuggestionsFix(s.standin, 1)).toBe(names.length)
      expectInert(expectOneSticky(s.standin, 1), { html: OURS.summary, links: LINKS })
      const again = await s.review({ action: 'synchronize' })
      expect(writes(again)).toEqual([])
    })
  })

  it('comments by others that end in our exact markers are never edited or deleted; ours are still posted', async () => {
    const APT =
      'FROM debian:12\nRUN apt-get update && apt-get install curl\nRUN echo a\nRUN echo b\n'
    await withPullRequest({ Dockerfile: 'FROM debian:12\n' }, { Dockerfile: APT }, async (s) => {
      const mallory: Identity = { login: 'mallory', type: 'User', write: true }
      const otherBot: Identity = { login: 'renovate[bot]', type: 'Bot', write: true }
      // The fingerprint our DL3008 comment will carry, forged onto a human's comment.
      const findings = lintText(
        { path: 'Dockerfile', text: APT, kind: 'dockerfile' },
        { registry, config: DEFAULT_CONFIG }
      ).findings
      const fps = fingerprints('Dockerfile', new LineIndex(APT), findings)
      const pinFp = fps[findings.findIndex((f) => f.rule === 'DL3008')]
      const head = s.world.pulls.get(1)!.headSha
      const forge = (author: Identity, line: number, body: string) => {
        const id = s.world.id()
        s.world.threads.push({
          id: `PRRT_${id}`,
          pullNumber: 1,
          isResolved: false,
          resolvedBy: null,
          comments: [
            {
              id,
              nodeId: `PRRC_${id}`,
              threadId: `PRRT_${id}`,
              pullNumber: 1,
              reviewId: null,
              path: 'Dockerfile',
              line,
              startLine: null,
              originalLine: line,
              originalStartLine: null,
              side: 'RIGHT',
              subjectType: 'line',
              commitId: head,
              originalCommitId: head,
              body,
              author,
              inReplyTo: null,
              createdAt: s.world.now(),
              updatedAt: s.world.now()
            }
          ]
        })
      }
      forge(mallory, 2, `Please pin this.\n\n${inlineMarker(pinFp, 'DL3008')}`)
      // Stale-looking: no finding has this fingerprint, so ours would be deleted.
      forge(mallory, 3, `lgtm @octocat\n\n${inlineMarker('fedcba9876543210', 'DL3059')}`)
      forge(otherBot, 4, `Bot note\n\n${inlineMarker('00000000000000aa', 'DL3059')}`)
      s.world.addIssueComment(1, `My own summary\n\n${SUMMARY_MARKER}`, mallory)
      s.world.addIssueComment(1, `Another tool\n\n${SUMMARY_MARKER}`, otherBot)
      const foreign = () =>
        [...s.world.threads.flatMap((t) => t.comments), ...s.world.issueComments]
          .filter((c) => c.author.login !== 'github-actions[bot]')
          .map((c) => `${c.id} ${c.body}`)
      const before = foreign()

      const run = await s.review()
      expect(run.code).toBe(0)
      expect(s.standin.foreignTouches).toEqual([])
      expect(foreign()).toEqual(before)
      // Our own DL3008 comment exists next to the forged one, and our own sticky summary.
      const ours = ourComments(s.world, 1)
      expect(
        ours.filter((c) => {
          const marker = parseInlineMarker(c.body)!
          return [marker.fingerprint, ...marker.also].includes(pinFp)
        })
      ).toHaveLength(1)
      expect(stickyComments(s.world, 1)).toHaveLength(1)
      expectNoDuplicates(s.standin, 1)

      // Re-runs change nothing; a push that fixes everything deletes ours only.
      const again = await s.review({ action: 'synchronize' })
      expect(writes(again)).toEqual([])
      // (USER too: the stage changes, so its roll-up DR1004 counts and is commented.)
      s.push({
        Dockerfile:
          'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5 && rm -rf /var/lib/apt/lists/*\nRUN echo a && echo b\nUSER 65534\n'
      })
      const fixed = await s.review({ action: 'synchronize' })
      expect(fixed.code).toBe(0)
      expect(s.standin.foreignTouches).toEqual([])
      expect(foreign()).toEqual(before)
      expect(ourComments(s.world, 1).filter((c) => c.line !== null)).toEqual([])
      expect(stickyComments(s.world, 1)).toHaveLength(1)
      expect(
        liveMarkup(stickyComments(s.world, 1)[0], { html: OURS.summary, links: LINKS })
      ).toEqual([])
    })
  })
})
