// Command benchcorpus writes a synthetic monorepo for benchmarking dlint:
// standalone services with a Dockerfile each (multi-stage builds, heredocs,
// entrypoint scripts, ARG-set users, a few mistakes) and compose projects
// (build contexts with their own Dockerfiles, extends, override files, .env
// interpolation, port ranges). The output is deterministic for a seed.
//
//	go run ./internal/benchcorpus -dockerfiles 10000 -compose 1000 -out /tmp/bench
//
// Dockerfiles go under OUT/dockerfiles, compose projects under OUT/compose.
package main

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	dockerfiles := flag.Int("dockerfiles", 10000, "standalone Dockerfiles to write")
	projects := flag.Int("compose", 1000, "compose projects to write")
	out := flag.String("out", "", "output `DIR` (required; created)")
	seed := flag.Uint64("seed", 1, "random seed")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "benchcorpus: -out is required")
		os.Exit(2)
	}
	if err := Generate(*out, *dockerfiles, *projects, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "benchcorpus:", err)
		os.Exit(1)
	}
}

// Generate writes the corpus into dir.
func Generate(dir string, dockerfiles, projects int, seed uint64) error {
	g := &gen{rnd: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
	for i := 0; i < dockerfiles; i++ {
		svc := filepath.Join(dir, "dockerfiles", fmt.Sprintf("team%02d", i%50), fmt.Sprintf("svc%05d", i))
		if err := g.service(svc, i, true); err != nil {
			return err
		}
	}
	for i := 0; i < projects; i++ {
		if err := g.project(filepath.Join(dir, "compose", fmt.Sprintf("app%04d", i)), i); err != nil {
			return err
		}
	}
	return nil
}

type gen struct {
	rnd *rand.Rand
}

func (g *gen) pick(xs ...string) string { return xs[g.rnd.IntN(len(xs))] }
func (g *gen) chance(p float64) bool    { return g.rnd.Float64() < p }

func write(path, text string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, []byte(text), 0o644)
}

// service writes one build context: a Dockerfile and, for some kinds, the
// entrypoint script it copies.
func (g *gen) service(dir string, i int, anyName bool) error {
	name := filepath.Base(dir)
	var df, script string
	switch i % 6 {
	case 0:
		df = g.goMultiStage(name)
	case 1:
		df = g.node(name)
	case 2:
		df, script = g.pythonWithEntrypoint(name)
	case 3:
		df = g.heredocs(name)
	case 4:
		df, script = g.javaWithScript(name)
	default:
		df = g.legacy(name)
	}
	fileName := "Dockerfile"
	if anyName && g.chance(0.1) {
		fileName = g.pick("Dockerfile.prod", name+".Dockerfile", "Dockerfile.dev")
	}
	if err := write(filepath.Join(dir, fileName), df); err != nil {
		return err
	}
	if script != "" {
		return write(filepath.Join(dir, "docker-entrypoint.sh"), script)
	}
	return nil
}

func (g *gen) goMultiStage(name string) string {
	goVersion := g.pick("1.22", "1.23", "1.24", "1.25")
	final := g.pick("gcr.io/distroless/static-debian12:nonroot", "alpine:3.20", "scratch", "debian:12-slim")
	var b strings.Builder
	fmt.Fprintf(&b, "# syntax=docker/dockerfile:1\nARG GO_VERSION=%s\n", goVersion)
	fmt.Fprintf(&b, "FROM --platform=$BUILDPLATFORM golang:${GO_VERSION}-alpine AS build\nWORKDIR /src\n")
	b.WriteString("COPY go.mod go.sum ./\nRUN --mount=type=cache,target=/go/pkg/mod go mod download\nCOPY . .\n")
	fmt.Fprintf(&b, "ARG TARGETOS TARGETARCH\nRUN --mount=type=cache,target=/root/.cache/go-build \\\n    CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \\\n    go build -trimpath -ldflags=\"-s -w\" -o /out/%s ./cmd/%s\n", name, name)
	if g.chance(0.4) {
		b.WriteString("\nFROM build AS test\nRUN go vet ./... && go test ./...\n")
	}
	fmt.Fprintf(&b, "\nFROM %s AS runtime\n", final)
	if final == "alpine:3.20" || final == "debian:12-slim" {
		b.WriteString("RUN " + g.pick("apk add --no-cache ca-certificates tzdata", "apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*") + "\n")
	}
	fmt.Fprintf(&b, "COPY --from=build /out/%s /usr/local/bin/%s\n", name, name)
	port := 8000 + g.rnd.IntN(1000)
	fmt.Fprintf(&b, "EXPOSE %d\n", port)
	if final != "gcr.io/distroless/static-debian12:nonroot" && g.chance(0.7) {
		b.WriteString("USER 65532:65532\n")
	}
	fmt.Fprintf(&b, "ENTRYPOINT [\"/usr/local/bin/%s\"]\n", name)
	if g.chance(0.5) {
		fmt.Fprintf(&b, "CMD [\"--listen\", \":%d\"]\n", port)
	}
	return b.String()
}

func (g *gen) node(name string) string {
	var b strings.Builder
	version := g.pick("18", "20", "22")
	fmt.Fprintf(&b, "FROM node:%s-alpine AS deps\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\n\n", version)
	fmt.Fprintf(&b, "FROM node:%s-alpine\nENV NODE_ENV=production \\\n    PORT=3000\nWORKDIR /app\n", version)
	b.WriteString("COPY --from=deps /app/node_modules ./node_modules\nCOPY --chown=node:node . .\n")
	if g.chance(0.3) {
		b.WriteString("RUN apk add --no-cache curl \\\n && npm run build \\\n && rm -rf /tmp/*\n")
	}
	b.WriteString("EXPOSE ${PORT}\n")
	if g.chance(0.8) {
		b.WriteString("USER node\n")
	}
	if g.chance(0.2) {
		fmt.Fprintf(&b, "HEALTHCHECK --interval=30s CMD wget -qO- http://localhost:3000/health || exit 1\n")
	}
	b.WriteString(g.pick("CMD [\"node\", \"server.js\"]\n", "CMD node server.js\n", "CMD [\"npm\", \"start\"]\n"))
	return b.String()
}

func (g *gen) pythonWithEntrypoint(name string) (string, string) {
	var b strings.Builder
	fmt.Fprintf(&b, "FROM python:%s-slim\nARG APP_UID=%s\nARG APP_USER=app\n", g.pick("3.11", "3.12", "3.13"), g.pick("10001", "1000", "0"))
	b.WriteString("ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1\n")
	fmt.Fprintf(&b, "RUN set -eux; \\\n    apt-get update; \\\n    apt-get install -y --no-install-recommends %s; \\\n    rm -rf /var/lib/apt/lists/*\n", g.pick("libpq5 gosu", "gosu curl", "gosu"))
	b.WriteString("RUN groupadd --gid ${APP_UID} ${APP_USER} \\\n && useradd --uid ${APP_UID} --gid ${APP_USER} --create-home ${APP_USER}\n")
	b.WriteString("WORKDIR /srv/app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\n")
	b.WriteString("COPY docker-entrypoint.sh /usr/local/bin/\n")
	fmt.Fprintf(&b, "EXPOSE %d\n", 5000+g.rnd.IntN(100))
	b.WriteString("ENTRYPOINT [\"docker-entrypoint.sh\"]\n")
	fmt.Fprintf(&b, "CMD [\"gunicorn\", \"--bind\", \"0.0.0.0:5000\", \"%s.wsgi\"]\n", name)
	var s strings.Builder
	s.WriteString("#!/bin/sh\nset -e\n\n")
	s.WriteString("if [ \"${1#-}\" != \"$1\" ]; then\n\tset -- gunicorn \"$@\"\nfi\n\n")
	s.WriteString("if [ \"$1\" = 'gunicorn' ] && [ \"$(id -u)\" = '0' ]; then\n\tchown -R app:app /srv/app\n")
	if g.chance(0.7) {
		s.WriteString("\texec gosu app \"$0\" \"$@\"\nfi\n\n")
	} else {
		s.WriteString("\tgosu app \"$0\" \"$@\"\nfi\n\n")
	}
	s.WriteString("for f in /docker-entrypoint.d/*.sh; do\n\t[ -x \"$f\" ] && \"$f\"\ndone\n\n")
	s.WriteString(g.pick("exec \"$@\"\n", "\"$@\"\n", "exec \"$@\"\n"))
	return b.String(), s.String()
}

func (g *gen) heredocs(name string) string {
	var b strings.Builder
	b.WriteString("# syntax=docker/dockerfile:1.7\n")
	fmt.Fprintf(&b, "FROM %s\n", g.pick("ubuntu:24.04", "debian:bookworm", "rockylinux:9"))
	b.WriteString("RUN <<EOF\nset -eux\napt-get update\napt-get install -y --no-install-recommends nginx ca-certificates\nrm -rf /var/lib/apt/lists/*\nEOF\n")
	fmt.Fprintf(&b, "COPY <<-EOT /etc/nginx/conf.d/%s.conf\n\tserver {\n\t\tlisten 8080;\n\t\tlocation / { proxy_pass http://%s:9000; }\n\t}\nEOT\n", name, name)
	b.WriteString("RUN <<EOF bash\nif id www-data >/dev/null 2>&1; then\n  chown -R www-data /var/lib/nginx\nfi\nEOF\n")
	if g.chance(0.3) {
		b.WriteString("RUN sudo mkdir -p /run/nginx\n")
	}
	b.WriteString("EXPOSE 8080\n")
	b.WriteString(g.pick("USER www-data\n", "USER root\n", ""))
	b.WriteString("STOPSIGNAL SIGQUIT\nCMD [\"nginx\", \"-g\", \"daemon off;\"]\n")
	return b.String()
}

func (g *gen) javaWithScript(name string) (string, string) {
	var b strings.Builder
	fmt.Fprintf(&b, "FROM maven:3.9-eclipse-temurin-%s AS build\nWORKDIR /build\nCOPY pom.xml .\nRUN mvn -B -q dependency:go-offline\nCOPY src ./src\nRUN mvn -B -q package -DskipTests\n\n", g.pick("17", "21"))
	fmt.Fprintf(&b, "FROM eclipse-temurin:%s-jre\n", g.pick("17", "21"))
	b.WriteString("RUN useradd --system --uid 10001 spring\nWORKDIR /opt/app\n")
	fmt.Fprintf(&b, "COPY --from=build /build/target/%s.jar app.jar\n", name)
	b.WriteString("COPY docker-entrypoint.sh /entrypoint.sh\nRUN chmod +x /entrypoint.sh\n")
	if g.chance(0.6) {
		b.WriteString("USER 10001\n")
	}
	b.WriteString("EXPOSE 8080 8081/tcp\n")
	b.WriteString(g.pick("ENTRYPOINT [\"/entrypoint.sh\"]\n", "ENTRYPOINT /entrypoint.sh\n"))
	var s strings.Builder
	s.WriteString("#!/usr/bin/env bash\nset -euo pipefail\n\n")
	s.WriteString("JAVA_OPTS=\"${JAVA_OPTS:-} -XX:MaxRAMPercentage=75\"\n")
	s.WriteString("if [[ -n \"${WAIT_FOR:-}\" ]]; then\n  until nc -z \"${WAIT_FOR%:*}\" \"${WAIT_FOR#*:}\"; do sleep 1; done\nfi\n")
	s.WriteString(g.pick("exec java $JAVA_OPTS -jar /opt/app/app.jar \"$@\"\n", "java $JAVA_OPTS -jar /opt/app/app.jar \"$@\"\n"))
	return b.String(), s.String()
}

func (g *gen) legacy(name string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "FROM %s\n", g.pick("centos:7", "ubuntu:20.04", "php:8.2-apache"))
	b.WriteString("MAINTAINER ops@example.com\n")
	n := 2 + g.rnd.IntN(6)
	for k := 0; k < n; k++ {
		fmt.Fprintf(&b, "RUN %s\n", g.pick(
			"apt-get update && apt-get install -y curl wget git",
			"sudo apt-get install -y vim",
			"curl -fsSL https://example.com/install.sh | sh",
			"cd /tmp && wget https://example.com/pkg.tgz && tar xzf pkg.tgz && rm pkg.tgz",
			"echo \"export PATH=$PATH:/opt/bin\" >> /etc/profile",
			"su www-data -c 'composer install'",
		))
	}
	fmt.Fprintf(&b, "ADD . /var/www/%s\n", name)
	b.WriteString(g.pick("EXPOSE 80\n", "EXPOSE 80:80\n", "EXPOSE 80 443\n"))
	b.WriteString(g.pick("CMD apachectl -D FOREGROUND\n", "CMD [\"apache2-foreground\"]\n", "ENTRYPOINT service apache2 start && tail -f /dev/null\n"))
	return b.String()
}

// kindOf chooses the kind of the k-th built service of project i.
func kindOf(i, k int) int { return i*11 + k }

// project writes one compose project: compose.yaml, sometimes an override
// file, a file other services extend, a .env, and a Dockerfile per built
// service.
func (g *gen) project(dir string, i int) error {
	services := 2 + g.rnd.IntN(9)
	var c strings.Builder
	if g.chance(0.2) {
		c.WriteString("version: \"3.8\"\n\n")
	}
	c.WriteString("x-common: &common\n  restart: unless-stopped\n  logging:\n    driver: json-file\n    options:\n      max-size: 10m\n\n")
	c.WriteString("services:\n")
	useExtends := g.chance(0.4)
	var built []string
	dbPort := 5432
	for k := 0; k < services; k++ {
		switch {
		case k == 1:
			fmt.Fprintf(&c, "  db:\n    image: postgres:16-alpine\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:-example}\n      POSTGRES_DB: app\n")
			fmt.Fprintf(&c, "    volumes:\n      - db-data:/var/lib/postgresql/data\n")
			if g.chance(0.5) {
				fmt.Fprintf(&c, "    ports:\n      - \"%d:5432\"\n", dbPort)
			}
			c.WriteString("    healthcheck:\n      test: [\"CMD-SHELL\", \"pg_isready -U postgres\"]\n      interval: 10s\n")
		case k == 2:
			c.WriteString("  cache:\n    image: redis:7\n    <<: *common\n")
			if g.chance(0.3) {
				c.WriteString("    ports:\n      - 6379:6379\n")
			}
		case useExtends && k == 3:
			c.WriteString("  worker:\n    extends:\n      file: common.yaml\n      service: base\n    command: [\"celery\", \"-A\", \"app\", \"worker\"]\n    depends_on:\n      - db\n")
		default:
			svc := fmt.Sprintf("svc%d", k)
			built = append(built, svc)
			fmt.Fprintf(&c, "  %s:\n    <<: *common\n", svc)
			if kindOf(i, len(built)-1)%6 == 0 {
				// the Go services' Dockerfiles have a "runtime" stage
				fmt.Fprintf(&c, "    build:\n      context: ./%s\n      dockerfile: Dockerfile\n      target: runtime\n      args:\n        APP_UID: ${APP_UID:-10001}\n", svc)
			} else {
				fmt.Fprintf(&c, "    build: ./%s\n", svc)
			}
			port := 8000 + k
			c.WriteString("    ports:\n")
			fmt.Fprintf(&c, "      - \"${%s_PORT:-%d}:8080\"\n", strings.ToUpper(svc), port)
			if g.chance(0.2) {
				fmt.Fprintf(&c, "      - \"127.0.0.1:%d-%d:9000-9001\"\n", 9000+10*k, 9001+10*k)
			}
			if g.chance(0.1) {
				c.WriteString("    privileged: true\n")
			}
			if g.chance(0.1) {
				c.WriteString("    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n")
			}
			if g.chance(0.2) {
				c.WriteString("    cap_add:\n      - NET_ADMIN\n")
			}
			if g.chance(0.3) {
				c.WriteString("    user: \"10001:10001\"\n")
			}
			if g.chance(0.2) {
				c.WriteString("    command: sh -c \"migrate && serve\"\n")
			}
			c.WriteString("    depends_on:\n      db:\n        condition: service_healthy\n")
		}
	}
	c.WriteString("\nvolumes:\n  db-data:\n")
	if err := write(filepath.Join(dir, "compose.yaml"), c.String()); err != nil {
		return err
	}
	if g.chance(0.5) {
		env := "POSTGRES_PASSWORD=changeme\nAPP_UID=10001\n"
		if err := write(filepath.Join(dir, ".env"), env); err != nil {
			return err
		}
	}
	if g.chance(0.4) && len(built) > 0 {
		o := fmt.Sprintf("services:\n  %s:\n    environment:\n      DEBUG: \"1\"\n    ports:\n      - \"5678:5678\"\n    init: true\n", built[0])
		if err := write(filepath.Join(dir, "compose.override.yaml"), o); err != nil {
			return err
		}
	}
	if useExtends {
		common := "services:\n  base:\n    build: ./worker\n    environment:\n      - QUEUE=default\n    user: root\n"
		if err := write(filepath.Join(dir, "common.yaml"), common); err != nil {
			return err
		}
		built = append(built, "worker")
	}
	for k, svc := range built {
		if err := g.service(filepath.Join(dir, svc), kindOf(i, k), false); err != nil {
			return err
		}
	}
	return nil
}
