/**
 * Preloaded into the action by the benchmark (`NODE_OPTIONS=--import=<this file>`): on exit,
 * appends `pid ppid maxRSS-KiB cpu-ms children-cpu-ms` to the file named by BENCH_MAXRSS_FILE.
 * maxRSS and cpu are this process's (getrusage); children-cpu is what the processes it started
 * and waited for used (ShellCheck), from /proc/self/stat (Linux; -1 elsewhere).
 */
import { appendFileSync, readFileSync } from 'node:fs'

const file = process.env.BENCH_MAXRSS_FILE
/** USER_HZ: the unit of /proc's cutime/cstime on Linux. */
const TICK_MS = 10

function childrenCpuMs() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    // Fields 16 and 17 of proc(5) (cutime, cstime); fields start at 3 (state) here.
    return (Number(fields[13]) + Number(fields[14])) * TICK_MS
  } catch {
    return -1
  }
}

if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage()
    const cpuMs = Math.round((u.userCPUTime + u.systemCPUTime) / 1000)
    appendFileSync(file, `${process.pid} ${process.ppid} ${u.maxRSS} ${cpuMs} ${childrenCpuMs()}\n`)
  })
}
