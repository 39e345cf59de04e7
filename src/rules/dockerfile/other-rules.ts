import type { Rule } from '../../core/types.js'
import type { DockerfileDoc } from '../../dockerfile/model.js'
import { DR0001 } from './DR0001.js'
import { DR0010 } from './DR0010.js'
import { DR0011 } from './DR0011.js'
import { DR1001 } from './DR1001.js'
import { DR1002 } from './DR1002.js'
import { DR1003 } from './DR1003.js'
import { DR1004 } from './DR1004.js'
import { DR1005 } from './DR1005.js'
import { DR1006 } from './DR1006.js'
import { DR1007 } from './DR1007.js'
import { DR1008 } from './DR1008.js'
import { DR1009 } from './DR1009.js'
import { DR1010 } from './DR1010.js'
import { DR1011 } from './DR1011.js'
import { DR1012 } from './DR1012.js'
import { DR1015 } from './DR1015.js'
import { DR1016 } from './DR1016.js'
import { DR1017 } from './DR1017.js'
import { DR1018 } from './DR1018.js'
import { DR1019 } from './DR1019.js'
import { DR2001 } from './DR2001.js'
import { DR2002 } from './DR2002.js'
import { DR2003 } from './DR2003.js'
import { DR2004 } from './DR2004.js'
import { DR2005 } from './DR2005.js'
import { DR2006 } from './DR2006.js'
import { DR2007 } from './DR2007.js'
import { DR2008 } from './DR2008.js'
import { DR2009 } from './DR2009.js'
import { DR2010 } from './DR2010.js'
import { DR2011 } from './DR2011.js'
import { DR2012 } from './DR2012.js'
import { DR2013 } from './DR2013.js'
import { DR2014 } from './DR2014.js'
import { DR3001 } from './DR3001.js'
import { DR3002 } from './DR3002.js'
import { DR3003 } from './DR3003.js'
import { DR3004 } from './DR3004.js'
import { DR3005 } from './DR3005.js'
import { DR3006 } from './DR3006.js'
import { DR3007 } from './DR3007.js'
import { DR3008 } from './DR3008.js'
import { SHELLCHECK } from './SHELLCHECK.js'

/** Dockerfile rules beyond hadolint's DL set (ShellCheck family, BuildKit, security, DR), sorted by id. */
export const otherRules: readonly Rule<DockerfileDoc>[] = [
  DR0001,
  DR0010,
  DR0011,
  DR1001,
  DR1002,
  DR1003,
  DR1004,
  DR1005,
  DR1006,
  DR1007,
  DR1008,
  DR1009,
  DR1010,
  DR1011,
  DR1012,
  DR1015,
  DR1016,
  DR1017,
  DR1018,
  DR1019,
  DR2001,
  DR2002,
  DR2003,
  DR2004,
  DR2005,
  DR2006,
  DR2007,
  DR2008,
  DR2009,
  DR2010,
  DR2011,
  DR2012,
  DR2013,
  DR2014,
  DR3001,
  DR3002,
  DR3003,
  DR3004,
  DR3005,
  DR3006,
  DR3007,
  DR3008,
  SHELLCHECK
]
