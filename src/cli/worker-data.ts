/**
 * What the CLI's entry (src/cli/index.ts) reads to tell a lint worker from the command itself: the
 * worker runs the same `index.js` with `workerData[LINT_WORKER]` set. Apart so that the entry, which
 * must stay tiny, imports nothing else of the lint pool.
 */
export const LINT_WORKER = 'docker-review lint worker'
