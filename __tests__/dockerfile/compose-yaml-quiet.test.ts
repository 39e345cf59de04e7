import { afterEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_CONFIG } from '../../src/config/config.js'
import type { Workspace } from '../../src/core/types.js'
import { lintFiles } from '../../src/lint/engine.js'
import { registry } from '../../src/rules/index.js'

/** A read-only workspace of these files. */
function workspace(files: Record<string, string>): Workspace {
  return {
    readFile: (path) => files[path.replace(/^\.\//, '')],
    listDir(path) {
      const prefix = path === '.' || path === '' ? '' : `${path.replace(/\/$/, '')}/`
      const names = Object.keys(files)
        .filter((f) => f.startsWith(prefix))
        .map((f) => f.slice(prefix.length).split('/')[0])
      return names.length > 0 ? [...new Set(names)] : undefined
    }
  }
}

describe('compose files read around a Dockerfile', () => {
  afterEach(() => vi.restoreAllMocks())

  it('never print YAML warnings (they quote the file) while the Dockerfile is linted', () => {
    // `!reset` and `!override` are Compose's own tags; the YAML library does not know them and
    // warns on every read, with the line quoted, to stderr (as a process warning).
    const compose = [
      'services:',
      '  base:',
      '    build: ./base',
      '    image: acme/base:1',
      '    ports: !reset []',
      '  web:',
      '    build: ./web',
      '    environment: !override',
      '      SECRET_TOKEN: hunter2',
      ''
    ].join('\n')
    const files = {
      'compose.yaml': compose,
      'base/Dockerfile': 'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
      'web/Dockerfile': 'FROM acme/base:1\nRUN curl -fsS https://example.com/\n'
    }
    const warned = vi.spyOn(process, 'emitWarning').mockImplementation(() => {})
    const logged = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const results = lintFiles(
      [{ path: 'web/Dockerfile', text: files['web/Dockerfile'], kind: 'dockerfile' }],
      { registry, config: DEFAULT_CONFIG, workspace: workspace(files), tools: {} }
    )
    expect(results[0].findings.length).toBeGreaterThan(0)
    expect(warned).not.toHaveBeenCalled()
    expect(logged).not.toHaveBeenCalled()
  })
})
