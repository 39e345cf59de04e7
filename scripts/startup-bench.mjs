#!/usr/bin/env node
// Whole-process latency of a few commands, the way a pre-commit hook or an editor runs them:
// alternated runs (A B C A B C …, so a change in the machine's load hits every command alike),
// each timed by bash's `time` (getrusage of the child: wall, user and system time in ms).
// Prints the median wall and CPU (user + system) time of each command, and its ratio to the
// first one.
//
//   node scripts/startup-bench.mjs [--runs 21] [--cwd DIR] [--env NAME=VALUE …] \
//     'peer=node node_modules/dockerfile-utils/bin/dockerfile-utils lint --json Dockerfile' \
//     'ours=node /tmp/build/cli/index.js lint --format json Dockerfile'
//
// Output and errors of the timed runs go to /dev/null; a command that exits above 1, or prints
// nothing on its warm-up run, stops the run (exit 1 is "findings" for a linter).
import { spawnSync } from 'node:child_process'
import { parseArgs } from 'node:util'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: 'string', default: '21' },
    cwd: { type: 'string' },
    env: { type: 'string', multiple: true, default: [] },
    json: { type: 'boolean', default: false }
  }
})
const runs = Number(values.runs)
if (!Number.isInteger(runs) || runs < 1 || positionals.length === 0) {
  console.error('usage: startup-bench.mjs [--runs N] [--cwd DIR] [--env K=V…] label=command …')
  process.exit(2)
}
const env = { ...process.env }
for (const pair of values.env) {
  const at = pair.indexOf('=')
  env[pair.slice(0, at)] = pair.slice(at + 1)
}
const commands = positionals.map((arg) => {
  const at = arg.indexOf('=')
  return { label: arg.slice(0, at), command: arg.slice(at + 1), wall: [], cpu: [] }
})

/** One run of `command`: [wall, cpu] in ms, by bash's `time` (getrusage of its children). */
function timeOnce(command) {
  const script = `TIMEFORMAT='%3R %3U %3S'; { time { ${command} >/dev/null 2>&1; echo "rc=$?" >&2; } ; } 2>&1`
  const out = spawnSync('/bin/bash', ['-c', script], { cwd: values.cwd, env, encoding: 'utf8' })
  const rc = /rc=(\d+)/.exec(out.stdout)
  const times = /^([\d.]+) ([\d.]+) ([\d.]+)$/m.exec(out.stdout)
  if (!rc || !times) throw new Error(`cannot time ${command}: ${out.stdout}${out.stderr}`)
  if (Number(rc[1]) > 1) throw new Error(`${command} exited ${rc[1]}`)
  return [Number(times[1]) * 1000, (Number(times[2]) + Number(times[3])) * 1000]
}

/** The warm-up run, with what it printed: a command that fails early must not pass for fast. */
function check(c) {
  const out = spawnSync('/bin/bash', ['-c', c.command], { cwd: values.cwd, env, encoding: 'utf8' })
  if (out.status > 1 || out.stdout.length === 0) {
    throw new Error(
      `${c.label} exited ${out.status} with ${out.stdout.length} bytes out: ${out.stderr}`
    )
  }
  c.out = `exit ${out.status}, ${out.stdout.length} bytes out`
}

const median = (values) => {
  const s = [...values].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}

// One warm-up run each (the file cache, and a sanity check), not recorded.
for (const c of commands) check(c)
for (let i = 0; i < runs; i++) {
  for (const c of commands) {
    const [wall, cpu] = timeOnce(c.command)
    c.wall.push(wall)
    c.cpu.push(cpu)
  }
}
const rows = commands.map((c) => ({
  label: c.label,
  wallMs: Math.round(median(c.wall)),
  cpuMs: Math.round(median(c.cpu)),
  minWallMs: Math.round(Math.min(...c.wall)),
  minCpuMs: Math.round(Math.min(...c.cpu)),
  out: c.out
}))
if (values.json) {
  console.log(JSON.stringify({ runs, rows }, null, 2))
} else {
  const [first] = rows
  console.log(`median of ${runs} alternated runs (ms); ratio to ${first.label}`)
  for (const r of rows) {
    const ratio = (n, d) => (n / d).toFixed(2)
    console.log(
      `${r.label.padEnd(24)} wall ${String(r.wallMs).padStart(5)} (min ${String(r.minWallMs).padStart(4)}, ×${ratio(r.wallMs, first.wallMs)})` +
        `   cpu ${String(r.cpuMs).padStart(5)} (min ${String(r.minCpuMs).padStart(4)}, ×${ratio(r.cpuMs, first.cpuMs)})   ${r.out}`
    )
  }
}
