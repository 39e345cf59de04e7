import * as core from '@actions/core'
import { readFileSync } from 'node:fs'
import { runTagsStep } from './tags/step.js'

/**
 * The action's composition root: the only module (with the reporters it calls) that touches
 * `process.env`, the file system and the network.
 */
export async function run(): Promise<void> {
  try {
    const mode = core.getInput('mode') || 'review'
    runTagsStep({
      env: process.env,
      getInput: (name) => core.getInput(name),
      readFile: (path) => readFileSync(path, 'utf8'),
      setOutput: (name, value) => core.setOutput(name, value),
      warning: (message) => core.warning(message),
      info: (message) => core.info(message),
      now: () => new Date()
    })
    if (mode === 'tags') return
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error))
  }
}
