import type { ChangedFile } from '../core/ports.js'
import type { GitHubClient } from './client.js'

/**
 * The change set through REST: a pull request's files (the only source of patches; paginated,
 * 100 per page, GitHub stops at 3,000), a pushed range, one commit, or a whole tree.
 */

interface DiffEntry {
  filename: string
  status: string
  patch?: string
  previous_filename?: string
}

function changed(entry: DiffEntry): ChangedFile {
  const file: ChangedFile = { path: entry.filename, status: entry.status }
  if (typeof entry.patch === 'string') file.patch = entry.patch
  if (entry.previous_filename) file.previousPath = entry.previous_filename
  return file
}

export const PULL_FILES_CAP = 3000

export async function listPullFiles(
  client: GitHubClient,
  repo: { owner: string; repo: string },
  number: number
): Promise<ChangedFile[]> {
  const entries = await client.octokit.paginate(client.octokit.rest.pulls.listFiles, {
    ...repo,
    pull_number: number,
    per_page: 100
  })
  return (entries as DiffEntry[]).map(changed)
}

/** GitHub's cap on the files of a comparison or a commit (all on the first page). */
export const COMPARE_FILES_CAP = 300

/** Files changed between two commits (GitHub lists at most 300, all on the first page). */
export async function compareFiles(
  client: GitHubClient,
  repo: { owner: string; repo: string },
  base: string,
  head: string
): Promise<ChangedFile[]> {
  const response = await client.octokit.rest.repos.compareCommitsWithBasehead({
    ...repo,
    basehead: `${base}...${head}`
  })
  return ((response.data.files ?? []) as DiffEntry[]).map(changed)
}

/** Files a single commit changed (a new branch's first push has no `before`). */
export async function commitFiles(
  client: GitHubClient,
  repo: { owner: string; repo: string },
  sha: string
): Promise<ChangedFile[]> {
  const response = await client.octokit.rest.repos.getCommit({ ...repo, ref: sha })
  return ((response.data.files ?? []) as DiffEntry[]).map(changed)
}

/** Every file path of a commit's tree. */
export async function treePaths(
  client: GitHubClient,
  repo: { owner: string; repo: string },
  sha: string
): Promise<{ paths: string[]; truncated: boolean }> {
  const response = await client.octokit.rest.git.getTree({
    ...repo,
    tree_sha: sha,
    recursive: 'true'
  })
  return {
    paths: response.data.tree.filter((e) => e.type === 'blob' && e.path).map((e) => e.path!),
    truncated: response.data.truncated
  }
}
