import { cleanPath, dirOf, joinPath } from '../core/paths.js'
import type { Workspace } from '../core/types.js'
import { splitImageRef } from '../parse/image.js'
import { parseDockerfileSyntax } from '../parse/dockerfile.js'
import { stageDistro, type Distro } from './distro.js'
import { parseDockerfile, type Stage } from './model.js'
import { yamlValue } from '../parse/yaml-tokens.js'

/**
 * Images the repository builds itself, as far as the workspace shows: an image name in `FROM` or
 * `COPY --from` that is a compose service's `image:` with a `build:`, a bake target or named
 * context, a folder of that name holding a Dockerfile beside the file or one of its parent
 * folders, a stage of a sibling Dockerfile, or a single-word name Docker Hub has no official
 * image for (only a local build or `--build-context` can provide it). Also the compose services
 * that build a given Dockerfile (their `build.args`). Read through the injected workspace; files
 * the workspace does not have are simply not evidence.
 */

export interface LocalImage {
  /** How the workspace shows it. */
  via: 'compose' | 'bake' | 'folder' | 'sibling-stage' | 'not-official'
  /** The Dockerfile that builds it (workspace path), when known. */
  dockerfile?: string
}

const COMPOSE_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml']
const BAKE_FILES = ['docker-bake.hcl', 'docker-bake.json', 'docker-bake.override.hcl']
/** Sibling Dockerfiles to look in when the workspace cannot list the folder. */
const SIBLING_NAMES = [
  'Dockerfile',
  'Dockerfile.common',
  'Dockerfile.base',
  'Dockerfile.build',
  'Dockerfile.builder'
]

/**
 * Docker Hub's official images (`library/`), current and deprecated but still pullable: a
 * single-word name outside this list cannot be pulled, so it is built locally.
 */
export const OFFICIAL_IMAGES = new Set(
  `adminer aerospike almalinux alpine alt amazoncorretto amazonlinux api-firewall arangodb archlinux
  backdrop bash bonita buildpack-deps busybox caddy cassandra celery centos chronograf cirros
  clearlinux clefos clickhouse clojure composer consul convertigo couchbase couchdb crate crux dart
  debian django docker drupal eclipse-mosquitto eclipse-temurin eggdrop elasticsearch elixir emqx
  erlang euleros express-gateway fedora flink fluentd friendica fsharp gazebo gcc geonetwork ghost
  glassfish golang gradle groovy haproxy haskell haxe hello-world hipache hitch httpd hylang
  ibm-semeru-runtimes ibmjava influxdb iojs irssi java jenkins jetty jobber joomla jruby julia
  kaazing-gateway kapacitor kibana known kong krakend lightstreamer liquibase logstash mageia
  mariadb matomo maven mediawiki memcached mongo mongo-express monica mono mysql nats
  nats-streaming neo4j neurodebian nextcloud nginx node notary nuxeo odoo open-liberty openjdk
  opensuse oraclelinux orientdb owncloud percona perl photon php php-zendserver phpmyadmin piwik
  plone postfixadmin postgres pypy python r-base rabbitmq racket rails rakudo-star rapidoid redis
  redmine registry rethinkdb rocket.chat rockylinux ros ruby rust sapmachine satosa scratch sentry
  silverpeas sl solr sonarqube sourcemage spark spiped storm swarm swift swipl teamspeak telegraf
  thrift tomcat tomee traefik ubuntu ubuntu-debootstrap ubuntu-upstart unit varnish vault
  websphere-liberty wordpress xwiki yourls znc zookeeper`.split(/\s+/)
)

/** `name` without registry, `library/` and tag (`docker.io/library/x:1` → `x`). */
function repositoryOf(ref: string): string {
  const { name, registry } = splitImageRef(ref.toLowerCase(), false)
  const bare = name.replace(/^library\//, '')
  return registry && !/^(docker\.io|index\.docker\.io|registry-1\.docker\.io)$/.test(registry)
    ? `${registry}/${bare}`
    : bare
}

/** The Dockerfile's folder and every folder above it, nearest first (`.` last). */
function foldersUp(path: string): string[] {
  const out: string[] = []
  for (let dir = dirOf(path); ; dir = dirOf(dir)) {
    out.push(dir)
    if (dir === '.' || dir === '/' || dir === '') return out
  }
}

function readYaml(ws: Workspace, path: string): unknown {
  const text = ws.readFile(path)
  if (text === undefined) return undefined
  try {
    // Compose files share blocks through anchors and merge keys (`<<: *defaults`) freely.
    return yamlValue(text, { maxAliasCount: -1, merge: true, uniqueKeys: false })
  } catch {
    return undefined
  }
}

export interface ComposeBuild {
  /** The compose file (workspace path) and service name. */
  file: string
  service: string
  /** The Dockerfile the service builds (workspace path). */
  dockerfile: string
  /** `image:` of the service, if any. */
  image: string | undefined
  /** Names of `build.args` the service passes (values may be interpolated). */
  args: Set<string>
}

const buildsCache = new WeakMap<Workspace, Map<string, ComposeBuild[]>>()

/** The services of the compose files in `path`'s folder and the folders above that build something. */
function composeBuildsAround(path: string, ws: Workspace): ComposeBuild[] {
  let byDir = buildsCache.get(ws)
  if (!byDir) buildsCache.set(ws, (byDir = new Map()))
  const out: ComposeBuild[] = []
  for (const dir of foldersUp(path)) {
    let found = byDir.get(dir)
    if (!found) {
      found = []
      for (const name of COMPOSE_FILES) found.push(...composeBuilds(ws, joinPath(dir, name)))
      byDir.set(dir, found)
    }
    out.push(...found)
  }
  return out
}

/**
 * Services of a compose file that build something, and of the files it `include:`s; relative
 * paths resolve against `base` (the file's folder, or an include's `project_directory`).
 */
function composeBuilds(ws: Workspace, file: string, base = dirOf(file), depth = 0): ComposeBuild[] {
  const data = readYaml(ws, file) as
    { services?: Record<string, unknown>; include?: unknown } | null | undefined
  const out: ComposeBuild[] = []
  if (depth < 2 && Array.isArray(data?.include)) {
    for (const entry of data.include as unknown[]) {
      const spec = (typeof entry === 'string' ? { path: entry } : entry) as {
        path?: unknown
        project_directory?: unknown
      } | null
      const paths = Array.isArray(spec?.path) ? spec.path : [spec?.path]
      for (const p of paths) {
        if (typeof p !== 'string' || p.includes('$')) continue
        const included = cleanPath(joinPath(dirOf(file), p))
        const dir =
          typeof spec?.project_directory === 'string'
            ? cleanPath(joinPath(dirOf(file), spec.project_directory))
            : dirOf(included)
        out.push(...composeBuilds(ws, included, dir, depth + 1))
      }
    }
  }
  const services = data?.services
  if (!services || typeof services !== 'object') return out
  for (const [service, raw] of Object.entries(services)) {
    const svc = raw as { build?: unknown; image?: unknown } | null
    const build = svc?.build
    if (build === undefined || build === null) continue
    const spec = (typeof build === 'string' ? { context: build } : build) as {
      context?: unknown
      dockerfile?: unknown
      args?: unknown
    }
    const context = typeof spec.context === 'string' ? spec.context : '.'
    if (/^[a-z]+:\/\/|^git@|\$/.test(context)) continue
    const contextDir = cleanPath(joinPath(base, context))
    const name = typeof spec.dockerfile === 'string' ? spec.dockerfile : 'Dockerfile'
    const args = new Set<string>()
    if (Array.isArray(spec.args)) {
      for (const a of spec.args) if (typeof a === 'string') args.add(a.split('=')[0].trim())
    } else if (spec.args && typeof spec.args === 'object') {
      for (const k of Object.keys(spec.args)) args.add(k)
    }
    out.push({
      file,
      service,
      dockerfile: cleanPath(name.startsWith('/') ? name : joinPath(contextDir, name)),
      image: typeof svc?.image === 'string' ? svc.image : undefined,
      args
    })
  }
  return out
}

/** The compose services (in the Dockerfile's folder or above) that build the Dockerfile at `path`. */
export function composeBuildsOf(path: string, ws: Workspace): ComposeBuild[] {
  const target = cleanPath(path)
  return composeBuildsAround(path, ws).filter((b) => b.dockerfile === target)
}

/** Names a bake file beside or above `path` declares: targets, their tags, named contexts. */
function bakeNames(path: string, ws: Workspace): Set<string> {
  const names = new Set<string>()
  for (const dir of foldersUp(path)) {
    for (const file of BAKE_FILES) {
      const text = ws.readFile(joinPath(dir, file))
      if (text === undefined) continue
      for (const m of text.matchAll(/\btarget\s+"([^"]+)"/g)) names.add(m[1].toLowerCase())
      for (const m of text.matchAll(/"?contexts"?\s*[=:]\s*\{([^}]*)\}/g)) {
        for (const k of m[1].matchAll(/"?([A-Za-z0-9_.\-/]+)"?\s*[=:]/g))
          names.add(k[1].toLowerCase())
      }
      for (const m of text.matchAll(/"?tags"?\s*[=:]\s*\[([^\]]*)\]/g)) {
        for (const t of m[1].matchAll(/"([^"$]+)"/g)) names.add(repositoryOf(t[1]))
      }
    }
  }
  return names
}

const stagesCache = new WeakMap<Workspace, Map<string, Set<string>>>()

/** Stage names (lowercase) of a Dockerfile in the workspace; empty when absent. */
function stagesOf(ws: Workspace, path: string): Set<string> {
  let byPath = stagesCache.get(ws)
  if (!byPath) stagesCache.set(ws, (byPath = new Map()))
  const cached = byPath.get(path)
  if (cached) return cached
  const text = ws.readFile(path)
  const out = new Set<string>()
  byPath.set(path, out)
  if (text === undefined) return out
  for (const inst of parseDockerfileSyntax(path, text).instructions) {
    if (inst.keyword !== 'FROM') continue
    const as = inst.args.findIndex((a) => a.value.toLowerCase() === 'as')
    if (as !== -1 && inst.args[as + 1]) out.add(inst.args[as + 1].value.toLowerCase())
  }
  return out
}

/** Dockerfiles beside `path` (other than itself). */
function siblings(path: string, ws: Workspace): string[] {
  const dir = dirOf(path)
  const listed = ws.listDir(dir)
  const names = listed
    ? listed.filter((n) => /(^|\.)dockerfile(\.|$)|^containerfile/i.test(n))
    : SIBLING_NAMES
  const self = cleanPath(path)
  return names.map((n) => cleanPath(joinPath(dir, n))).filter((p) => p !== self)
}

/**
 * Is `ref` (a `FROM` image or a `COPY --from` name that is no stage of this file) an image the
 * repository builds itself? `names` says what the reference may be: `image` (a `FROM`: also a
 * single-word name without an official image) or `copy-source` (a `COPY --from`: only evidence in
 * the workspace, since a single-word name there is more often a misspelt stage).
 */
export function localImage(
  path: string,
  ref: string,
  ws: Workspace,
  names: 'image' | 'copy-source' = 'image'
): LocalImage | undefined {
  if (ref.includes('$')) return undefined
  const repo = repositoryOf(ref)
  if (repo === '' || repo === 'scratch') return undefined
  const self = cleanPath(path)
  const service = composeBuildsAround(path, ws).find(
    (b) => b.image !== undefined && repositoryOf(b.image) === repo && b.dockerfile !== self
  )
  if (service) return { via: 'compose', dockerfile: service.dockerfile }
  if (bakeNames(path, ws).has(repo)) return { via: 'bake' }
  const last = repo.split('/').pop()!
  // A folder of that name with a Dockerfile, beside this file or beside one of its folders.
  // Official names are Docker Hub's even when the repository has a folder of that name.
  if (!OFFICIAL_IMAGES.has(repo)) {
    for (const dir of foldersUp(path)) {
      const candidate = cleanPath(joinPath(joinPath(dir, last), 'Dockerfile'))
      if (candidate !== self && ws.readFile(candidate) !== undefined) {
        return { via: 'folder', dockerfile: candidate }
      }
    }
  }
  if (!repo.includes('/')) {
    for (const sibling of siblings(path, ws)) {
      if (stagesOf(ws, sibling).has(repo)) return { via: 'sibling-stage', dockerfile: sibling }
    }
    if (names === 'image' && !OFFICIAL_IMAGES.has(repo)) return { via: 'not-official' }
  }
  return undefined
}

/**
 * What the stage's base image is made of, following a base image the repository builds itself
 * (`FROM base` with `core/base/Dockerfile`) to the final stage of its Dockerfile, a few levels deep.
 * Rules ask parents.ts's `stageDistroIn`, which tries the declared builds first and then this.
 */
export function localStageDistro(
  stage: Stage | undefined,
  path: string,
  ws: Workspace,
  depth = 0
): Distro {
  const own = stageDistro(stage)
  if (own.family !== 'unknown' || !stage || depth >= 3) return own
  let root = stage
  while (root.parent) root = root.parent
  if (root.image.unresolved) return own
  const parent = localImage(path, root.image.expanded, ws)?.dockerfile
  const text = parent === undefined ? undefined : ws.readFile(parent)
  if (parent === undefined || text === undefined) return own
  const doc = parseDockerfile(parent, text)
  return localStageDistro(doc.stages[doc.stages.length - 1], parent, ws, depth + 1)
}
