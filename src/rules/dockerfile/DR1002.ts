import type { DockerfileDoc, Instruction } from '../../dockerfile/model.js'
import type { ShellCommand } from '../../parse/shell.js'
import { defineDockerfileRule } from '../define.js'
import { argsNoFlags, flagNames, isFlag } from './lib/commands.js'
import { commandName } from '../../dockerfile/runs.js'
import { finalChain } from '../../dockerfile/stages.js'
import { isPip } from './lib/insecure.js'
import { mergeEdits, mergeable, previousInstruction } from './lib/run-merge.js'
import { commandsMatching } from '../../dockerfile/runs.js'

/**
 * What a layer leaves behind (package caches, installed packages, downloaded files) and which
 * commands delete it. A deletion in a later layer hides the files but cannot shrink the layer
 * that holds them.
 */

const CACHE_DIRS: Array<[RegExp, string]> = [
  [/^\/var\/lib\/apt\/lists(\/|$)/, 'apt-lists'],
  [/^\/var\/cache\/apt(\/|$)/, 'apt-archives'],
  [/^\/var\/cache\/apk(\/|$)/, 'apk-cache'],
  [/^\/var\/cache\/yum(\/|$)/, 'yum-cache'],
  [/^\/var\/cache\/(dnf|libdnf5)(\/|$)/, 'dnf-cache'],
  [/^\/var\/cache\/zypp(\/|$)/, 'zypp-cache'],
  [/^(\/root|~|\$HOME)\/\.cache(\/pip)?(\/|$)/, 'pip-cache'],
  [/^(\/root|~|\$HOME)\/\.npm(\/|$)/, 'npm-cache'],
  [/^\/usr\/local\/share\/\.cache\/yarn(\/|$)/, 'yarn-cache']
]

const LABELS: Record<string, string> = {
  'apt-lists': 'the apt package lists',
  'apt-archives': 'the downloaded .deb files',
  'apk-cache': 'the apk cache',
  'yum-cache': 'the yum cache',
  'dnf-cache': 'the dnf cache',
  'zypp-cache': 'the zypper cache',
  'pip-cache': 'the pip cache',
  'npm-cache': 'the npm cache',
  'yarn-cache': 'the yarn cache'
}

const APT = ['apt-get', 'apt', 'aptitude']
const RPM = ['yum', 'dnf', 'microdnf', 'tdnf']

function sub(cmd: ShellCommand, valueFlags: string[] = []): string {
  return argsNoFlags(cmd, valueFlags)[0]?.value ?? ''
}

function literalArgs(cmd: ShellCommand, valueFlags: string[] = []): string[] {
  return argsNoFlags(cmd, valueFlags)
    .slice(1)
    .filter((w) => w.literal)
    .map((w) => w.value)
}

/** Commands that can create or delete what this rule tracks (everything else is skipped fast). */
const RELEVANT =
  /^(rm|apt-get|apt|aptitude|apk|yum|dnf|microdnf|tdnf|zypper|pip[\d.]*|python[\d.]*|npm|yarn|curl|wget|git)$/

/** Keys of what a command leaves in its layer. */
function produced(cmd: ShellCommand): string[] {
  const name = commandName(cmd)
  if (!RELEVANT.test(name)) return []
  const out: string[] = []
  if (APT.includes(name)) {
    const s = sub(cmd, ['o', 'c', 't'])
    if (s === 'update') out.push('apt-lists')
    if (s === 'install') {
      out.push('apt-archives')
      out.push(...literalArgs(cmd, ['o', 'c', 't']).map((p) => `pkg:${p.split('=')[0]}`))
    }
  } else if (name === 'apk') {
    const s = sub(cmd, ['t', 'virtual', 'X', 'repository'])
    if ((s === 'add' || s === 'update') && !flagNames(cmd).includes('no-cache'))
      out.push('apk-cache')
    if (s === 'add') {
      const virtual = cmd.args.findIndex((a) => a.value === '--virtual' || a.value === '-t')
      if (virtual !== -1 && cmd.args[virtual + 1]) out.push(`pkg:${cmd.args[virtual + 1].value}`)
      out.push(
        ...literalArgs(cmd, ['t', 'virtual', 'X', 'repository']).map(
          (p) => `pkg:${p.split(/[=~<>]/)[0]}`
        )
      )
    }
  } else if (RPM.includes(name)) {
    const s = sub(cmd, ['setopt', 'enablerepo', 'disablerepo'])
    if (s === 'install' || s === 'update' || s === 'upgrade') {
      out.push(name === 'yum' ? 'yum-cache' : 'dnf-cache')
      if (s === 'install') out.push(...literalArgs(cmd, ['setopt']).map((p) => `pkg:${p}`))
    }
  } else if (name === 'zypper') {
    if (['install', 'in'].includes(sub(cmd))) out.push('zypp-cache')
  } else if (isPip(cmd)) {
    if (cmd.args.some((a) => a.value === 'install') && !flagNames(cmd).includes('no-cache-dir'))
      out.push('pip-cache')
  } else if (name === 'npm') {
    if (['install', 'i', 'ci'].includes(sub(cmd))) out.push('npm-cache')
  } else if (name === 'yarn') {
    if (['', 'install', 'add'].includes(sub(cmd))) out.push('yarn-cache')
  } else if (name === 'curl' || name === 'wget') {
    out.push(...downloads(cmd).map((p) => `path:${p}`))
  } else if (name === 'git' && sub(cmd) === 'clone') {
    const args = argsNoFlags(cmd, ['b', 'branch', 'depth', 'c', 'config', 'o', 'origin'])
    const target = args[3]
    if (target?.literal && target.value.startsWith('/')) out.push(`path:${clean(target.value)}`)
  }
  return out
}

/** Absolute output paths of curl/wget. */
function downloads(cmd: ShellCommand): string[] {
  const out: string[] = []
  const args = cmd.args
  for (let i = 0; i < args.length; i++) {
    const v = args[i].value
    let path: string | undefined
    if (['-o', '--output', '-O', '--output-document', '-P', '--directory-prefix'].includes(v))
      path = args[i + 1]?.literal ? args[i + 1].value : undefined
    else if (/^--(output|output-document|directory-prefix)=/.test(v)) path = v.split('=')[1]
    if (path?.startsWith('/')) out.push(clean(path))
  }
  return out
}

function clean(path: string): string {
  return path.replace(/\/\*$/, '').replace(/\/+$/, '') || '/'
}

/** Keys a command deletes. */
function removed(cmd: ShellCommand): string[] {
  const name = commandName(cmd)
  if (!RELEVANT.test(name)) return []
  const out: string[] = []
  if (name === 'rm') {
    for (const w of cmd.args) {
      if (isFlag(w)) continue
      const path = w.raw.replace(/^["']|["']$/g, '')
      const cache = CACHE_DIRS.find(([re]) => re.test(path))
      if (cache) out.push(cache[1])
      else if (path.startsWith('/')) out.push(`rm:${clean(path)}`)
    }
  } else if (APT.includes(name)) {
    const s = sub(cmd, ['o', 'c', 't'])
    if (s === 'clean' || s === 'autoclean') out.push('apt-archives')
    if (s === 'purge' || s === 'remove')
      out.push(...literalArgs(cmd, ['o', 'c', 't']).map((p) => `pkg:${p}`))
  } else if (name === 'apk') {
    const s = sub(cmd)
    if (s === 'del') out.push(...literalArgs(cmd).map((p) => `pkg:${p}`))
    if (s === 'cache' && cmd.args.some((a) => a.value === 'clean' || a.value === 'purge'))
      out.push('apk-cache')
  } else if (RPM.includes(name)) {
    const s = sub(cmd)
    if (s === 'clean') out.push(name === 'yum' ? 'yum-cache' : 'dnf-cache')
    if (s === 'remove' || s === 'erase') out.push(...literalArgs(cmd).map((p) => `pkg:${p}`))
  } else if (name === 'zypper') {
    if (['clean', 'cc'].includes(sub(cmd))) out.push('zypp-cache')
  } else if (isPip(cmd)) {
    if (cmd.args.some((a) => a.value === 'cache')) out.push('pip-cache')
  } else if (name === 'npm' || name === 'yarn') {
    if (sub(cmd) === 'cache' && cmd.args.some((a) => a.value === 'clean')) out.push(`${name}-cache`)
  }
  return out
}

/** Does deleting `key` undo something created earlier? Returns the matched key. */
function matches(key: string, made: Made): string | undefined {
  if (!key.startsWith('rm:')) return made.keys.has(key) ? key : undefined
  const target = key.slice(3)
  for (const k of made.paths.keys()) {
    const p = k.slice(5)
    if (p === target || p.startsWith(`${target}/`)) return k
  }
  return undefined
}

/** What earlier RUNs created: caches and packages by key, downloaded paths apart (few, scanned). */
interface Made {
  keys: Map<string, Instruction>
  paths: Map<string, Instruction>
}

function creator(made: Made, key: string): Instruction | undefined {
  return (key.startsWith('path:') ? made.paths : made.keys).get(key)
}

function describe(key: string): string {
  if (key.startsWith('pkg:')) return `package ${key.slice(4)}`
  if (key.startsWith('path:')) return key.slice(5)
  return LABELS[key] ?? key
}

function cleanupOnly(doc: DockerfileDoc, inst: Instruction): boolean {
  const script = doc.shell(inst)
  return (
    !!script && script.commands.every((c) => removed(c).length > 0 || commandName(c) === 'true')
  )
}

export const DR1002 = defineDockerfileRule({
  id: 'DR1002',
  aliases: [],
  severity: 'warning',
  perInstruction: true,
  fixable: true,
  description:
    'A RUN deletes caches, packages or downloads that an earlier layer created, so the image does not get smaller.',
  check(doc, ctx) {
    const relevant = new Map<Instruction, ShellCommand[]>()
    for (const { inst, cmd } of commandsMatching(doc, (n) => RELEVANT.test(n))) {
      const list = relevant.get(inst)
      if (list) list.push(cmd)
      else relevant.set(inst, [cmd])
    }
    /** Key → the latest RUN that created it. */
    const made: Made = { keys: new Map(), paths: new Map() }
    for (const stage of finalChain(doc).reverse()) {
      for (const inst of stage.instructions) {
        if (inst.keyword !== 'RUN') continue
        const cmds = relevant.get(inst)
        if (!cmds) continue
        const here = new Set(cmds.flatMap(produced))
        const deleted = cmds.map(removed)
        const late: Array<{ cmd: ShellCommand; keys: string[] }> = []
        for (const [i, cmd] of cmds.entries()) {
          const keys = deleted[i]
            .filter((k) => !here.has(k) && !(k.startsWith('rm:') && here.has(`path:${k.slice(3)}`)))
            .map((k) => matches(k, made))
            .filter((k): k is string => k !== undefined)
          if (keys.length > 0) late.push({ cmd, keys })
        }
        if (late.length > 0) {
          const keys = [...new Set(late.flatMap((l) => l.keys))]
          const sources = [...new Set(keys.map((k) => creator(made, k)!))]
          const prev = previousInstruction(doc, inst)
          const merge =
            prev &&
            sources.length === 1 &&
            sources[0] === prev &&
            cleanupOnly(doc, inst) &&
            mergeable(doc, prev, inst)
          const lines = sources.map((s) => s.range.start.line).join(', ')
          ctx.report({
            message: `This RUN deletes ${keys.map(describe).join(', ')}, created by the RUN on line ${lines}: the files stay in that earlier layer, so the image is no smaller. Clean up in the same RUN that creates them.`,
            range: doc.span(late[0].cmd.start, late[late.length - 1].cmd.end).range,
            fix: merge
              ? {
                  description:
                    'Merge this clean-up into the previous RUN with `&&`, so the files never reach a layer (unsafe: the two commands now share one layer and one cache entry).',
                  safe: false,
                  edits: mergeEdits(doc, prev, inst)
                }
              : undefined
          })
        }
        for (const key of here) (key.startsWith('path:') ? made.paths : made.keys).set(key, inst)
        // What this RUN deletes is gone for later RUNs too.
        for (const keys of deleted) {
          for (const k of keys) {
            for (let m = matches(k, made); m !== undefined; m = matches(k, made)) {
              made.keys.delete(m)
              made.paths.delete(m)
            }
          }
        }
      }
    }
  }
})
