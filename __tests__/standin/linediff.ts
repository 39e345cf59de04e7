/**
 * Line diffs for the stand-in: GitHub-style `patch` text (3 lines of context, `\r` kept at line
 * ends, `\ No newline at end of file`) and the old→new line mapping GitHub uses to move review
 * comments across pushes. Myers' O(ND) algorithm.
 */

type Op = { kind: ' ' | '-' | '+'; text: string; oldLine: number; newLine: number }

/** Split into lines the way `git diff` sees them: terminators kept, no empty tail. */
export function splitLines(text: string): string[] {
  if (text === '') return []
  const lines = text.split('\n').map((l, i, all) => (i < all.length - 1 ? `${l}\n` : l))
  if (lines[lines.length - 1] === '') lines.pop()
  return lines
}

function myers(a: string[], b: string[]): Op[] {
  const n = a.length
  const m = b.length
  const max = n + m
  const offset = max + 1
  const v = new Int32Array(2 * max + 3)
  const trace: Int32Array[] = []
  let found = false
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice())
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1])
          ? v[offset + k + 1]
          : v[offset + k - 1] + 1
      let y = x - k
      while (x < n && y < m && a[x] === b[y]) {
        x++
        y++
      }
      v[offset + k] = x
      if (x >= n && y >= m) {
        found = true
        break
      }
    }
  }
  trace.push(v.slice())
  // Backtrack.
  const ops: Op[] = []
  let x = n
  let y = m
  for (let d = trace.length - 2; d >= 0 && (x > 0 || y > 0); d--) {
    const vd = trace[d]
    const k = x - y
    const prevK = k === -d || (k !== d && vd[offset + k - 1] < vd[offset + k + 1]) ? k + 1 : k - 1
    const prevX = vd[offset + prevK]
    const prevY = prevX - prevK
    while (x > prevX && y > prevY) {
      ops.push({ kind: ' ', text: a[x - 1], oldLine: x, newLine: y })
      x--
      y--
    }
    if (d === 0) break
    if (x === prevX) ops.push({ kind: '+', text: b[y - 1], oldLine: x, newLine: y-- })
    else ops.push({ kind: '-', text: a[x - 1], oldLine: x--, newLine: y })
  }
  while (x > 0 && y > 0) {
    ops.push({ kind: ' ', text: a[x - 1], oldLine: x, newLine: y })
    x--
    y--
  }
  return ops.reverse()
}

/** Old line → new line for lines the change left untouched (1-based). */
export function lineMapping(oldText: string, newText: string): Map<number, number> {
  const map = new Map<number, number>()
  for (const op of myers(splitLines(oldText), splitLines(newText))) {
    if (op.kind === ' ') map.set(op.oldLine, op.newLine)
  }
  return map
}

function body(line: string): string[] {
  if (line.endsWith('\n')) return [line.slice(0, -1)]
  return [line, '\\ No newline at end of file']
}

/** A unified-diff `patch` as GitHub's file list shows it; '' when the texts are equal. */
export function unifiedPatch(oldText: string, newText: string, context = 3): string {
  const ops = myers(splitLines(oldText), splitLines(newText))
  const changed = ops.map((op, i) => (op.kind === ' ' ? -1 : i)).filter((i) => i >= 0)
  if (changed.length === 0) return ''
  // Group changes whose context windows touch.
  const groups: Array<[number, number]> = []
  for (const i of changed) {
    const last = groups[groups.length - 1]
    if (last && i - last[1] <= 2 * context + 1) last[1] = i
    else groups.push([i, i])
  }
  const out: string[] = []
  for (const [from, to] of groups) {
    const start = Math.max(0, from - context)
    const end = Math.min(ops.length - 1, to + context)
    const slice = ops.slice(start, end + 1)
    const oldCount = slice.filter((o) => o.kind !== '+').length
    const newCount = slice.filter((o) => o.kind !== '-').length
    // A '+' line records the old lines before it (and a '-' line the new ones): the side's first
    // line is one further, except for an empty side, which git numbers by the line before.
    const first = slice[0]
    const oldStart = first.oldLine + (first.kind === '+' && oldCount > 0 ? 1 : 0)
    const newStart = first.newLine + (first.kind === '-' && newCount > 0 ? 1 : 0)
    const count = (n: number) => (n === 1 ? '' : `,${n}`)
    out.push(`@@ -${oldStart}${count(oldCount)} +${newStart}${count(newCount)} @@`)
    for (const op of slice) {
      const [text, ...rest] = body(op.text)
      out.push(`${op.kind}${text}`, ...rest)
    }
  }
  return out.join('\n')
}
