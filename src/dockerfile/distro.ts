import type { Stage } from './model.js'

/**
 * What a base image is made of, read off its reference (`node:22-alpine3.20`, `docker:27-dind`,
 * `gcr.io/distroless/static`): the distribution family, whose userland answers `wget`/`grep`
 * (BusyBox or GNU), which shells it has, its package manager. Known facts only: an image this
 * cannot place is `unknown`, and every consumer must treat unknown as "cannot tell", never guess.
 */

export type Family =
  | 'alpine'
  | 'busybox'
  | 'debian'
  | 'ubuntu'
  | 'rhel'
  | 'distroless'
  | 'scratch'
  | 'windows'
  | 'unknown'

export type Userland = 'busybox' | 'gnu'

/** The program behind a POSIX shell path: Debian's dash, bash, BusyBox ash. */
export type ShProgram = 'dash' | 'bash' | 'ash'

export interface Distro {
  family: Family
  /** Whose `wget`, `grep`, `sed`… the image has; undefined when unknown or it has none. */
  userland: Userland | undefined
  /** Absolute paths of the shells the image has; undefined when unknown ([] for none). */
  shells: readonly string[] | undefined
  /** What `/bin/sh` is: dash (Debian, Ubuntu), bash (RHEL family), ash (BusyBox); undefined when unknown or none. */
  sh: ShProgram | undefined
  packageManager: 'apt' | 'apk' | 'dnf' | 'microdnf' | 'yum' | undefined
  /** apt ≥ 2.7 (`apt-get dist-clean`): Debian 13+, Ubuntu 24.04+; undefined when not known. */
  aptDistClean: boolean | undefined
}

const BUSYBOX_SHELLS = ['/bin/sh', '/bin/ash']
const GNU_SHELLS = ['/bin/sh', '/bin/bash']

function distro(family: Family, over: Partial<Distro> = {}): Distro {
  const base: Record<Family, Omit<Distro, 'family'>> = {
    alpine: {
      userland: 'busybox',
      shells: BUSYBOX_SHELLS,
      sh: 'ash',
      packageManager: 'apk',
      aptDistClean: false
    },
    busybox: {
      userland: 'busybox',
      shells: BUSYBOX_SHELLS,
      sh: 'ash',
      packageManager: undefined,
      aptDistClean: false
    },
    debian: {
      userland: 'gnu',
      shells: [...GNU_SHELLS, '/bin/dash'],
      sh: 'dash',
      packageManager: 'apt',
      aptDistClean: undefined
    },
    ubuntu: {
      userland: 'gnu',
      shells: [...GNU_SHELLS, '/bin/dash'],
      sh: 'dash',
      packageManager: 'apt',
      aptDistClean: undefined
    },
    rhel: {
      userland: 'gnu',
      shells: GNU_SHELLS,
      sh: 'bash',
      packageManager: 'dnf',
      aptDistClean: false
    },
    distroless: {
      userland: undefined,
      shells: [],
      sh: undefined,
      packageManager: undefined,
      aptDistClean: false
    },
    scratch: {
      userland: undefined,
      shells: [],
      sh: undefined,
      packageManager: undefined,
      aptDistClean: false
    },
    windows: {
      userland: undefined,
      shells: undefined,
      sh: undefined,
      packageManager: undefined,
      aptDistClean: false
    },
    unknown: {
      userland: undefined,
      shells: undefined,
      sh: undefined,
      packageManager: undefined,
      aptDistClean: undefined
    }
  }
  return { family, ...base[family], ...over }
}

/** A tag naming an Alpine variant: `alpine`, `3.12-alpine`, `22-alpine3.20`, `alpine3.19-slim`. */
const ALPINE_TAG = /(^|[-._])alpine(\d+(\.\d+)*)?($|[-._])/
/** A repository named for Alpine: `alpine`, `alpine/git`, `mhart/alpine-node`. */
const ALPINE_NAME = /(^|[/-])alpine($|[/-])/
const DISTROLESS =
  /(^|\/)distroless\/|^cgr\.dev\/chainguard\/(static|wolfi-base)?$|(^|\/)chainguard\/static$/
const WINDOWS = /(^|\/)(windows|nanoserver|servercore)(\/|$)|windowsservercore|nanoserver|ltsc\d{4}/
const RHEL =
  /(^|\/)(centos|fedora|rockylinux|almalinux|oraclelinux|amazonlinux|ubi\d*(-minimal|-micro)?|ubi|rhel\d*)$/
const UBUNTU_TAG =
  /(^|[-._])(bionic|focal|jammy|noble|oracular|plucky|questing|\d\d\.(04|10))($|[-._])/
const DEBIAN_TAG = /(^|[-._])(stretch|buster|bullseye|bookworm|trixie|forky|sid)($|[-._])/
/** Official images on Debian unless the tag says otherwise (Alpine, Ubuntu, Windows…). */
const DEBIAN_BASED = new Set([
  'debian',
  'buildpack-deps',
  'python',
  'node',
  'golang',
  'ruby',
  'php',
  'perl',
  'rust',
  'openjdk',
  'maven',
  'gradle',
  'elixir',
  'erlang',
  'haskell',
  'julia',
  'r-base',
  'clojure',
  'nginx',
  'httpd',
  'postgres',
  'mysql',
  'mariadb',
  'redis',
  'mongo',
  'jenkins/jenkins'
])
/** Official images on Ubuntu unless the tag says otherwise. */
const UBUNTU_BASED = new Set(['ubuntu', 'eclipse-temurin', 'swift'])
const NEW_APT_DEBIAN = /(^|[-._])(trixie|forky|sid|13|14)($|[-._])/
const NEW_APT_UBUNTU = /(^|[-._])(noble|oracular|plucky|questing|2[4-9]\.(04|10))($|[-._])/

/** Split `reg/ns/name:tag@digest` into a normalised repository path and tag. */
function splitRef(ref: string): { name: string; tag: string } {
  let r = ref.trim().toLowerCase()
  const at = r.indexOf('@')
  if (at !== -1) r = r.slice(0, at)
  const slash = r.lastIndexOf('/')
  const colon = r.lastIndexOf(':')
  let name = r
  let tag = ''
  if (colon > slash) {
    name = r.slice(0, colon)
    tag = r.slice(colon + 1)
  }
  name = name
    .replace(/^(docker\.io|index\.docker\.io|registry-1\.docker\.io)\//, '')
    .replace(/^library\//, '')
  return { name, tag }
}

/** What an image reference is made of. Unresolved references (`${BASE}`) are `unknown`. */
export function imageDistro(ref: string): Distro {
  if (ref.includes('$')) return distro('unknown')
  const { name, tag } = splitRef(ref)
  if (name === 'scratch') return distro('scratch')
  if (WINDOWS.test(name) || WINDOWS.test(tag) || /(^|\/)dotnet\/.*nanoserver/.test(ref)) {
    return distro('windows')
  }
  if (DISTROLESS.test(name)) {
    // The `:debug` variants carry a BusyBox shell at /busybox/sh.
    return /(^|-)debug($|-)/.test(tag)
      ? distro('busybox', { shells: ['/busybox/sh'], sh: undefined, packageManager: undefined })
      : distro('distroless')
  }
  if (name === 'busybox' || name.endsWith('/busybox')) return distro('busybox')
  if (ALPINE_NAME.test(name) || ALPINE_TAG.test(tag)) return distro('alpine')
  // docker:27, docker:27-dind, docker:cli, docker:dind-rootless: all Alpine (Windows tags above).
  if (name === 'docker') return distro('alpine')
  if (
    RHEL.test(name) ||
    /(^|[-._])(ubi\d*|ubi\d+-minimal|centos\d*|rockylinux|oraclelinux)/.test(tag)
  ) {
    const minimal = /minimal|micro/.test(name) || /minimal|micro/.test(tag)
    return distro('rhel', {
      packageManager: minimal ? 'microdnf' : /centos|amazonlinux/.test(name) ? 'yum' : 'dnf'
    })
  }
  const base = name.split('/').pop()!
  const official = !name.includes('/') || name === 'jenkins/jenkins'
  if (UBUNTU_TAG.test(tag) || (official && UBUNTU_BASED.has(name))) {
    return distro('ubuntu', { aptDistClean: aptDistClean('ubuntu', name, tag) })
  }
  if (DEBIAN_TAG.test(tag) || (official && DEBIAN_BASED.has(name)) || base === 'debian') {
    return distro('debian', { aptDistClean: aptDistClean('debian', name, tag) })
  }
  return distro('unknown')
}

function aptDistClean(family: 'debian' | 'ubuntu', name: string, tag: string): boolean | undefined {
  if (family === 'ubuntu') {
    if (NEW_APT_UBUNTU.test(tag)) return true
    if (UBUNTU_TAG.test(tag)) return false
    return undefined
  }
  if (NEW_APT_DEBIAN.test(tag) && (name === 'debian' || DEBIAN_TAG.test(tag))) return true
  if (
    DEBIAN_TAG.test(tag) ||
    (name === 'debian' && /^(\d+)/.test(tag) && Number(/^(\d+)/.exec(tag)![1]) < 13)
  ) {
    return false
  }
  return undefined
}

/** The image a stage's lineage starts from (`FROM a AS x` … `FROM x` → `a`). */
function rootOf(stage: Stage): Stage {
  let s = stage
  while (s.parent) s = s.parent
  return s
}

/** What the stage's base image (through `FROM <stage>` chains) is made of. */
export function stageDistro(stage: Stage | undefined): Distro {
  if (!stage) return distro('unknown')
  const root = rootOf(stage)
  if (root.image.unresolved) return distro('unknown')
  return imageDistro(root.image.expanded)
}

/** Does the image have this shell (`/bin/bash`, `bash`, `/bin/ash`)? Undefined when unknown. */
export function hasShell(d: Distro, shell: string): boolean | undefined {
  if (!d.shells) return undefined
  const path = shell.startsWith('/') ? shell : undefined
  const base = shell.slice(shell.lastIndexOf('/') + 1)
  if (path) {
    if (d.shells.includes(path)) return true
    // /usr/bin/bash on merged-/usr images is /bin/bash.
    if (d.userland === 'gnu' && path.startsWith('/usr/bin/'))
      return d.shells.includes(`/bin/${base}`)
    return false
  }
  return d.shells.some((s) => s.endsWith(`/${base}`))
}

/**
 * The program a shell path runs in this image: `/bin/bash` is bash, `/bin/ash` and BusyBox's
 * `/busybox/sh` are ash, `/bin/dash` dash, and `/bin/sh` whatever the image links it to (see
 * `Distro.sh`). Undefined when not known (another shell, an unknown image).
 */
export function shProgram(d: Distro, shell: string): ShProgram | undefined {
  const base = shell.slice(shell.lastIndexOf('/') + 1)
  if (base === 'bash' || base === 'ash' || base === 'dash') return base
  if (shell === '/busybox/sh') return 'ash'
  return base === 'sh' ? d.sh : undefined
}

/**
 * Does `<program> -c '<one simple command>'` exec the command in place of the shell, so that it
 * is the process that receives the container's signals (SIGTERM on `docker stop`)? Checked with
 * `sh -c 'sleep 3'` and `ps`: bash (every version, for one simple command without redirections)
 * and BusyBox ash exec it; dash 0.5.12 forks, waits, and stays the process that gets the signal,
 * which it does not pass on. Lists (`a && b`), pipelines and redirections are not covered: older
 * bash forks for them.
 */
export function execsLoneCommand(program: ShProgram): boolean {
  return program !== 'dash'
}
