/**
 * What the CLI does differently on a terminal: colours (stdout) and the progress line (stderr).
 */

/**
 * Colours for the tty format. An explicit --color / --no-color wins; then FORCE_COLOR (set and
 * not `0`/`false`: on, even into a pipe; `0`/`false`: off), which Node also puts above NO_COLOR;
 * then NO_COLOR (set and non-empty: off, https://no-color.org); then stdout being a terminal
 * whose TERM is not `dumb`.
 */
export function useColor(
  flag: boolean | undefined,
  env: Record<string, string | undefined>,
  isTTY: boolean
): boolean {
  if (flag !== undefined) return flag
  const force = env.FORCE_COLOR
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false'
  if (env.NO_COLOR) return false
  return isTTY && env.TERM !== 'dumb'
}

export interface Progress {
  /** One more of `total` done. */
  tick(): void
  /** Wipe the line, if one was drawn. */
  done(): void
}

/** After this long, a run shows its progress. */
const PROGRESS_AFTER_MS = 1000
/** Redraw at most this often. */
const REDRAW_MS = 100

/**
 * `linting 812/2114 files…` on stderr, redrawn in place with `\r`, once the run has taken more
 * than a second since `started`; nothing at all when stderr is not a terminal.
 */
export function progressLine(options: {
  enabled: boolean
  write: (text: string) => void
  now: () => number
  started: number
  verb: string
  total: number
}): Progress {
  const { enabled, write, now, started, verb, total } = options
  let count = 0
  let drawn = 0
  let lastDraw = -Infinity
  return {
    tick() {
      count++
      if (!enabled) return
      const t = now()
      if (t - started < PROGRESS_AFTER_MS || (t - lastDraw < REDRAW_MS && count < total)) return
      const line = `${verb} ${count}/${total} files…`
      write(`\r${line}${' '.repeat(Math.max(0, drawn - line.length))}`)
      drawn = line.length
      lastDraw = t
    },
    done() {
      if (drawn > 0) write(`\r${' '.repeat(drawn)}\r`)
      drawn = 0
    }
  }
}
