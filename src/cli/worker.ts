import { serialize } from 'node:v8'
import { parentPort } from 'node:worker_threads'
import { configFromTexts } from '../config/config.js'
import { lintFiles } from '../lint/engine.js'
import type { ShellcheckFn, ShellcheckResult } from '../core/tools.js'
import { registry } from '../rules/index.js'
import { createShellcheck } from '../tools/shellcheck.js'
import { pieceBuffers, renderReport, reportPiece, textsOf } from './lint.js'
import { shellcheckRequests } from '../rules/dockerfile/lib/shellcheck-prefetch.js'
import {
  FILES_PER_MESSAGE,
  joinParts,
  lintOptions,
  type FromWorker,
  type ToWorker,
  type WorkerSetup
} from './pool.js'

/**
 * A lint worker of src/cli/pool.ts: the same configuration, workspace, ShellCheck and budget as
 * the main thread would use, then chunks of files linted as they come, and the report when asked.
 * No garbage-collection pacing (src/io/heap.ts): with both generations capped (WORKER_OLD_MB) it
 * cost CPU for little memory.
 */
export function serveLintWorker(setup: WorkerSetup): void {
  const port = parentPort
  if (!port) throw new Error('serveLintWorker runs in a worker thread')
  const config = configFromTexts(setup.config, registry, [setup.cli])
  // ShellCheck's answers come with each chunk (RunShellcheck); a script missing from them (none
  // should be) is checked here.
  let known = new Map<string, ShellcheckResult>()
  let own: ShellcheckFn | null | undefined
  const checkHere = (script: string): ShellcheckResult =>
    (own ??= createShellcheck() ?? null)?.([{ script }])[0] ?? {
      notChecked: 'ShellCheck could not run in a lint worker'
    }
  const shellcheck: ShellcheckFn | undefined = setup.shellcheck
    ? (requests) => requests.map((r) => known.get(r.script) ?? checkHere(r.script))
    : undefined
  const options = lintOptions({
    cwd: setup.cwd,
    config,
    tools: shellcheck ? { shellcheck } : {},
    budget: { ms: setup.budgetMs, now: () => performance.now() }
  })
  port.on('message', (message: ToWorker) => {
    if (message === null) {
      port.close()
      return
    }
    if ('scriptsOf' in message) {
      const inputs = message.scriptsOf
      for (let i = 0; i < inputs.length; i += FILES_PER_MESSAGE) {
        const scripts = inputs
          .slice(i, i + FILES_PER_MESSAGE)
          .map((input) => shellcheckRequests([input]).map((r) => r.script))
        port.postMessage({ scripts } satisfies FromWorker)
      }
      return
    }
    if ('render' in message) {
      const results = joinParts(message.parts, message.render.total)
      const rendered = renderReport(results, config, message.render)
      const bytes = Buffer.from(rendered.stdout as string, 'utf8')
      // The bytes move to the main thread (transferred, not copied): copied out of Node's shared
      // pool first when they sit in it.
      const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
      const stdout = own ? bytes : new Uint8Array(bytes)
      port.postMessage({ rendered: { ...rendered, stdout } } satisfies FromWorker, [stdout.buffer])
      return
    }
    known = new Map(message.shellcheck)
    const results = lintFiles(message.inputs, options)
    if (setup.report) {
      const piece = reportPiece(results, config, setup.report, textsOf(message.inputs))
      if (!piece) throw new Error(`no pieces for the report's format`)
      port.postMessage({ chunk: message.chunk, piece } satisfies FromWorker, pieceBuffers(piece))
      return
    }
    const data = serialize(results)
    port.postMessage({ chunk: message.chunk, data } satisfies FromWorker)
  })
}
