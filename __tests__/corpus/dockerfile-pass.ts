import { resolveConfig } from '../../src/config/config.js'
import { parseDockerfile, type DockerfileDoc } from '../../src/dockerfile/model.js'
import { lintDockerfile, type FileResult } from '../../src/lint/engine.js'
import { registry } from '../../src/rules/index.js'
import { corpusFiles } from '../shared.js'

/**
 * One pass over the Dockerfile corpus (../shared/corpus, 2,114 real files), shared by the corpus
 * suites that dockerfile-corpus.test.ts runs in one process: each file is parsed once and linted
 * once with every rule on. A suite that looks at fewer rules filters the findings: what a rule
 * reports does not depend on which other rules run.
 */

export interface CorpusLint {
  /** `<owner>/<repo>/<original path>`. */
  path: string
  text: string
  doc: DockerfileDoc
  /** Every rule on (opt-in ones included), no ShellCheck. */
  result: FileResult
}

export const ALL_RULES = resolveConfig([{ source: 'corpus', all: true }])

let pass: CorpusLint[] | undefined

export function dockerfileCorpus(): CorpusLint[] {
  pass ??= corpusFiles('dockerfile').map((f) => {
    const doc = parseDockerfile(f.path, f.text)
    return {
      path: f.path,
      text: f.text,
      doc,
      result: lintDockerfile(doc, { registry, config: ALL_RULES })
    }
  })
  return pass
}

/** The result with only the findings of rules `keep` accepts. */
export function withRules(result: FileResult, keep: (rule: string) => boolean): FileResult {
  return { ...result, findings: result.findings.filter((f) => keep(f.rule)) }
}
