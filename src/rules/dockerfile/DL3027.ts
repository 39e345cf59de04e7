import { withEffect } from '../../core/fixes.js'
import type { TextEdit } from '../../core/types.js'
import { defineDockerfileRule } from '../define.js'
import { argsNoFlags, fix, insertAfter, replaceWord } from './lib/commands.js'
import { commandName, commandsNamed } from '../../dockerfile/runs.js'

/** `apt` subcommands and their scripting equivalents: [program, subcommand, extra flag]. */
const EQUIVALENT: Record<string, [string, string, string?]> = {
  install: ['apt-get', 'install'],
  reinstall: ['apt-get', 'reinstall'],
  remove: ['apt-get', 'remove'],
  purge: ['apt-get', 'purge'],
  autoremove: ['apt-get', 'autoremove'],
  autopurge: ['apt-get', 'autopurge'],
  update: ['apt-get', 'update'],
  // apt's upgrade installs new dependencies, like apt-get's --with-new-pkgs.
  upgrade: ['apt-get', 'upgrade', '--with-new-pkgs'],
  'full-upgrade': ['apt-get', 'dist-upgrade'],
  'dist-upgrade': ['apt-get', 'dist-upgrade'],
  clean: ['apt-get', 'clean'],
  autoclean: ['apt-get', 'autoclean'],
  'build-dep': ['apt-get', 'build-dep'],
  source: ['apt-get', 'source'],
  download: ['apt-get', 'download'],
  changelog: ['apt-get', 'changelog'],
  satisfy: ['apt-get', 'satisfy'],
  check: ['apt-get', 'check'],
  search: ['apt-cache', 'search'],
  show: ['apt-cache', 'show'],
  showsrc: ['apt-cache', 'showsrc'],
  policy: ['apt-cache', 'policy'],
  depends: ['apt-cache', 'depends'],
  rdepends: ['apt-cache', 'rdepends'],
  madison: ['apt-cache', 'madison'],
  showpkg: ['apt-cache', 'showpkg'],
  pkgnames: ['apt-cache', 'pkgnames']
}

/** apt options that take a separate value. */
const VALUE_FLAGS = ['o', 'option', 'c', 'config-file', 't', 'target-release']

export const DL3027 = defineDockerfileRule({
  id: 'DL3027',
  aliases: ['CKV_DOCKER_9'],
  severity: 'warning',
  perInstruction: true,
  fixable: true,
  description:
    'Do not use apt as it is meant to be an end-user tool, use apt-get or apt-cache instead.',
  check(doc, ctx) {
    for (const { cmd } of commandsNamed(doc, 'apt')) {
      const apt = cmd.words[0]
      const sub = argsNoFlags(cmd, VALUE_FLAGS)[0]
      const eq = sub?.literal ? EQUIVALENT[sub.value] : undefined
      let edit
      if (sub && eq) {
        const [program, subcommand, extra] = eq
        // Replacing the subcommand and inserting after it never happen together (see the table).
        const edits: Array<TextEdit | undefined> = [replaceWord(doc, apt, program)]
        if (subcommand !== sub.value) edits.push(replaceWord(doc, sub, subcommand))
        if (extra) edits.push(insertAfter(doc, sub, extra))
        edit = withEffect(
          fix(
            `Use \`${program} ${subcommand}${extra ? ` ${extra}` : ''}\` (the same operation with a stable, non-interactive interface).`,
            true,
            ...edits
          ),
          {
            kind: 'replace-words',
            command: commandName(cmd),
            from: [apt.value, sub.value],
            to: [program, subcommand, ...(extra ? [extra] : [])]
          }
        )
      }
      ctx.report({
        message: `\`apt\` is meant for interactive use and warns that its command line may change; use ${eq ? `\`${eq[0]}\`` : '`apt-get` or `apt-cache`'} in scripts.`,
        range: doc.span(apt.start, apt.end).range,
        fix: edit
      })
    }
  }
})
