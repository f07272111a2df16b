package rules

import (
	"path"
	"strings"

	"github.com/dlint-dev/dlint/parser"
)

// This file lists base images whose own configuration keeps the app from
// running as root, so that a Dockerfile built on them needs no USER of its
// own. Each entry was checked against the image's published Dockerfile or
// build configuration. Keep the list conservative: a wrong entry hides real
// findings, a missing one only costs an ignore comment.

// baseImage describes how a known base image avoids running as root.
type baseImage struct {
	// user is who the image runs as, for messages ("65532 (nonroot)").
	user string
	// drops is set for images that start as root and switch to their
	// service user in their entrypoint script (`exec gosu postgres …`);
	// that holds only while the image's ENTRYPOINT is kept.
	drops bool
}

// knownBase reports what dlint knows about ref's default user, or ok=false
// when the image is not known to avoid root.
func knownBase(ref parser.ImageRef) (baseImage, bool) {
	repo := ref.Repository
	owner, name := path.Split(repo)
	owner = strings.TrimSuffix(owner, "/")
	tag := strings.ToLower(ref.Tag)
	switch ref.Registry {
	case "gcr.io":
		// Distroless: only the :nonroot and :debug-nonroot tags (and their
		// -<arch> variants) set USER 65532; the default tags run as root.
		if strings.HasPrefix(repo, "distroless/") && hasTagPart(tag, "nonroot") {
			return baseImage{user: "65532 (nonroot)"}, true
		}
	case "cgr.dev":
		// Chainguard images set their run-as user per image: these run as
		// 65532; others (wolfi-base, go, the -dev variants of some) run as root.
		if chainguardNonRoot[name] && !strings.HasSuffix(tag, "-dev") && tag != "dev" {
			return baseImage{user: "65532"}, true
		}
	case "mcr.microsoft.com":
		// .NET 8+ chiseled (distroless Ubuntu) images run as the app user,
		// UID 1654; the regular .NET images only create that user.
		if strings.HasPrefix(repo, "dotnet/") && strings.Contains(tag, "chiseled") {
			return baseImage{user: "1654 (app)"}, true
		}
		// Nano Server runs as ContainerUser; Server Core and Windows run as
		// ContainerAdministrator.
		if repo == "windows/nanoserver" || repo == "powershell" && strings.Contains(tag, "nanoserver") {
			return baseImage{user: "ContainerUser"}, true
		}
	case "docker.elastic.co":
		// Elastic's images run as their service user (UID 1000).
		switch repo {
		case "elasticsearch/elasticsearch", "kibana/kibana", "logstash/logstash":
			return baseImage{user: "1000"}, true
		}
	case "quay.io":
		if repo == "prometheus/prometheus" {
			return baseImage{user: "nobody"}, true
		}
	case "ghcr.io", "public.ecr.aws":
		if isNginxUnprivileged(owner, name) {
			return baseImage{user: "101 (nginx)"}, true
		}
	case "":
		if isNginxUnprivileged(owner, name) {
			return baseImage{user: "101 (nginx)"}, true
		}
		// Bitnami's application images set USER 1001; their language
		// runtimes (node, python, php-fpm) and minideb run as root.
		if (owner == "bitnami" || owner == "bitnamilegacy") && bitnamiNonRoot[name] {
			return baseImage{user: "1001"}, true
		}
		switch repo {
		case "memcached":
			return baseImage{user: "memcache"}, true
		case "elasticsearch", "kibana", "logstash":
			return baseImage{user: "1000"}, true
		case "jenkins/jenkins":
			return baseImage{user: "jenkins"}, true
		case "prom/prometheus":
			return baseImage{user: "nobody"}, true
		}
		// Official images whose docker-entrypoint.sh starts as root to fix
		// volume permissions, then re-executes itself as the service user
		// with gosu.
		if user, ok := droppingOfficialImages[repo]; ok {
			return baseImage{user: user, drops: true}, true
		}
	}
	return baseImage{}, false
}

// hasTagPart reports whether part is one of the dash-separated words of tag
// ("debug-nonroot-arm64" has "nonroot").
func hasTagPart(tag, part string) bool {
	for _, p := range strings.Split(tag, "-") {
		if p == part {
			return true
		}
	}
	return false
}

func isNginxUnprivileged(owner, name string) bool {
	return name == "nginx-unprivileged" && (owner == "nginxinc" || owner == "nginx")
}

// chainguardNonRoot are Chainguard images whose build configuration sets
// run-as 65532.
var chainguardNonRoot = map[string]bool{
	"static": true, "python": true, "node": true, "nginx": true, "jre": true,
}

// bitnamiNonRoot are Bitnami images whose Dockerfile ends with USER 1001.
var bitnamiNonRoot = map[string]bool{
	"nginx": true, "apache": true, "postgresql": true, "redis": true, "mysql": true,
	"mariadb": true, "mongodb": true, "rabbitmq": true, "kafka": true, "wordpress": true,
}

// droppingOfficialImages are Docker Official Images whose entrypoint script
// runs the server through `exec gosu <service-user>`, with that user.
var droppingOfficialImages = map[string]string{
	"postgres": "postgres", "redis": "redis", "mysql": "mysql", "mariadb": "mysql",
	"mongo": "mongodb", "rabbitmq": "rabbitmq", "cassandra": "cassandra",
}

// isWindowsStage reports whether the stage builds a Windows image: its base
// is a Windows image or its SHELL is cmd or PowerShell.
func isWindowsStage(st *parser.Stage) bool {
	ref := st.RootBase()
	if ref.Registry == "mcr.microsoft.com" && (strings.HasPrefix(ref.Repository, "windows") || strings.Contains(ref.Tag, "nanoserver") || strings.Contains(ref.Tag, "servercore")) {
		return true
	}
	sh := st.EffectiveShell()
	if len(sh) == 0 {
		return false
	}
	switch strings.TrimSuffix(strings.ToLower(path.Base(strings.ReplaceAll(sh[0], `\`, "/"))), ".exe") {
	case "cmd", "powershell", "pwsh":
		return true
	}
	return false
}
