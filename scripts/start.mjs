#!/usr/bin/env node
// `npm start`: review the bundled example pull request (examples/base → examples/head) with the
// built action (dist/index.js) against the local GitHub API stand-in, and print the review as a
// reader sees it. Needs only `npm ci` (dev dependencies) and the committed dist/.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

if (!existsSync('dist/index.js')) {
  console.error('dist/index.js is missing: run `npm run package` first.')
  process.exit(1)
}
const result = spawnSync('npx', ['--no-install', 'tsx', '__tests__/standin/demo.ts'], {
  stdio: 'inherit',
  shell: process.platform === 'win32'
})
process.exit(result.status ?? 1)
