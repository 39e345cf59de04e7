import type { Rule } from '../../core/types.js'
import type { ComposeDoc } from '../../parse/compose.js'
import { DC0001 } from './DC0001.js'
import { DC0002 } from './DC0002.js'
import { DC0003 } from './DC0003.js'
import { DC0004 } from './DC0004.js'
import { DC0005 } from './DC0005.js'
import { DC1001 } from './DC1001.js'
import { DC1002 } from './DC1002.js'
import { DC1003 } from './DC1003.js'
import { DC1004 } from './DC1004.js'
import { DC1005 } from './DC1005.js'
import { DC1006 } from './DC1006.js'
import { DC1007 } from './DC1007.js'
import { DC1008 } from './DC1008.js'
import { DC1009 } from './DC1009.js'
import { DC1010 } from './DC1010.js'
import { DC1011 } from './DC1011.js'
import { DC1012 } from './DC1012.js'
import { DC1013 } from './DC1013.js'
import { DC1014 } from './DC1014.js'
import { DC1015 } from './DC1015.js'
import { DC2001 } from './DC2001.js'
import { DC2002 } from './DC2002.js'
import { DC2003 } from './DC2003.js'
import { DC2004 } from './DC2004.js'
import { DC2005 } from './DC2005.js'
import { DC2006 } from './DC2006.js'
import { DC2007 } from './DC2007.js'
import { DC2008 } from './DC2008.js'
import { DC2009 } from './DC2009.js'
import { DC2010 } from './DC2010.js'
import { DC2011 } from './DC2011.js'

/** Every compose rule, sorted by id. A meta-test keeps this list, the files and docs/rules/ in step. */
export const composeRules: readonly Rule<ComposeDoc>[] = [
  DC0001,
  DC0002,
  DC0003,
  DC0004,
  DC0005,
  DC1001,
  DC1002,
  DC1003,
  DC1004,
  DC1005,
  DC1006,
  DC1007,
  DC1008,
  DC1009,
  DC1010,
  DC1011,
  DC1012,
  DC1013,
  DC1014,
  DC1015,
  DC2001,
  DC2002,
  DC2003,
  DC2004,
  DC2005,
  DC2006,
  DC2007,
  DC2008,
  DC2009,
  DC2010,
  DC2011
]
