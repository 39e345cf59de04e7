import { defineDockerfileRule } from '../define.js'
import type { Instruction } from '../../dockerfile/model.js'
import type { Token } from '../../parse/dockerfile.js'
import type { ShellCommand } from '../../parse/shell.js'
import { commandName, workdirBefore } from '../../dockerfile/runs.js'
import { keywordAs } from './lib/commands.js'
import { deleteInstruction } from './lib/edits.js'

/** Tar archives `ADD` extracts by itself (plain, gzip, bzip2, xz, lzma). */
const TAR = /\.(tar|tar\.(bz2|gz|xz|lz|lzma|z)|tb2|tbz2?|tgz|tpz|tlz|txz|tz)$/i
/** Programs that unpack a (compressed) tar file they are given. */
const UNPACKERS = new Set(['gunzip', 'bunzip2', 'unxz', 'unlzma', 'zcat'])
/** `tar` short flags the narrow fix understands: extract, file, verbose, compression, permissions. */
const SIMPLE_TAR_FLAGS = /^-?[xfvzjJap]+$/

function basename(path: string): string {
  return (
    path
      .replace(/^["']|["']$/g, '')
      .split(/[\\/]/)
      .pop() ?? path
  )
}

/** Is `cmd` extracting (`tar -xf`, `tar xzf`, `tar --extract`, `gunzip`, `xz -d` …)? */
function extracts(cmd: ShellCommand): boolean {
  const name = commandName(cmd)
  if (UNPACKERS.has(name)) return true
  if (name === 'gzip' || name === 'bzip2' || name === 'xz' || name === 'lzma') {
    return cmd.args.some((a) => /^-[a-z]*d/.test(a.value) || a.value === '--decompress')
  }
  if (name !== 'tar') return false
  const first = cmd.args[0]?.value ?? ''
  if (!first.startsWith('-') && /^[a-zA-Z]*x/.test(first)) return true
  return cmd.args.some(
    (a) => /^-[a-zA-Z]*x/.test(a.value) || a.value === '--extract' || a.value === '--get'
  )
}

interface Copied {
  inst: Instruction
  /** The single source, when the COPY has exactly one. */
  source: Token | undefined
  /** Destination path as written (quotes removed). */
  dest: string
}

export const DL3010 = defineDockerfileRule({
  id: 'DL3010',
  aliases: [],
  severity: 'info',
  perInstruction: true,
  fixable: true,
  description: 'Use ADD for extracting archives into an image.',
  check(doc, ctx) {
    // Per stage (instructions before any FROM count as one).
    const groups = new Map<number, Instruction[]>()
    for (const inst of doc.instructions) {
      const key = inst.stage?.index ?? -1
      const list = groups.get(key)
      if (list) list.push(inst)
      else groups.set(key, [inst])
    }
    for (const list of groups.values()) {
      const archives = new Map<string, Copied>()
      for (let k = 0; k < list.length; k++) {
        const inst = list[k]
        if (inst.keyword === 'COPY' && !inst.flags.some((f) => f.name === 'from')) {
          const words = inst.json ? inst.json.items : inst.args
          if (words.length < 2 || inst.heredocs.length > 0) continue
          const sources = words.slice(0, -1)
          const dest = words[words.length - 1].value.replace(/^["']|["']$/g, '')
          const entry: Copied = {
            inst,
            source: sources.length === 1 ? sources[0] : undefined,
            dest
          }
          for (const src of sources)
            if (TAR.test(basename(src.value))) archives.set(basename(src.value), entry)
          if (TAR.test(basename(dest))) archives.set(basename(dest), entry)
          continue
        }
        if (inst.keyword !== 'RUN' || archives.size === 0) continue
        const script = doc.shell(inst)
        if (!script) continue
        for (const cmd of script.commands) {
          if (!extracts(cmd)) continue
          const file = cmd.args.find((a) => a.literal && archives.has(basename(a.value)))
          if (!file) continue
          const copied = archives.get(basename(file.value))!
          ctx.report({
            message: `\`${basename(file.value)}\` is copied in by the COPY on line ${copied.inst.range.start.line} and extracted here: \`ADD\` extracts a local tar archive by itself, in one layer, without leaving the archive in the image.`,
            range: doc.span(file.start, file.end).range,
            fix: addFix(copied, cmd, script.commands.length, inst, list[k - 1])
          })
        }
      }
    }

    /**
     * `COPY app.tar /tmp/app.tar` directly followed by `RUN tar -xf /tmp/app.tar -C /opt` (and
     * nothing else) becomes `ADD app.tar /opt/`.
     */
    function addFix(
      copied: Copied,
      cmd: ShellCommand,
      count: number,
      run: Instruction,
      previous: Instruction | undefined
    ) {
      if (count !== 1 || previous !== copied.inst || copied.inst.json || !copied.source)
        return undefined
      if (commandName(cmd) !== 'tar' || run.flags.length > 0 || run.heredocs.length > 0)
        return undefined
      if (copied.inst.flags.some((f) => f.name !== 'chown' && f.name !== 'chmod')) return undefined
      let dir: string | null | undefined = workdirBefore(run)
      let archive: string | undefined
      const args = cmd.args
      for (let i = 0; i < args.length; i++) {
        const a = args[i]
        if (!a.literal) return undefined
        if (a.value === '-C' || a.value === '--directory') {
          dir = args[++i]?.value
          continue
        }
        if (a.value.startsWith('--directory=')) {
          dir = a.value.slice(12)
          continue
        }
        if (SIMPLE_TAR_FLAGS.test(a.value) && (i === 0 || a.value.startsWith('-'))) continue
        if (archive !== undefined) return undefined
        archive = a.value
      }
      // The archive must be exactly the file the COPY wrote, given by its absolute path.
      const written = copied.dest.endsWith('/')
        ? `${copied.dest}${basename(copied.source.value)}`
        : copied.dest
      if (!archive || archive !== written || !written.startsWith('/')) return undefined
      if (typeof dir !== 'string' || !/^\/[A-Za-z0-9_.@%+=:,/-]*$/.test(dir)) return undefined
      const target = dir.endsWith('/') ? dir : `${dir}/`
      const flags = copied.inst.flags.map((f) => `${f.raw} `).join('')
      const inst = copied.inst
      return {
        description: `Replace the COPY and the \`tar\` RUN with \`ADD ${copied.source.value} ${target}\` (the archive file is no longer left in the image; ADD keeps the ownership and modes stored in the archive).`,
        safe: false,
        edits: [
          {
            range: doc.span(inst.keywordSpan.start, inst.end).range,
            text: `${keywordAs(inst, 'ADD')} ${flags}${copied.source.value} ${target}`
          },
          deleteInstruction(doc, run)
        ]
      }
    }
  }
})
