import { describe, expect, it } from 'vitest'
import { parseDockerfile } from '../../src/dockerfile/model.js'
import { workdirBefore } from '../../src/dockerfile/runs.js'

/** WORKDIR in effect before the last instruction of `text`. */
function workdirAtEnd(text: string): string | null | undefined {
  const doc = parseDockerfile('Dockerfile', text)
  return workdirBefore(doc.instructions[doc.instructions.length - 1])
}

describe('workdirBefore', () => {
  it('is null before any WORKDIR (the base image decides)', () => {
    expect(workdirAtEnd('FROM alpine\nRUN true\n')).toBeNull()
  })

  it('resolves relative WORKDIRs against an absolute one, `..` stopping at the root', () => {
    expect(workdirAtEnd('FROM alpine\nWORKDIR /app\nWORKDIR ./src/../lib\nRUN true\n')).toBe(
      '/app/lib'
    )
    expect(workdirAtEnd('FROM alpine\nWORKDIR /\nWORKDIR ../../x\nRUN true\n')).toBe('/x')
  })

  it('follows the stages a stage is built FROM', () => {
    const text = 'FROM alpine AS base\nWORKDIR "/srv"\nFROM base\nWORKDIR web\nRUN true\n'
    expect(workdirAtEnd(text)).toBe('/srv/web')
  })

  it('is unknown after a variable or a relative first WORKDIR, until an absolute one', () => {
    expect(workdirAtEnd('FROM alpine\nWORKDIR $HOME\nRUN true\n')).toBeUndefined()
    expect(workdirAtEnd('FROM alpine\nWORKDIR app\nWORKDIR sub\nRUN true\n')).toBeUndefined()
    expect(workdirAtEnd('FROM alpine\nWORKDIR $HOME\nWORKDIR /app\nWORKDIR sub\nRUN true\n')).toBe(
      '/app/sub'
    )
  })

  it('gives up on Windows paths', () => {
    expect(
      workdirAtEnd('FROM mcr.microsoft.com/windows\nWORKDIR C:/app\nRUN dir\n')
    ).toBeUndefined()
  })
})
