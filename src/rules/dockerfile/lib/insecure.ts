import type { Range, RuleContext } from '../../../core/types.js'
import type { DockerfileDoc } from '../../../dockerfile/model.js'
import type { ShellCommand, ShellWord } from '../../../parse/shell.js'
import { commandName } from '../../../dockerfile/runs.js'
import { pairs, type Pair } from '../../../dockerfile/properties.js'
import { removePair } from './word-edits.js'

/**
 * Shared detection for the "verification turned off" rules (Checkov's CKV2_DOCKER family):
 * variables set by ENV/ARG or as a command prefix, and flags of package managers and downloaders.
 */

export interface EnvCheck {
  /** Variable name, matched case-insensitively. */
  name: string
  /** Does this value turn verification off? (Any value when absent.) */
  disables?: (value: string) => boolean
  /** What the variable does, for the message. */
  effect: string
}

export const FALSY = (v: string): boolean => /^(0|false|no|off)$/i.test(v.trim())

/** Report ENV/ARG pairs (top level and ONBUILD) that turn verification off, with a removal fix. */
export function reportEnvSettings(
  doc: DockerfileDoc,
  ctx: RuleContext,
  checks: readonly EnvCheck[]
): void {
  const byName = new Map(checks.map((c) => [c.name.toLowerCase(), c]))
  for (const top of doc.instructions) {
    const inst = top.trigger ?? top
    if (inst.keyword !== 'ENV' && inst.keyword !== 'ARG') continue
    const all = pairs(doc, inst)
    for (const pair of all) {
      const check = byName.get(pair.name.toLowerCase())
      if (!check || !disables(check, pair)) continue
      ctx.report({
        message: `\`${inst.keyword} ${pair.name}${pair.value !== null ? `=${pair.value}` : ''}\` ${check.effect}; every later download in the image (and, for ENV, the running container) trusts whoever answers.`,
        range: pair.span.range,
        fix: {
          description: `Remove \`${pair.name}\`. The build or the container may then fail where it relied on skipping the check (fix the certificate or mirror instead).`,
          safe: false,
          edits: [removePair(doc, inst, all, pair)]
        }
      })
    }
  }
}

function disables(check: EnvCheck, pair: Pair): boolean {
  // `ARG NAME` without a default sets nothing by itself.
  if (pair.value === null) return false
  return check.disables ? check.disables(pair.value) : true
}

/**
 * Report prefix assignments (`NAME=value cmd`) that turn verification off for that command. No fix:
 * the assignment may be the only way the command works today.
 */
export function reportPrefixSettings(
  doc: DockerfileDoc,
  ctx: RuleContext,
  cmd: ShellCommand,
  checks: readonly EnvCheck[]
): void {
  for (const assign of cmd.assigns) {
    const eq = assign.indexOf('=')
    if (eq === -1) continue
    const name = assign.slice(0, eq).toLowerCase()
    const value = assign.slice(eq + 1).replace(/^["']|["']$/g, '')
    const check = checks.find((c) => c.name.toLowerCase() === name)
    if (!check || (check.disables && !check.disables(value))) continue
    ctx.report({
      message: `\`${check.name}\` ${check.effect} for \`${commandName(cmd)}\`: anyone on the network path can swap what it downloads.`,
      range: prefixRange(doc, cmd)
    })
  }
}

/** The span of a command's prefix assignments (`NAME=value … cmd`). */
function prefixRange(doc: DockerfileDoc, cmd: ShellCommand): Range {
  let end = cmd.words[0]?.start ?? cmd.end
  while (end > cmd.start && /\s/.test(doc.text[end - 1])) end--
  return doc.span(cmd.start, end).range
}

/** Short options of curl that take a value: the rest of a bundle after them is that value. */
const CURL_VALUE_LETTERS = new Set('AbcCdDeEFHKmoPQrTuUwxXyYz')

/** The short-flag bundle of curl holding `-k` (`-fsSLk`), or undefined. */
export function curlInsecureBundle(cmd: ShellCommand): ShellWord | undefined {
  let skipNext = false
  for (const w of cmd.args) {
    if (skipNext) {
      skipNext = false
      continue
    }
    const v = w.value
    if (!/^-[A-Za-z0-9]/.test(v) || v.startsWith('--')) continue
    for (let i = 1; i < v.length; i++) {
      if (v[i] === 'k') return w
      if (CURL_VALUE_LETTERS.has(v[i])) {
        if (i === v.length - 1) skipNext = true
        break
      }
    }
  }
  return undefined
}

/** `python -m pip …` / `python3 -m pip` count as pip. */
export function isPip(cmd: ShellCommand): boolean {
  const name = commandName(cmd)
  if (/^pip(\d+(\.\d+)?)?$/.test(name)) return true
  return (
    /^python(\d+(\.\d+)?)?$/.test(name) &&
    cmd.args[0]?.value === '-m' &&
    /^pip(\d+(\.\d+)?)?$/.test(cmd.args[1]?.value ?? '')
  )
}
