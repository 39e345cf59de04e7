import type { DockerfileDoc, Instruction, Stage } from '../../../dockerfile/model.js'
import { pairs } from '../../../dockerfile/properties.js'
import { isWindows } from '../../../dockerfile/runs.js'
import { PROXY_ARGS } from '../../../dockerfile/variables.js'
import type { ShellcheckComment, ShellcheckFn } from '../../../core/tools.js'
import type { RuleContext } from '../../../core/types.js'
import { overLimit, shellShape, type ShellLimits } from '../../../parse/shell-limits.js'
import { editDistanceAtMost } from '../../../core/similar.js'

/**
 * The scripts hadolint hands to ShellCheck, rebuilt with a map back into the Dockerfile: a shebang
 * for the shell in effect, `export NAME=1` for the ARG/ENV names in scope and the proxy variables
 * (those that can matter, namesFor), then the RUN body. Every body character keeps the file offset
 * it came from (line continuations joined, comment lines dropped, heredoc bodies mapped, CR of CRLF
 * removed), so ShellCheck's positions land on the exact line and column inside the RUN.
 */

export interface RunScript {
  inst: Instruction
  /** The complete script sent to ShellCheck. */
  script: string
  /** Lines of `script` before the body (shebang and exports). */
  preambleLines: number
  /** The body (what follows the preamble). */
  body: string
  /** File offset of each body character (`length === body.length + 1`). */
  offsets: number[]
}

/** ShellCheck dialect per shell name; absent = do not check (zsh, fish, PowerShell, cmd, …). */
const DIALECTS = new Map([
  ['sh', 'sh'],
  ['ash', 'dash'],
  ['dash', 'dash'],
  ['busybox', 'dash'],
  ['bash', 'bash'],
  ['ksh', 'ksh'],
  ['mksh', 'ksh']
])

const DEFAULT_SHELL = ['/bin/sh', '-c']
const SHELL_PRAGMA = /^hadolint\s+shell\s*=\s*(\S+)/i
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/
const MARKERS_ONLY = /^\s*(<<-?\s*(["']?)[A-Za-z0-9_.-]+\2\s*)+$/
const SHELL_READS_HEREDOC =
  /^\s*(?:\S*\/)?(sh|ash|dash|bash|ksh|mksh)(?:\s+-[A-Za-z]+(?:\s+pipefail)?)*\s+<<-?\s*(["']?)[A-Za-z0-9_.-]+\2\s*$/

/** Dialect of a shell command word (`/bin/bash` → bash, `/usr/bin/env bash` handled by caller). */
export function dialectOf(shell: string): string | undefined {
  const base = shell.replace(/\\/g, '/').split('/').pop()!.toLowerCase()
  return DIALECTS.get(base.replace(/\.exe$/, ''))
}

interface ShellSource {
  /** The shell command words (`['/bin/bash', '-c']`), or a pragma's single word. */
  words: string[]
  line: number
}

const pragmaCache = new WeakMap<DockerfileDoc, ShellSource[]>()

/**
 * `# hadolint shell=…` comments, in line order. dockerfile-ast reads a comment block at the very
 * top of the file as parser directives, so those are looked at too.
 */
function shellPragmas(doc: DockerfileDoc): ShellSource[] {
  let out = pragmaCache.get(doc)
  if (out) return out
  out = []
  const texts = [
    ...doc.directives.map((d) => ({
      text: doc.text.slice(d.start, d.end),
      line: d.range.start.line
    })),
    ...doc.comments
      .filter((c) => !c.inInstruction)
      .map((c) => ({ text: c.content, line: c.range.start.line }))
  ]
  for (const t of texts) {
    const m = SHELL_PRAGMA.exec(t.text.replace(/^\s*#\s*/, ''))
    if (m) out.push({ words: [m[1]], line: t.line })
  }
  out.sort((a, b) => a.line - b.line)
  pragmaCache.set(doc, out)
  return out
}

/** What a RUN sees at its position: the shell in effect and the ARG/ENV names in scope. */
export interface RunScope {
  /** SHELL words or a pragma's shell (`['/bin/sh', '-c']` by default). */
  shell: string[]
  /** ARG and ENV names (hadolint's preamble). */
  vars: Set<string>
  /** ENV names only (what an `ONBUILD RUN` sees in the downstream build). */
  envs: Set<string>
}

/**
 * Scopes of every RUN (top level and ONBUILD triggers), in one pass as hadolint tracks them: SHELL
 * and `# hadolint shell=` pragmas (the later wins), ARG and ENV names; a FROM starts afresh from a
 * pragma placed before the first FROM, or from the state of the earlier stage it is built on.
 */
export function runScopes(doc: DockerfileDoc): Map<Instruction, RunScope> {
  const out = new Map<Instruction, RunScope>()
  const pragmas = shellPragmas(doc)
  const firstFrom = doc.stages[0]?.from.range.start.line ?? Infinity
  const globalShell = pragmas.filter((p) => p.line < firstFrom).pop()?.words ?? DEFAULT_SHELL
  const finals = new Map<Stage, RunScope>()
  let scope: RunScope = { shell: DEFAULT_SHELL, vars: new Set(), envs: new Set() }
  let p = 0
  for (const inst of doc.instructions) {
    const line = inst.range.start.line
    for (; p < pragmas.length && pragmas[p].line < line; p++) {
      scope.shell = pragmas[p].words
    }
    if (inst.keyword === 'FROM') {
      if (inst.stage) {
        const parent = inst.stage.parent ? finals.get(inst.stage.parent) : undefined
        scope = parent
          ? { shell: parent.shell, vars: new Set(parent.vars), envs: new Set(parent.envs) }
          : { shell: globalShell, vars: new Set(), envs: new Set() }
        finals.set(inst.stage, scope)
      }
      continue
    }
    if (inst.keyword === 'SHELL' && inst.json) scope.shell = inst.json.values
    else if (inst.keyword === 'ARG' || inst.keyword === 'ENV') {
      for (const pair of pairs(doc, inst)) {
        if (!IDENT.test(pair.name)) continue
        scope.vars.add(pair.name)
        if (inst.keyword === 'ENV') scope.envs.add(pair.name)
      }
    } else if (inst.keyword === 'RUN') {
      out.set(inst, { shell: scope.shell, vars: new Set(scope.vars), envs: scope.envs })
    } else if (inst.trigger?.keyword === 'RUN') {
      out.set(inst.trigger, { shell: scope.shell, vars: new Set(scope.envs), envs: scope.envs })
    }
  }
  return out
}

/** ShellCheck dialect for shell words, or undefined when they must not be checked. */
export function shellDialect(doc: DockerfileDoc, words: string[]): string | undefined {
  if (doc.escape === '`') return undefined
  let first = words[0] ?? ''
  if (/(^|\/)env$/.test(first)) first = words.find((w, i) => i > 0 && !w.startsWith('-')) ?? ''
  return dialectOf(first)
}

/** `RUN --mount=type=secret,env=NAME` defines NAME for that RUN. */
function mountVariables(inst: Instruction): string[] {
  const out: string[] = []
  for (const f of inst.flags) {
    if (f.name !== 'mount' || !f.value) continue
    const env = /(?:^|,)env=([^,]+)/.exec(f.value)
    if (env && IDENT.test(env[1])) out.push(env[1])
  }
  return out
}

/** Text plus per-character file offsets, with the CR of every CRLF dropped. */
function mapped(text: string, start: number): { body: string; offsets: number[] } {
  let body = ''
  const offsets: number[] = []
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') continue
    body += text[i]
    offsets.push(start + i)
  }
  offsets.push(start + text.length)
  return { body, offsets }
}

function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset)
  return nl === -1 ? text.length : nl
}

interface Body {
  dialect: string
  body: string
  offsets: number[]
}

/** The bodies ShellCheck should see for one RUN (several for `RUN <<A <<B`). */
function bodiesOf(doc: DockerfileDoc, inst: Instruction, dialect: string): Body[] {
  if (!inst.argsSpan) return []
  if (inst.heredocs.length === 0) {
    return [{ dialect, body: inst.text, offsets: inst.textOffsets }]
  }
  const header = inst.text
  const single = inst.heredocs.length === 1 ? SHELL_READS_HEREDOC.exec(header) : null
  if (MARKERS_ONLY.test(header) || single) {
    const out: Body[] = []
    for (const h of inst.heredocs) {
      const m = mapped(h.content, h.contentStart)
      let d = single ? (DIALECTS.get(single[1]) ?? dialect) : dialect
      const first = m.body.split('\n', 1)[0]
      if (first.startsWith('#!')) {
        const words = first.slice(2).trim().split(/\s+/)
        const word = /(^|\/)env$/.test(words[0] ?? '') ? (words[1] ?? '') : (words[0] ?? '')
        const fromShebang = dialectOf(word)
        if (!fromShebang) continue
        d = fromShebang
        // Our shebang replaces theirs: keep the line (as a comment) so positions stay put.
        m.body = `#${m.body.slice(2)}`
      }
      out.push({ dialect: d, body: m.body, offsets: m.offsets })
    }
    return out
  }
  // Some command reads the heredocs (`cat <<EOF > file`): the header plus the raw bodies.
  const headerEnd = lineEnd(doc.text, inst.argsSpan.start)
  const rest = mapped(doc.text.slice(headerEnd, inst.end), headerEnd)
  return [
    {
      dialect,
      body: header + rest.body,
      offsets: [...inst.textOffsets.slice(0, -1), ...rest.offsets]
    }
  ]
}

/** Words of a body times preamble names above which namesFor keeps every name. */
const MAX_NAME_COMPARISONS = 100_000

/**
 * The preamble's names that can change what ShellCheck says about `body`. ShellCheck reads a name
 * the body never mentions only to suggest it for a misspelt one (SC2153, SC2154's "did you
 * mean": an assigned name of more than 3 characters within Levenshtein distance 2, or equal but
 * for case, of the name referenced); an exported name is never reported unused (SC2034). So a
 * name stays when the body holds it as a word, or a word that close to it. A long ARG/ENV list
 * (one name per ARG of a large Dockerfile, before every RUN) was more than half of ShellCheck's
 * time: over the corpus's 3,355 scripts 19.2 s of CPU with every name, 8.7 s with none.
 */
export function namesFor(names: readonly string[], body: string): string[] {
  const words = new Set<string>()
  for (const text of [body, body.replace(/\\\r?\n/g, '')]) {
    for (const m of text.matchAll(/[A-Za-z0-9_]+/g)) words.add(m[0])
  }
  // Comparing every name with every word is for ordinary RUNs; past this, all names are kept (what
  // ShellCheck is given then is only larger, never different in what it says).
  if (words.size * names.length > MAX_NAME_COMPARISONS) return [...names]
  /** The body's words in lower case, by length. */
  let byLength: Map<number, string[]> | undefined
  const near = (name: string): boolean => {
    if (name.length <= 3) return false
    const l = name.toLowerCase()
    if (!byLength) {
      byLength = new Map()
      for (const w of words) {
        const list = byLength.get(w.length)
        if (list) list.push(w.toLowerCase())
        else byLength.set(w.length, [w.toLowerCase()])
      }
    }
    for (let length = l.length - 2; length <= l.length + 2; length++) {
      // Equal but for case, or within 2 edits (the distance also counts a transposition as one,
      // so it keeps every name Levenshtein keeps, and a few more).
      for (const w of byLength.get(length) ?? []) if (editDistanceAtMost(w, l, 2)) return true
    }
    return false
  }
  return names.filter((name) => words.has(name) || near(name))
}

/** Every script ShellCheck should check in this Dockerfile, in file order. */
export function shellcheckScripts(doc: DockerfileDoc): RunScript[] {
  const out: RunScript[] = []
  for (const [inst, scope] of runScopes(doc)) {
    // cmd or PowerShell runs it (a Windows base image, a SHELL): nothing for ShellCheck.
    if (inst.json || isWindows(doc, inst)) continue
    const dialect = shellDialect(doc, scope.shell)
    if (!dialect) continue
    const bodies = bodiesOf(doc, inst, dialect)
    if (bodies.length === 0) continue
    const vars = [...new Set([...PROXY_ARGS, ...scope.vars, ...mountVariables(inst)])]
    for (const b of bodies) {
      const names = namesFor(vars, b.body)
      const exports = names.length > 0 ? `export ${names.map((v) => `${v}=1`).join(' ')}\n` : '\n'
      out.push({
        inst,
        script: `#!/bin/${b.dialect}\n${exports}${b.body}${b.body.endsWith('\n') ? '' : '\n'}`,
        preambleLines: 2,
        body: b.body,
        offsets: b.offsets
      })
    }
  }
  return out
}

/**
 * What a script may be for ShellCheck to be given it (the whole script, preamble included).
 * ShellCheck 0.9's work grows faster than linearly with these: an `&&` chain of 2,000 commands
 * took 14 s and 2.7 GB, 1,000 distinct variable names 3.5 s and 0.6 GB, a 12-deep `$(` nest 0.9 s
 * (every level doubles it). Largest in the corpus (5,771 scripts of 2,114 Dockerfiles): 4,841
 * bytes, depth 6, substitution weight 26, 90 commands, a chain of 50, 145 names. At these limits
 * ShellCheck takes about 2 s of CPU and 0.9 GB for a script at all of them (500 commands in chains
 * of 200 using 500 names).
 */
export const SHELLCHECK_LIMITS: ShellLimits = {
  bytes: 64 * 1024,
  depth: 32,
  substitutions: 1024,
  commands: 500,
  chain: 200,
  names: 500
}

/** A script and what ShellCheck said about it, or why it said nothing to trust. */
export interface CheckedScript {
  rs: RunScript
  comments: ShellcheckComment[]
  /** Why ShellCheck did not check it (over a limit, or ShellCheck failed on it). */
  notChecked?: string
}

/** The ShellCheck runner, when the edge has one and the configuration does not turn it off. */
export function shellcheckOf(ctx: RuleContext): ShellcheckFn | undefined {
  if ((ctx.settings as { shellcheck?: boolean }).shellcheck === false) return undefined
  return ctx.tools.shellcheck
}

const checkedCache = new WeakMap<DockerfileDoc, WeakMap<ShellcheckFn, CheckedScript[]>>()

/**
 * Every script of the Dockerfile through ShellCheck in one call, once per document and tool (the
 * SHELLCHECK rule reports the comments, DR0010 the scripts not checked). A script over
 * SHELLCHECK_LIMITS is not given to ShellCheck at all.
 */
export function checkedScripts(doc: DockerfileDoc, shellcheck: ShellcheckFn): CheckedScript[] {
  let byTool = checkedCache.get(doc)
  if (!byTool) checkedCache.set(doc, (byTool = new WeakMap()))
  let out = byTool.get(shellcheck)
  if (out) return out
  out = shellcheckScripts(doc).map((rs) => {
    const over = overLimit(shellShape(rs.script), SHELLCHECK_LIMITS)
    return over === undefined
      ? { rs, comments: [] }
      : { rs, comments: [], notChecked: `ShellCheck is not given scripts this large: ${over}` }
  })
  const given = out.filter((c) => c.notChecked === undefined)
  const results = given.length > 0 ? shellcheck(given.map((c) => ({ script: c.rs.script }))) : []
  given.forEach((c, i) => {
    const r = results[i] ?? []
    if (Array.isArray(r)) c.comments = r
    else c.notChecked = r.notChecked
  })
  byTool.set(shellcheck, out)
  return out
}

const lineStartsCache = new WeakMap<RunScript, number[]>()

function bodyLineStarts(rs: RunScript): number[] {
  let starts = lineStartsCache.get(rs)
  if (!starts) {
    starts = [0]
    for (let i = rs.body.indexOf('\n'); i !== -1; i = rs.body.indexOf('\n', i + 1))
      starts.push(i + 1)
    lineStartsCache.set(rs, starts)
  }
  return starts
}

/** Map a ShellCheck position (script line, code-point column) to a body index, or undefined. */
export function bodyIndex(rs: RunScript, line: number, column: number): number | undefined {
  const bodyLine = line - rs.preambleLines
  if (bodyLine < 1) return undefined
  const starts = bodyLineStarts(rs)
  if (bodyLine > starts.length) return rs.body.length
  let i = starts[bodyLine - 1]
  for (let c = 1; c < column && i < rs.body.length && rs.body[i] !== '\n'; c++) {
    const code = rs.body.charCodeAt(i)
    i += code >= 0xd800 && code <= 0xdbff ? 2 : 1
  }
  return Math.min(i, rs.body.length)
}

/** File offsets `[start, end)` for body indexes `[s, e)`; an empty range stays empty. */
export function fileSpan(rs: RunScript, s: number, e: number): [number, number] {
  const start = rs.offsets[s]
  if (e <= s) return [start, start]
  return [start, rs.offsets[e - 1] + 1]
}

/** True when body characters `[s, e)` are one unbroken run of the file (no continuation inside). */
export function contiguous(rs: RunScript, s: number, e: number): boolean {
  for (let k = s; k + 1 < e; k++) if (rs.offsets[k + 1] !== rs.offsets[k] + 1) return false
  return true
}
