/**
 * `npx tsx bench/shell-diff.ts [examples]`: mvdan/sh against tree-sitter-bash (bench/shell-tree.ts)
 * on every RUN body of the Dockerfile corpus (shell form, heredoc scripts, ONBUILD triggers, as
 * the model hands them to the shell parser). Each distinct script is read by both (no cache, no
 * fast path) and compared: parse errors, then commands (count, span, name, assignments, context,
 * operator after), then each word (value, raw, literal, span). Differences are counted by class,
 * in distinct scripts and in RUN bodies, with examples; `DUMP=<dir>` writes each example script
 * there as JSON (to minimize it, or to check it with `bash -n`).
 *
 * At the commit that added it: 3,241 of 3,254 distinct scripts (5,743 of 5,771 bodies) read the
 * same. The 13 others are all misread by tree-sitter-bash (each is accepted by `bash -n`; mvdan/sh
 * reads them as bash does): 6 do not parse (`fi     fi` and `done     done` left by line
 * continuations: 3; `( … ) fi`/`( … ) else`: 2; a PowerShell body that is valid bash syntax: 1),
 * 4 contain `! { …; }` (a command named `{`), 2 have an escaped blank before a word (`\ useradd`,
 * dropped), 1 joins `… | cfssljson -bare ca -` with the next line's `echo … > file`.
 * Swapped in for mvdan/sh behind parseShell (a trial, not committed), `bench/snapshot.ts` changed
 * 3 of 2,114 Dockerfiles' results: 7 findings lost (DL3008, DL3015, DR1007 on `apt-get install` in
 * the laradock scripts tree-sitter does not parse) and one DL3009 fix (the joined line); the
 * compose results were byte-identical. */
import { writeFileSync } from 'node:fs'
import { parseDockerfile } from '../src/dockerfile/model.js'
import { mvdanScript } from '../src/parse/shell.js'
import { initTreeSitter, treeSitterScript } from './shell-tree.js'
import { corpusFiles } from '../__tests__/shared.js'
import { difference } from '../__tests__/parse/shell-readings.js'

const EXAMPLES = Number(process.argv[2] ?? 3)

const counts = new Map<string, number>()
for (const f of corpusFiles('dockerfile')) {
  const doc = parseDockerfile(f.path, f.text)
  for (const top of doc.instructions) {
    const script = doc.shell(top.trigger ?? top)
    if (script) counts.set(script.text, (counts.get(script.text) ?? 0) + 1)
  }
}
await initTreeSitter()

const classes = new Map<string, { scripts: number; bodies: number; examples: string[] }>()
let same = 0
let sameBodies = 0
for (const [text, times] of counts) {
  const d = difference(mvdanScript(text), treeSitterScript(text))
  if (!d) {
    same++
    sameBodies += times
    continue
  }
  const c = classes.get(d[0]) ?? { scripts: 0, bodies: 0, examples: [] }
  c.scripts++
  c.bodies += times
  if (process.env.DUMP && c.examples.length < EXAMPLES)
    writeFileSync(
      `${process.env.DUMP}/${d[0].replace(/\W+/g, '-')}-${c.examples.length}.json`,
      JSON.stringify(text)
    )
  if (c.examples.length < EXAMPLES)
    c.examples.push(
      `${d[1]}\n      script: ${JSON.stringify(text.length > 300 ? text.slice(0, 300) + '…' : text)}`
    )
  classes.set(d[0], c)
}
const bodies = [...counts.values()].reduce((a, b) => a + b, 0)
console.log(
  `${counts.size} distinct scripts (${bodies} RUN bodies): ${same} (${sameBodies}) read the same`
)
for (const [name, c] of [...classes].sort((a, b) => b[1].scripts - a[1].scripts)) {
  console.log(`\n${name}: ${c.scripts} scripts (${c.bodies} bodies)`)
  for (const e of c.examples) console.log(`  - ${e}`)
}
