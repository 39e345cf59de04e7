import type { Rule } from '../../core/types.js'
import type { ComposeDoc } from '../../parse/compose.js'
import { DC0001 } from './DC0001.js'
import { DC1006 } from './DC1006.js'

/** Every compose rule, sorted by id. A meta-test keeps this list, the files and docs/rules/ in step. */
export const composeRules: readonly Rule<ComposeDoc>[] = [DC0001, DC1006]
