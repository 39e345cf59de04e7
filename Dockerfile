# syntax=docker/dockerfile:1
# The docker-review CLI as an image: the self-contained bundle (dist/cli/), Node and ShellCheck.
#   docker build -t docker-review .
#   docker run --rm -v "$PWD:/src" docker-review lint

FROM koalaman/shellcheck:v0.10.0 AS shellcheck

FROM node:24.11.1-alpine3.22
LABEL org.opencontainers.image.title="docker-review" \
      org.opencontainers.image.description="Lints Dockerfiles and compose files (hadolint's rules, ShellCheck in RUN, compose checks)" \
      org.opencontainers.image.source="https://github.com/docker-review/docker-review" \
      org.opencontainers.image.licenses="MIT"
COPY --from=shellcheck /bin/shellcheck /usr/local/bin/shellcheck
COPY dist/cli/*.js dist/cli/package.json /opt/docker-review/
RUN ln -s /opt/docker-review/index.js /usr/local/bin/docker-review
# uid of the image's `node` user: a number, so runAsNonRoot can check it.
USER 1000
WORKDIR /src
ENTRYPOINT ["docker-review"]
CMD ["lint"]
# A command-line tool, not a service.
HEALTHCHECK NONE
