import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM ruby:3.3.4\nRUN gem i bundler:1\n',
    'FROM ruby:3.3.4\nRUN gem install bundler:1 nokogiri:1.16.6\n',
    "FROM ruby:3.3.4\nRUN gem install bundler -v '2.0.1'\n",
    "FROM ruby:3.3.4\nRUN gem install bundler --version='2.0.1'\n",
    'FROM ruby:3.3.4\nRUN gem install bundler:2.0.1 -- --use-system-libraries=true\n',
    'FROM ruby:3.3.4\nRUN gem install bundler:2.0.1 --use-system-libraries true\n',
    'FROM ruby:3.3.4\nRUN gem install --no-document -i /gems rake:13.2.1 ./local.gem\n'
  ],
  invalid: [
    {
      code: 'FROM ruby:3.3.4\nRUN gem install bundler\n',
      errors: [{ line: 2, column: 17, endColumn: 24, message: '`bundler`' }]
    },
    {
      code: 'FROM ruby:3.3.4\nONBUILD RUN gem i bundler:1 nokogiri\n',
      errors: [{ line: 2, column: 29, endColumn: 37, message: '`nokogiri`' }]
    }
  ]
}
