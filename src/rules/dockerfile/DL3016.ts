import { defineDockerfileRule } from '../define.js'
import { argsNoFlags, reportUnpinned } from './lib/commands.js'
import { commandsNamed } from '../../dockerfile/runs.js'

const INSTALL = ['install', 'i', 'add']
/** npm options that take a separate value. */
const VALUE_FLAGS = [
  'loglevel',
  'registry',
  'prefix',
  'cache',
  'userconfig',
  'globalconfig',
  'tag',
  'w',
  'workspace',
  'omit',
  'include',
  'install-strategy',
  'save-prefix',
  'scope',
  'fetch-retries',
  'fetch-timeout',
  'maxsockets',
  'proxy',
  'https-proxy',
  'cafile',
  'location'
]
const GIT = /^git(\+(ssh|https?|file))?:\/\//
const TARBALL = /\.(tar|tar\.gz|tgz)$/
const FOLDER = /^(\/|\.\/|\.\.\/|~\/)/

function pinned(spec: string): boolean {
  if (GIT.test(spec)) return spec.includes('#')
  if (TARBALL.test(spec) || FOLDER.test(spec)) return true
  // `@scope/name@version`: the version `@` comes after the scope.
  return (spec.startsWith('@') ? spec.slice(1) : spec).includes('@')
}

export const DL3016 = defineDockerfileRule({
  id: 'DL3016',
  aliases: [],
  severity: 'warning',
  perInstruction: true,
  description:
    'Pin versions in npm. Instead of `npm install <package>` use `npm install <package>@<version>`.',
  check(doc, ctx) {
    for (const { inst, cmd } of commandsNamed(doc, 'npm')) {
      const args = argsNoFlags(cmd, VALUE_FLAGS)
      // The subcommand comes first (`npm run --x install` runs a script called install).
      if (!args[0] || !INSTALL.includes(args[0].value)) continue
      reportUnpinned(
        doc,
        ctx.report,
        inst,
        args.slice(1),
        pinned,
        (names, example) =>
          `Pin versions in npm install: ${names} (e.g. \`${example}@<version>\`; a bare \`npm install\`/\`npm ci\` uses the lock file).`
      )
    }
  }
})
