#!/usr/bin/env node
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { setFlagsFromString } from 'node:v8'
import { workerData } from 'node:worker_threads'
import { currentSite, scriptLoader, usableCacheDir } from './code-cache.js'
import type { serveLintWorker as ServeLintWorker, start as Start } from './start.js'
import type { WorkerSetup } from './pool.js'
import { v8FlagsFor } from './v8-flags.js'
import { LINT_WORKER } from './worker-data.js'

/*
 * The entry point. In the bundle (dist/cli/, scripts/package.mjs) it holds only this and the code
 * cache: the CLI itself is the CommonJS script start.js next to it (with its chunks and
 * mvdan-sh.js), run from V8's code cache (src/cli/code-cache.ts). From the sources (tsx) there is
 * no such script, and start.ts is imported as it is.
 *
 * The bundle's entry is also what a lint worker runs (src/cli/pool.ts): the same scripts from the
 * same cache, then serveLintWorker instead of the command line. The cache is written only by a run
 * that linted in this thread: V8 caches the functions its isolate compiled, and one written by a
 * worker (lint code only) or by the main thread of a pooled run (no lint code) made the one-file
 * run that read it later 0.23 s instead of 0.17 s (Node 20). A pooled run without a cache
 * compiles from scratch, ~0.1-0.2 s of seconds.
 */
/* istanbul ignore next: the process edge */
const here = dirname(fileURLToPath(import.meta.url))
const asWorker = (workerData as Record<string, WorkerSetup> | null)?.[LINT_WORKER]
// The process's V8 flags, set once by the main thread, before it compiles the bundle or starts a
// worker.
if (!asWorker) for (const flag of v8FlagsFor(process.versions.v8)) setFlagsFromString(flag)
if (existsSync(join(here, 'start.js'))) {
  const loader = scriptLoader(here, usableCacheDir(currentSite()))
  if (asWorker) {
    const { serveLintWorker } = loader.require('./start.js') as {
      serveLintWorker: typeof ServeLintWorker
    }
    serveLintWorker(asWorker)
  } else {
    let pooled = false
    const work = new Set<string>()
    process.on('exit', () => {
      if (!pooled) loader.save([...work])
    })
    const { start } = loader.require('./start.js') as { start: typeof Start }
    const workers = {
      entry: join(here, 'index.js'),
      used: () => (pooled = true),
      did: (what: string) => work.add(what)
    }
    process.exitCode = await start(process.argv.slice(2), workers)
  }
} else {
  const { start } = (await import(/* webpackIgnore: true */ './start.js')) as {
    start: typeof Start
  }
  process.exitCode = await start(process.argv.slice(2))
}
