import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM centos:7.9.2009\nRUN yum install -y nginx-1.20.1 && yum clean all\n',
    { name: 'epoch in the version', code: 'RUN yum install -y bind-utils-32:9.11.4\n' },
    { name: 'rpm file', code: 'RUN yum install -y /tmp/agent.x86_64.rpm\n' },
    { name: 'module with a stream', code: 'RUN yum module install -y nodejs:18\n' },
    {
      name: 'version from an ARG',
      code: 'FROM centos:7.9.2009\nARG NGINX_VERSION=1.20.1\nRUN yum install -y nginx-${NGINX_VERSION}\n'
    },
    {
      name: 'version from an ENV of the parent stage',
      code: 'FROM centos:7.9.2009 AS base\nENV V=1.20.1\nFROM base\nRUN yum install -y nginx-$V\n'
    },
    { name: 'a package list in a variable is unknown', code: 'RUN yum install -y $PACKAGES\n' },
    {
      name: 'value of --enablerepo is no package',
      code: 'RUN yum install -y --enablerepo epel jq-1.6\n'
    }
  ],
  invalid: [
    {
      code: 'FROM centos:7.9.2009\nRUN yum install -y nginx jq-1.6 git\n',
      errors: [{ line: 2, column: 20, endColumn: 36, message: '`nginx`, `git`' }]
    },
    {
      name: 'module without a stream',
      code: 'RUN yum module install -y nodejs\n',
      errors: [{ line: 1, column: 27, endColumn: 33 }]
    },
    {
      name: 'ENV of an unrelated stage is not in scope',
      code: 'FROM centos:7.9.2009 AS a\nENV V=1.20.1\nFROM centos:7.9.2009\nRUN yum install -y nginx-${V}\n',
      errors: [{ line: 4, column: 20 }]
    }
  ]
}
