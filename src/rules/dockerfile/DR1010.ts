import type { Fix } from '../../core/types.js'
import type { DockerfileDoc, Stage } from '../../dockerfile/model.js'
import { defineDockerfileRule } from '../define.js'
import {
  finalChain,
  isDevelopmentImage,
  isWindowsImage,
  shortName
} from '../../dockerfile/stages.js'

interface Language {
  image: RegExp
  /** Tag parts that already mean a small runtime variant. */
  small: RegExp
  advice: string
  /** Append `-slim` to a plain version tag. */
  slim?: boolean
}

const LANGUAGES: Language[] = [
  { image: /^python$/, small: /slim|alpine/, advice: 'use `python:<version>-slim`', slim: true },
  { image: /^node$/, small: /slim|alpine/, advice: 'use `node:<version>-slim`', slim: true },
  { image: /^ruby$/, small: /slim|alpine/, advice: 'use `ruby:<version>-slim`', slim: true },
  {
    image: /^(golang|rust)$/,
    small: /$^/,
    advice:
      'build in a builder stage and copy the binary into a small runtime image (distroless, alpine or debian-slim)'
  },
  {
    image: /^(maven|gradle)$/,
    small: /$^/,
    advice:
      'build in a builder stage and copy the jar into a JRE image (`eclipse-temurin:<version>-jre`)'
  },
  {
    image: /^(openjdk|eclipse-temurin|amazoncorretto|ibm-semeru-runtimes|sapmachine)$/,
    small: /jre|alpine|slim|distroless/,
    advice: 'run on a JRE image (`eclipse-temurin:<version>-jre`) instead of a full JDK'
  },
  {
    image: /^dotnet\/sdk$/,
    small: /$^/,
    advice:
      'publish in a builder stage and run on `mcr.microsoft.com/dotnet/aspnet` or `dotnet/runtime`'
  }
]

function slimFix(doc: DockerfileDoc, stage: Stage): Fix | undefined {
  const token = stage.from.args[0]
  const image = stage.image
  if (!token || !image.tag || image.digest || token.value !== image.expanded) return undefined
  if (!/^\d+(\.\d+)*$/.test(image.tag)) return undefined
  return {
    description: `Use \`${image.tag}-slim\`. Unsafe: slim images lack compilers and some system libraries, so installs that build native extensions may need them added.`,
    safe: false,
    edits: [{ range: doc.span(token.end, token.end).range, text: '-slim' }]
  }
}

export const DR1010 = defineDockerfileRule({
  id: 'DR1010',
  aliases: [],
  severity: 'info',
  fixable: true,
  description:
    'The final image is a full language/SDK image (`python:3.12`, `node:20`, `golang`, a JDK) instead of a slim runtime.',
  check(doc, ctx) {
    if (isDevelopmentImage(doc)) return
    const chain = finalChain(doc)
    const root = chain[chain.length - 1]
    if (!root || root.image.unresolved || isWindowsImage(root.image)) return
    const name = shortName(root.image).replace(/^mcr\.microsoft\.com\//, '')
    const lang = LANGUAGES.find((l) => l.image.test(name))
    if (!lang) return
    const tag = (root.image.tag ?? '').toLowerCase()
    if (lang.small.test(tag) || tag.includes('windows') || tag.includes('nanoserver')) return
    ctx.report({
      message: `The final image is built on the full \`${root.image.expanded}\` image (compilers, headers, hundreds of MB the application does not need at run time); ${lang.advice}.`,
      range: root.from.args[0]?.range ?? root.from.range,
      fix: lang.slim ? slimFix(doc, root) : undefined
    })
  }
})
