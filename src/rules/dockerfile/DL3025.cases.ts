import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'CMD ["foo", "bar"]\n',
    'ENTRYPOINT ["foo", "bar"]\n',
    'HEALTHCHECK CMD [ "foobar" ]\n',
    'HEALTHCHECK NONE\n',
    'CMD [ "/bin/sh", "-c", \\\n      "echo foo && \\\n       echo bar" \\\n    ]\n',
    {
      name: 'HEALTHCHECK CMD: a probe, never signalled',
      code: 'FROM debian:12.5\nHEALTHCHECK --interval=5s CMD curl -f http://localhost/ || exit 1\n'
    },
    {
      name: 'BusyBox ash execs a lone command: it is PID 1 and gets SIGTERM',
      code: 'FROM alpine:3.20\nCMD hans -f -s 10.0.0.1\n'
    },
    {
      name: "an Alpine-based image of the project's own registry",
      code: 'FROM ghcr.io/mailu/alpine:3.20\nCMD /start.py\n'
    },
    {
      name: 'a parent the repository builds (bake target `base`) is Alpine',
      path: 'core/dovecot/Dockerfile',
      code: 'FROM base\nCMD /start.py\n',
      files: { 'core/base/Dockerfile': 'FROM alpine:3.20 AS system\nFROM system AS base\n' }
    },
    { name: 'bash (CentOS) execs a lone command', code: 'FROM centos:7\nCMD sqlservr\n' },
    {
      name: 'a bash SHELL execs a lone command',
      code: 'FROM debian:12.5\nSHELL ["/bin/bash", "-c"]\nCMD app\n'
    },
    {
      name: 'needs the shell (a list, redirection): JSON form would be sh -c again',
      code: 'FROM debian:12.5\nCMD echo "$HOME" && exec app > /log\n'
    },
    {
      name: 'needs the shell (variables)',
      code: 'FROM debian:12.5\nCMD luigid --logdir $LUIGI_LOG_DIR \\\n  --state-path $STATE\n'
    },
    { name: 'a shell as the command: not a service', code: 'FROM ubuntu:22.04\nCMD /bin/bash\n' },
    {
      name: 'a shell running a script: a shell in either form',
      code: 'FROM node:20\nCMD /bin/bash ./entrypoint.sh\n'
    }
  ],
  invalid: [
    {
      name: 'dash (Debian) keeps the shell as PID 1',
      code: 'FROM python:3.12.4\nCMD gunicorn --bind 0.0.0.0:8000 app:app\n',
      errors: [
        { line: 2, column: 5, endColumn: 41, message: '(dash) keeps as PID 1', precision: null }
      ],
      output: 'FROM python:3.12.4\nCMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]\n'
    },
    {
      name: 'ENTRYPOINT over continuation lines',
      code: 'FROM debian:12.5\nENTRYPOINT /usr/bin/tini \\\n  -- /app/run   \n',
      errors: [{ line: 2, column: 12, endLine: 3, endColumn: 14, message: 'ENTRYPOINT' }],
      output: 'FROM debian:12.5\nENTRYPOINT ["/usr/bin/tini", "--", "/app/run"]   \n'
    },
    {
      name: 'an unknown base image: its /bin/sh may be dash',
      code: 'FROM registry.example.com/runtime:1.2\nCMD app --serve\n',
      errors: [{ line: 2, message: 'does not receive SIGTERM', precision: 'medium' }],
      output: 'FROM registry.example.com/runtime:1.2\nCMD ["app", "--serve"]\n'
    },
    {
      name: 'ENTRYPOINT on Alpine: signals arrive, but CMD and run arguments are dropped',
      code: 'FROM alpine:3.20\nENTRYPOINT /start.py\n',
      errors: [{ line: 2, message: 'ignores CMD', precision: 'medium' }],
      output: 'FROM alpine:3.20\nENTRYPOINT ["/start.py"]\n'
    },
    {
      name: 'distroless has no /bin/sh',
      code: 'FROM gcr.io/distroless/static-debian12\nCMD /app\n',
      errors: [{ line: 2, message: 'cannot start', precision: null }],
      output: 'FROM gcr.io/distroless/static-debian12\nCMD ["/app"]\n'
    },
    {
      name: 'broken JSON is shell form to Docker',
      code: 'FROM alpine:3.20\nCMD ["app", "--serve]\n',
      errors: [{ line: 2, column: 5, message: 'not valid JSON' }],
      output: null
    },
    {
      name: 'quoted words: reported, no fix',
      code: 'FROM debian:12.5\nCMD "/usr/lib/plex/Plex Media Server"\n',
      errors: [{ line: 2 }],
      output: null
    }
  ]
}
