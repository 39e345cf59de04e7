import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM centos:7.9.2009\nRUN yum install -y httpd-2.4.24 && yum clean all\n',
    'FROM centos:7.9.2009\nRUN yum --assumeyes groupinstall "Development Tools" && yum clean all\n',
    'FROM centos:7.9.2009\nRUN bash -c `# not even a yum command`\n'
  ],
  invalid: [
    {
      code: 'FROM centos:7.9.2009\nRUN yum install httpd-2.4.24 && yum clean all\n',
      errors: [{ line: 2, column: 5, endColumn: 16, message: 'yum install -y' }],
      output: 'FROM centos:7.9.2009\nRUN yum install -y httpd-2.4.24 && yum clean all\n'
    },
    {
      code: 'FROM centos:7.9.2009\nONBUILD RUN /usr/bin/yum localinstall /tmp/x-1.rpm && yum clean all\n',
      errors: [{ line: 2, column: 13 }],
      output:
        'FROM centos:7.9.2009\nONBUILD RUN /usr/bin/yum localinstall -y /tmp/x-1.rpm && yum clean all\n'
    }
  ]
}
