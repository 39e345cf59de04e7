import type { ShellCommand, ShellWord } from '../../../parse/shell.js'
import { argsNoFlags } from './commands.js'

/**
 * Package-manager vocabulary for the yum / dnf / zypper / yarn rules: which words are packages,
 * when a package is version-pinned, which commands clean a cache later in the same RUN, and how
 * to read an option's value.
 */

/** A word that is only a variable (`$PKGS`, `"${PACKAGES}"`): its packages are unknown. */
const ONLY_VARIABLE = /^["']?\$(\{[A-Za-z_][A-Za-z0-9_]*[^}]*\}|[A-Za-z_][A-Za-z0-9_]*)["']?$/
const VARIABLE_REF = /\$\{([A-Za-z_][A-Za-z0-9_]*)[^}]*\}|\$([A-Za-z_][A-Za-z0-9_]*)/g
const VERSION_PART = /^[A-Za-z0-9.~^_:+]+$/

export function onlyVariable(word: ShellWord): boolean {
  return !word.literal && ONLY_VARIABLE.test(word.raw)
}

/** Names of the variables a word references. */
function variablesIn(raw: string): string[] {
  const out: string[] = []
  for (const m of raw.matchAll(VARIABLE_REF)) out.push(m[1] ?? m[2])
  return out
}

/**
 * An RPM package spec that names a version: `name-1.2`, `name-1:1.2-3.el9`, `gcc-c++-12`, or a
 * `.rpm` file: after some `-`, every dash-separated part is version-like and the first one starts
 * with a digit (`python3-pip` names no version).
 */
function rpmPinned(spec: string): boolean {
  if (spec.endsWith('.rpm')) return true
  const parts = spec.split('-')
  if (parts.length <= 1) return false
  const rest = parts.slice(1)
  // Package names may themselves contain dashes (`rpm-sign-4.16`): the version is the tail.
  for (let k = 0; k < rest.length; k++) {
    const tail = rest.slice(k)
    if (tail.every((p) => VERSION_PART.test(p)) && /^\d/.test(tail[0])) return true
  }
  return false
}

/** `name=1.2`, `name>=1.2`, `name<2` or a `.rpm` file (zypper). */
export function zypperPinned(spec: string): boolean {
  return /[=<>]/.test(spec) || spec.endsWith('.rpm')
}

/** Module streams must name a stream: `nodejs:20`. */
function modulePinned(spec: string): boolean {
  return spec.includes(':')
}

/** Any argument of `cmd` equals one of `words`. */
export function hasWord(cmd: ShellCommand, words: readonly string[]): boolean {
  return cmd.args.some((a) => words.includes(a.value))
}

/** `rm` of one of the given cache directories (or their contents). */
export function removes(cmd: ShellCommand, dirs: readonly string[]): boolean {
  if (cmd.name !== 'rm' && !cmd.name.endsWith('/rm')) return false
  return cmd.args.some((a) => {
    const path = a.value.replace(/\/\*?$/, '').replace(/\*$/, '')
    return dirs.some((d) => path === d || path.startsWith(`${d}/`))
  })
}

/** Does some cache/tmpfs mount target cover one of `dirs` (or a directory ending with it)? */
export function mountCovers(targets: readonly string[], dirs: readonly string[]): boolean {
  return targets.some((t) =>
    dirs.some((d) => t === d || t.endsWith(d.startsWith('/') ? d : `/${d}`))
  )
}

/**
 * The first install command that no clean command follows in the same script (install, clean,
 * install reports the second install), or undefined.
 */
export function installWithoutClean(
  commands: readonly ShellCommand[],
  isInstall: (cmd: ShellCommand) => boolean,
  isClean: (cmd: ShellCommand) => boolean
): ShellCommand | undefined {
  let pending: ShellCommand | undefined
  for (const cmd of commands) {
    if (isClean(cmd)) pending = undefined
    else if (!pending && isInstall(cmd)) pending = cmd
  }
  return pending
}

/** yum/dnf/microdnf options that take a separate value. */
const RPM_VALUE_FLAGS = [
  'c',
  'config',
  'd',
  'debuglevel',
  'e',
  'errorlevel',
  'x',
  'exclude',
  'enablerepo',
  'disablerepo',
  'repo',
  'repoid',
  'releasever',
  'installroot',
  'setopt',
  'forcearch',
  'downloaddir',
  'destdir',
  'comment',
  'repofrompath',
  'advisory',
  'advisories',
  'bz',
  'bzs',
  'cve',
  'cves',
  'sec-severity',
  'secseverity',
  'rpmverbosity'
]

/**
 * The package words of a yum/dnf `install` that name no version. Module streams (`module install`)
 * need `:stream`; group installs are skipped; words that are only a variable are unknown and pass;
 * a word whose variables are all defined (by ARG, or ENV in the stage's lineage) counts as pinned.
 */
export function unpinnedRpmPackages(
  cmd: ShellCommand,
  defined: () => ReadonlySet<string>
): ShellWord[] {
  if (!hasWord(cmd, ['install'])) return []
  const module = hasWord(cmd, ['module'])
  if (!module && hasWord(cmd, ['group'])) return []
  const out: ShellWord[] = []
  for (const w of argsNoFlags(cmd, RPM_VALUE_FLAGS)) {
    if (w.value === 'install' || w.value === 'module') continue
    if (onlyVariable(w) || w.value.startsWith('@')) continue
    let spec = w.value
    if (!w.literal) {
      const vars = variablesIn(w.raw)
      const known = defined()
      if (vars.length > 0 && vars.every((v) => known.has(v))) continue
      spec = w.raw.replace(/^["']|["']$/g, '')
    }
    if (!(module ? modulePinned(spec) : rpmPinned(spec))) out.push(w)
  }
  return out
}

/**
 * The value of an option: `-u 1000`, `-u1000`, `--uid 1000` or `--uid=1000` for
 * `flagValue(cmd, ['u'], ['uid'])`. Returns the word holding the value (and the value itself).
 */
export function flagValue(
  cmd: ShellCommand,
  short: readonly string[],
  long: readonly string[]
): { word: ShellWord; flag: ShellWord; value: string } | undefined {
  const args = cmd.args
  for (let i = 0; i < args.length; i++) {
    const w = args[i]
    const v = w.value
    if (v.startsWith('--')) {
      const eq = v.indexOf('=')
      const name = v.slice(2, eq === -1 ? undefined : eq)
      if (!long.includes(name)) continue
      if (eq !== -1) return { word: w, flag: w, value: v.slice(eq + 1) }
      if (args[i + 1]) return { word: args[i + 1], flag: w, value: args[i + 1].value }
    } else if (v.startsWith('-') && v.length >= 2 && short.includes(v[1])) {
      if (v.length > 2) return { word: w, flag: w, value: v.slice(2) }
      if (args[i + 1]) return { word: args[i + 1], flag: w, value: args[i + 1].value }
    }
  }
  return undefined
}
