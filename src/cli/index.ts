#!/usr/bin/env node
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { currentSite, scriptLoader, usableCacheDir } from './code-cache.js'
import type { start as Start } from './start.js'

/*
 * The entry point. In the bundle (dist/cli/, scripts/package.mjs) it holds only this and the code
 * cache: the CLI itself is the CommonJS script start.js next to it (with its chunks and
 * mvdan-sh.js), run from V8's code cache (src/cli/code-cache.ts). From the sources (tsx) there is
 * no such script, and start.ts is imported as it is.
 */
/* istanbul ignore next: the process edge */
const here = dirname(fileURLToPath(import.meta.url))
let start: typeof Start
if (existsSync(join(here, 'start.js'))) {
  const loader = scriptLoader(here, usableCacheDir(currentSite()))
  process.on('exit', () => loader.save())
  ;({ start } = loader.require('./start.js') as { start: typeof Start })
} else {
  ;({ start } = (await import(/* webpackIgnore: true */ './start.js')) as { start: typeof Start })
}
process.exitCode = await start(process.argv.slice(2))
