import { get, isTrue, str, type Val } from '../../compose/model.js'
import { mounts } from '../../compose/service.js'
import { defineComposeRule } from '../define.js'
import { atValue } from './lib/report.js'
import { localServices } from './lib/services.js'

/** Capabilities that amount to (or easily lead to) root on the host. */
const DANGEROUS_CAPS = new Set([
  'ALL',
  'SYS_ADMIN',
  'SYS_MODULE',
  'SYS_RAWIO',
  'SYS_PTRACE',
  'SYS_BOOT',
  'DAC_READ_SEARCH',
  'BPF'
])
const SOCKET =
  /(^|\/)(docker|containerd|podman|crio|cri-dockerd)\.sock$|^\/(var\/)?run\/(docker|containerd)\/?$/
/** Host paths whose (writable) mount gives the container the host. */
const HOST_ROOTS = /^\/(|proc|sys|boot|dev|etc|root|var\/lib\/docker|var\/lib\/containerd)\/?$/
const DEVICES = /^\/dev\/(mem|kmem|port)(:|$)/
const UNCONFINED =
  /^(seccomp|apparmor)[:=]unconfined$|^label[:=]disable$|^systempaths[:=]unconfined$/

/**
 * Settings that hand the container the host: `privileged`, the Docker socket, host network/PID/
 * IPC/user namespaces, root-equivalent capabilities, disabled seccomp/AppArmor, host system paths
 * mounted writable, raw memory devices. Each is reported at the value that grants it.
 */
export const DC1009 = defineComposeRule({
  id: 'DC1009',
  aliases: [
    'CL-0001',
    'CL-0002',
    'CL-0008',
    'CL-0009',
    'CL-0010',
    'CL-0011',
    'CL-0013',
    'CL-0016',
    'CL-0024',
    'CL-0025',
    'CL-0027'
  ],
  severity: 'warning',
  description:
    'A service gets host-level access: privileged, the Docker socket, host namespaces, dangerous capabilities or host system paths.',
  check(doc, ctx) {
    for (const svc of localServices(doc)) {
      const s = svc.value
      const name = svc.name
      const privileged = get(s, 'privileged')
      if (isTrue(privileged))
        ctx.report({
          ...atValue(doc, privileged!),
          message: `Service '${name}' runs privileged: every device and capability of the host; a compromise is a host compromise.`
        })
      for (const key of ['network_mode', 'pid', 'ipc', 'userns_mode', 'uts', 'cgroup']) {
        const v = get(s, key)
        if (v && str(v) === 'host')
          ctx.report({
            ...atValue(doc, v),
            message: `Service '${name}' shares the host's ${NAMESPACE[key]} namespace (${key}: host).`
          })
      }
      for (const m of mounts(s)) {
        const source = m.source
        if (!source || m.type !== 'bind') continue
        if (SOCKET.test(source) || SOCKET.test(m.target ?? '')) {
          ctx.report({
            ...atValue(doc, m.val),
            message: `Service '${name}' mounts the container runtime socket (${source}): that is root on the host, read-only or not.`
          })
        } else if (HOST_ROOTS.test(source) && !m.readOnly) {
          ctx.report({
            ...atValue(doc, m.val),
            message: `Service '${name}' mounts the host's ${source} writable.`
          })
        }
      }
      for (const cap of items(get(s, 'cap_add'))) {
        const text = (str(cap) ?? '').toUpperCase().replace(/^CAP_/, '')
        if (DANGEROUS_CAPS.has(text))
          ctx.report({
            ...atValue(doc, cap),
            message: `Service '${name}' adds the ${text} capability, which is close to root on the host.`
          })
      }
      for (const opt of items(get(s, 'security_opt'))) {
        const text = str(opt) ?? ''
        if (UNCONFINED.test(text))
          ctx.report({
            ...atValue(doc, opt),
            message: `Service '${name}' disables a kernel confinement (${text}).`
          })
      }
      for (const dev of items(get(s, 'devices'))) {
        const text = str(dev) ?? str(get(dev, 'source')) ?? ''
        if (DEVICES.test(text))
          ctx.report({
            ...atValue(doc, dev),
            message: `Service '${name}' maps ${text.split(':')[0]}, the host's raw memory or I/O ports.`
          })
      }
    }
  }
})

const NAMESPACE: Record<string, string> = {
  network_mode: 'network',
  pid: 'process (PID)',
  ipc: 'IPC',
  userns_mode: 'user',
  uts: 'UTS (hostname)',
  cgroup: 'cgroup'
}

function items(val: Val | undefined): Val[] {
  return val?.kind === 'seq' ? val.items : []
}
