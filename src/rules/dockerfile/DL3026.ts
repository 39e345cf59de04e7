import { defineDockerfileRule } from '../define.js'
import { expandVariables } from '../../dockerfile/variables.js'
import { parseImageRef } from '../../dockerfile/image.js'
import type { Span } from '../../parse/dockerfile.js'

/** Names of Docker Hub: an image without a registry comes from there. */
const DOCKER_HUB = new Set([
  'docker.io',
  'hub.docker.com',
  'index.docker.io',
  'registry-1.docker.io'
])

function trusted(registry: string, patterns: readonly string[]): boolean {
  const hub = DOCKER_HUB.has(registry)
  return patterns.some((p) => {
    if (p === '*') return true
    if (hub && DOCKER_HUB.has(p)) return true
    if (p.startsWith('*.')) return registry.endsWith(p.slice(1))
    if (p.endsWith('*')) return registry.startsWith(p.slice(0, -1))
    return registry === p
  })
}

export const DL3026 = defineDockerfileRule({
  id: 'DL3026',
  aliases: [],
  severity: 'error',
  description: 'Use only an allowed registry in the `FROM` image.',
  check(doc, ctx) {
    const patterns = ctx.settings.trustedRegistries
    if (patterns.length === 0) return
    const check = (
      raw: string,
      vars: Map<string, string | null>,
      span: Span,
      what: string
    ): void => {
      const image = parseImageRef(raw, vars)
      if (image.unresolved || image.expanded === 'scratch' || image.expanded === '') return
      const registry = image.registry ?? 'docker.io'
      if (trusted(registry, patterns)) return
      ctx.report({
        message: `${what} \`${image.expanded}\` comes from \`${registry}\`, which is not a trusted registry (${patterns.map((p) => `\`${p}\``).join(', ')}).`,
        range: span.range
      })
    }
    const isStage = (ref: string, index: number): boolean => {
      const name = ref.toLowerCase()
      if (/^\d+$/.test(name)) return true
      return doc.stages.some((s) => s.index < index && s.name === name)
    }
    for (const stage of doc.stages) {
      const token = stage.from.args[0]
      if (token && !stage.parent) check(token.value, doc.globalArgs, token, 'Image')
    }
    // COPY --from=<image> and RUN --mount=from=<image>, before the first FROM too.
    for (const inst of doc.instructions) {
      for (const flag of inst.flags) {
        if (!flag.value || !flag.valueSpan) continue
        let ref: string | undefined
        let span: Span = flag.valueSpan
        if (flag.name === 'from' && inst.keyword === 'COPY') ref = flag.value
        else if (flag.name === 'mount' && inst.keyword === 'RUN') {
          const m = /(?:^|,)from=([^,]+)/.exec(flag.value)
          if (!m) continue
          ref = m[1]
          const at = flag.raw.indexOf(`from=${ref}`)
          if (at !== -1) {
            const start = flag.start + at + 5
            span = doc.span(start, start + ref.length)
          }
        }
        if (!ref) continue
        const expanded = expandVariables(ref, doc.variables(inst))
        if (expanded.unresolved || isStage(expanded.value, inst.stage?.index ?? 0)) continue
        check(expanded.value, new Map(), span, 'Image')
      }
    }
  }
})
