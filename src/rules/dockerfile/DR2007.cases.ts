import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    {
      name: 'a name no reference can spell is not suggested (`$JAVA_PKG` read as a name of a broken ENV)',
      code: 'FROM alpine:3.19\nENV A=1 \\\n  ADD $JAVA_PKG /\nADD $JAVA_PKG /\n'
    },
    'FROM alpine:3.19\nARG VERSION=1\nCOPY app-$VERSION.tar /x\n',
    {
      name: 'base images set PATH and friends',
      code: 'FROM alpine:3.19\nENV PATH=$PATH:/opt/bin\n'
    },
    { name: 'default given', code: 'FROM scratch\nCOPY ${APP:-app} /app\n' },
    {
      name: 'ENV inherited from the stage it builds on',
      code: 'FROM alpine:3.19 AS base\nENV APP_HOME=/app\nFROM base\nWORKDIR $APP_HOME\n'
    },
    { name: 'same-statement references are DL3044’s', code: 'FROM scratch\nENV A=1 B=$A\n' },
    { name: 'RUN is left to the shell', code: 'FROM alpine:3.19\nRUN echo $TARGETARCH\n' },
    { name: 'single quotes do not expand', code: "FROM scratch\nLABEL a='$NOPE'\n" }
  ],
  invalid: [
    {
      name: 'typo of a defined variable',
      code: 'FROM alpine:3.19\nARG NODE_VERSION=20\nCOPY node-$NODE_VERSON.tgz /x\n',
      errors: [{ line: 3, column: 11, endColumn: 23, message: 'did you mean $NODE_VERSION' }],
      output: 'FROM alpine:3.19\nARG NODE_VERSION=20\nCOPY node-$NODE_VERSION.tgz /x\n'
    },
    {
      name: 'platform argument not declared in the stage',
      code: 'FROM alpine:3.19\nCOPY bin/${TARGETARCH}/app /app\n',
      errors: [{ line: 2, column: 10, endColumn: 23, message: 'ARG TARGETARCH' }],
      output: 'FROM alpine:3.19\nARG TARGETARCH\nCOPY bin/${TARGETARCH}/app /app\n'
    },
    {
      name: 'scratch has no environment at all',
      code: 'FROM scratch\nCOPY $APP /app\n',
      errors: [{ line: 2, column: 6, endColumn: 10 }],
      output: null
    }
  ]
}
