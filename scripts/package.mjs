#!/usr/bin/env node
// Rebuild the committed bundles: dist/index.js (the action) and dist/cli/ (the CLI). Both run with
// plain `node` and no node_modules.
//
//   node scripts/package.mjs [--out DIR] [--only action|cli]
//     --out: default dist; another folder (outside the checkout) to measure a build
//
// The CLI is built for start-up, which is what a pre-commit hook or an editor feels (measured with
// scripts/startup-bench.mjs):
// - dist/cli/index.js, the bin, is only the entry and the code cache (src/cli/code-cache.ts);
// - dist/cli/start.js is the CLI (src/cli/start.ts) as one CommonJS script, and NNN.start.js its
//   chunks (`tags`: Handlebars, moment-timezone), which the entry runs from V8's code cache;
// - dist/cli/mvdan-sh.js is mvdan/sh (1.5 MB), which src/parse/shell.ts `require`s on the first
//   RUN its fast path does not read: a run without one never parses, compiles or runs it.
// These scripts are CommonJS in a `"type": "module"` folder: they are read and compiled by the
// entry (vm.Script), never imported by Node; keeping the `.js` name keeps `files` in package.json,
// the Dockerfile and .dockerignore as they are.
import { createRequire } from 'node:module'
import { chmodSync, copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: { out: { type: 'string', default: 'dist' }, only: { type: 'string' } }
})
const out = resolve(values.out)
// The folder is emptied first: never the checkout or a folder above it.
if (
  !relative(out, process.cwd()).startsWith('..') ||
  !['action', 'cli', undefined].includes(values.only)
) {
  console.error(`usage: package.mjs [--out DIR] [--only action|cli] (not ${out})`)
  process.exit(2)
}
const require = createRequire(import.meta.url)
const ncc = require('@vercel/ncc')

/**
 * Bundle `entry` into `dir` (`index.js`, or `filename`), with its chunks, source maps and ncc's
 * licence file; returns the licence text. `skip`: assets not to write.
 */
async function build(
  entry,
  dir,
  { filename = 'index.js', esm, externals = {}, skip = [], ascii = false } = {}
) {
  const { code, map, assets } = await ncc(resolve(entry), {
    filename,
    esm,
    externals,
    sourceMap: true,
    license: 'licenses.txt',
    quiet: true,
    // Types are checked by `npm run typecheck`; the bundle only needs the JavaScript.
    transpileOnly: true,
    // No source-map-support hook: it parses the maps of every bundle on the first stack trace a
    // run formats (~27 MB RSS in the 3,000-file benchmark). The maps stay in dist/ for
    // `NODE_OPTIONS=--enable-source-maps` when debugging.
    sourceMapRegister: false
  })
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, filename), ascii ? toAscii(code, filename) : code)
  writeFileSync(join(dir, `${filename}.map`), map)
  for (const [name, asset] of Object.entries(assets)) {
    if (skip.includes(name) || name === `${filename}.map`) continue
    mkdirSync(dirname(join(dir, name)), { recursive: true })
    const source =
      ascii && name.endsWith('.js') ? toAscii(String(asset.source), name) : asset.source
    writeFileSync(join(dir, name), source, { mode: asset.permissions })
  }
  return String(assets['licenses.txt']?.source ?? '')
}

/**
 * `code` with every non-ASCII character written as a `\\u` escape, so that the code cache loader
 * reads the script as a one-byte (Latin-1) string: a 2.6 MB script with a single `…` in it is
 * otherwise decoded from UTF-8 and held as a two-byte string (5.2 MB). Outside comments,
 * non-ASCII characters occur only in string and template literals and regular expressions, where
 * the escape means the same character. Not in a raw template (`String.raw`), whose text would
 * change: such a script is refused.
 */
function toAscii(code, name) {
  const escaped = code.replace(
    // eslint-disable-next-line no-control-regex
    /[^\x00-\x7f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
  )
  if (escaped !== code && code.includes('String.raw')) {
    throw new Error(`${name}: non-ASCII text and raw template strings: cannot escape it safely`)
  }
  return escaped
}

/** A package's main file copied as `file` into `dir`; returns its licence in ncc's format. */
function copyPackage(name, dir, file) {
  const home = dirname(require.resolve(`${name}/package.json`))
  const pkg = JSON.parse(readFileSync(join(home, 'package.json'), 'utf8'))
  copyFileSync(join(home, pkg.main ?? 'index.js'), join(dir, file))
  return `${name}\n${pkg.license}\n${readFileSync(join(home, 'LICENSE'), 'utf8').trim()}\n`
}

if (values.only !== 'cli') {
  rmSync(out, { recursive: true, force: true })
  await build('src/index.ts', out)
}

if (values.only !== 'action') {
  const cli = join(out, 'cli')
  rmSync(cli, { recursive: true, force: true })
  // The entry bundles no package (a licence file would say so): it must stay this small.
  const entryLicenses = await build('src/cli/index.ts', cli, { skip: ['licenses.txt'] })
  if (entryLicenses.trim() !== '') {
    throw new Error(`src/cli/index.ts bundles packages:\n${entryLicenses.slice(0, 300)}`)
  }
  const licenses = await build('src/cli/start.ts', cli, {
    filename: 'start.js',
    esm: false,
    externals: { 'mvdan-sh': './mvdan-sh.js' },
    // The folder's package.json is the entry's (`"type": "module"`).
    skip: ['package.json'],
    // Scripts the code cache loader reads (src/cli/code-cache.ts): one-byte strings.
    ascii: true
  })
  const mvdan = copyPackage('mvdan-sh', cli, 'mvdan-sh.js')
  writeFileSync(join(cli, 'licenses.txt'), `${licenses.trimEnd()}\n\n${mvdan}`)

  // The CLI is the package's `bin`: make sure it starts with a shebang and is executable.
  const bin = join(cli, 'index.js')
  const code = readFileSync(bin, 'utf8')
  if (!code.startsWith('#!')) writeFileSync(bin, `#!/usr/bin/env node\n${code}`)
  chmodSync(bin, 0o755)
}
