import type { Rule } from '../../core/types.js'
import type { DockerfileDoc } from '../../dockerfile/model.js'
import { DL1000 } from './DL1000.js'
import { DL1001 } from './DL1001.js'
import { DL3000 } from './DL3000.js'
import { DL3001 } from './DL3001.js'
import { DL3002 } from './DL3002.js'
import { DL3003 } from './DL3003.js'
import { DL3004 } from './DL3004.js'
import { DL3006 } from './DL3006.js'
import { DL3007 } from './DL3007.js'
import { DL3008 } from './DL3008.js'
import { DL3009 } from './DL3009.js'
import { DL3010 } from './DL3010.js'
import { DL3011 } from './DL3011.js'
import { DL3012 } from './DL3012.js'
import { DL3013 } from './DL3013.js'
import { DL3014 } from './DL3014.js'
import { DL3015 } from './DL3015.js'
import { DL3016 } from './DL3016.js'
import { DL3018 } from './DL3018.js'
import { DL3019 } from './DL3019.js'
import { DL3020 } from './DL3020.js'
import { DL3021 } from './DL3021.js'
import { DL3022 } from './DL3022.js'
import { DL3023 } from './DL3023.js'
import { DL3024 } from './DL3024.js'
import { DL3025 } from './DL3025.js'
import { DL3026 } from './DL3026.js'
import { DL3027 } from './DL3027.js'
import { DL3028 } from './DL3028.js'
import { DL3029 } from './DL3029.js'
import { DL3030 } from './DL3030.js'
import { DL3032 } from './DL3032.js'
import { DL3033 } from './DL3033.js'
import { DL3034 } from './DL3034.js'
import { DL3035 } from './DL3035.js'
import { DL3036 } from './DL3036.js'
import { DL3037 } from './DL3037.js'
import { DL3038 } from './DL3038.js'
import { DL3040 } from './DL3040.js'
import { DL3041 } from './DL3041.js'
import { DL3042 } from './DL3042.js'
import { DL3043 } from './DL3043.js'
import { DL3044 } from './DL3044.js'
import { DL3045 } from './DL3045.js'
import { DL3046 } from './DL3046.js'
import { DL3047 } from './DL3047.js'
import { DL3048 } from './DL3048.js'
import { DL3049 } from './DL3049.js'
import { DL3050 } from './DL3050.js'
import { DL3051 } from './DL3051.js'
import { DL3052 } from './DL3052.js'
import { DL3053 } from './DL3053.js'
import { DL3054 } from './DL3054.js'
import { DL3055 } from './DL3055.js'
import { DL3056 } from './DL3056.js'
import { DL3057 } from './DL3057.js'
import { DL3058 } from './DL3058.js'
import { DL3059 } from './DL3059.js'
import { DL3060 } from './DL3060.js'
import { DL3061 } from './DL3061.js'
import { DL3062 } from './DL3062.js'
import { DL3063 } from './DL3063.js'
import { DL3064 } from './DL3064.js'
import { DL3065 } from './DL3065.js'
import { DL3066 } from './DL3066.js'
import { DL3067 } from './DL3067.js'
import { DL4000 } from './DL4000.js'
import { DL4001 } from './DL4001.js'
import { DL4003 } from './DL4003.js'
import { DL4004 } from './DL4004.js'
import { DL4005 } from './DL4005.js'
import { DL4006 } from './DL4006.js'

/** hadolint's DL rules under hadolint's ids, sorted by id. */
export const hadolintRules: readonly Rule<DockerfileDoc>[] = [
  DL1000,
  DL1001,
  DL3000,
  DL3001,
  DL3002,
  DL3003,
  DL3004,
  DL3006,
  DL3007,
  DL3008,
  DL3009,
  DL3010,
  DL3011,
  DL3012,
  DL3013,
  DL3014,
  DL3015,
  DL3016,
  DL3018,
  DL3019,
  DL3020,
  DL3021,
  DL3022,
  DL3023,
  DL3024,
  DL3025,
  DL3026,
  DL3027,
  DL3028,
  DL3029,
  DL3030,
  DL3032,
  DL3033,
  DL3034,
  DL3035,
  DL3036,
  DL3037,
  DL3038,
  DL3040,
  DL3041,
  DL3042,
  DL3043,
  DL3044,
  DL3045,
  DL3046,
  DL3047,
  DL3048,
  DL3049,
  DL3050,
  DL3051,
  DL3052,
  DL3053,
  DL3054,
  DL3055,
  DL3056,
  DL3057,
  DL3058,
  DL3059,
  DL3060,
  DL3061,
  DL3062,
  DL3063,
  DL3064,
  DL3065,
  DL3066,
  DL3067,
  DL4000,
  DL4001,
  DL4003,
  DL4004,
  DL4005,
  DL4006
]
