import fc from 'fast-check'

/**
 * Grammar-based Dockerfiles: parser directives, global ARGs, one to three stages of instructions
 * built from templates — FROM with tags, digests, platforms and ARGs; RUN as shell (apt, apk, yum,
 * pip, npm, curl, cd, sudo, `&&`/`||`/pipes/subshells, continuations, interior comments), exec form
 * and heredocs; COPY/ADD with flags, URLs and heredocs; ENV/ARG/LABEL in every form; CMD,
 * ENTRYPOINT, HEALTHCHECK, SHELL (POSIX and Windows), ONBUILD, EXPOSE, USER, WORKDIR, VOLUME and
 * a few things that are not instructions at all. The escape character is a backslash or, under
 * `# escape=\``, a backtick, and every continuation follows it.
 */

interface Ctx {
  esc: '\\' | '`'
  /** Names of earlier stages (for FROM <stage> and COPY --from). */
  stages: string[]
}

/** Text of one instruction (or comment/blank line), given where it lands. */
type Piece = (ctx: Ctx) => string

const DIGEST = 'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'

const IMAGES = [
  'ubuntu',
  'ubuntu:22.04',
  'python:3.12',
  'node:20',
  'debian:12',
  'debian:bookworm-slim',
  'alpine:3.19',
  'alpine:latest',
  'node:20-alpine',
  'python:3.12-slim',
  'golang:1.22',
  'centos:7',
  'fedora',
  'opensuse/leap:15',
  'registry.example.com:5000/team/app:1.0',
  'gcr.io/distroless/static',
  'quay.io/org/img',
  `node@${DIGEST}`,
  `nginx:1.25@${DIGEST}`,
  'mcr.microsoft.com/windows/servercore:ltsc2022',
  'scratch',
  '$BASE',
  '${BASE}',
  '${IMAGE}:${TAG}',
  '${BASE:-debian}',
  'Ubuntu:Latest',
  'localhost/img'
]

const PLATFORMS = [
  '',
  '',
  '--platform=linux/amd64 ',
  '--platform=$BUILDPLATFORM ',
  '--platform=${TARGETPLATFORM} ',
  '--platfrom=linux/arm64 '
]

const COMMANDS = [
  'apt-get update',
  'apt-get install -y curl',
  'apt-get install -y --no-install-recommends curl=7.88.1-10 ca-certificates',
  'apt-get -y install python3 git',
  'apt install -y vim',
  'apt-get upgrade -y',
  'apt-get dist-upgrade',
  'rm -rf /var/lib/apt/lists/*',
  'apt-get clean',
  'apk add --no-cache curl',
  'apk add bash=5.2.21-r0',
  'apk update',
  'apk upgrade',
  'yum install -y httpd',
  'yum clean all',
  'dnf install -y git',
  'zypper install -y curl',
  'zypper clean',
  'pip install flask',
  'pip install --no-cache-dir requests==2.31.0',
  'pip3 install -r requirements.txt',
  'python -m pip install .',
  'npm install',
  'npm install express',
  'npm ci',
  'npm install -g yarn@1',
  'yarn install',
  'gem install rails',
  'gem install bundler:2.4.0',
  'go get github.com/x/y',
  'go install example.com/cmd@latest',
  'curl -fsSL https://example.com/install.sh | bash',
  'curl -o /tmp/x https://example.com/x',
  'wget -q https://example.com/a.tar.gz',
  'wget -O - https://example.com/x | sh',
  'cd /app',
  'cd /tmp && make',
  'sudo apt-get install -y make',
  'chmod 777 /app',
  'chown -R app:app /app',
  'useradd -m app',
  'useradd -u 100001 app',
  'groupadd -r app',
  'mkdir -p /app',
  'mkdir /data',
  'ln -s /usr/bin/python3 /usr/bin/python',
  'echo "$HOME" > /tmp/x',
  'echo hi | tee /etc/motd',
  'source /etc/profile',
  'export A=1',
  'service nginx start',
  'systemctl enable nginx',
  'shutdown -h now',
  'vim /etc/hosts',
  'ssh-keygen -A',
  'git clone https://github.com/x/y',
  'ls -la | grep foo',
  'cat file | wc -l',
  'tar -xzf a.tgz',
  'unzip x.zip',
  'set -eux',
  'set -o pipefail',
  'true',
  'if [ -f a ]; then echo a; fi',
  'for i in 1 2; do echo $i; done',
  'rm -rf /tmp/*',
  'make install',
  '( cd src && make )',
  '{ echo a; echo b; }',
  'x=$(cat /etc/os-release)',
  'echo `uname`',
  'ln -sf /bin/bash /bin/sh',
  'echo "unclosed',
  "echo 'single",
  '$(echo nested $(echo deeper))',
  'echo ${VAR:-default} $((1 + 2))',
  'yum install httpd',
  'dnf install git',
  'microdnf install -y curl',
  'zypper install curl',
  'zypper dist-upgrade',
  'zypper refresh',
  'curl -k https://example.com/x -o /x',
  'wget --no-check-certificate https://example.com/x',
  'git config --global http.sslVerify false',
  'pip install --trusted-host pypi.org flask',
  'npm config set strict-ssl false',
  'yarn config set strict-ssl false',
  'apt-get install -y --allow-unauthenticated curl',
  'apk add --allow-untrusted curl',
  'echo "root:pw" | chpasswd',
  'apt-get install -y gcc build-essential python3-dev',
  'apk add --no-cache gcc musl-dev',
  'tar -xzf app.tar.gz -C /opt',
  'rm -rf /var/cache/apk/*',
  'rm -rf /root/.cache',
  'ln -s /bin/bash /bin/sh',
  'pip install -U pip',
  'npm install -g npm@latest',
  'go get -u github.com/x/y@latest'
]

const SEPARATORS: Piece[] = [
  () => ' && ',
  () => ' && ',
  () => ' || ',
  () => '; ',
  () => ' | ',
  (c) => ` && ${c.esc}\n    `,
  (c) => ` ${c.esc}\n    && `,
  (c) => ` && ${c.esc}\n    # a comment inside the RUN\n    `,
  (c) => ` ${c.esc}\n${c.esc}\n    && `,
  () => ' ; \t'
]

const script: fc.Arbitrary<Piece> = fc
  .tuple(
    fc.constantFrom(...COMMANDS),
    fc.array(fc.tuple(fc.constantFrom(...SEPARATORS), fc.constantFrom(...COMMANDS)), {
      maxLength: 6
    })
  )
  .map(
    ([first, rest]) =>
      (c: Ctx) =>
        first + rest.map(([sep, cmd]) => sep(c) + cmd).join('')
  )

const RUN_FLAGS = [
  '',
  '',
  '',
  '--mount=type=cache,target=/var/cache/apt ',
  '--mount=type=cache,target=/root/.cache/pip ',
  '--mount=type=bind,source=.,target=/src ',
  '--mount=type=secret,id=tok ',
  '--network=host ',
  '--network=none ',
  '--security=insecure ',
  '--mount=type=tmpfs,target=/tmp --network=default '
]

const HEREDOC_NAMES = ['EOF', 'EOT', '"EOF"', "'END'", '-EOF']

const run: fc.Arbitrary<Piece> = fc.oneof(
  {
    // One command per RUN: consecutive ones are what DL3059 merges.
    weight: 3,
    arbitrary: fc.constantFrom(...COMMANDS).map((cmd) => () => `RUN ${cmd}`)
  },
  {
    weight: 6,
    arbitrary: fc
      .tuple(fc.constantFrom('RUN', 'RUN', 'run'), fc.constantFrom(...RUN_FLAGS), script)
      .map(
        ([kw, flags, body]) =>
          (c: Ctx) =>
            `${kw} ${flags}${body(c)}`
      )
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.constantFrom(...RUN_FLAGS),
        fc.array(fc.constantFrom(...COMMANDS), { minLength: 1, maxLength: 4 })
      )
      .map(
        ([flags, words]) =>
          () =>
            `RUN ${flags}${JSON.stringify(words.join(' ').split(' '))}`
      )
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.constantFrom(...HEREDOC_NAMES),
        fc.constantFrom('', ' bash', ' python3', ' cat > /x'),
        fc.array(fc.constantFrom(...COMMANDS), { minLength: 0, maxLength: 5 }),
        fc.boolean(),
        fc.constantFrom(...RUN_FLAGS)
      )
      .map(([name, prog, lines, terminated, flags]) => () => {
        const strip = name.startsWith('-')
        const word = name.replace(/^-/, '').replace(/["']/g, '')
        const body = lines.map((l) => (strip ? `\t${l}` : l)).join('\n')
        return `RUN ${flags}<<${name}${prog}\n${body}${body ? '\n' : ''}${terminated ? (strip ? '\t' : '') + word : ''}`
      })
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom<Piece>(
      () => 'RUN ["a", b]',
      () => 'RUN []',
      () => 'RUN',
      () => 'RUN [ "sh", "-c", "apt-get install -y curl" ]',
      (c) => `RUN apt-get update ${c.esc}\n`,
      (c) => `RUN echo a ${c.esc}`,
      () => 'RUN <<EOF <<EOT\necho a\nEOF\necho b\nEOT',
      () => 'RUN cat <<EOF | sh\napt-get install -y curl\nEOF'
    )
  }
)

const COPY_FLAGS: Piece[] = [
  () => '',
  () => '',
  () => '--chown=app:app ',
  () => '--chown=$UID:$GID ',
  () => '--chmod=0755 ',
  () => '--chmod=u+x ',
  () => '--link ',
  () => '--parents ',
  () => '--exclude=*.md ',
  (c) => `--from=${c.stages[c.stages.length - 1] ?? 'builder'} `,
  () => '--from=0 ',
  () => '--from=nginx:latest ',
  () => '--from=missing ',
  () => '--chwon=1 '
]

const SOURCES = [
  '.',
  'package.json',
  'package*.json',
  'src/',
  '*.txt',
  '../outside',
  'requirements.txt',
  'app.tar.gz',
  'https://example.com/file.tar.gz',
  'https://github.com/x/y.git#main',
  'README.md',
  'node_modules',
  '.env',
  'id_rsa',
  '.npmrc',
  'git@github.com:x/y.git',
  '"with space"',
  '$SRC'
]

const DESTS = ['/app/', '/app', 'app', '.', './', '/usr/local/bin/', '$HOME/', 'rel/dir', '"/a b/"']

const copy: fc.Arbitrary<Piece> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .tuple(
        fc.constantFrom('COPY', 'ADD', 'copy'),
        fc.array(fc.constantFrom(...COPY_FLAGS), { maxLength: 2 }),
        fc.array(fc.constantFrom(...SOURCES), { minLength: 1, maxLength: 3 }),
        fc.constantFrom(...DESTS),
        fc.boolean()
      )
      .map(([kw, flags, srcs, dest, json]) => (c: Ctx) => {
        const f = flags.map((p) => p(c)).join('')
        return json
          ? `${kw} ${f}${JSON.stringify([...srcs, dest].map((s) => s.replace(/"/g, '')))}`
          : `${kw} ${f}${srcs.join(' ')} ${dest}`
      })
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom<Piece>(
      () => 'COPY <<EOF /etc/app.conf\nkey=value\nEOF',
      () => 'COPY <<-EOT /x\n\tindented\n\tEOT',
      () => `ADD --checksum=${DIGEST} https://example.com/a.tgz /tmp/`,
      () => 'ADD --keep-git-dir=true https://github.com/x/y.git /src',
      () => 'COPY',
      () => 'COPY onlyone',
      (c) => `COPY a ${c.esc}\n     b ${c.esc}\n     /dest/`
    )
  }
)

const PROPERTIES = [
  'ENV A=1',
  'ENV A 1',
  'ENV A=1 B="two words"',
  'ENV PATH=$PATH:/x',
  'ENV PATH /opt/bin:$PATH',
  'ENV A=$A',
  'ENV DEBIAN_FRONTEND=noninteractive',
  'ENV A=\'x\' B="y"',
  'ENV a',
  'ENV PYTHONUNBUFFERED 1',
  'ENV A="unclosed',
  'ARG V',
  'ARG V=1',
  'ARG A=1 B=2',
  'ARG TOKEN',
  'ARG PASSWORD=secret',
  'ARG UID=1000',
  'LABEL maintainer="me@example.com"',
  'LABEL maintainer=nobody',
  'LABEL version=1.0.0',
  'LABEL version="not semver"',
  'LABEL a=b c=d',
  'LABEL "com.example.x"="y"',
  'LABEL url=http://example.com',
  'LABEL url=not-a-url',
  'LABEL created=2024-01-01T00:00:00Z',
  'LABEL license=MIT',
  'LABEL license=NotALicense',
  'LABEL revision=abc',
  'LABEL description',
  'LABEL org.opencontainers.image.source=https://github.com/x/y',
  'ENV NODE_TLS_REJECT_UNAUTHORIZED=0',
  'ENV PIP_TRUSTED_HOST=pypi.org',
  'ENV GIT_SSL_NO_VERIFY=1',
  'ENV PYTHONHTTPSVERIFY=0',
  'ARG GITHUB_TOKEN',
  'ENV AWS_SECRET_ACCESS_KEY=abc',
  'ENV npm_config_strict_ssl=false'
]

const property: fc.Arbitrary<Piece> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...PROPERTIES).map((p) => () => p) },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.constantFrom('A=1', 'B="b c"', 'C=$A', "D='d'", 'E='), {
        minLength: 2,
        maxLength: 4
      })
      .chain((pairs) =>
        fc
          .constantFrom('ENV', 'LABEL', 'ARG')
          .map((kw) => (c: Ctx) => `${kw} ${pairs.join(` ${c.esc}\n    `)}`)
      )
  }
)

const OTHERS = [
  'MAINTAINER me <me@example.com>',
  'WORKDIR /app',
  'WORKDIR app',
  'WORKDIR $HOME/x',
  'USER root',
  'USER 1000:1000',
  'USER app',
  'USER ${UID}',
  'EXPOSE 80',
  'EXPOSE 80/tcp 443/udp',
  'EXPOSE 8080-8090',
  'EXPOSE 99999',
  'EXPOSE $PORT',
  'VOLUME /data',
  'VOLUME ["/data", "/logs"]',
  'STOPSIGNAL SIGTERM',
  'STOPSIGNAL 9',
  'CMD ["node", "app.js"]',
  'CMD node app.js',
  'CMD ["sh", "-c", "echo $HOME"]',
  "CMD ['single', 'quotes']",
  'ENTRYPOINT ["/entrypoint.sh"]',
  'ENTRYPOINT /entrypoint.sh',
  'CMD',
  'HEALTHCHECK CMD curl -f http://localhost/ || exit 1',
  'HEALTHCHECK --interval=30s --timeout=3s CMD ["curl", "-f", "http://localhost"]',
  'HEALTHCHECK NONE',
  'HEALTHCHECK --interval=5 CMD true',
  'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
  'SHELL ["/bin/sh", "-c"]',
  'SHELL ["powershell", "-Command"]',
  'SHELL ["cmd", "/S", "/C"]',
  'SHELL /bin/bash',
  'ONBUILD RUN npm install',
  'ONBUILD COPY . /app',
  'ONBUILD ONBUILD RUN x',
  'ONBUILD FROM x',
  'ONBUILD',
  'BOGUS x',
  '# a comment',
  '#',
  '',
  '   ',
  'entrypoint ["x"]',
  'EXPOSE 80/TCP',
  'EXPOSE 127.0.0.1:8080:80',
  'EXPOSE 8080:80',
  'EXPOSE 22 2375',
  'WORKDIR /proc/x',
  'WORKDIR /sys',
  '# hadolint ignore=DL3008',
  '# hadolint ignore=DL3008,DL3015',
  'COPY --from=builder / /',
  'COPY --from=0 / /'
]

const other: fc.Arbitrary<Piece> = fc.constantFrom(...OTHERS).map((o) => () => o)

const onbuild: fc.Arbitrary<Piece> = fc
  .oneof(run, copy, property)
  .map((p) => (c: Ctx) => `ONBUILD ${p(c)}`)

/** One instruction (or comment / blank line) of a stage body. */
export const instruction: fc.Arbitrary<Piece> = fc.oneof(
  { weight: 6, arbitrary: run },
  { weight: 3, arbitrary: copy },
  { weight: 3, arbitrary: property },
  { weight: 4, arbitrary: other },
  { weight: 1, arbitrary: onbuild }
)

const from = fc
  .tuple(
    fc.constantFrom(...PLATFORMS),
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...IMAGES) },
      { weight: 1, arbitrary: fc.constant('<previous stage>') }
    ),
    fc.constantFrom(
      '',
      '',
      ' AS build',
      ' as Builder',
      ' AS base',
      ' AS final',
      ' AS',
      ' AS build extra'
    ),
    fc.constantFrom('FROM', 'FROM', 'from')
  )
  .map(([platform, image, alias, kw]) => (c: Ctx): { text: string; name?: string } => {
    const img = image === '<previous stage>' ? (c.stages[c.stages.length - 1] ?? 'base') : image
    const name = /^ as (\S+)$/i.exec(alias)?.[1]
    return { text: `${kw} ${platform}${img}${alias}`, name }
  })

const DIRECTIVES = [
  '# syntax=docker/dockerfile:1',
  '# syntax=docker/dockerfile:1.7-labs',
  '# check=skip=all',
  '# check=skip=StageNameCasing;error=true',
  '# escape=\\',
  '# ESCAPE = \\',
  '# unknown=directive'
]

const GLOBAL_ARGS = [
  'ARG BASE=ubuntu:22.04',
  'ARG BASE',
  'ARG IMAGE=node TAG=20',
  'ARG TAG=latest',
  'ARG VERSION'
]

/** A whole Dockerfile. */
export const dockerfile: fc.Arbitrary<string> = fc
  .record({
    backtick: fc.boolean().chain((b) => (b ? fc.boolean() : fc.constant(false))),
    directives: fc.subarray(DIRECTIVES, { maxLength: 3 }),
    globals: fc.subarray(GLOBAL_ARGS, { maxLength: 2 }),
    // Now and then an instruction before the first FROM (DL3061).
    preamble: fc.oneof(
      { weight: 11, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: instruction }
    ),
    stages: fc.array(fc.tuple(from, fc.array(instruction, { maxLength: 10 })), {
      minLength: 1,
      maxLength: 3
    }),
    crlf: fc.nat({ max: 9 }).map((n) => n === 0),
    trailingNewline: fc.nat({ max: 4 }).map((n) => n !== 0)
  })
  .map(({ backtick, directives, globals, preamble, stages, crlf, trailingNewline }) => {
    const ctx: Ctx = { esc: backtick ? '`' : '\\', stages: [] }
    const out: string[] = []
    if (backtick) out.push('# escape=`')
    out.push(...directives.filter((d) => !(backtick && /escape/i.test(d))))
    out.push(...globals)
    if (preamble) out.push(preamble(ctx))
    for (const [head, body] of stages) {
      const f = head(ctx)
      out.push(f.text)
      for (const piece of body) out.push(piece(ctx))
      if (f.name) ctx.stages.push(f.name)
    }
    const text = out.join('\n') + (trailingNewline ? '\n' : '')
    return crlf ? text.replace(/\n/g, '\r\n') : text
  })

/** Whole instruction lines (backslash escape) for the mutator to drop into corpus files. */
export const instructionLine: fc.Arbitrary<string> = instruction.map((p) =>
  p({ esc: '\\', stages: ['builder'] })
)
