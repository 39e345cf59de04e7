import type { ImageRef } from '../parse/image.js'
import type { DockerfileDoc, Instruction, Stage } from './model.js'
import { pairs } from './properties.js'

/**
 * Stage-aware scope questions several rules ask: which instructions are in effect before a given
 * one (its own stage so far, then every ancestor built `FROM <alias>`), which ENV/ARG names are
 * defined, which image a stage ultimately starts from.
 */

/** The top-level instruction a (possibly ONBUILD-wrapped) instruction stands for. */
function topLevel(inst: Instruction): Instruction {
  return inst.onbuild ?? inst
}

/**
 * Instructions in effect before `inst`: earlier ones of its own stage, then all of each ancestor
 * stage (nearest first). Before the first FROM, the earlier instructions of the file.
 */
export function* inScopeBefore(doc: DockerfileDoc, inst: Instruction): Generator<Instruction> {
  const top = topLevel(inst)
  const stage = top.stage
  if (!stage) {
    for (const i of doc.instructions) {
      if (i.index >= top.index) break
      yield i
    }
    return
  }
  const own = stage.instructions
  for (let k = own.length - 1; k >= 0; k--) if (own[k].index < top.index) yield own[k]
  for (let s = stage.parent; s; s = s.parent) {
    for (let k = s.instructions.length - 1; k >= 0; k--) yield s.instructions[k]
  }
}

/** The value of the nearest `ENV name=…` in scope before `inst` (undefined when not set). */
export function envBefore(doc: DockerfileDoc, inst: Instruction, name: string): string | undefined {
  for (const i of inScopeBefore(doc, inst)) {
    if (i.keyword !== 'ENV') continue
    const ps = pairs(doc, i)
    for (let k = ps.length - 1; k >= 0; k--) if (ps[k].name === name) return ps[k].value ?? ''
  }
  return undefined
}

/**
 * Variable names a RUN can see, as hadolint tracks them for version pins: ARGs declared anywhere
 * earlier in the file, and ENVs of the stage's lineage.
 */
export function definedVariables(doc: DockerfileDoc, inst: Instruction): Set<string> {
  const names = new Set<string>()
  const top = topLevel(inst)
  for (const i of doc.instructions) {
    if (i.index >= top.index) break
    if (i.keyword === 'ARG') for (const p of pairs(doc, i)) names.add(p.name)
  }
  for (const i of inScopeBefore(doc, inst)) {
    if (i.keyword === 'ENV') for (const p of pairs(doc, i)) names.add(p.name)
  }
  return names
}

/** The image the stage's lineage starts from (`FROM a AS x` … `FROM x` → `a`). */
export function rootImage(stage: Stage): string {
  const chain = lineage(stage)
  return chain[chain.length - 1].image.expanded.toLowerCase()
}

/** Does the stage end up in an image: the last stage, or a stage another is built FROM. */
export function reachesImage(stage: Stage | undefined): boolean {
  return !stage || stage.isLast || stage.usedAsBase
}

/** Stage aliases and indexes named by `COPY --from=` and `RUN --mount=…,from=` anywhere. */
export function copiedStages(doc: DockerfileDoc): Set<Stage> {
  const out = new Set<Stage>()
  const byName = new Map<string, Stage>()
  for (const s of doc.stages) if (s.name) byName.set(s.name, s)
  const mark = (ref: string): void => {
    const r = ref.replace(/^["']|["']$/g, '').toLowerCase()
    const s = byName.get(r) ?? (/^\d+$/.test(r) ? doc.stages[Number(r)] : undefined)
    if (s) out.add(s)
  }
  for (const top of doc.instructions) {
    const inst = top.trigger ?? top
    for (const f of inst.flags) {
      if (!f.value) continue
      if (f.name === 'from' && (inst.keyword === 'COPY' || inst.keyword === 'ADD')) mark(f.value)
      else if (f.name === 'mount') {
        const m = /(?:^|,)from=([^,]+)/.exec(f.value)
        if (m) mark(m[1])
      }
    }
  }
  return out
}

/** The stage's ancestry, itself first (`FROM <alias>` chains). */
export function lineage(stage: Stage | undefined): Stage[] {
  const out: Stage[] = []
  for (let s = stage; s; s = s.parent) out.push(s)
  return out
}

/**
 * What ends up in the image a Dockerfile builds: the last stage and the stages it is built
 * `FROM`, the base image they start from, and which files are development environments (dev
 * containers, `Dockerfile.dev`) where image-hygiene rules do not apply.
 */

/** The last stage and its `FROM <alias>` ancestors, last stage first; empty without FROM. */
export function finalChain(doc: DockerfileDoc): Stage[] {
  return lineage(doc.stages[doc.stages.length - 1])
}

/** Top-level instructions of the final image's stages, in file order. */
export function finalInstructions(doc: DockerfileDoc): Instruction[] {
  return finalChain(doc)
    .reverse()
    .flatMap((s) => s.instructions)
}

/**
 * Development environments: `.devcontainer/`, `Dockerfile.dev`, `dev.Dockerfile`,
 * `Dockerfile.development`, a `Dockerfile` in a folder so named (`discourse_dev/`), … They keep compilers, run as root and have no health check by design.
 */
function isDevelopmentFile(path: string): boolean {
  const p = path.replace(/\\/g, '/').toLowerCase()
  if (/(^|\/)\.devcontainer\//.test(p)) return true
  const parts = p.split('/')
  const name = parts.pop() ?? ''
  if (/(^|[.-])(dev|devel|develop|development|devcontainer)([.-]|$)/.test(name)) return true
  // A `Dockerfile` in a folder named for development (`image/discourse_dev/`, `dev/`).
  const folder = parts.pop() ?? ''
  return (
    /^(docker|container)file$/.test(name) &&
    /(^|[._-])(dev|devel|develop|development|devcontainer)([._-]|$)/.test(folder)
  )
}

/**
 * A development image: a development file (above), or a final stage named for development
 * (`AS dev`, `AS devcontainer`, `AS development`).
 */
export function isDevelopmentImage(doc: DockerfileDoc): boolean {
  const last = doc.stages[doc.stages.length - 1]
  return (
    isDevelopmentFile(doc.path) ||
    /^(dev|devel|develop|development|devcontainer)$/.test(last?.name ?? '')
  )
}

/**
 * What a Dockerfile builds, as far as its path and final stage tell: a `development` image (see
 * `isDevelopmentImage`), a `base` image other images build on (`Dockerfile.base`,
 * `base.Dockerfile`, a final stage named `base`), a `builder` image that only builds things
 * (`Dockerfile.builder`, `buildx.Dockerfile`, `build.Dockerfile`, a final stage named `builder`),
 * a `ci` image (under `.ci/`, `ci/`, `.github/`, `.gitlab/`, or `Dockerfile.ci`, `Dockerfile.test`,
 * `Dockerfile.cypress`), else an `application`. The content says `base` too: an image with
 * `ONBUILD` triggers exists to be built FROM, and one whose command is a bare interpreter or shell
 * (`CMD ["node"]`, `CMD ["php", "-a"]`, `CMD ["jshell"]`: the official runtime images) runs no
 * application of its own. Rules about how a container runs (USER, HEALTHCHECK) hold for
 * applications only.
 */
export type ImageRole = 'application' | 'base' | 'builder' | 'ci' | 'development'

const ROLE_BY_NAME: Array<[ImageRole, RegExp]> = [
  ['base', /(^|[.-])base([.-]|$)/],
  ['builder', /(^|[.-])(builder|buildx?|build-env|toolchain)([.-]|$)/],
  ['ci', /(^|[.-])(ci|test|tests|e2e|cypress|integration)([.-]|$)/]
]
const CI_DIR = /(^|\/)(\.ci|ci|\.github|\.gitlab|\.circleci|\.buildkite)\//

export function imageRole(doc: DockerfileDoc): ImageRole {
  if (isDevelopmentImage(doc)) return 'development'
  if (isRuntimeBase(doc)) return 'base'
  const p = doc.path.replace(/\\/g, '/').toLowerCase()
  const name = p.split('/').pop() ?? ''
  const last = doc.stages[doc.stages.length - 1]?.name?.toLowerCase() ?? ''
  for (const [role, pattern] of ROLE_BY_NAME) {
    if (pattern.test(name) || pattern.test(last)) return role
  }
  return CI_DIR.test(p) ? 'ci' : 'application'
}

/** Interpreters and shells whose bare start is a prompt, not an application. */
const REPL =
  /^(node|nodejs|python[\d.]*|ipython[\d.]*|pypy[\d.]*|php|jshell|irb|ruby|ghci|iex|erl|julia|perl|lua[\d.]*|bash|sh|ash|zsh|deno|bun|swift|scala|clojure|groovysh|R)$/
/** The official images' entrypoint scripts, which pass the CMD through. */
const PASS_THROUGH_ENTRYPOINT = /(^|\/)docker-[\w.-]*entrypoint[\w.-]*$|(^|\/)entrypoint(\.sh)?$/

/** The words of an exec- or shell-form CMD/ENTRYPOINT. */
function commandWords(inst: Instruction): string[] {
  return inst.json ? inst.json.values : inst.args.map((a) => a.value)
}

/**
 * A runtime or toolbox image meant to be extended: the final image has ONBUILD triggers, or its
 * command starts a bare interpreter or shell (`node`, `python3`, `php -a`, `bash`) through no
 * entrypoint or an entrypoint script that passes the command through.
 */
function isRuntimeBase(doc: DockerfileDoc): boolean {
  const insts = finalInstructions(doc)
  if (insts.some((i) => i.keyword === 'ONBUILD')) return true
  const cmd = insts.filter((i) => i.keyword === 'CMD').pop()
  const entrypoint = insts.filter((i) => i.keyword === 'ENTRYPOINT').pop()
  if (!cmd) return false
  if (entrypoint && !PASS_THROUGH_ENTRYPOINT.test(commandWords(entrypoint)[0] ?? '')) return false
  const words = commandWords(cmd)
  const name = (words[0] ?? '').split('/').pop() ?? ''
  return REPL.test(name) && (words.length === 1 || (words.length === 2 && /^-[ai]$/.test(words[1])))
}

/** Windows base images (servercore, nanoserver, windows). */
export function isWindowsImage(image: ImageRef): boolean {
  return /(^|\/)(windows|windowsservercore|nanoserver|servercore)(\/|$)|windows|nanoserver|servercore|ltsc\d{4}/i.test(
    `${image.name}:${image.tag ?? ''}`
  )
}

/** Repository name without registry and `library/` (`docker.io/library/python` → `python`). */
export function shortName(image: ImageRef): string {
  return image.name.replace(/^library\//, '').toLowerCase()
}

/**
 * The stages a `FROM` with an unresolved variable can name (`FROM binaries-$TARGETOS` →
 * `binaries-linux`, `binaries-windows`, …): earlier stages whose name starts with the literal text
 * before the variable. Empty when the reference is resolved or names no stage pattern.
 */
export function variantStages(doc: DockerfileDoc, stage: Stage): Stage[] {
  if (stage.parent || !stage.image.unresolved) return []
  const raw = stage.image.raw.toLowerCase()
  const prefix = raw.slice(0, raw.indexOf('$'))
  if (prefix === '' || /[:/@]/.test(prefix)) return []
  return doc.stages.filter(
    (s) => s.index < stage.index && s.name !== undefined && s.name.startsWith(prefix)
  )
}
