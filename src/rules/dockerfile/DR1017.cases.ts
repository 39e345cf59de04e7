import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nRUN apt-get update && apt-get install -y git\n',
    {
      name: 'apk --no-cache fetches its own index',
      code: 'FROM alpine:3.20\nRUN apk update && apk add curl && rm -rf /var/cache/apk/*\nRUN apk add --no-cache git\n'
    },
    {
      name: 'an upgrade with no lists does nothing, it does not fail',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nRUN apt-get upgrade -y\n'
    },
    {
      name: 'installing a local .deb needs no index',
      code: 'FROM debian:12\nRUN rm -rf /var/lib/apt/lists/*\nRUN apt-get install -y ./pkg.deb\n'
    },
    {
      name: 'the base image state is unknown: no finding without a deletion',
      code: 'FROM debian:12\nRUN apt-get install -y curl\n'
    },
    {
      name: 'apt-get install --update (apt 3) and add-apt-repository fetch the lists',
      code: 'FROM debian:trixie\nRUN apt-get update && rm -rf /var/lib/apt/lists/*\nRUN apt-get install --update -y gcc\nRUN rm -rf /var/lib/apt/lists/*\nRUN add-apt-repository ppa:x/y && apt-get install -y z\n'
    },
    {
      name: 'install --update in the same RUN leaves fresh lists for a later install (tianon)',
      code: 'FROM debian:trixie\nRUN rm -rf /var/lib/apt/lists/*\nRUN apt-get install --update -y wget; wget -q https://x; apt-get install -y gcc\n'
    },
    {
      name: 'apk flags behind a variable may be --no-cache',
      code: 'FROM alpine:3.20\nRUN apk update && apk add curl && rm -rf /var/cache/apk/*\nRUN apk add ${APK_FLAGS} git\n'
    },
    {
      name: 'a cache mount over the lists keeps them',
      code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && rm -rf /var/lib/apt/lists/*\nRUN apt-get install -y curl\n'
    }
  ],
  invalid: [
    {
      name: 'issue 14: the install after a DL3009-style cleanup in an earlier layer',
      code: 'FROM debian:12\nRUN apt-get update && rm -rf /var/lib/apt/lists/*\nRUN apt-get install -y curl\n',
      errors: [{ line: 3, column: 5, endColumn: 28, message: 'Unable to locate package' }]
    },
    {
      name: 'a conditional install counts; a stage built FROM the cleaned one too',
      code: 'FROM debian:12 AS base\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nFROM base\nRUN if [ -n "$X" ]; then apt-get install -y git; fi\n',
      errors: [{ line: 4, column: 26 }]
    },
    {
      name: 'apk add without --no-cache after the apk cache was deleted',
      code: 'FROM alpine:3.20\nRUN apk update && apk add curl && rm -rf /var/cache/apk/*\nRUN apk add git\n',
      errors: [{ line: 3, column: 5, message: 'apk add --no-cache' }]
    },
    {
      name: 'apt-get dist-clean (apt >= 2.7) deletes the lists too',
      code: 'FROM debian:trixie\nRUN apt-get update && apt-get install -y curl && apt-get dist-clean\nRUN apt-get install -y git\n',
      errors: [{ line: 3, column: 5 }]
    }
  ]
}
