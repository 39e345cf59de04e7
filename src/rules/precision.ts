import type { Precision } from '../core/types.js'

/**
 * Rule precision: how often a finding of the rule is one a competent reviewer of the project wants
 * as a pull-request comment (true and worth the comment), on CodeQL's scale. Data, not code: the
 * review policy (`src/review/policy.ts`) reads it with the severity to decide what goes inline.
 *
 * Basis: the hand-judged corpus samples (issue 13's sample and `bench/precision/`), otherwise the
 * rule's kind: validity checks of what the builder or Compose itself rejects are very-high, checks
 * that hold whenever they fire are high, habits projects often choose against (pins, per-service
 * boilerplate, "consider" advice) are low. A repository can override any level in
 * `.docker-review.yml` (`review: { precision: { DL3008: high } }`).
 */

export interface PrecisionEntry {
  level: Precision
  /** One line: why this level. */
  basis: string
}

const VALIDITY = 'validity: the builder or Compose rejects or ignores it'
const EXACT = 'holds whenever it fires (syntactic, one-click fix)'
const PIN = 'pinning habit projects often reject (issue 13 sample: mostly NOISE)'
const CLEAN = 'cache cleanup: true but small; misses cache mounts and later cleanup'
const SECURITY = 'security setting switched off on purpose rarely; reviewer wants to know'
const STYLE = 'true, cosmetic: a reviewer rarely wants a thread for it'
const BOILERPLATE = 'per-service absence check: issue 13 sample judged almost all NOISE inline'

const entry = (level: Precision, basis: string): PrecisionEntry => ({ level, basis })

export const RULE_PRECISION: Readonly<Record<string, PrecisionEntry>> = {
  // hadolint
  DL1000: entry('very-high', VALIDITY),
  DL1001: entry('low', 'opt-in policy rule'),
  DL3000: entry(
    'low',
    'seeds 17-18: 2 TP of 11 inline (a relative WORKDIR right after cloning into it reads fine); an error, so low keeps it in the summary'
  ),
  DL3001: entry('medium', 'ssh/vim/... in images: sometimes intended (dev and debug images)'),
  DL3002: entry(
    'medium',
    'seeds 13-16 after the image-role fix: 0 TP of 2 inline (php-fpm masters drop to www-data by design)'
  ),
  DL3003: entry('medium', 'issue 13 sample: `cd` into a directory made in the same RUN is fine'),
  DL3004: entry('high', 'sudo in a RUN (already root) is a real mistake'),
  DL3006: entry(
    'medium',
    "seeds 13-16 after the local-image fix: 11 TP of 16 inline (an author's own untagged base, Windows repros)"
  ),
  DL3007: entry(
    'medium',
    "seed 16: 1 TP of 8 inline (seeds 13-16: 5 of 11); mostly a repository's own convention (alpine:latest in 81 files)"
  ),
  DL3008: entry('low', PIN),
  DL3009: entry('low', `${CLEAN}; \`apt-get dist-clean\` counted since issue 13 (was 106 of 310)`),
  DL3010: entry('low', '"use ADD to extract": advice, often against the project style'),
  DL3011: entry('very-high', VALIDITY),
  DL3012: entry('very-high', VALIDITY),
  DL3013: entry('low', PIN),
  DL3014: entry(
    'medium',
    'a missing -y fails the build, but seed 17 judged 1 TP of 5 inline (simulations, fix-ups that never prompt)'
  ),
  DL3015: entry('medium', 'true on Debian images; a few images want recommends'),
  DL3016: entry('low', PIN),
  DL3018: entry('low', PIN),
  DL3019: entry('medium', CLEAN),
  DL3020: entry('high', EXACT),
  DL3021: entry('very-high', VALIDITY),
  DL3022: entry('high', 'COPY --from an unknown stage is usually a typo'),
  DL3023: entry('very-high', VALIDITY),
  DL3024: entry('very-high', VALIDITY),
  DL3025: entry(
    'high',
    'seed 16 after the shell fix: 2 TP of 2 on dash images; unknown images (1 FP: Alpine) are medium per finding'
  ),
  DL3026: entry('high', 'only with trusted-registries configured: the repository asked for it'),
  DL3027: entry('high', EXACT),
  DL3028: entry('low', PIN),
  DL3029: entry('medium', '--platform is sometimes required (cross builds)'),
  DL3030: entry('high', 'a missing -y hangs or fails the build'),
  DL3032: entry('medium', CLEAN),
  DL3033: entry('low', PIN),
  DL3034: entry('high', 'a missing -y hangs or fails the build'),
  DL3035: entry('medium', 'dist-upgrade is sometimes the point of the image'),
  DL3036: entry('medium', CLEAN),
  DL3037: entry('low', PIN),
  DL3038: entry('high', 'a missing -y hangs or fails the build'),
  DL3040: entry('medium', CLEAN),
  DL3041: entry('low', PIN),
  DL3042: entry('medium', CLEAN),
  DL3043: entry('very-high', VALIDITY),
  DL3044: entry('very-high', 'the value expands to the old one: a real bug'),
  DL3045: entry('medium', 'relative COPY without WORKDIR: right unless the base sets one'),
  DL3046: entry('medium', 'only matters for high UIDs with a lastlog file'),
  DL3047: entry('low', 'issue 13 sample: BusyBox wget (Alpine) prints a few lines, not thousands'),
  DL3048: entry('medium', 'label key style'),
  DL3049: entry('high', 'only with label-schema configured: the repository asked for it'),
  DL3050: entry('high', 'only with strict-labels configured: the repository asked for it'),
  DL3051: entry('high', 'only with label-schema configured: the repository asked for it'),
  DL3052: entry('high', 'only with label-schema configured: the repository asked for it'),
  DL3053: entry('high', 'only with label-schema configured: the repository asked for it'),
  DL3054: entry('high', 'only with label-schema configured: the repository asked for it'),
  DL3055: entry('high', 'only with label-schema configured: the repository asked for it'),
  DL3056: entry('high', 'only with label-schema configured: the repository asked for it'),
  DL3057: entry('low', 'opt-in; base and builder images have no HEALTHCHECK on purpose'),
  DL3058: entry('high', 'only with label-schema configured: the repository asked for it'),
  DL3059: entry('low', '"consider consolidation": separate RUNs are often deliberate (caching)'),
  DL3060: entry('medium', CLEAN),
  DL3061: entry('very-high', VALIDITY),
  DL3062: entry('low', PIN),
  DL3063: entry('high', 'a reserved stage name breaks COPY --from'),
  DL3064: entry('medium', 'name-based secret guess'),
  DL3065: entry('high', EXACT),
  DL3066: entry('low', 'named users are the norm; advice, not a defect'),
  DL3067: entry('high', 'copying a whole stage filesystem is almost always a mistake'),
  DL4000: entry('high', EXACT),
  DL4001: entry('low', 'curl and wget together: usually from different upstream scripts'),
  DL4003: entry('very-high', 'only the last CMD counts: the others are dead'),
  DL4004: entry('very-high', 'only the last ENTRYPOINT counts: the others are dead'),
  DL4005: entry('high', 'RUN ln -s to change /bin/sh: SHELL is the right tool'),
  DL4006: entry('medium', 'issue 13 sample: pipes used as `if` conditions need no pipefail'),
  // not fully checked: always the reader's business
  DR0001: entry('very-high', 'the file was not fully checked'),
  DR0010: entry('very-high', 'a RUN script was not checked'),
  DR0011: entry('very-high', 'a RUN script was not checked'),
  // best practice
  DR1001: entry('medium', 'cache-order advice: true, sometimes deliberate'),
  DR1002: entry('medium', 'deleting in a later layer does not shrink the image: true, often minor'),
  DR1003: entry('low', 'issue 13 sample: floating tags are often the project policy'),
  DR1004: entry(
    'medium',
    'issue 13 samples: role-blind FPs; runtime bases (bare-interpreter CMD, ONBUILD) and local parents now known, official-image NOISE remains'
  ),
  DR1005: entry('medium', 'a missing .dockerignore: true, but the context may be small'),
  DR1006: entry('high', 'a secret file copied into the image'),
  DR1007: entry('low', 'build tools in the final image: often needed at run time'),
  DR1008: entry(
    'low',
    'issue 13 sample: role-blind; orchestrators usually probe health themselves'
  ),
  DR1009: entry('low', 'advice about musl wheels'),
  DR1010: entry('low', 'multi-stage advice'),
  DR1011: entry('low', 'opt-in digest pinning'),
  DR1012: entry('low', 'opt-in Python environment advice'),
  DR1015: entry('medium', 'remote ADD without --checksum: true, often accepted'),
  DR1016: entry('medium', 'curl | sh: true, often the vendor-documented install'),
  DR1017: entry(
    'high',
    'install after the index was deleted: 4 of 4 corpus findings break the build'
  ),
  DR1018: entry('high', 'a GNU-only flag to BusyBox fails the build; no corpus finding yet'),
  DR1019: entry('high', 'a SHELL the image lacks fails the build; no corpus finding yet'),
  // BuildKit build checks
  DR2001: entry('medium', STYLE),
  DR2002: entry('medium', STYLE),
  DR2003: entry('very-high', 'deprecated by BuildKit, one-click fix'),
  DR2004: entry('medium', STYLE),
  DR2005: entry('high', 'an undefined ARG in FROM: a real build problem'),
  DR2006: entry('medium', 'opt-in'),
  DR2007: entry('high', 'an undefined variable expands to empty: usually a bug'),
  DR2008: entry('medium', STYLE),
  DR2009: entry(
    'medium',
    'seeds 15-16: 0 TP of 3; required ARGs the build passes (compose build.args now read, scripts not)'
  ),
  DR2010: entry('high', 'COPY of a path .dockerignore excludes fails the build'),
  DR2011: entry('low', 'opt-in comment style'),
  DR2012: entry('medium', STYLE),
  DR2013: entry('very-high', 'EXPOSE ignores the host part: a real misunderstanding'),
  DR2014: entry('medium', 'name-based secret guess'),
  // security
  DR3001: entry('medium', 'a sensitive port: sometimes the image is an SSH server'),
  DR3002: entry('medium', 'update without install in the same RUN: stale cache, usually true'),
  DR3003: entry('high', 'WORKDIR in a system directory'),
  DR3004: entry('high', 'a password baked into the image'),
  DR3005: entry('medium', "seed 16: 0 TP of 1 inline (vulhub's deliberately vulnerable images)"),
  DR3006: entry('medium', "seed 16: 0 TP of 2 inline (vulhub's deliberately vulnerable images)"),
  DR3007: entry('high', SECURITY),
  DR3008: entry('high', SECURITY),
  // compose
  DC0001: entry('very-high', VALIDITY),
  DC0002: entry('very-high', VALIDITY),
  DC0003: entry('very-high', VALIDITY),
  DC0004: entry('very-high', 'the file was not fully checked'),
  DC0005: entry('high', 'a build context or Dockerfile the listing proves absent fails the build'),
  DC1001: entry('medium', 'untagged or :latest images: often deliberate in examples'),
  DC1002: entry(
    'medium',
    'seeds 16-17: 2 TP of 20 inline; reviewers keep short depends_on for services that retry or start fast'
  ),
  DC1003: entry('medium', 'a depended-on service without healthcheck'),
  DC1004: entry('low', BOILERPLATE),
  DC1005: entry('low', BOILERPLATE),
  DC1006: entry('very-high', 'obsolete top-level version: Compose warns, one-click fix'),
  DC1007: entry('low', 'refactoring advice'),
  DC1008: entry('low', 'sample seed 13: 1 of 3 wanted; root/postgres placeholders in dev files'),
  DC1009: entry('medium', 'host-level access: often the point of the service'),
  DC1010: entry('low', 'issue 13 sample: 41 of 108 split `${VAR:-/path}:/data` at every colon'),
  DC1011: entry('very-high', VALIDITY),
  DC1012: entry('medium', 'database port on all interfaces: true, often a dev setup'),
  DC1013: entry('very-high', VALIDITY),
  DC1014: entry('low', 'opt-in hardening hints'),
  DC1015: entry('low', BOILERPLATE),
  DC2001: entry('medium', 'opt-in DCLint rule'),
  DC2002: entry('medium', 'opt-in DCLint style rule'),
  DC2003: entry('medium', 'opt-in DCLint rule'),
  DC2004: entry('medium', 'opt-in DCLint rule'),
  DC2005: entry('medium', 'opt-in DCLint style rule'),
  DC2006: entry('very-high', VALIDITY),
  DC2007: entry('medium', 'opt-in DCLint style rule'),
  DC2008: entry('medium', 'opt-in DCLint style rule'),
  DC2009: entry('medium', 'opt-in DCLint style rule'),
  DC2010: entry('medium', 'opt-in DCLint style rule'),
  DC2011: entry('medium', 'opt-in DCLint style rule')
}

/**
 * ShellCheck codes, measured per code: bench/precision/shellcheck-codes.ts drew up to 8 corpus
 * findings of every code with 3 or more (seed 21, 2013 findings in 61 codes) and each was judged by
 * hand (shellcheck-codes-21.tsv). High needs about 90 % TP over enough cases; the classes of FPs
 * the Dockerfile context can refute (SC2115 on set ARG/ENV, SC3xxx under a sh that has the feature)
 * are dropped by the SHELLCHECK rule before they count. Info and style findings go inline only
 * at very-high (src/review/policy.ts).
 */
const sc = (level: Precision, tp: number, of: number, why: string): PrecisionEntry =>
  entry(level, `shellcheck-codes seed 21: ${tp} TP of ${of}; ${why}`)
const WINDOWS_PARSE = 'all on Windows cmd/PowerShell RUNs, not POSIX scripts'

export const SHELLCHECK_PRECISION: Readonly<Record<string, PrecisionEntry>> = {
  SC1001: sc('low', 0, 8, WINDOWS_PARSE),
  SC1007: sc('low', 0, 8, 'deliberate empty assignments (`ARCH= OPENSSL_ARCH=`)'),
  SC1012: sc('low', 0, 7, WINDOWS_PARSE),
  SC1035: sc('low', 0, 3, WINDOWS_PARSE),
  SC1036: sc('low', 0, 6, WINDOWS_PARSE),
  SC1072: sc('low', 0, 5, WINDOWS_PARSE),
  SC1073: sc('low', 0, 5, WINDOWS_PARSE),
  SC1075: sc('low', 0, 8, '`else if … fi; fi` is valid sh, style only'),
  SC1088: sc('low', 0, 5, WINDOWS_PARSE),
  SC2002: sc('low', 0, 8, 'useless cat: style'),
  SC2006: sc('low', 0, 8, 'backticks: style'),
  SC2012: sc('low', 0, 3, '`ls` of a file the build just made'),
  SC2015: sc('low', 1, 8, '`A && B || C` is mostly the intended idiom'),
  SC2016: sc('low', 1, 8, 'single quotes meant for ~/.bashrc, php.ini or Apache to expand'),
  SC2021: sc('low', 0, 6, "`tr '[A-Z]' '[a-z]'` works"),
  SC2028: sc('low', 0, 8, "Debian's dash echo expands the escapes as meant"),
  SC2035: sc('low', 0, 8, 'globs over files the build made: no dash names'),
  SC2038: sc('low', 0, 8, 'find | xargs over known names'),
  SC2043: sc('low', 0, 8, 'one-item loops kept for templates and key rotations'),
  SC2046: sc('low', 0, 8, 'numbers, triples and intended splitting'),
  SC2086: sc('low', 0, 8, 'package lists meant to split, values without blanks'),
  SC2102: sc('low', 0, 4, '`pip install pkg[extra]`'),
  SC2114: entry('high', '`rm -rf /dir /` with a stray space deletes /: no corpus finding yet'),
  SC2115: sc(
    'high',
    0,
    2,
    'both on ARGs with a default, now dropped by the rule; no corpus finding left, an empty variable deletes /*'
  ),
  SC2154: sc('low', 2, 8, 'set by `VAR=x set -x`, a sourced file or PowerShell'),
  SC2155: sc('low', 0, 8, '`export GNUPGHOME="$(mktemp -d)"`: theoretical'),
  SC2164: sc('low', 0, 8, '`cd` into a directory just created or copied'),
  SC2166: sc('low', 0, 4, '`[ p -o q ]` with simple operands: style'),
  SC2174: sc('low', 0, 7, '`mkdir -p -m` where only the last level is new'),
  SC2185: sc('low', 0, 8, 'GNU and BusyBox find default to .'),
  SC2196: sc('low', 0, 8, 'egrep on BusyBox: works'),
  SC2236: sc('low', 0, 3, '`! -z`: style'),
  SC2251: sc(
    'very-high',
    8,
    8,
    '`! cmd` as an assertion never fails under set -e; the other 22 corpus findings are the same three assertions (ldd | grep "not found", locale and !includedir greps): 30 of 30'
  ),
  SC2283: sc('low', 0, 4, '`chmod =2775` and PowerShell'),
  SC3010: sc('low', 0, 8, '[[ ]] under Alpine ash or where the test is false anyway'),
  SC3020: sc('medium', 3, 4, 'the FP (Alpine ash) is now dropped: 3 of 3, too few for high'),
  SC3037: sc('low', 1, 8, 'echo -n, /bin/echo, Alpine and bash sh; 6 of the 7 FPs now dropped'),
  SC3040: sc('low', 0, 8, 'pipefail under Alpine ash, now dropped; the rest via unresolved FROMs'),
  SC3053: sc('low', 0, 4, '${!x} with bash as /bin/sh (amazonlinux), now dropped')
}

/** By class, for codes not measured one by one (fewer than 3 corpus findings). */
const SHELLCHECK_SYNTAX = entry(
  'low',
  'parse codes: seed 21 drew 55, none TP (Windows RUNs, style); a real syntax error fails the build'
)
const SHELLCHECK_DEFAULT = entry(
  'low',
  'shellcheck-codes seed 21: 16 TP of 248 over 38 codes; unmeasured codes stay summary-only'
)
/** A rule missing from the table (a new rule): neither pushed inline nor hidden. */
const UNKNOWN = entry('medium', 'not measured yet')

export function precisionEntry(rule: string): PrecisionEntry {
  const known = RULE_PRECISION[rule] ?? SHELLCHECK_PRECISION[rule]
  if (known) return known
  if (/^SC1\d{3}$/.test(rule)) return SHELLCHECK_SYNTAX
  if (/^SC\d{4}$/.test(rule)) return SHELLCHECK_DEFAULT
  return UNKNOWN
}
