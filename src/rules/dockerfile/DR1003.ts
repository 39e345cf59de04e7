import { defineDockerfileRule } from '../define.js'

/** Tags (first `-` part) that name a moving target: a release line, a channel or a distribution. */
const ROLLING = new Set([
  'lts',
  'stable',
  'current',
  'mainline',
  'edge',
  'rolling',
  'testing',
  'unstable',
  'sid',
  'nightly',
  'alpine',
  'slim',
  'jdk',
  'jre',
  'bookworm',
  'bullseye',
  'buster',
  'stretch',
  'trixie',
  'jessie',
  'xenial'
])

/** Why the tag floats, or undefined when it names a precise release. */
export function floating(tag: string): string | undefined {
  const parts = tag.toLowerCase().split('-')
  // A date stamp pins a build of a rolling name (`bookworm-20240110`, `jammy-20240530`).
  if (parts.some((p) => /^\d{8}$/.test(p) || /^\d{4}\.\d{2}\.\d{2}$/.test(p))) return undefined
  const first = parts[0]
  if (/^v?\d+(\.\d+)+/.test(first)) return undefined
  if (/^v?\d{1,4}$/.test(first))
    return `\`${first}\` is a major version: it moves to every new ${first}.x release`
  if (ROLLING.has(first))
    return `\`${first}\` is a rolling name that points at a different release over time`
  return undefined
}

export const DR1003 = defineDockerfileRule({
  id: 'DR1003',
  aliases: [],
  severity: 'info',
  description: 'The base image tag floats (`python:3`, `node:lts`, `debian:stable`).',
  check(doc, ctx) {
    for (const stage of doc.stages) {
      const image = stage.image
      const token = stage.from.args[0]
      if (!token || stage.parent || image.unresolved || image.digest || !image.tag) continue
      if (image.name.toLowerCase() === 'scratch' || image.tag === 'latest') continue
      const why = floating(image.tag)
      if (!why) continue
      ctx.report({
        message: `Base image \`${image.expanded}\` floats: ${why}, so rebuilds silently change the base. Pin a full version (e.g. \`${image.name.split('/').pop()}:<major>.<minor>.<patch>\`) and update it on purpose.`,
        range: token.range
      })
    }
  }
})
