import semver from 'semver'
import type { DockerfileDoc, Instruction } from '../../../dockerfile/model.js'
import { pairs, propertyInstructions, type Pair } from '../../../dockerfile/properties.js'

/**
 * Label-schema support for DL3049-DL3058: the configured schema (`label-schema` in .hadolint.yaml,
 * `settings.labelSchema` in .docker-review.yml), the LABEL pairs of a file, and the validators for
 * each type.
 */

export type LabelType = 'text' | 'url' | 'semver' | 'hash' | 'rfc3339' | 'spdx' | 'email'

export interface LabelPair extends Pair {
  inst: Instruction
}

/** Every `LABEL key=value` pair of the file, ONBUILD triggers included. */
export function labelPairs(doc: DockerfileDoc): LabelPair[] {
  const out: LabelPair[] = []
  for (const inst of propertyInstructions(doc, 'LABEL', true)) {
    for (const p of pairs(doc, inst)) out.push({ ...p, inst })
  }
  return out
}

/** Schema entries of one type. */
function labelsOfType(schema: Record<string, string>, type: LabelType): Set<string> {
  const out = new Set<string>()
  for (const [name, t] of Object.entries(schema)) if (t.toLowerCase() === type) out.add(name)
  return out
}

/** RFC 3986 absolute URI: a scheme, then only URI characters. */
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/
const PCT = /%(?![0-9A-Fa-f]{2})/

export function isUrl(value: string): boolean {
  return URI.test(value) && !PCT.test(value)
}

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|([+-])(\d{2}):(\d{2}))$/

export function isRfc3339(value: string): boolean {
  const m = RFC3339.exec(value)
  if (!m) return false
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number)
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 60) return false
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate()
  if (day > days) return false
  if (m[9] && (Number(m[10]) > 23 || Number(m[11]) > 59)) return false
  return true
}

/** A short (7) or full (40) lower-case hexadecimal git commit hash. */
export function isGitHash(value: string): boolean {
  return /^[0-9a-f]{7}$/.test(value) || /^[0-9a-f]{40}$/.test(value)
}

/** Semantic Versioning 2.0.0, strictly (no `v` prefix, no surrounding blanks). */
export function isSemver(value: string): boolean {
  return /^\d/.test(value) && semver.parse(value)?.raw === value
}

const EMAIL_LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/
const EMAIL_DOMAIN =
  /^([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$|^\[[^\]\s]+\]$/

/** An RFC 5322 `addr-spec` (dot-atom local part, domain name or literal). */
export function isEmail(value: string): boolean {
  const at = value.lastIndexOf('@')
  if (at <= 0 || at === value.length - 1 || value.length > 254) return false
  const local = value.slice(0, at)
  const domain = value.slice(at + 1)
  const quoted = /^"([^"\\]|\\.)*"$/.test(local)
  return (quoted || (local.length <= 64 && EMAIL_LOCAL.test(local))) && EMAIL_DOMAIN.test(domain)
}

/**
 * SPDX license identifiers (a compact list of the common ones, current and deprecated forms).
 * Compared case-insensitively, like SPDX matching rules require.
 */
const SPDX_IDS = `0BSD AAL AFL-1.1 AFL-1.2 AFL-2.0 AFL-2.1 AFL-3.0 AGPL-1.0 AGPL-1.0-only AGPL-1.0-or-later
AGPL-3.0 AGPL-3.0-only AGPL-3.0-or-later Apache-1.0 Apache-1.1 Apache-2.0 APSL-1.0 APSL-1.1 APSL-1.2
APSL-2.0 Artistic-1.0 Artistic-1.0-Perl Artistic-1.0-cl8 Artistic-2.0 Beerware BitTorrent-1.0
BitTorrent-1.1 BlueOak-1.0.0 BSD-1-Clause BSD-2-Clause BSD-2-Clause-Patent BSD-2-Clause-Views
BSD-3-Clause BSD-3-Clause-Clear BSD-3-Clause-LBNL BSD-3-Clause-No-Nuclear-License BSD-4-Clause
BSD-4-Clause-UC BSD-Source-Code BSL-1.0 BUSL-1.1 bzip2-1.0.6 CAL-1.0 CATOSL-1.1 CC-BY-1.0 CC-BY-2.0
CC-BY-2.5 CC-BY-3.0 CC-BY-4.0 CC-BY-NC-4.0 CC-BY-NC-ND-4.0 CC-BY-NC-SA-4.0 CC-BY-ND-4.0 CC-BY-SA-2.0
CC-BY-SA-3.0 CC-BY-SA-4.0 CC0-1.0 CDDL-1.0 CDDL-1.1 CDLA-Permissive-1.0 CDLA-Permissive-2.0
CDLA-Sharing-1.0 CECILL-1.0 CECILL-2.0 CECILL-2.1 CECILL-B CECILL-C ClArtistic CNRI-Python CPAL-1.0
CPL-1.0 CUA-OPL-1.0 curl ECL-1.0 ECL-2.0 EFL-1.0 EFL-2.0 Entessa EPL-1.0 EPL-2.0 ErlPL-1.1 EUDatagrid
EUPL-1.0 EUPL-1.1 EUPL-1.2 Fair FSFAP FTL GFDL-1.1 GFDL-1.1-only GFDL-1.1-or-later GFDL-1.2
GFDL-1.2-only GFDL-1.2-or-later GFDL-1.3 GFDL-1.3-only GFDL-1.3-or-later GPL-1.0 GPL-1.0+ GPL-1.0-only
GPL-1.0-or-later GPL-2.0 GPL-2.0+ GPL-2.0-only GPL-2.0-or-later GPL-2.0-with-classpath-exception
GPL-3.0 GPL-3.0+ GPL-3.0-only GPL-3.0-or-later GPL-3.0-with-GCC-exception HPND ICU IJG ImageMagick
Imlib2 Info-ZIP Intel IPA IPL-1.0 ISC JSON LAL-1.2 LAL-1.3 LGPL-2.0 LGPL-2.0+ LGPL-2.0-only
LGPL-2.0-or-later LGPL-2.1 LGPL-2.1+ LGPL-2.1-only LGPL-2.1-or-later LGPL-3.0 LGPL-3.0+ LGPL-3.0-only
LGPL-3.0-or-later LGPLLR libpng libpng-2.0 libtiff LiLiQ-P-1.1 LiLiQ-R-1.1 LiLiQ-Rplus-1.1 LPL-1.0
LPL-1.02 LPPL-1.3c LPPL-1.3a MirOS MIT MIT-0 MIT-CMU MIT-Modern-Variant MIT-advertising MIT-enna
MIT-feh MITNFA Motosoto MPL-1.0 MPL-1.1 MPL-2.0 MPL-2.0-no-copyleft-exception MS-PL MS-RL MulanPSL-1.0
MulanPSL-2.0 Multics NASA-1.3 Naumen NCSA NGPL Nokia NPL-1.0 NPL-1.1 NPOSL-3.0 NTP OCLC-2.0
ODbL-1.0 ODC-By-1.0 OFL-1.0 OFL-1.1 OGC-1.0 OGTSL OLDAP-2.8 OpenSSL OPL-1.0 OSET-PL-2.1 OSL-1.0
OSL-1.1 OSL-2.0 OSL-2.1 OSL-3.0 PDDL-1.0 PHP-3.0 PHP-3.01 PostgreSQL PSF-2.0 Python-2.0 Python-2.0.1
QPL-1.0 RPL-1.1 RPL-1.5 RPSL-1.0 RSCPL Ruby SGI-B-2.0 SimPL-2.0 SISSL Sleepycat SMLNJ SPL-1.0
SSPL-1.0 TCL UCL-1.0 Unicode-DFS-2015 Unicode-DFS-2016 Unicode-3.0 Unlicense UPL-1.0 Vim VSL-1.0
W3C W3C-20150513 Watcom-1.0 WTFPL X11 XFree86-1.1 Xnet xinetd YPL-1.1 Zend-2.0 Zimbra-1.3 Zlib
zlib-acknowledgement ZPL-1.1 ZPL-2.0 ZPL-2.1`

const SPDX = new Set(SPDX_IDS.split(/\s+/).map((id) => id.toLowerCase()))

/** A single SPDX license identifier (not an expression). */
export function isSpdx(value: string): boolean {
  return SPDX.has(value.toLowerCase())
}

/** Report every label of type `type` whose value `valid` rejects (DL3052-DL3056, DL3058). */
export function checkLabelValues(
  doc: DockerfileDoc,
  schema: Record<string, string>,
  type: LabelType,
  valid: (value: string) => boolean,
  report: (pair: LabelPair, value: string) => void
): void {
  const names = labelsOfType(schema, type)
  if (names.size === 0) return
  for (const pair of labelPairs(doc)) {
    if (!names.has(pair.name)) continue
    const value = pair.value ?? ''
    if (!valid(value)) report(pair, value)
  }
}

/** Where to point at a label's value (its key when it has none). */
export function valueRange(pair: LabelPair): Pair['nameSpan']['range'] {
  return (pair.valueSpan ?? pair.nameSpan).range
}
