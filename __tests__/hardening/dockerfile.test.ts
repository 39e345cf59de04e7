import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MAX_SOURCE_BYTES } from '../../src/io/source.js'
import { cli, errorsOf, everyFormat, lintFiles, located } from './cli.js'

/**
 * Hostile and broken Dockerfiles through `docker-review lint` (issue 7): each gives located
 * findings or a clear error naming the file — never a crash, a hang or a stack trace — and a
 * broken file never stops the others. `lintFiles` checks the common part (exit code, every
 * finding inside its file, errors are sentences, wall time); each test checks what it is about.
 */

const OTHER = 'FROM debian:12\nMAINTAINER someone\n'

describe.concurrent('hostile Dockerfiles (CLI)', () => {
  it('a binary file named Dockerfile fails closed (DR0001, binary); the others are linted', () => {
    const png = Uint8Array.from([
      0x89,
      0x50,
      0x4e,
      0x47,
      0x0d,
      0x0a,
      0x1a,
      0x0a,
      0,
      0,
      0,
      13,
      0x49,
      0x48,
      0x44,
      0x52,
      ...Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256)
    ])
    const { report, dir } = lintFiles({ Dockerfile: png, 'app/Dockerfile': OTHER })
    expect(errorsOf(report, 'Dockerfile')).toEqual([])
    expect(located(report, 'Dockerfile')).toEqual(['DR0001@1:1'])
    expect(report.findings.find((f) => f.file === 'Dockerfile')?.message).toBe(
      'This file was not fully checked: binary file (contains NUL bytes), not linted.'
    )
    expect(located(report, 'app/Dockerfile')).toContain('DL4000@2:1')
    everyFormat(dir, ['Dockerfile', 'app/Dockerfile'])
  })

  it('binary bytes without a NUL are linted as text with a warning, and still located', () => {
    const noise = Uint8Array.from(Array.from({ length: 3000 }, (_, i) => 128 + ((i * 31) % 128)))
    const { report } = lintFiles({ Dockerfile: noise })
    expect(errorsOf(report, 'Dockerfile')[0]).toMatch(
      /^invalid UTF-8 \(first bad byte sequence on line 1\)/
    )
    expect(located(report, 'Dockerfile')).toContain('DL1000@1:1')
  })

  it('invalid UTF-8: a warning naming the line, and the file is still linted', () => {
    const bytes = Buffer.concat([
      Buffer.from('FROM debian:12\nRUN echo '),
      Buffer.from([0xc3, 0x28, 0xff, 0xfe]),
      Buffer.from('\nMAINTAINER someone\n')
    ])
    const { report, dir } = lintFiles({ Dockerfile: bytes })
    expect(errorsOf(report, 'Dockerfile')).toEqual([
      'invalid UTF-8 (first bad byte sequence on line 2); linted with replacement characters'
    ])
    expect(located(report, 'Dockerfile')).toContain('DL4000@3:1')
    everyFormat(dir, ['Dockerfile'])
  })

  it('a UTF-8 byte order mark: the same positions as without it, and --fix keeps it', () => {
    const text = 'FROM ubuntu\nRUN apt-get update && apt-get install -y curl\nMAINTAINER me\n'
    const plain = lintFiles({ Dockerfile: text }).report
    const { report, dir } = lintFiles({ Dockerfile: `\uFEFF${text}` })
    expect(located(report, 'Dockerfile')).toEqual(located(plain, 'Dockerfile'))
    expect(located(report, 'Dockerfile')).toContain('DL3006@1:6')
    cli(dir, ['lint', '--fix', 'Dockerfile'])
    const fixed = readFileSync(join(dir, 'Dockerfile'))
    expect([...fixed.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(fixed.toString('utf8')).not.toContain('MAINTAINER')
  })

  it('CRLF line endings: the same findings as LF, and --fix writes CRLF only', () => {
    const lf =
      'FROM ubuntu\nRUN apt-get update && apt-get install -y curl\nMAINTAINER me\nUSER app\n'
    const plain = lintFiles({ Dockerfile: lf }).report
    const { report, dir } = lintFiles({ Dockerfile: lf.replace(/\n/g, '\r\n') })
    expect(located(report, 'Dockerfile')).toEqual(located(plain, 'Dockerfile'))
    cli(dir, ['lint', '--fix', 'Dockerfile'])
    const fixed = readFileSync(join(dir, 'Dockerfile'), 'utf8')
    expect(fixed).not.toContain('MAINTAINER')
    expect(fixed.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
  })

  it('mixed line endings: findings on the right lines, and --fix keeps each untouched line’s ending', () => {
    const lines = ['FROM ubuntu', 'RUN apt-get update && apt-get install -y curl', 'MAINTAINER me']
    const lf = `${lines.join('\n')}\nUSER app\n`
    const mixed = `${lines[0]}\r\n${lines[1]}\n${lines[2]}\r\nUSER app\r\n`
    const plain = lintFiles({ Dockerfile: lf }).report
    const { report, dir } = lintFiles({ Dockerfile: mixed })
    expect(located(report, 'Dockerfile')).toEqual(located(plain, 'Dockerfile'))
    cli(dir, ['lint', '--fix', 'Dockerfile'])
    const fixed = readFileSync(join(dir, 'Dockerfile'), 'utf8')
    expect(fixed.startsWith('FROM ubuntu')).toBe(true)
    expect(fixed).toMatch(/\r\nUSER app\r\n$/)
  })

  it('a 10 MB Dockerfile fails closed as too large, quickly; the others are linted', () => {
    const unit = 'RUN apt-get update && apt-get install -y curl\nCOPY a b\nENV X=1\n'
    const big = `FROM debian:12\n${unit.repeat(Math.ceil(10_000_000 / unit.length))}`
    const { report } = lintFiles({ Dockerfile: big, 'app/Dockerfile': OTHER }, { seconds: 10 })
    expect(located(report, 'Dockerfile')).toEqual(['DR0001@1:1'])
    expect(report.findings.find((f) => f.file === 'Dockerfile')?.message).toBe(
      `This file was not fully checked: file is too large to lint (${big.length} bytes; the limit is ${MAX_SOURCE_BYTES}).`
    )
    expect(located(report, 'app/Dockerfile')).toContain('DL4000@2:1')
  })

  it('a 50,000-line RUN: linted, or failed closed at its time guard, never a hang', () => {
    const run = `FROM debian:12\nRUN ${Array.from({ length: 50_000 }, (_, i) => `echo ${i}`).join(' && \\\n  ')}\nUSER 1000\n`
    const budget = { ms: 3000, now: () => performance.now() }
    const { report } = lintFiles(
      { Dockerfile: run, 'app/Dockerfile': OTHER },
      { seconds: 90, budget }
    )
    const errors = errorsOf(report, 'Dockerfile')
    if (errors.length > 0) {
      expect(errors).toEqual([expect.stringMatching(/^linting stopped at the 3 s safety limit/)])
      expect(located(report, 'Dockerfile')).toEqual(['DR0001@1:1'])
    }
    expect(located(report, 'app/Dockerfile')).toContain('DL4000@2:1')
  })

  it('10,000 instructions: every finding located, in seconds', () => {
    const text = `FROM debian:12\n${Array.from({ length: 10_000 }, (_, i) => `RUN echo ${i}`).join('\n')}\nUSER 1000\n`
    const { report } = lintFiles({ Dockerfile: text }, { seconds: 30 })
    const lines = report.findings.map((f) => f.line)
    expect(lines.length).toBeGreaterThanOrEqual(9_999)
    expect(Math.max(...lines)).toBe(10_001)
  })

  it('deeply nested $(…), backticks, arithmetic, subshells and ${…}: no stack overflow', () => {
    const depth = 10_000
    const { report } = lintFiles({
      'a/Dockerfile': `FROM debian:12\nRUN echo ${'$('.repeat(depth)}x${')'.repeat(depth)}\nUSER 1000\n`,
      'b/Dockerfile': `FROM debian:12\nRUN ${'('.repeat(depth)}true${')'.repeat(depth)}\nUSER 1000\n`,
      'c/Dockerfile': `FROM debian:12\nRUN echo ${'$(('.repeat(depth)}1${'))'.repeat(depth)}\nUSER 1000\n`,
      'd/Dockerfile': `FROM debian:12\nRUN echo \${a:-${'${a:-'.repeat(depth)}x${'}'.repeat(depth)}}\nUSER 1000\n`,
      'e/Dockerfile': `ARG A=${'${B:-'.repeat(depth)}x${'}'.repeat(depth)}\nFROM debian:\${A}\nUSER 1000\n`,
      'f/Dockerfile': `FROM debian:12\nRUN echo ${'$('.repeat(depth)}x\nUSER 1000\n`,
      'g/Dockerfile': `FROM debian:12\nRUN echo $($($(x\nUSER 1000\n`
    })
    expect(report.errors).toEqual([])
    expect(report.files).toHaveLength(7)
    // An unclosed one is a located parse error, not silence.
    expect(located(report, 'g/Dockerfile')).toContain('DL1000@2:14')
  })

  it('an unterminated heredoc and unterminated quotes are located errors', () => {
    const { report } = lintFiles({
      'heredoc/Dockerfile': 'FROM debian:12\nRUN <<EOF\necho hi\n',
      'quote/Dockerfile': 'FROM debian:12\nRUN echo "hi\nLABEL description=it\'s\nUSER 1000\n',
      'json/Dockerfile': 'FROM debian:12\nCMD ["a", "b\nUSER 1000\n'
    })
    expect(located(report, 'heredoc/Dockerfile')).toContain('DL1000@2:5')
    expect(located(report, 'quote/Dockerfile')).toEqual(
      expect.arrayContaining(['DL1000@2:10', 'DL1000@3:21'])
    )
    // Broken exec form is shell form to Docker: said so, at the instruction.
    expect(located(report, 'json/Dockerfile')).toContain('DL3025@2:5')
  })

  it('`# escape=` oddities: invalid, backtick, repeated, empty, after an instruction, at the end of the file', () => {
    const { report, dir } = lintFiles({
      'invalid/Dockerfile': '# escape=x\nFROM debian:12\nUSER 1000\n',
      'backtick/Dockerfile': '# escape=`\nFROM debian:12\nRUN echo a `\n  b\nUSER 1000\n',
      'repeated/Dockerfile':
        '# escape=`\n# escape=\\\nFROM debian:12\nRUN echo a `\n  b\nUSER 1000\n',
      'empty/Dockerfile': '# escape=\nFROM debian:12\nUSER 1000\n',
      'late/Dockerfile': 'FROM debian:12\n# escape=`\nRUN echo a `\n  b\nUSER 1000\n',
      'eof/Dockerfile': '# escape=`\nFROM debian:12\nUSER 1000\nRUN echo a `',
      'bom/Dockerfile': '\uFEFF# escape=`\nFROM debian:12\nRUN echo a `\n  b\nUSER 1000\n'
    })
    const dl1000 = (file: string) => located(report, file).filter((f) => f.startsWith('DL1000'))
    expect(dl1000('invalid/Dockerfile')).toEqual(['DL1000@1:1'])
    // The backtick continues the RUN: no instruction named `b`.
    for (const file of ['backtick/Dockerfile', 'repeated/Dockerfile', 'bom/Dockerfile'])
      expect(
        located(report, file).filter((f) => f.startsWith('DL1000')),
        file
      ).toEqual([])
    // After an instruction it is a comment: the backtick opens a command substitution the shell
    // never sees closed, and `b` is an unknown instruction.
    expect(dl1000('late/Dockerfile')).toEqual(['DL1000@3:12', 'DL1000@4:3'])
    expect(report.errors).toEqual([])
    everyFormat(dir, ['invalid/Dockerfile', 'late/Dockerfile', 'eof/Dockerfile'])
  })

  it('an empty file and a file of only comments: a located error (Docker refuses both)', () => {
    const { report } = lintFiles({
      'empty/Dockerfile': '',
      'comments/Dockerfile': '# just\n# comments\n',
      'blank/Dockerfile': '\n\n   \n'
    })
    for (const file of ['empty/Dockerfile', 'comments/Dockerfile', 'blank/Dockerfile']) {
      expect(located(report, file), file).toEqual(['DL1000@1:1'])
      expect(report.findings.find((f) => f.file === file)!.message).toMatch(/no instructions/)
    }
  })
})
