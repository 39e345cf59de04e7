import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseDockerfile } from '../../src/dockerfile/model.js'
import { parseShell } from '../../src/parse/shell.js'

/**
 * Properties of the parsers over generated input: they never throw, never loop, and every span
 * they report lies inside the text and covers what it claims. FUZZ_RUNS raises the run count.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 300)

/** Dockerfile-ish text: instruction words, shell punctuation, quotes, escapes, heredocs, newlines. */
const piece = fc.constantFrom(
  'FROM ',
  'RUN ',
  'COPY ',
  'ADD ',
  'ENV ',
  'ARG ',
  'ONBUILD ',
  'LABEL ',
  'CMD ',
  'HEALTHCHECK ',
  '--mount=type=cache,target=/x ',
  '--from=a ',
  'AS b',
  'a=1 ',
  '"x y" ',
  "'q' ",
  '$V ',
  '${V:-d} ',
  '&& ',
  '|| ',
  '| ',
  '; ',
  '\\\n',
  '`\n',
  '\n',
  '\r\n',
  '# c\n',
  '<<EOF\n',
  'EOF\n',
  '<<-E\n\tE\n',
  '$(',
  ')',
  '`',
  '(',
  '{ ',
  ' }',
  'if ',
  'then ',
  'fi',
  'for i in 1; do ',
  'done',
  'case x in a) ',
  ';;',
  'esac',
  '[ ',
  ' ]',
  'é',
  '🙂',
  '# escape=`\n',
  '["a", "b"]',
  '\t',
  ' '
)
const dockerfile = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(''))

describe('parser properties', () => {
  it('parseDockerfile: never throws; spans are inside the text and args cover their text', () => {
    fc.assert(
      fc.property(dockerfile, (text) => {
        const doc = parseDockerfile('Dockerfile', text)
        for (const top of doc.instructions) {
          for (const inst of top.trigger ? [top, top.trigger] : [top]) {
            expect(inst.start).toBeGreaterThanOrEqual(0)
            expect(inst.end).toBeLessThanOrEqual(text.length)
            for (const a of inst.args) {
              expect(a.start).toBeLessThanOrEqual(a.end)
              expect(a.end).toBeLessThanOrEqual(text.length)
            }
            expect(inst.textOffsets).toHaveLength(inst.text.length + 1)
            for (let i = 0; i < inst.text.length; i++)
              expect(text[inst.textOffsets[i]]).toBe(inst.text[i])
            const script = doc.shell(inst)
            for (const c of script?.commands ?? []) {
              for (const w of c.words) {
                expect(w.start).toBeLessThanOrEqual(w.end)
                expect(w.end).toBeLessThanOrEqual(text.length)
              }
            }
            void inst.properties
          }
        }
      }),
      { numRuns: RUNS }
    )
  })

  it('parseShell: never throws, and literal words without quotes or escapes cover their raw text', () => {
    const shell = fc
      .array(
        fc.constantFrom(
          'a',
          'b ',
          '-x ',
          '"q q" ',
          "'s' ",
          '\\ ',
          '$v ',
          '$(c) ',
          '`d` ',
          '&& ',
          '|| ',
          '| ',
          '; ',
          '\n',
          '(',
          ')',
          '{ ',
          '} ',
          'if ',
          'then ',
          'fi ',
          '<<E\nE\n',
          '#x\n',
          '> f ',
          '2>&1 ',
          'é'
        ),
        { maxLength: 40 }
      )
      .map((p) => p.join(''))
    fc.assert(
      fc.property(shell, (text) => {
        const offsets = Array.from({ length: text.length + 1 }, (_, i) => i)
        const script = parseShell(text, offsets)
        for (const c of script.commands) {
          expect(c.start).toBeLessThanOrEqual(c.end)
          for (const w of c.words) {
            expect(text.slice(w.start, w.end)).toBe(w.raw)
            if (w.literal && !/["'\\$]/.test(w.raw)) expect(w.value).toBe(w.raw)
          }
        }
        if (script.error) expect(script.error.offset).toBeLessThanOrEqual(text.length)
      }),
      { numRuns: RUNS }
    )
  })
})
