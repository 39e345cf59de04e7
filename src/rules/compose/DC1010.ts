import { parseImage, repoName, repository } from '../../compose/image.js'
import { hasVariable } from '../../compose/interpolation.js'
import { get, str } from '../../compose/model.js'
import { mounts } from '../../compose/service.js'
import { defineComposeRule } from '../define.js'
import { atValue } from './lib/report.js'
import { projectServices } from './lib/services.js'

/** Stateful images and where they keep their data (official images, plus common variants). */
const DATA_PATHS: Array<[RegExp, string[], string?]> = [
  [
    /^(postgres|postgis|timescaledb(-ha|-postgis)?|pgvector)$/,
    ['/var/lib/postgresql/data', '/var/lib/postgresql', '/home/postgres/pgdata'],
    'PGDATA'
  ],
  [/^(mysql|mariadb|percona|percona-server|mysql-server)$/, ['/var/lib/mysql']],
  [/^(mongo|mongodb|mongodb-community-server)$/, ['/data/db']],
  [/^(elasticsearch|opensearch)$/, ['/usr/share/elasticsearch/data', '/usr/share/opensearch/data']],
  [/^rabbitmq$/, ['/var/lib/rabbitmq']],
  [/^influxdb$/, ['/var/lib/influxdb', '/var/lib/influxdb2']],
  [/^cassandra$/, ['/var/lib/cassandra']],
  [/^neo4j$/, ['/data']],
  [/^couchdb$/, ['/opt/couchdb/data']],
  [/^clickhouse(-server)?$/, ['/var/lib/clickhouse']],
  [/^cockroach$/, ['/cockroach/cockroach-data']]
]

/** Bitnami images keep everything under /bitnami/<name>. */
const BITNAMI =
  /^bitnami\/(postgresql|mysql|mariadb|mongodb|elasticsearch|rabbitmq|cassandra|influxdb|clickhouse)$/

/**
 * A database whose data directory is not on a volume loses its data whenever the container is
 * re-created (`docker compose up` after an image change, `down`). Checked on the merged project
 * (an override may add the volume); a tmpfs on the data path counts as a deliberate choice.
 */
export const DC1010 = defineComposeRule({
  id: 'DC1010',
  severity: 'warning',
  description:
    'A stateful image (postgres, mysql, mariadb, mongo, …) has no volume on its data directory.',
  check(doc, ctx) {
    const found = projectServices(doc, ctx.workspace)
    if (!found) return
    for (const svc of found.services) {
      const image = get(svc.value, 'image')
      const text = str(image)
      if (!image || text === undefined || get(svc.value, 'volumes_from')) continue
      const ref = parseImage(text)
      if (hasVariable(repository(ref))) continue
      const paths = dataPaths(repository(ref).toLowerCase(), repoName(ref))
      if (!paths) continue
      const { dirs, envVar } = paths
      const custom = envVar ? str(get(get(svc.value, 'environment'), envVar)) : undefined
      const wanted = custom && !hasVariable(custom) ? [...dirs, custom] : dirs
      const targets = [
        ...mounts(svc.value).map((m) => m.target),
        ...tmpfsTargets(svc.value)
      ].filter((t): t is string => t !== undefined)
      const covered = targets.some((t) => hasVariable(t) || wanted.some((p) => related(t, p)))
      if (covered) continue
      ctx.report({
        ...atValue(doc, image),
        message: `Service '${svc.name}' runs ${repoName(ref)} without a volume on ${dirs[0]}: its data is lost whenever the container is re-created. Mount a named volume there (e.g. '${repoName(ref)}-data:${dirs[0]}').`
      })
    }
  }
})

function dataPaths(name: string, repo: string): { dirs: string[]; envVar?: string } | undefined {
  const bitnami = BITNAMI.exec(name.replace(/^docker\.io\//, ''))
  if (bitnami) return { dirs: [`/bitnami/${bitnami[1]}`, '/bitnami'] }
  if (name.includes('mssql/server')) return { dirs: ['/var/opt/mssql'] }
  for (const [pattern, dirs, envVar] of DATA_PATHS) {
    if (pattern.test(repo)) return envVar ? { dirs, envVar } : { dirs }
  }
  return undefined
}

/** One path lies inside (or is) the other. */
function related(a: string, b: string): boolean {
  const x = a.replace(/\/+$/, '') || '/'
  const y = b.replace(/\/+$/, '') || '/'
  return x === y || y.startsWith(`${x}/`) || x.startsWith(`${y}/`) || x === '/'
}

function tmpfsTargets(svc: Parameters<typeof get>[0]): string[] {
  const t = get(svc, 'tmpfs')
  const list = t?.kind === 'seq' ? t.items : t ? [t] : []
  return list.map((i) => str(i)?.split(':')[0]).filter((s): s is string => s !== undefined)
}
