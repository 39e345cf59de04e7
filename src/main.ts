import * as core from '@actions/core'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { runContext } from './action/context.js'
import { readActionInputs } from './action/inputs.js'
import type { ActionIO } from './action/io.js'
import { postReport } from './action/post.js'
import { lintCommit } from './action/push.js'
import { reviewPullRequest } from './action/review.js'
import type { Tools } from './core/tools.js'
import { lazy } from './core/lazy.js'
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

function actionIO(): ActionIO {
  let shellcheck: Tools['shellcheck'] | undefined | null = null
  return {
    env: process.env,
    cwd: process.cwd(),
    readFile: (path) => readFileSync(path, 'utf8'),
    writeFile: (path, text) => {
      mkdirSync(dirname(path), { recursive: true })
      writeFileSync(path, text)
    },
    setOutput: (name, value) => core.setOutput(name, value),
    info: (message) => core.info(message),
    warning: (message) => core.warning(message),
    command: (line) => {
      process.stdout.write(`${line}\n`)
    },
    summary: async (markdown) => {
      if (!process.env.GITHUB_STEP_SUMMARY) return
      try {
        await core.summary.addRaw(markdown, true).write()
      } catch (error) {
        core.warning(`Could not write the job summary: ${(error as Error).message}`)
      }
    },
    setFailed: (message) => core.setFailed(message),
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

export async function run(): Promise<void> {
  const tags = tagsOnce()
  if ((core.getInput('mode') || 'review') === 'tags') {
    await tags()
    return
  }
  let token = ''
  try {
    const inputs = readActionInputs((name) => core.getInput(name))
    // The runner masks `github.token` and secrets already; `setSecret` would print it in a
    // `::add-mask::` command, so it is not called.
    token = inputs.token
    const ctx = runContext(process.env, readPayload(process.env.GITHUB_EVENT_PATH))
    const flow = { ctx, inputs, io: actionIO(), tags }
    if (inputs.mode === 'post') await postReport(flow)
    else if (ctx.pull) await reviewPullRequest(flow)
    else if (ctx.eventName === 'workflow_run') {
      throw new Error(
        'on `workflow_run`, use `mode: post` to post a report written by `mode: report`'
      )
    } else await lintCommit(flow)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    core.setFailed(token ? message.split(token).join('***') : message)
  } finally {
    await tags()
  }
}
