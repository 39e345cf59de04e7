/** Levenshtein distance (insertions, deletions, substitutions and adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0
  const m = a.length
  const n = b.length
  if (m === 0) return n
  if (n === 0) return m
  let prev2: number[] = []
  let prev = Array.from({ length: n + 1 }, (_, j) => j)
  for (let i = 1; i <= m; i++) {
    const cur = [i]
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, prev2[j - 2] + 1)
      }
      cur.push(v)
    }
    prev2 = prev
    prev = cur
  }
  return prev[n]
}

/**
 * Is `editDistance(a, b) <= k`? The same distance, computed only on the diagonals within `k` of
 * the main one (an alignment that leaves them costs more than `k`; a transposition stays on its
 * diagonal), with no allocation past two rows: for comparing many words with a small `k`.
 */
export function editDistanceAtMost(a: string, b: string, k: number): boolean {
  if (a === b) return true
  const m = a.length
  const n = b.length
  if (Math.abs(m - n) > k) return false
  if (m === 0 || n === 0) return Math.max(m, n) <= k
  const over = k + 1
  // Rows i-2, i-1 and i over columns 0..n; cells off the band read as `over`.
  let prev2 = new Array<number>(n + 1).fill(over)
  let prev = new Array<number>(n + 1).fill(over)
  let cur = new Array<number>(n + 1).fill(over)
  for (let j = 0; j <= Math.min(n, k); j++) prev[j] = j
  for (let i = 1; i <= m; i++) {
    const from = Math.max(1, i - k)
    const to = Math.min(n, i + k)
    cur.fill(over)
    if (i <= k) cur[0] = i
    let best = i <= k ? i : over
    for (let j = from; j <= to; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, prev2[j - 2] + 1)
      }
      cur[j] = Math.min(v, over)
      if (cur[j] < best) best = cur[j]
    }
    if (best > k) return false
    const t = prev2
    prev2 = prev
    prev = cur
    cur = t
  }
  return prev[n] <= k
}

/**
 * The single closest candidate within `maxDistance` (default: a third of the word's length, at
 * least 1, at most 3), or undefined when there is none or the best distance is shared (ambiguous).
 */
export function closest(
  word: string,
  candidates: Iterable<string>,
  maxDistance = Math.min(3, Math.max(1, Math.floor(word.length / 3)))
): string | undefined {
  let best: string | undefined
  let bestDistance = Infinity
  let tie = false
  const w = word.toLowerCase()
  for (const c of candidates) {
    const d = editDistance(w, c.toLowerCase())
    if (d < bestDistance) {
      best = c
      bestDistance = d
      tie = false
    } else if (d === bestDistance && c !== best) tie = true
  }
  return best !== undefined && bestDistance <= maxDistance && !tie ? best : undefined
}
