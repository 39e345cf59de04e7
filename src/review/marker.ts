/**
 * Hidden markers that let a later run recognise what an earlier one wrote. A marker is only ever
 * read from the very end of a comment the token's own identity authored (the caller checks
 * authorship), so text inside a comment — a quoted marker in a suggestion, a human imitating one —
 * can neither be mistaken for ours nor make us touch someone else's comment. Pure.
 */

const TOOL = 'docker-review:v1'
const RULE_ID = /^[A-Za-z0-9_-]{1,40}$/
const FINGERPRINT = /^[0-9a-f]{16}$/
const INLINE_AT_END = /<!-- docker-review:v1 fp=([0-9a-f]{16}) rule=([A-Za-z0-9_-]{1,40}) -->\s*$/
const SUMMARY = `<!-- ${TOOL} summary -->`
const SUMMARY_AT_END = /<!-- docker-review:v1 summary -->\s*$/

export function inlineMarker(fingerprint: string, rule: string): string {
  if (!FINGERPRINT.test(fingerprint)) throw new Error(`bad fingerprint ${fingerprint}`)
  return `<!-- ${TOOL} fp=${fingerprint} rule=${RULE_ID.test(rule) ? rule : 'unknown'} -->`
}

/**
 * The other findings of a thread that carries several (one instruction): written just before the
 * inline marker, read only from there.
 */
export function groupMarker(fingerprints: readonly string[]): string {
  if (!fingerprints.every((f) => FINGERPRINT.test(f))) throw new Error('bad fingerprint')
  return `<!-- ${TOOL} also=${fingerprints.join(',')} -->`
}

const GROUP_BEFORE_END =
  /<!-- docker-review:v1 also=([0-9a-f]{16}(?:,[0-9a-f]{16}){0,99}) -->\s*<!-- docker-review:v1 fp=[0-9a-f]{16} rule=[A-Za-z0-9_-]{1,40} -->\s*$/

export function parseInlineMarker(
  body: string
): { fingerprint: string; rule: string; also: string[] } | undefined {
  const m = INLINE_AT_END.exec(body)
  if (!m) return undefined
  const group = GROUP_BEFORE_END.exec(body)
  return { fingerprint: m[1], rule: m[2], also: group ? group[1].split(',') : [] }
}

export const SUMMARY_MARKER = SUMMARY

export function isSummaryBody(body: string): boolean {
  return SUMMARY_AT_END.test(body)
}

/** Compare bodies the way GitHub stores them (it may turn `\n` into `\r\n`). */
export function sameBody(a: string, b: string): boolean {
  return a.replace(/\r\n/g, '\n').trimEnd() === b.replace(/\r\n/g, '\n').trimEnd()
}
