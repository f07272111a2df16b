package rules

import (
	"fmt"
	"path"
	"strings"

	"github.com/dlint-dev/dlint/images"
	"github.com/dlint-dev/dlint/parser"
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
dashboards) are better served by a socket proxy that exposes only the calls
they use, such as ` + "`tecnativa/docker-socket-proxy`" + `; creating containers and
exec are as good as root on the host, so a tool that needs them needs watching.

A service known to run as a user other than root (its ` + "`user:`" + `, its USER, its
image's) and given no ` + "`group_add:`" + ` cannot open the socket, which is
` + "`root:docker`" + ` with mode 0660, and is not reported.

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

// serviceContainer is the container view of a service of the pass, or nil.
func serviceContainer(pass *Pass, s *parser.Service) *parser.Container {
	for _, c := range pass.Containers {
		if c.Service == s {
			return c
		}
	}
	return nil
}

// runsKnownNonRoot reports whether the container is known to run as a
// user other than root: its compose `user:`, its Dockerfile's USER, or
// the USER of the image it runs.
func runsKnownNonRoot(c *parser.Container) bool {
	switch {
	case c == nil:
		return false
	case c.ComposeUser() != nil:
		// A group in `user:` may be the socket's (`1000:999`), though
		// not nogroup (`65534:65534`).
		u := c.ComposeUser().Value
		name, group, _ := strings.Cut(u, ":")
		if group == "65534" || group == "nogroup" || group == "nobody" {
			u = name
		}
		return u != "" && !strings.ContainsAny(u, "${:") && !isRootName(u)
	case c.ImageUser() != nil:
		u := c.ImageUser()
		return u.Resolved && !u.IsRoot()
	}
	return runsUnprivileged(c.BaseImage())
}

func checkDockerSocketMount(pass *Pass) {
	var hits []serviceHit
	for _, s := range composeServices(pass) {
		// A user other than root, in no group of its own choosing, cannot
		// open the socket (root:docker, 0660): the mount gives no control
		// (node-exporter's `/:/rootfs:ro` as nobody).
		if len(s.GroupAdd) == 0 && runsKnownNonRoot(serviceContainer(pass, s)) {
			continue
		}
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
			h := serviceHit{Range: m.Range, Service: s.Name, Run: s.Run, Key: what, Detail: engine}
			if s.Image != nil && images.IsSocketProxy(parser.ParseImageRef(s.Image.Value).Name()) {
				// The proxy is the advice: what matters is what it allows.
				h.Severity, h.Key = Info, "proxy "+what
			}
			hits = append(hits, h)
		}
	}
	reportServiceHits(pass, hits, func(h serviceHit, services string) string {
		if what, ok := strings.CutPrefix(h.Key, "proxy "); ok {
			return fmt.Sprintf("%s, a Docker socket proxy, mounts %s, which gives it full control of %s: let no other service mount the socket, reach it only on an internal network, and allow only the API sections its clients use (POST, EXEC and CONTAINERS with POST are as good as root)", services, what, h.Detail)
		}
		return fmt.Sprintf("mounting %s gives %s full control of %s; if it needs the API, put a socket proxy in front that allows only the calls it uses (creating containers and exec are as good as root)", h.Key, services, h.Detail)
	})
}
