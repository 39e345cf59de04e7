import { beforeAll, describe, expect, it } from 'vitest'
import { loadShellParser } from '../../src/parse/shell.js'
import { parseDockerfile } from '../../src/dockerfile/model.js'
import { isWindows, workdirBefore } from '../../src/dockerfile/runs.js'

beforeAll(() => loadShellParser())

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

describe('the shell of a RUN on Windows', () => {
  const last = (text: string) => {
    const doc = parseDockerfile('Dockerfile', text)
    const inst = doc.instructions[doc.instructions.length - 1]
    return { doc, inst }
  }

  it('is cmd on a Windows base image without SHELL, so no POSIX parse', () => {
    const { doc, inst } = last(
      'ARG V=ltsc2019\nFROM mcr.microsoft.com/windows/servercore:$V AS w\nFROM w\nRUN cd C:\\app && dir\n'
    )
    expect(doc.shellOf(inst)).toEqual(['cmd', '/S', '/C'])
    expect(doc.shell(inst)).toBeUndefined()
    expect(isWindows(doc, inst)).toBe(true)
  })

  it('is the SHELL when one is set, and sh on Linux and unresolved bases', () => {
    const pwsh = last(
      'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nSHELL ["pwsh", "-Command"]\nRUN dir\n'
    )
    expect(pwsh.doc.shellOf(pwsh.inst)).toEqual(['pwsh', '-Command'])
    const linux = last('FROM debian:12\nRUN cd /x && ls\n')
    expect(linux.doc.shellOf(linux.inst)).toEqual(['/bin/sh', '-c'])
    expect(isWindows(linux.doc, linux.inst)).toBe(false)
    const unknown = last('ARG BASE\nFROM ${BASE}\nRUN ls\n')
    expect(unknown.doc.shell(unknown.inst)).toBeDefined()
  })
})
