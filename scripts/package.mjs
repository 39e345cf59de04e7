#!/usr/bin/env node
// Rebuild the committed bundles: dist/index.js (the action) and dist/cli/index.js (the CLI).
// Both run with plain `node` and no node_modules.
// `--out <dir>`: build into <dir> (and <dir>/cli) instead of dist/ — the benchmark's throwaway build.
import { execFileSync } from 'node:child_process'
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs'

const ncc = (entry, out, extra = []) =>
  execFileSync(
    'npx',
    [
      '--no-install',
      'ncc',
      'build',
      entry,
      '-o',
      out,
      '--source-map',
      '--license',
      'licenses.txt',
      '--quiet',
      // Types are checked by `npm run typecheck`; the bundle only needs the JavaScript.
      '--transpile-only',
      // No source-map-support hook: it parses the maps of every bundle on the first stack trace a
      // run formats (~27 MB RSS in the 3,000-file benchmark). The maps stay in dist/ for
      // `NODE_OPTIONS=--enable-source-maps` when debugging.
      '--no-source-map-register',
      ...extra
    ],
    {
      stdio: 'inherit'
    }
  )

const outFlag = process.argv.indexOf('--out')
const out = outFlag === -1 ? 'dist' : process.argv[outFlag + 1]
if (!out) throw new Error('--out takes a directory')

rmSync(out, { recursive: true, force: true })
ncc('src/index.ts', out)
ncc('src/cli/index.ts', `${out}/cli`)

// The CLI is the package's `bin`: make sure it starts with a shebang and is executable.
const cli = `${out}/cli/index.js`
const code = readFileSync(cli, 'utf8')
if (!code.startsWith('#!')) writeFileSync(cli, `#!/usr/bin/env node\n${code}`)
chmodSync(cli, 0o755)
