/**
 * V8 flags the CLI sets for itself, by V8 version (src/cli/index.ts applies them with
 * v8.setFlagsFromString before it loads the bundle or starts a worker; V8's flags are the
 * process's, so workers share them).
 *
 * On V8 13 (Node 24, the runtime action.yml declares) Maglev, the mid-tier optimizing compiler,
 * set the peak memory of a run over many files: its compile jobs queue up behind the linting
 * thread for CPU, each holding its graph, and the memory glibc gives their threads comes and goes
 * by tens of MB (with `--no-maglev` the peaks were flat, but the run 25 % slower). Two settings
 * keep the queue short: Maglev for functions called 1,000 times instead of 400 (fewer jobs), and
 * up to 4 compiling threads instead of 2 (`--concurrent-maglev-max-threads=1` took the corpus run
 * to 408-436 MB). Over the 2,114 corpus Dockerfiles (one lint worker, 2 cores, /usr/bin/time,
 * alternated, 11 runs each): peak RSS 223-256 MB → 207-229 MB, wall and CPU unchanged
 * (4.33-5.21 s / 4.36-5.26 s).
 *
 * Only versions where these flags were measured get them: V8 prints "unrecognized flag" for one it
 * does not know (V8 11, Node 20, has no `--concurrent-maglev-max-threads`, and Maglev is off).
 */
export function v8FlagsFor(version: string): string[] {
  const major = Number(/^(\d+)\./.exec(version)?.[1])
  if (major !== 13) return []
  return ['--invocation-count-for-maglev=1000', '--concurrent-maglev-max-threads=4']
}
