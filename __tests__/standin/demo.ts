import { join } from 'node:path'
import { parseInlineMarker } from '../../src/review/marker.js'
import { ROOT, runAction } from './harness.js'
import { pullRequestPayload } from './payloads.js'
import {
  changesFrom,
  ourComments,
  pullRequestScenario,
  readTree,
  stickyComments,
  suggestionLines
} from './scenario.js'

/**
 * `npm start`: the bundled example pull request (`examples/base` → `examples/head`) reviewed by the
 * built action against the local GitHub API stand-in, printed the way a reader sees it on GitHub.
 */

const useColor = process.stdout.isTTY && !process.env.NO_COLOR
const paint = (code: string) => (text: string) =>
  useColor ? `\u001b[${code}m${text}\u001b[0m` : text
const bold = paint('1')
const dim = paint('2')
const red = paint('31')
const green = paint('32')
const cyan = paint('36')

/** Markdown to terminal text: links as their text, emphasis dropped, markers hidden. */
function plain(markdown: string): string {
  return markdown
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/\\([\\*_[\]<>&$~|#!])/g, '$1')
    .replace(/&#8203;/g, '')
    .trimEnd()
}

function printComment(
  path: string,
  start: number,
  end: number,
  body: string,
  head: string[]
): void {
  const where = start === end ? `line ${end}` : `lines ${start}–${end}`
  console.log(`\n${cyan(`── ${path}, ${where} `.padEnd(72, '─'))}`)
  const suggestion = suggestionLines(body)
  const text = body.replace(
    /^(`{3,})(suggestion|diff)\n[\s\S]*?^\1$/gm,
    (_all, _fence, kind: string) =>
      kind === 'suggestion' ? '\u0000suggestion' : `\u0000diff${_all}`
  )
  for (const part of text.split('\n\n')) {
    if (part.startsWith('\u0000suggestion') && suggestion) {
      console.log(dim('   Suggested change (one click: "Commit suggestion"):'))
      for (let line = start; line <= end; line++) console.log(red(`   - ${head[line - 1]}`))
      for (const line of suggestion) console.log(green(`   + ${line}`))
    } else if (part.startsWith('\u0000diff')) {
      for (const line of part.split('\n').slice(1, -1)) {
        console.log(
          line.startsWith('-')
            ? red(`   ${line}`)
            : line.startsWith('+')
              ? green(`   ${line}`)
              : dim(`   ${line}`)
        )
      }
    } else if (plain(part) !== '') console.log(`   ${plain(part).split('\n').join('\n   ')}`)
  }
}

async function main(): Promise<void> {
  const base = readTree(join(ROOT, 'examples/base'))
  const headTree = readTree(join(ROOT, 'examples/head'))
  const scenario = await pullRequestScenario(base, changesFrom(base, headTree), { number: 42 })
  const { world, standin } = scenario
  try {
    const pr = world.pulls.get(42)!
    console.log(bold(`docker-review — example pull request #42 (${world.fullName})`))
    console.log(
      dim(
        `examples/base → examples/head, reviewed by dist/index.js against the GitHub API stand-in at ${standin.url}`
      )
    )
    const run = await runAction({
      standin,
      event: 'pull_request',
      payload: pullRequestPayload(world, 42)
    })
    if (run.code !== 0 && run.outputs.result === undefined) {
      console.error(run.stdout, run.stderr)
      throw new Error(`the action failed (exit code ${run.code})`)
    }
    console.log(bold(`\nReview comments (${ourComments(world, 42).length})`))
    const comments = ourComments(world, 42).sort((a, b) =>
      a.path < b.path ? -1 : a.path > b.path ? 1 : a.line! - b.line!
    )
    for (const c of comments) {
      const head = (world.tree(pr.headSha)!.get(c.path) as string).split(/\r?\n/)
      if (parseInlineMarker(c.body))
        printComment(c.path, c.startLine ?? c.line!, c.line!, c.body, head)
    }
    console.log(bold('\nSummary comment (updated in place on every run)'))
    for (const body of stickyComments(world, 42))
      console.log(`   ${plain(body).split('\n').join('\n   ')}`)
    console.log(bold('\nRequired check'))
    console.log(
      `   ${run.code === 0 ? green('✔ success') : red('✘ failure')} (exit code ${run.code}); outputs: findings=${run.outputs.findings}, errors=${run.outputs.errors}, warnings=${run.outputs.warnings}`
    )
    console.log(bold('\nImage tags (outputs `tags`, `labels`)'))
    for (const tag of (run.outputs.tags ?? '').split('\n').filter(Boolean)) console.log(`   ${tag}`)
    console.log(bold('\nGitHub API requests'))
    for (const r of run.requests)
      console.log(dim(`   ${r.method} ${r.path} → ${r.status} (${r.operation})`))
    const rerun = await runAction({
      standin,
      event: 'pull_request',
      payload: pullRequestPayload(world, 42)
    })
    console.log(
      dim(
        `\nRe-run on the same head: ${rerun.requests.length} requests, ${rerun.requests.filter((r) => r.write).length} writes; comments on the pull request: ${ourComments(world, 42).length}.`
      )
    )
    if (standin.problems.length > 0)
      console.log(red(`\nStand-in problems:\n${standin.problems.join('\n')}`))
  } finally {
    await scenario.close()
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
