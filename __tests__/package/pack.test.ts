import { isAscii } from 'node:buffer'
import { execFileSync, spawnSync } from 'node:child_process'
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import picomatch from 'picomatch'
import semver from 'semver'
import { afterAll, describe, expect, it } from 'vitest'

/**
 * The npm package as a user gets it: `npm pack`, the tarball unpacked where `npm install --global
 * --prefix` puts a package (lib/node_modules/<name>, its bin linked from bin/), and the bin run from a
 * folder outside the repository, with no node_modules anywhere up its path. The bin is the
 * self-contained CLI bundle (dist/cli/index.js), so it needs none of the package's dependencies —
 * which is also why npm itself cannot install the tarball here: it fetches them, and this machine
 * has no network.
 */

const ROOT = join(import.meta.dirname, '../..')
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string
  version: string
  bin: Record<string, string>
  files: string[]
  engines: { node: string }
  exports: Record<string, string>
  private?: boolean
  dependencies: Record<string, string>
}
const scratch = realpathSync(mkdtempSync(join(tmpdir(), 'pack-test-')))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('npm package', () => {
  it('packs the CLI bundle, installs it into a prefix, and its bin lints a Dockerfile', () => {
    const packed = JSON.parse(
      execFileSync('npm', ['pack', '--json', '--pack-destination', scratch], {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe']
      })
    ) as Array<{ filename: string; files: Array<{ path: string }> }>
    // Exactly what `files` names (the CLI bundle and the chunks it loads on demand), and each
    // entry of `files` brings something.
    const paths = packed[0].files.map((f) => f.path)
    const named = picomatch(pkg.files)
    expect(paths.filter((p) => !named(p) && p !== 'README.md' && p !== 'package.json')).toEqual([])
    for (const entry of pkg.files)
      expect(
        paths.some((p) => picomatch(entry)(p)),
        entry
      ).toBe(true)
    expect(paths).toContain(pkg.bin['docker-review'])

    const prefix = join(scratch, 'prefix')
    const home = join(prefix, 'lib/node_modules', pkg.name)
    mkdirSync(home, { recursive: true })
    execFileSync('tar', [
      '-xzf',
      join(scratch, packed[0].filename),
      '-C',
      home,
      '--strip-components=1'
    ])
    mkdirSync(join(prefix, 'bin'))
    const bin = join(prefix, 'bin', 'docker-review')
    const target = join(home, pkg.bin['docker-review'])
    symlinkSync(relative(dirname(bin), target), bin)
    // Executable as packed (npm keeps the mode) and started through its shebang.
    expect(statSync(target).mode & 0o111).not.toBe(0)
    expect(readFileSync(target, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true)

    const work = join(scratch, 'project')
    mkdirSync(work)
    writeFileSync(join(work, 'Dockerfile'), 'FROM ubuntu\nMAINTAINER me\n')
    const env = {
      PATH: `${join(prefix, 'bin')}:${dirname(process.execPath)}:/usr/bin:/bin`,
      HOME: scratch
    }
    const version = spawnSync('docker-review', ['--version'], { cwd: work, env, encoding: 'utf8' })
    expect(version.stdout.trim()).toContain(pkg.version)
    const lint = spawnSync('docker-review', ['lint', '--format', 'json'], {
      cwd: work,
      env,
      encoding: 'utf8'
    })
    // Nothing on stderr but, on a machine without ShellCheck, the one line that says so.
    expect(
      lint.stderr.replace(/^docker-review: shellcheck \(>= 0\.7\) not found[^\n]*\n/m, '')
    ).toBe('')
    expect(lint.status).toBe(1)
    const report = JSON.parse(lint.stdout) as {
      findings: Array<{ rule: string; line: number; message: string }>
    }
    expect(report.findings.map((f) => `${f.rule}:${f.line}`)).toEqual(
      expect.arrayContaining(['DL3006:1', 'DL4000:2'])
    )
    // The scripts are ASCII (\u escapes, below): the message's `…` comes out as written.
    expect(report.findings.find((f) => f.rule === 'DL4000')!.message).toContain('maintainer="…"')
  }, 120_000)

  it('ships the scripts the code cache loader reads as ASCII (one-byte strings)', () => {
    const cli = join(ROOT, 'dist/cli')
    const scripts = readdirSync(cli).filter((f) => f.endsWith('.js') && f !== 'index.js')
    expect(scripts).toContain('start.js')
    for (const f of scripts) expect(isAscii(readFileSync(join(cli, f))), f).toBe(true)
  })

  it('is publishable: no private flag, a bin, no importable API, the files it needs', () => {
    expect(pkg.private).toBeUndefined()
    expect(pkg.bin).toEqual({ 'docker-review': 'dist/cli/index.js' })
    // The package is the CLI: nothing to import but its package.json.
    expect(pkg.exports).toEqual({ './package.json': './package.json' })
    expect(pkg.files.some((entry) => picomatch(entry)(pkg.bin['docker-review']))).toBe(true)
  })

  /**
   * Ours is the lowest that the dependencies accept (@renovatebot/pep440: ^20.9.0 || ^22.11.0 ||
   * ^24), except these, which ask for more, with why we still support the lower versions. content-type 3 (through @actions/github → @octokit/request 10) declares node >= 22
   * but uses nothing newer than Node 20 has: the tests run on Node 20, and the bundles carry it.
   */
  const ABOVE_OURS: Record<string, string> = {
    'content-type': 'declares >=22; runs on Node 20 (this suite, the bundles)'
  }

  it(`has engines (${pkg.engines.node}) that the production dependencies accept`, () => {
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { dev?: boolean; engines?: { node?: string } | string[] }>
    }
    const lowest = semver.minVersion(pkg.engines.node)!
    const stricter = Object.entries(lock.packages)
      .filter(([path, p]) => path !== '' && !p.dev && !Array.isArray(p.engines) && p.engines?.node)
      .filter(([, p]) => !semver.satisfies(lowest, (p.engines as { node: string }).node))
      .map(([path]) => path.replace(/^.*node_modules\//, ''))
    expect(stricter.sort()).toEqual(Object.keys(ABOVE_OURS).sort())
    // Node 24, which the action runs on, is accepted by all of them.
    const all = Object.values(lock.packages).filter((p) => !p.dev && !Array.isArray(p.engines))
    for (const p of all)
      if (p.engines && 'node' in p.engines && p.engines.node)
        expect(semver.satisfies('24.0.0', p.engines.node), p.engines.node).toBe(true)
  })
})
