import { serialize } from 'node:v8'
import { parentPort } from 'node:worker_threads'
import { configFromTexts } from '../config/config.js'
import { lintFiles } from '../lint/engine.js'
import { shellcheckRequests } from '../rules/dockerfile/lib/shellcheck-prefetch.js'
import { registry } from '../rules/index.js'
import { createShellcheck } from '../tools/shellcheck.js'
import { renderReport } from './lint.js'
import { joinParts, lintOptions, type FromWorker, type ToWorker, type WorkerSetup } from './pool.js'

/**
 * A lint worker of src/cli/pool.ts: the same configuration, workspace, ShellCheck and budget as
 * the main thread would use, then chunks of files linted as they come, and the report when asked.
 * No garbage-collection pacing (src/io/heap.ts): with both generations capped (WORKER_OLD_MB) it
 * cost CPU for little memory.
 * `finish` runs once the main thread says there is no more (the entry writes the code cache there).
 */
export function serveLintWorker(setup: WorkerSetup, finish: () => void): void {
  const port = parentPort
  if (!port) throw new Error('serveLintWorker runs in a worker thread')
  const config = configFromTexts(setup.config, registry, [setup.cli])
  const shellcheck = setup.shellcheck ? createShellcheck() : undefined
  const options = lintOptions({
    cwd: setup.cwd,
    config,
    tools: shellcheck ? { shellcheck } : {},
    budget: { ms: setup.budgetMs, now: () => performance.now() }
  })
  port.on('message', (message: ToWorker) => {
    if (message === null) {
      finish()
      port.close()
      return
    }
    let reply: FromWorker
    if ('render' in message) {
      const results = joinParts(message.parts, message.render.total)
      reply = { rendered: renderReport(results, config, message.render) }
    } else {
      // This chunk's scripts checked at once, over every core, before its files ask one by one.
      shellcheck?.prefetch(shellcheckRequests(message.inputs))
      reply = { chunk: message.chunk, data: serialize(lintFiles(message.inputs, options)) }
    }
    port.postMessage(reply)
  })
}
