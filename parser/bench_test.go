package parser

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/compose-spec/compose-go/v2/loader"
	"github.com/compose-spec/compose-go/v2/types"
)

// benchDockerfile is a typical Dockerfile: two stages, a heredoc, an
// ARG-set user, an entrypoint script.
const benchDockerfile = `# syntax=docker/dockerfile:1
ARG PYTHON_VERSION=3.12
FROM python:${PYTHON_VERSION}-slim AS build
WORKDIR /src
COPY requirements.txt .
RUN --mount=type=cache,target=/root/.cache/pip \
    pip wheel --wheel-dir /wheels -r requirements.txt

FROM python:${PYTHON_VERSION}-slim
ARG APP_UID=10001
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1
RUN <<EOF
set -eux
apt-get update
apt-get install -y --no-install-recommends libpq5 gosu
rm -rf /var/lib/apt/lists/*
EOF
RUN groupadd --gid ${APP_UID} app && useradd --uid ${APP_UID} --gid app --create-home app
WORKDIR /srv/app
COPY --from=build /wheels /wheels
RUN pip install --no-cache-dir /wheels/* && rm -rf /wheels
COPY --chown=app:app . .
COPY docker-entrypoint.sh /usr/local/bin/
EXPOSE 8000
HEALTHCHECK --interval=30s CMD curl -fsS http://localhost:8000/health || exit 1
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app.wsgi"]
`

// benchScript is a typical entrypoint script.
const benchScript = `#!/bin/sh
set -e
if [ "${1#-}" != "$1" ]; then
	set -- gunicorn "$@"
fi
if [ "$1" = 'gunicorn' ] && [ "$(id -u)" = '0' ]; then
	find /srv/app \! -user app -exec chown app '{}' +
	exec gosu app "$0" "$@"
fi
for f in /docker-entrypoint.d/*.sh; do
	[ -x "$f" ] && "$f"
done
exec "$@"
`

// benchCompose is a typical compose project: ten services with build,
// extends, anchors, interpolated ports and a database.
const benchCompose = `x-common: &common
  restart: unless-stopped
  logging:
    driver: json-file
services:
  web:
    <<: *common
    build:
      context: ./web
      target: runtime
    ports: ["${WEB_PORT:-8080}:8080", "127.0.0.1:9000-9001:9000-9001"]
    depends_on: [db, cache]
    user: "10001:10001"
  api:
    <<: *common
    build: ./api
    ports: ["8081:8080"]
    environment:
      DATABASE_URL: postgres://app:${DB_PASSWORD:-secret}@db/app
  worker:
    extends: api
    command: ["celery", "-A", "app", "worker"]
    ports: !reset []
  scheduler:
    extends: api
    command: celery -A app beat
    ports: !reset []
  db:
    image: postgres:16-alpine
    environment:
      POSTGRES_PASSWORD: ${DB_PASSWORD:-secret}
    volumes: [db-data:/var/lib/postgresql/data]
    ports: ["5432:5432"]
  cache:
    image: redis:7
    <<: *common
  proxy:
    image: nginx:1.27
    ports: ["80:80", "443:443"]
    volumes: ["./nginx.conf:/etc/nginx/nginx.conf:ro"]
  metrics:
    image: prom/prometheus:v2.53.0
    cap_add: [NET_ADMIN]
  docs:
    build: ./docs
    init: true
  admin:
    build:
      context: ./admin
      dockerfile: Dockerfile
    privileged: true
    security_opt: ["seccomp:unconfined"]
volumes:
  db-data:
`

func BenchmarkParseDockerfile(b *testing.B) {
	data := []byte(benchDockerfile)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ParseDockerfile("Dockerfile", data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseScript(b *testing.B) {
	data := []byte(benchScript)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if s := ParseScriptFile("docker-entrypoint.sh", data); s == nil || s.Err != nil {
			b.Fatal("script not parsed")
		}
	}
}

func BenchmarkLoadCompose(b *testing.B) {
	dir := b.TempDir()
	path := filepath.Join(dir, "compose.yaml")
	if err := os.WriteFile(path, []byte(benchCompose), 0o644); err != nil {
		b.Fatal(err)
	}
	src := NewSource(path, []byte(benchCompose))
	b.SetBytes(int64(len(benchCompose)))
	for b.Loop() {
		if _, err := LoadCompose(dir, []*Source{src}, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkComposeGoLoad is compose-go's own load of benchCompose with its
// default options, without dlint's position index and model: the floor
// under BenchmarkLoadCompose.
func BenchmarkComposeGoLoad(b *testing.B) {
	dir := b.TempDir()
	details := types.ConfigDetails{
		WorkingDir:  dir,
		ConfigFiles: []types.ConfigFile{{Filename: filepath.Join(dir, "compose.yaml"), Content: []byte(benchCompose)}},
		Environment: types.Mapping{},
	}
	b.SetBytes(int64(len(benchCompose)))
	for b.Loop() {
		if _, err := loader.LoadWithContext(context.Background(), details, func(o *loader.Options) {
			o.SetProjectName("bench", true)
		}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadComposeServices loads projects of 500 and 2,000 services,
// each depending on the one before: the time per service must not grow
// with the project (it did, as every service looked up every other).
func BenchmarkLoadComposeServices(b *testing.B) {
	for _, n := range []int{500, 2000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			var sb strings.Builder
			sb.WriteString("services:\n  s0:\n    image: nginx:1.27\n")
			for i := 1; i < n; i++ {
				fmt.Fprintf(&sb, "  s%d:\n    image: nginx:1.27\n    ports: [\"%d:80\"]\n    depends_on: [s%d]\n", i, 10000+i, i-1)
			}
			dir := b.TempDir()
			src := NewSource(filepath.Join(dir, "compose.yaml"), []byte(sb.String()))
			for b.Loop() {
				if _, err := LoadCompose(dir, []*Source{src}, nil); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/service")
		})
	}
}

// BenchmarkLoadComposePortRange loads `1-65535` published for tcp and udp:
// 131,070 entries that are matched to their two items by key, not pairwise.
func BenchmarkLoadComposePortRange(b *testing.B) {
	dir := b.TempDir()
	src := NewSource(filepath.Join(dir, "compose.yaml"), []byte("services:\n  a:\n    image: x\n    ports: [\"1-65535:1-65535/tcp\", \"1-65535:1-65535/udp\"]\n"))
	for b.Loop() {
		p, err := LoadCompose(dir, []*Source{src}, nil)
		if err != nil || len(p.Services[0].Ports) != 2 {
			b.Fatal(err)
		}
	}
}
