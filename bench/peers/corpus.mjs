#!/usr/bin/env node
// A peer linter over many files in one process: `node corpus.mjs <dockerfile-utils|dockerfilelint>
// <file|dir>...` reads every file (below each folder), lints it with the peer's library and prints
// the results as JSON — what the peer's own CLI prints for one file. dockerfile-utils' CLI takes a
// single file, and dockerfilelint's stops at the first file it crashes on (a crash here is
// recorded for that file), so the whole-process benchmark (bench/whole.ts) runs this instead.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

const require = createRequire(import.meta.url)

const [tool, ...paths] = process.argv.slice(2)
const lint = {
  'dockerfile-utils': () => {
    const { validate } = require('dockerfile-utils')
    return (text) => validate(text)
  },
  dockerfilelint: () => {
    const { run } = require('dockerfilelint')
    return (text) => run(process.cwd(), text)
  }
}[tool]
if (!lint) throw new Error(`unknown peer ${tool}`)
const check = lint()

function* files(path) {
  if (!statSync(path).isDirectory()) return yield path
  for (const name of readdirSync(path).sort()) yield* files(join(path, name))
}

const out = {}
for (const path of paths)
  for (const file of files(path)) {
    try {
      out[file] = check(readFileSync(file, 'utf8'))
    } catch (error) {
      out[file] = { crash: String(error) }
    }
  }
process.stdout.write(`${JSON.stringify(out)}\n`)
