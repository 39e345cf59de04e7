import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM centos:7.9.2009\nRUN yum install -y httpd-2.4.6 && yum clean all\n',
    {
      name: 'cache removed by hand',
      code: 'FROM centos:7.9.2009\nRUN yum install -y httpd-2.4.6 && rm -rf /var/cache/yum/*\n'
    },
    {
      name: 'cache mount on the yum cache',
      code: 'FROM centos:7.9.2009\nRUN --mount=type=cache,target=/var/cache/yum yum install -y httpd-2.4.6\n'
    },
    { name: 'no yum at all', code: 'FROM centos:7.9.2009\nRUN echo yum install\n' },
    {
      name: 'exec form is not a shell script',
      code: 'FROM centos:7.9.2009\nRUN ["yum", "install", "-y", "x-1"]\n'
    }
  ],
  invalid: [
    {
      code: 'FROM centos:7.9.2009\nRUN yum install -y httpd-2.4.6\n',
      errors: [{ line: 2, column: 5, endColumn: 31, message: 'yum clean all' }],
      output: 'FROM centos:7.9.2009\nRUN yum install -y httpd-2.4.6 && yum clean all\n'
    },
    {
      name: 'a clean before the install does not count',
      code: 'FROM centos:7.9.2009\nRUN yum clean all && yum -y install httpd-2.4.6\n',
      errors: [{ line: 2, column: 22 }],
      output:
        'FROM centos:7.9.2009\nRUN yum clean all && yum -y install httpd-2.4.6 && yum clean all\n'
    },
    {
      name: 'multi-line RUN and ONBUILD',
      code: 'FROM centos:7.9.2009\nONBUILD RUN yum makecache \\\n    && yum install -y git-2.1\n',
      errors: [{ line: 3, column: 8 }],
      output:
        'FROM centos:7.9.2009\nONBUILD RUN yum makecache \\\n    && yum install -y git-2.1 && yum clean all\n'
    },
    {
      name: 'a trailing shell comment stays last',
      code: 'FROM centos:7.9.2009\nRUN yum install -y git-2.1 # tools\n',
      errors: [{ line: 2, column: 5 }],
      output: 'FROM centos:7.9.2009\nRUN yum install -y git-2.1 && yum clean all # tools\n'
    },
    {
      name: 'heredoc: reported, no fix',
      code: 'FROM centos:7.9.2009\nRUN <<EOF\nyum install -y git-2.1\nEOF\n',
      errors: [{ line: 3, column: 1 }],
      output: null
    }
  ]
}
