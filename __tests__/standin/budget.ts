import { join } from 'node:path'
import { ROOT } from './harness.js'
import { changesFrom, readTree, withPullRequest } from './scenario.js'

/**
 * The request budget of the bundled example pull request (no checkout): requests of a first run
 * and of a re-run on the same head. `npm run bench` can print it; the end-to-end tests assert it.
 */

export interface RequestBudget {
  firstRun: number
  firstRunWrites: number
  rerun: number
  rerunWrites: number
  /** `METHOD operation` of each first-run request. */
  firstRunRequests: string[]
}

export async function measureRequestBudget(): Promise<RequestBudget> {
  const base = readTree(join(ROOT, 'examples/base'))
  const head = readTree(join(ROOT, 'examples/head'))
  return withPullRequest(base, changesFrom(base, head), async (s) => {
    const first = await s.review()
    const again = await s.review({ action: 'synchronize' })
    if (first.code !== 0 || again.code !== 0) {
      throw new Error(`the example review failed:\n${first.stdout}\n${again.stdout}`)
    }
    return {
      firstRun: first.requests.length,
      firstRunWrites: first.requests.filter((r) => r.write).length,
      rerun: again.requests.length,
      rerunWrites: again.requests.filter((r) => r.write).length,
      firstRunRequests: first.requests.map((r) => `${r.method} ${r.operation.split(' ')[0]}`)
    }
  })
}
