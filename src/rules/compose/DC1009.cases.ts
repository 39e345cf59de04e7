import type { RuleCases } from '../define.js'
import { yaml } from './lib/lines.js'

export const cases: RuleCases = {
  valid: [
    yaml(
      'services:',
      '  web:',
      '    image: nginx:1.27',
      '    cap_add: [NET_BIND_SERVICE]',
      '    security_opt: ["no-new-privileges:true"]',
      '    volumes: ["./html:/usr/share/nginx/html:ro", "/etc/localtime:/etc/localtime:ro"]'
    ),
    {
      name: 'privileged: false',
      code: yaml('services:', '  web:', '    image: nginx:1.27', '    privileged: false')
    },
    {
      name: 'a read-only host /etc',
      code: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    volumes: ["/etc:/host/etc:ro"]'
      )
    }
  ],
  invalid: [
    {
      name: 'privileged, host network and the Docker socket, each at its value',
      code: yaml(
        'name: x',
        'services:',
        '  a:',
        '    image: nginx:1.27',
        '    privileged: true',
        '    network_mode: host',
        '    volumes:',
        '      - /var/run/docker.sock:/var/run/docker.sock:ro'
      ),
      errors: [
        { line: 5, column: 17, endColumn: 21, message: 'privileged' },
        { line: 6, column: 19, message: "host's network namespace" },
        { line: 8, column: 9, message: 'container runtime socket' }
      ]
    },
    {
      name: 'host namespaces, capabilities, confinement, devices and host paths',
      code: yaml(
        'services:',
        '  agent:',
        '    image: agent:1.0',
        '    pid: host',
        '    cap_add: [SYS_ADMIN, CAP_SYS_PTRACE]',
        '    security_opt: ["seccomp:unconfined"]',
        '    devices: ["/dev/mem:/dev/mem"]',
        '    volumes:',
        '      - type: bind',
        '        source: /',
        '        target: /host'
      ),
      errors: [
        { line: 4, column: 10, message: 'process (PID)' },
        { line: 5, column: 15, message: 'SYS_ADMIN' },
        { line: 5, column: 26, message: 'SYS_PTRACE' },
        { line: 6, column: 20, message: 'seccomp:unconfined' },
        { line: 7, column: 15, message: '/dev/mem' },
        { line: 9, column: 9, message: "host's / writable" }
      ]
    }
  ]
}
