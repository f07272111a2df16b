package lint

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/dlint-dev/dlint/rules"
)

// Benchmarks of whole runs (discovery, parsing, linking, every rule,
// configuration) on one typical Dockerfile with its entrypoint script, one
// typical compose project, and a whole directory. scripts/bench.sh measures
// the binary at monorepo scale.

const benchDockerfile = `# syntax=docker/dockerfile:1
ARG GO_VERSION=1.24
FROM golang:${GO_VERSION}-alpine AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -o /out/app ./cmd/app

FROM alpine:3.20 AS runtime
ARG APP_UID=10001
RUN <<EOF
set -eux
apk add --no-cache ca-certificates su-exec tzdata
adduser -D -u ${APP_UID} app
EOF
COPY --from=build /out/app /usr/local/bin/app
COPY docker-entrypoint.sh /usr/local/bin/
EXPOSE 8080
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["app", "serve"]
`

const benchScript = `#!/bin/sh
set -e
if [ "${1#-}" != "$1" ]; then
	set -- app "$@"
fi
if [ "$1" = 'app' ] && [ "$(id -u)" = '0' ]; then
	chown -R app /var/lib/app
	exec su-exec app "$0" "$@"
fi
exec "$@"
`

const benchCompose = `x-common: &common
  restart: unless-stopped
services:
  web:
    <<: *common
    build:
      context: .
      target: runtime
    ports: ["${WEB_PORT:-8080}:8080"]
    depends_on: [db, cache]
  worker:
    extends: web
    command: ["app", "worker"]
    ports: !reset []
  admin:
    build: .
    user: root
    ports: ["9000-9001:9000-9001"]
    privileged: true
  db:
    image: postgres:16-alpine
    environment:
      POSTGRES_PASSWORD: ${DB_PASSWORD:-secret}
    volumes: [db-data:/var/lib/postgresql/data]
    ports: ["5432:5432"]
  cache:
    image: redis:7
    <<: *common
volumes:
  db-data:
`

func writeBenchFiles(b *testing.B, dir string, files map[string]string) {
	b.Helper()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
	}
}

func benchRun(b *testing.B, opts Options) {
	b.Helper()
	opts.NoConfig = true
	for b.Loop() {
		res := Run(opts)
		if len(res.Errors) > 0 {
			b.Fatal(res.Errors[0])
		}
	}
}

func BenchmarkLintDockerfile(b *testing.B) {
	dir := b.TempDir()
	writeBenchFiles(b, dir, map[string]string{"Dockerfile": benchDockerfile, "docker-entrypoint.sh": benchScript})
	benchRun(b, Options{Paths: []string{filepath.Join(dir, "Dockerfile")}, Rules: rules.All(), Workers: 1})
}

func BenchmarkLintComposeProject(b *testing.B) {
	dir := b.TempDir()
	writeBenchFiles(b, dir, map[string]string{"compose.yaml": benchCompose, "Dockerfile": benchDockerfile, "docker-entrypoint.sh": benchScript})
	benchRun(b, Options{Paths: []string{dir}, Rules: rules.All(), Workers: 1})
}

// BenchmarkLintSmallCompose lints one small compose file of a pulled
// image, as `dlint compose.yaml` does after start-up (the process adds
// package initialisation and the first-use work: compose-go's schema
// compile, the image catalogue's index).
func BenchmarkLintSmallCompose(b *testing.B) {
	dir := b.TempDir()
	writeBenchFiles(b, dir, map[string]string{"compose.yaml": "services:\n  web:\n    image: nginx:1.27\n    ports:\n      - \"8080:80\"\n"})
	benchRun(b, Options{Paths: []string{filepath.Join(dir, "compose.yaml")}, Rules: rules.All(), Workers: 1})
}

// BenchmarkLintDirectory lints 200 services and 20 compose projects.
func BenchmarkLintDirectory(b *testing.B) {
	dir := b.TempDir()
	files := map[string]string{}
	for i := range 200 {
		svc := filepath.Join("services", fmt.Sprintf("svc%03d", i))
		files[filepath.Join(svc, "Dockerfile")] = benchDockerfile
		files[filepath.Join(svc, "docker-entrypoint.sh")] = benchScript
	}
	for i := range 20 {
		app := filepath.Join("apps", fmt.Sprintf("app%02d", i))
		files[filepath.Join(app, "compose.yaml")] = benchCompose
		files[filepath.Join(app, "Dockerfile")] = benchDockerfile
		files[filepath.Join(app, "docker-entrypoint.sh")] = benchScript
	}
	writeBenchFiles(b, dir, files)
	benchRun(b, Options{Paths: []string{dir}, Rules: rules.All()})
}

// BenchmarkLintCorpus lints ../shared/corpus copied 1, 2, 4 and 8 times
// into one tree: ns/op divided by the scale shows whether the cost is
// linear in the repository. Skipped when the corpus is absent.
func BenchmarkLintCorpus(b *testing.B) {
	corpus, err := filepath.Abs(filepath.Join("..", "..", "shared", "corpus"))
	if err != nil {
		b.Fatal(err)
	}
	if _, err := os.Stat(corpus); err != nil {
		b.Skip("../shared/corpus is absent")
	}
	for _, scale := range []int{1, 2, 4, 8} {
		b.Run(fmt.Sprintf("x%d", scale), func(b *testing.B) {
			dir := b.TempDir()
			for i := range scale {
				if err := os.CopyFS(filepath.Join(dir, fmt.Sprintf("copy%d", i)), os.DirFS(corpus)); err != nil {
					b.Fatal(err)
				}
			}
			opts := Options{Paths: []string{dir}, Rules: rules.All(), NoConfig: true}
			for b.Loop() {
				Run(opts)
			}
		})
	}
}
