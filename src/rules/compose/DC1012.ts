import { parseImage, repoName } from '../../compose/image.js'
import { hasVariable } from '../../compose/interpolation.js'
import { get, str } from '../../compose/model.js'
import { isAllInterfaces } from '../../compose/ports.js'
import { portLabel, ports } from '../../compose/service.js'
import { defineComposeRule } from '../define.js'
import { bindPortFix } from './lib/bind-port.js'
import { atValue } from './lib/report.js'
import { localServices } from './lib/services.js'

/** Images of databases, caches, brokers and admin UIs that should not face the network. */
const DATABASE_IMAGES =
  /^(postgres|postgis|timescaledb(-ha)?|pgvector|mysql|mariadb|percona(-server)?|mongo|mongodb|redis|valkey|keydb|memcached|elasticsearch|opensearch|rabbitmq|influxdb|cassandra|neo4j|couchdb|clickhouse(-server)?|cockroach|etcd|zookeeper|adminer|phpmyadmin|pgadmin4|mongo-express|redis-commander|redisinsight|kibana|minio)$/
/** Their well-known container ports (for images we do not recognise by name). */
const DATABASE_PORTS = new Set([
  5432, 3306, 27017, 6379, 11211, 9200, 9300, 5672, 15672, 9042, 8086, 7474, 7687, 5984, 8123,
  26257, 2379, 1433, 1521
])

const LOCALHOST = '127.0.0.1'

/**
 * A database, cache or admin port published on every interface: Docker's port publishing bypasses
 * host firewalls (ufw, firewalld), so the service faces the network. The fix binds it to
 * 127.0.0.1 (`"5432:5432"` → `"127.0.0.1:5432:5432"`, long syntax gets `host_ip: 127.0.0.1`);
 * other machines then lose access, so the fix is marked unsafe.
 */
export const DC1012 = defineComposeRule({
  id: 'DC1012',
  aliases: ['CL-0005'],
  severity: 'info',
  fixable: true,
  description: 'A database or admin port is published on all interfaces; bind it to 127.0.0.1.',
  check(doc, ctx) {
    for (const svc of localServices(doc)) {
      const imageText = str(get(svc.value, 'image'))
      const image = imageText && !hasVariable(imageText) ? parseImage(imageText) : undefined
      const byImage = image !== undefined && DATABASE_IMAGES.test(repoName(image))
      for (const { spec, val } of ports(svc.value)) {
        if (spec.error || spec.hostIp === undefined || !isAllInterfaces(spec.hostIp)) continue
        if (spec.published === undefined) continue
        const target = spec.target
        const byPort =
          target !== undefined && target.start === target.end && DATABASE_PORTS.has(target.start)
        if (!byImage && !byPort) continue
        const what = `${portLabel(val)} (${byImage ? repoName(image!) : `port ${target!.start}`})`
        const how = spec.hostIp === '' ? 'on all interfaces' : `on ${spec.hostIp} (all interfaces)`
        ctx.report({
          ...atValue(doc, val),
          message: `Service '${svc.name}' publishes ${what} ${how}; Docker's published ports bypass the host firewall. Bind it to ${LOCALHOST} unless other machines must reach it.`,
          fix: bindPortFix(
            doc,
            val,
            LOCALHOST,
            spec.hostIp,
            spec.published === null,
            `Publish on ${LOCALHOST} only (other machines lose access).`
          )
        })
      }
    }
  }
})
