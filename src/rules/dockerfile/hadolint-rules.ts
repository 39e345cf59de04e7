import type { Rule } from '../../core/types.js'
import type { DockerfileDoc } from '../../parse/dockerfile.js'
import { DL1000 } from './DL1000.js'
import { DL3006 } from './DL3006.js'
import { DL3007 } from './DL3007.js'
import { DL3008 } from './DL3008.js'
import { DL3009 } from './DL3009.js'
import { DL3014 } from './DL3014.js'
import { DL3015 } from './DL3015.js'
import { DL3020 } from './DL3020.js'
import { DL3025 } from './DL3025.js'
import { DL3059 } from './DL3059.js'
import { DL4000 } from './DL4000.js'

/** hadolint's DL rules under hadolint's ids, sorted by id. */
export const hadolintRules: readonly Rule<DockerfileDoc>[] = [
  DL1000,
  DL3006,
  DL3007,
  DL3008,
  DL3009,
  DL3014,
  DL3015,
  DL3020,
  DL3025,
  DL3059,
  DL4000
]
