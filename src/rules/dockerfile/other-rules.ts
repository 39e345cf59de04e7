import type { Rule } from '../../core/types.js'
import type { DockerfileDoc } from '../../parse/dockerfile.js'

/** Dockerfile rules beyond hadolint's DL set (ShellCheck family, BuildKit, security, DR), sorted by id. */
export const otherRules: readonly Rule<DockerfileDoc>[] = []
