import * as core from '@actions/core'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { runContext } from './action/context.js'
import { readActionInputs } from './action/inputs.js'
import type { ActionIO } from './action/io.js'
import { postReport } from './action/post.js'
import { lintCommit } from './action/push.js'
import { reviewPullRequest } from './action/review.js'
import type { Tools } from './core/tools.js'
import { lazy } from './core/lazy.js'
import { describeError, isRateLimited, statusOf } from './github/client.js'
import { redact, RUNNER_SECRETS, secretFormsOf } from './github/redact.js'
import { createShellcheck } from './tools/shellcheck.js'

/**
 * The action's composition root: the only module (with the reporters it calls) that touches
 * `process.env`, the file system and the network. Everything is read at call time, so tests can
 * drive `run()` in-process with `INPUT_*` and `GITHUB_*` variables.
 *
 * Every run computes the image tags (outputs `version`, `tags`, `labels`, …); `mode: tags` does
 * nothing else. Otherwise, by event: pull requests are reviewed (`mode: review`), or linted into a
 * results artifact (`mode: report`); `mode: post` posts such an artifact; pushes, merge queues
 * and manual runs lint the changed (or all) files into annotations and the job summary.
 */

function readPayload(path: string | undefined): Record<string, unknown> {
  if (!path) return {}
  try {
    const data: unknown = JSON.parse(readFileSync(path, 'utf8'))
    return data && typeof data === 'object' ? (data as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029]/g

/**
 * A log line that stays one line: `core.info` prints as is, and the runner reads every line of the
 * log as a possible workflow command, so a file name holding a line break followed by `::error::`
 * (or `::add-mask::`, `::stop-commands::`…) must not start a line of its own.
 */
export function oneLine(message: string): string {
  return message.replace(LINE_BREAKS, ' ⏎ ')
}

/** The runner's side of the flows; everything they write goes through `clean` (token redaction). */
function actionIO(clean: (text: string) => string): ActionIO {
  let shellcheck: Tools['shellcheck'] | undefined | null = null
  return {
    env: process.env,
    cwd: process.cwd(),
    readFile: (path) => readFileSync(path, 'utf8'),
    writeFile: (path, text) => {
      mkdirSync(dirname(path), { recursive: true })
      writeFileSync(path, clean(text))
    },
    setOutput: (name, value) => core.setOutput(name, clean(value)),
    info: (message) => core.info(oneLine(clean(message))),
    warning: (message) => core.warning(clean(message)),
    command: (line) => {
      process.stdout.write(`${oneLine(clean(line))}\n`)
    },
    summary: async (markdown) => {
      if (!process.env.GITHUB_STEP_SUMMARY) return
      try {
        await core.summary.addRaw(clean(markdown), true).write()
      } catch (error) {
        core.warning(clean(`Could not write the job summary: ${(error as Error).message}`))
      }
    },
    setFailed: (message) => core.setFailed(clean(message)),
    shellcheck: () => {
      if (shellcheck === null) shellcheck = createShellcheck()
      return shellcheck
    }
  }
}

/**
 * The tags step, loaded and run once, on first need: by the flow when it writes the summary (after
 * its API reads), and in any case before the run ends. Its errors fail the step; the review still
 * happens.
 */
function tagsOnce(): () => Promise<string[]> {
  return lazy(async () => {
    try {
      const { runTagsStep } = await import('./tags/step.js')
      return runTagsStep({
        env: process.env,
        getInput: (name) => core.getInput(name),
        readFile: (path) => readFileSync(path, 'utf8'),
        setOutput: (name, value) => core.setOutput(name, value),
        exportVariable: (name, value) => core.exportVariable(name, value),
        writeBakeFile: bakeFileWriter(),
        warning: (message) => core.warning(message),
        info: (message) => core.info(message),
        now: () => new Date()
      }).tags
    } catch (error) {
      core.setFailed(error instanceof Error ? error.message : String(error))
      return []
    }
  })
}

/** Bake files go to one folder of their own under RUNNER_TEMP, made on the first write. */
function bakeFileWriter(): (fileName: string, content: string) => string {
  let dir: string | undefined
  return (fileName, content) => {
    dir ??= mkdtempSync(join(process.env.RUNNER_TEMP || tmpdir(), 'docker-review-tags-'))
    const file = join(dir, fileName)
    writeFileSync(file, content)
    return file
  }
}

/** One line for a run that could not finish: GitHub's words for an API failure. */
function failureMessage(error: unknown): string {
  if (isRateLimited(error)) {
    return `GitHub's API rate limit for this token is used up: ${describeError(error)}. The run does not wait for it; re-run the job once the limit has reset.`
  }
  if (statusOf(error) !== undefined) return `GitHub API request failed: ${describeError(error)}`
  return error instanceof Error ? error.message : String(error)
}

/** The runner's own credentials visible to this process (redacted like the token). */
function runnerSecrets(): Array<string | undefined> {
  return RUNNER_SECRETS.map((name) => process.env[name])
}

export async function run(): Promise<void> {
  const tags = tagsOnce()
  if ((core.getInput('mode') || 'review') === 'tags') {
    await tags()
    return
  }
  let forms: string[] = secretFormsOf(runnerSecrets())
  const clean = (text: string) => redact(text, forms)
  try {
    const inputs = readActionInputs((name) => core.getInput(name))
    // The runner masks `github.token` and secrets in its log already; `setSecret` would print it
    // in an `::add-mask::` command, so it is not called. Everything the run writes (log, summary,
    // outputs, files) is redacted here as well: summaries, outputs and files are not masked.
    forms = secretFormsOf([inputs.token, ...runnerSecrets()])
    const ctx = runContext(process.env, readPayload(process.env.GITHUB_EVENT_PATH))
    const flow = { ctx, inputs, io: actionIO(clean), tags }
    if (inputs.mode === 'post') await postReport(flow)
    else if (ctx.pull) await reviewPullRequest(flow)
    else if (ctx.eventName === 'workflow_run') {
      throw new Error(
        'on `workflow_run`, use `mode: post` to post a report written by `mode: report`'
      )
    } else await lintCommit(flow)
  } catch (error) {
    core.setFailed(clean(failureMessage(error)))
  } finally {
    await tags()
  }
}
