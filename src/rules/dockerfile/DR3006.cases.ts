import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM debian:12.6\nRUN apt-get install -y --no-install-recommends curl\n',
    'FROM rockylinux:9.3\nRUN dnf install -y --setopt=install_weak_deps=False curl && echo "gpgcheck=1" >> /etc/dnf/dnf.conf\n'
  ],
  invalid: [
    {
      code: 'FROM debian:12.6\nRUN apt-get install -y --allow-unauthenticated --force-yes curl \\\n && apk add --allow-untrusted x \\\n && yum install -y --nogpgcheck --setopt=sslverify=false a \\\n && rpm -i --nosignature x.rpm \\\n && apt-get -o APT::Get::AllowUnauthenticated=true install y\n',
      errors: [{ line: 2, column: 24, endLine: 6, endColumn: 51, message: '7 findings' }],
      output:
        'FROM debian:12.6\nRUN apt-get install -y curl \\\n && apk add x \\\n && yum install -y a \\\n && rpm -i x.rpm \\\n && apt-get install y\n'
    },
    {
      name: 'repository configuration written by the RUN: no fix',
      code: 'FROM debian:12.6\nRUN echo "deb [trusted=yes] http://repo.local/ ./" > /etc/apt/sources.list.d/local.list\n',
      errors: [{ line: 2, column: 10, message: '[trusted=yes]' }],
      output: null
    }
  ]
}
