import { hasWildcard, wildcardMatch } from '../../core/glob.js'
import { absolutePath, joinPath } from '../../core/paths.js'
import type { Fix, TextEdit, Workspace } from '../../core/types.js'
import type { DockerfileDoc, Instruction } from '../../dockerfile/model.js'
import type { ShellCommand } from '../../parse/shell.js'
import { defineDockerfileRule } from '../define.js'
import { buildContextOf, copiesFromContext, localSources } from '../../dockerfile/build-context.js'
import { argsNoFlags } from './lib/commands.js'
import { commandName, workdirBefore } from '../../dockerfile/runs.js'
import { deleteInstruction, eolAt } from './lib/edits.js'
import { isPip } from './lib/insecure.js'

/**
 * Cache order: dependency manifests must be copied and installed before the broad `COPY . .`,
 * or every source change re-runs the install.
 */

interface Install {
  /** What the install command reads: the first is required, the others are copied when present. */
  manifests: string[]
  /** Human name of the tool. */
  tool: string
  /** A fix would be wrong: the install also needs the project's sources. */
  needsSources?: string
  /** The glob that copies the manifests when the folder's files are unknown. */
  glob?: string
  /** A file whose presence means more is needed than the manifests (Yarn Berry's `.yarnrc.yml`). */
  blockedBy?: string
}

const INSTALLERS =
  /^(pip[\d.]*|python[\d.]*|npm|yarn|pnpm|pipenv|poetry|uv|go|bundle|composer|cargo)$/
const PIP_VALUE_FLAGS = ['c', 'constraint', 'i', 'index-url', 'extra-index-url', 'f', 'find-links']

/** The manifests a dependency install reads, or undefined when `cmd` is not one. */
function installOf(cmd: ShellCommand): Install | undefined {
  const name = commandName(cmd)
  if (!INSTALLERS.test(name)) return undefined
  const args = argsNoFlags(cmd, [])
  const sub = args[0]?.value
  if (isPip(cmd)) {
    const files: string[] = []
    cmd.args.forEach((a, i) => {
      if ((a.value === '-r' || a.value === '--requirement') && cmd.args[i + 1]?.literal)
        files.push(cmd.args[i + 1].value)
      else if (/^--requirement=/.test(a.value)) files.push(a.value.split('=')[1])
      else if (/^-r./.test(a.value)) files.push(a.value.slice(2))
    })
    const offset = name.startsWith('python') ? 1 : 0
    const rest = argsNoFlags(cmd, ['r', 'requirement', ...PIP_VALUE_FLAGS])
    if (rest[offset]?.value !== 'install' || files.length === 0) return undefined
    // `pip install -r requirements.txt .` also installs the project itself.
    if (rest.length > offset + 1) return undefined
    return { manifests: files, tool: 'pip' }
  }
  switch (name) {
    case 'npm':
      if (sub === 'ci' || ((sub === 'install' || sub === 'i') && args.length === 1))
        return {
          manifests: ['package.json', 'package-lock.json', 'npm-shrinkwrap.json'],
          tool: 'npm',
          glob: 'package*.json'
        }
      return undefined
    case 'yarn':
      if (sub === undefined || (sub === 'install' && args.length === 1))
        return { manifests: ['package.json', 'yarn.lock'], tool: 'yarn', blockedBy: '.yarnrc.yml' }
      return undefined
    case 'pnpm':
      if ((sub === 'install' || sub === 'i') && args.length === 1)
        return {
          manifests: ['package.json', 'pnpm-lock.yaml', 'pnpm-workspace.yaml'],
          tool: 'pnpm'
        }
      return undefined
    case 'pipenv':
      if (sub === 'install' || sub === 'sync')
        return { manifests: ['Pipfile', 'Pipfile.lock'], tool: 'pipenv' }
      return undefined
    case 'poetry':
      if (sub !== 'install') return undefined
      return {
        manifests: ['pyproject.toml', 'poetry.lock'],
        tool: 'poetry',
        needsSources: cmd.args.some((a) => /^--(no-root|only)/.test(a.value))
          ? undefined
          : '`poetry install` also installs the project itself; use `poetry install --no-root` before the broad COPY'
      }
    case 'uv':
      if (sub !== 'sync') return undefined
      return {
        manifests: ['pyproject.toml', 'uv.lock'],
        tool: 'uv',
        needsSources: cmd.args.some((a) => /^--no-install-project/.test(a.value))
          ? undefined
          : '`uv sync` also installs the project itself; use `uv sync --no-install-project` before the broad COPY'
      }
    case 'go':
      if (sub === 'mod' && args[1]?.value === 'download')
        return { manifests: ['go.mod', 'go.sum'], tool: 'go' }
      return undefined
    case 'bundle':
      if (sub === 'install') return { manifests: ['Gemfile', 'Gemfile.lock'], tool: 'bundler' }
      return undefined
    case 'composer':
      if (sub === 'install')
        return { manifests: ['composer.json', 'composer.lock'], tool: 'composer' }
      return undefined
    case 'cargo':
      if (sub === 'fetch') return { manifests: ['Cargo.toml', 'Cargo.lock'], tool: 'cargo' }
      return undefined
  }
  return undefined
}

/** Commands that only prepare or clean up after a dependency install. */
function dependencyOnly(cmd: ShellCommand): boolean {
  if (installOf(cmd)) return true
  const name = commandName(cmd)
  const args = cmd.args.map((a) => a.value)
  if (isPip(cmd)) {
    const pkgs = argsNoFlags(cmd, PIP_VALUE_FLAGS).slice(name.startsWith('python') ? 2 : 1)
    return (
      (args.includes('install') &&
        pkgs.every((p) =>
          /^(pip|setuptools|wheel|pipenv|poetry|uv)([=<>~!].*)?$/i.test(p.value)
        )) ||
      args[0] === 'cache'
    )
  }
  if (['npm', 'yarn', 'pnpm', 'bundle', 'composer'].includes(name))
    return ['config', 'cache', 'set', 'clear-cache'].includes(args[0] ?? '')
  if (name === 'corepack') return true
  if (name === 'rm')
    return args.every((a) => a.startsWith('-') || /(\.cache|\.npm|^\/tmp\/)/.test(a))
  return false
}

/** The broad COPY's destination resolves to the directory the install runs in. */
function samePlace(dest: string, workdir: string | undefined): boolean {
  const d = dest.replace(/^["']|["']$/g, '')
  if (d === '.' || d === './') return true
  if (workdir === undefined) return false
  return absolutePath(d.startsWith('/') ? d : `${workdir}/${d}`) === workdir
}

/** Manifest files to copy: the required one and the optional ones that exist (or a glob when unknown). */
function manifestSources(ws: Workspace, dir: string, install: Install): string[] | undefined {
  const listing = ws.listDir(dir)
  const [first, ...optional] = install.manifests
  if (install.tool === 'pip') {
    const files = install.manifests.map((f) => f.replace(/^\.\//, ''))
    if (files.some((f) => f.startsWith('/') || f.includes('..') || f.includes('$')))
      return undefined
    if (listing && files.some((f) => ws.readFile(joinPath(dir, f)) === undefined)) return undefined
    // Requirements files may include others (`-r base.txt`): copy their folder when not at the root.
    const out = new Set<string>()
    for (const f of files) {
      out.add(f.includes('/') ? `${f.slice(0, f.lastIndexOf('/'))}/` : f)
      if (!f.includes('/') && listing) {
        for (const nested of nestedRequirements(ws.readFile(joinPath(dir, f)) ?? '')) {
          if (nested.includes('/') || nested.includes('..')) return undefined
          if (listing.includes(nested)) out.add(nested)
        }
      }
    }
    return [...out]
  }
  if (!listing) return install.glob ? [install.glob] : [first, ...optional.map((o) => `${o}*`)]
  if (!listing.includes(first)) return undefined
  if (install.blockedBy && listing.includes(install.blockedBy)) return undefined
  return [first, ...optional.filter((o) => listing.includes(o))]
}

function nestedRequirements(text: string): string[] {
  const out: string[] = []
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(?:-r|--requirement|-c|--constraint)\s*=?\s*(\S+)/.exec(line)
    if (m) out.push(m[1])
  }
  return out
}

/** Separators between consecutive commands are plain `&&` (a simple chain we can cut). */
function simpleChain(doc: DockerfileDoc, cmds: ShellCommand[]): boolean {
  for (let i = 1; i < cmds.length; i++) {
    if (cmds[i].start < cmds[i - 1].end || cmds[i].piped) return false
    const between = doc.text
      .slice(cmds[i - 1].end, cmds[i].start)
      .replace(new RegExp(`\\${doc.escape}[ \\t]*\\r?\\n`, 'g'), ' ')
      .trim()
    if (between !== '&&') return false
  }
  return true
}

const OWNERSHIP_FLAGS = new Set(['chown', 'chmod'])

function cacheOrderFix(
  doc: DockerfileDoc,
  ws: Workspace,
  copy: Instruction,
  dest: string,
  run: Instruction,
  install: Install
): Fix | undefined {
  if (install.needsSources) return undefined
  const script = doc.shell(run)
  if (!script || script.error || run.heredocs.length > 0 || !run.argsSpan) return undefined
  const sources = manifestSources(ws, buildContextOf(doc.path, ws).dir, install)
  if (!sources) return undefined
  const cmds = script.commands
  let cut = cmds.length
  for (let i = 0; i < cmds.length; i++) {
    if (!dependencyOnly(cmds[i])) {
      cut = i
      break
    }
  }
  if (cut === 0 || !cmds.slice(0, cut).some((c) => installOf(c))) return undefined
  if (cut < cmds.length && (!simpleChain(doc, cmds) || cmds.slice(cut).some(dependencyOnly)))
    return undefined
  const line = copy.range.start.line
  const eol = eolAt(doc, line)
  const indent = /^[ \t]*/.exec(doc.lines.lineText(line))![0]
  const target = dest.replace(/^["']|["']$/g, '')
  const destDir = target.endsWith('/') ? target : `${target}/`
  // Keep the broad COPY's --chown/--chmod so the install sees the same ownership (only those: an
  // ADD-only or misspelt flag would fail the new COPY).
  const kept = copy.flags.filter((f) => OWNERSHIP_FLAGS.has(f.name)).map((f) => f.raw)
  const flags = kept.length > 0 ? ` ${kept.join(' ')} ` : ' '
  const keyword = `${copy.keywordText === 'add' || copy.keywordText === 'copy' ? 'copy' : 'COPY'}${flags}`
  const copyLines: string[] = []
  const rootFiles = sources.filter((s) => !s.endsWith('/'))
  if (rootFiles.length > 0) copyLines.push(`${keyword}${rootFiles.join(' ')} ${destDir}`)
  for (const folder of sources.filter((s) => s.endsWith('/'))) {
    copyLines.push(`${keyword}${folder} ${destDir}${folder}`)
  }
  const edits: TextEdit[] = []
  let moved: string
  if (cut === cmds.length) {
    moved = doc.text.slice(run.start, run.end)
    edits.push(deleteInstruction(doc, run))
  } else {
    const flags = doc.text.slice(run.keywordSpan.end, run.argsSpan.start)
    moved = `${run.keywordText}${flags}${doc.text.slice(cmds[0].start, cmds[cut - 1].end)}`
    edits.push({ range: doc.span(cmds[0].start, cmds[cut].start).range, text: '' })
  }
  const at = doc.lines.position(doc.lines.lineStart(line))
  const text = [...copyLines, moved].map((l) => `${indent}${l}${eol}`).join('')
  edits.unshift({ range: { start: at, end: at }, text })
  return {
    description: `Copy ${sources.join(', ')} first and run the dependency install before \`${doc.text.slice(copy.start, copy.end).split(/\r?\n/)[0]}\` (unsafe: install scripts that read other project files need them copied too).`,
    safe: false,
    edits
  }
}

export const DR1001 = defineDockerfileRule({
  id: 'DR1001',
  aliases: [],
  severity: 'warning',
  perInstruction: true,
  fixable: true,
  description:
    'Dependencies are installed after the whole source tree is copied, so every source change re-runs the install.',
  check(doc, ctx) {
    for (const stage of doc.stages) {
      const insts = stage.instructions
      let broad: { copy: Instruction; dest: string; workdir: string | undefined } | undefined
      const copiedEarlier: string[] = []
      for (let k = 0; k < insts.length; k++) {
        const inst = insts[k]
        if (copiesFromContext(inst)) {
          const sources = localSources(inst)
          const values = inst.json ? inst.json.values : inst.args.map((a) => a.value)
          if (!broad && sources.some((s) => s.path === '.')) {
            broad = {
              copy: inst,
              dest: values[values.length - 1] ?? '.',
              workdir: workdirBefore(inst) ?? undefined
            }
          } else if (!broad) copiedEarlier.push(...sources.map((s) => s.path))
          continue
        }
        if (!broad || inst.keyword !== 'RUN') continue
        const script = doc.shell(inst)
        if (!script) continue
        for (const cmd of script.commands) {
          const install = installOf(cmd)
          if (!install) continue
          // Already copied on its own before the broad COPY (or via a glob such as `package*.json`).
          if (copiedEarlier.some((c) => covers(c, install.manifests[0]))) continue
          const adjacent = insts[k - 1] === broad.copy
          const fix =
            adjacent &&
            samePlace(broad.dest, broad.workdir) &&
            (workdirBefore(inst) ?? undefined) === broad.workdir
              ? cacheOrderFix(doc, ctx.workspace, broad.copy, broad.dest, inst, install)
              : undefined
          ctx.report({
            message: `\`${doc.text.slice(cmd.start, cmd.end)}\` runs after \`COPY\` of the whole context (line ${broad.copy.range.start.line}): any source change invalidates the ${install.tool} install layer and re-downloads every dependency. Copy ${install.manifests.slice(0, 2).join(' and ')} first, install, then copy the rest.${install.needsSources ? ` Note: ${install.needsSources}.` : ''}`,
            range: doc.span(cmd.start, cmd.end).range,
            fix
          })
          break
        }
      }
    }
  }
})

/** Does a COPY source (context path, maybe a folder or glob) bring in `manifest`? */
function covers(source: string, manifest: string): boolean {
  const m = manifest.replace(/^\.\//, '')
  const base = m.split('/').pop()!
  const sourceBase = source.split('/').pop()!
  return (
    source === m ||
    m.startsWith(`${source}/`) ||
    sourceBase === base ||
    globMatch(source, m) ||
    globMatch(sourceBase, base)
  )
}

/**
 * COPY globs against manifest paths: `*` may cross `/`, dotfiles match. The pattern is the pull
 * request's: matched without a regular expression (src/core/glob.ts), so it cannot backtrack.
 */
function globMatch(pattern: string, name: string): boolean {
  return hasWildcard(pattern) && wildcardMatch(pattern, name)
}
