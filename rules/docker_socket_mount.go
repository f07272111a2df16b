package rules

import (
	"fmt"
	"path"
	"strings"
)

// DockerSocketMount reports volumes that give a container the Docker (or
// Podman, containerd) API socket.
var DockerSocketMount = &Rule{
	ID:       "docker-socket-mount",
	Severity: Error,
	Tags:     []string{TagSecurity, TagCompose},
	Summary:  "A compose service mounts the Docker socket (or a directory holding it)",
	Doc: `## Why
The Docker socket is the Docker daemon's API, and the daemon runs as root: a
container that can reach it can start a privileged container with the host's
root filesystem mounted, which is root on the host. A read-only mount (` + "`:ro`" + `)
does not help, since talking to the socket is not writing the file. Mounting a
directory that holds the socket (` + "`/var/run`" + `, ` + "`/run`" + `, ` + "`/var`" + `, ` + "`/`" + `) gives the
same access. dlint also reports the rootless Docker, Podman, containerd and
CRI-O sockets and the Windows ` + "`docker_engine`" + ` pipe.

Tools that need the API (reverse proxies that watch containers, CI runners,
dashboards) are better served by a socket proxy that exposes only the
read-only calls they use, such as ` + "`tecnativa/docker-socket-proxy`" + `.

## Bad
` + "```yaml" + `
services:
  traefik:
    image: traefik:v3
    volumes:
      - /var/run/docker.sock:/var/run/docker.sock:ro
` + "```" + `

## Good
` + "```yaml" + `
services:
  socket-proxy:
    image: tecnativa/docker-socket-proxy
    environment: {CONTAINERS: 1}
    volumes:
      - /var/run/docker.sock:/var/run/docker.sock:ro  # dlint ignore=docker-socket-mount
  traefik:
    image: traefik:v3
    command: --providers.docker.endpoint=tcp://socket-proxy:2375
` + "```" + `

## Silence
` + "`# dlint ignore=docker-socket-mount`" + ` on the line above the volume (for the one proxy
that must hold the socket), or ` + "`docker-socket-mount: off`" + ` in .dlint.yaml.`,
	Check: checkDockerSocketMount,
}

// socketNames are the API sockets of container engines, by file name.
var socketNames = map[string]string{
	"docker.sock":     "the Docker socket",
	"podman.sock":     "the Podman socket",
	"containerd.sock": "the containerd socket",
	"crio.sock":       "the CRI-O socket",
}

// socketParents are directories that hold the Docker socket.
var socketParents = map[string]bool{"/": true, "/var": true, "/run": true, "/var/run": true}

// socketMount says which API socket a bind mount source gives access to,
// or returns "".
func socketMount(typ, source string) string {
	if typ == "npipe" || strings.Contains(strings.ToLower(source), "docker_engine") && strings.Contains(source, "pipe") {
		return "the Docker engine pipe"
	}
	if typ != "bind" && typ != "" {
		return ""
	}
	src := strings.ReplaceAll(source, `\`, "/")
	if !strings.HasPrefix(src, "/") {
		return ""
	}
	src = path.Clean(src)
	if name, ok := socketNames[path.Base(src)]; ok {
		return name + " " + src
	}
	if socketParents[src] {
		if src == "/" {
			return "the host's root directory, and with it the Docker socket,"
		}
		return src + ", the directory that holds the Docker socket,"
	}
	return ""
}

func checkDockerSocketMount(pass *Pass) {
	var hits []serviceHit
	for _, s := range composeServices(pass) {
		for _, m := range s.Volumes {
			what := socketMount(m.Type, m.Source)
			if what == "" {
				continue
			}
			engine := "the container engine, which runs as root on the host"
			if strings.HasPrefix(path.Clean(m.Source), "/run/user/") {
				engine = "the user's rootless container engine and every container it runs"
			}
			if m.ReadOnly {
				engine += " (mounting it read-only does not limit the API)"
			}
			hits = append(hits, serviceHit{Range: m.Range, Service: s.Name, Run: s.Run, Key: what, Detail: engine})
		}
	}
	reportServiceHits(pass, hits, func(h serviceHit, services string) string {
		return fmt.Sprintf("mounting %s gives %s full control of %s; if it needs the API, put a socket proxy in front that allows only the read-only calls it uses", h.Key, services, h.Detail)
	})
}
