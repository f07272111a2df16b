package rules

import (
	"fmt"
	"strconv"
)

// PrivilegedHostPort reports host ports below 1024 that a service
// publishes: rootless Docker and Podman cannot bind them.
var PrivilegedHostPort = &Rule{
	ID:       "privileged-host-port",
	Aliases:  []string{"bc2908f3-f73c-40a9-8793-c1b7d5544f79"},
	Severity: Info,
	Tags:     []string{TagCompose, TagNetwork, "hardening"},
	Group:    GroupStrict,
	Summary:  "A compose service publishes a host port below 1024, which rootless Docker and Podman cannot bind",
	Doc: `## Why
Ports below 1024 are privileged on Linux: binding one needs root or
CAP_NET_BIND_SERVICE. With ordinary (rootful) Docker, the port on the host
is bound by dockerd and docker-proxy, which run as root, so publishing
` + "`\"80:80\"`" + ` or ` + "`\"443:443\"`" + ` is normal for a reverse proxy and asks no privilege of
the container. The container side needs none either: since Docker 20.10
every container's network namespace sets
` + "`net.ipv4.ip_unprivileged_port_start=0`" + `, so a non-root process binds port 80
inside it without the capability.

What is true is narrower: under rootless Docker or rootless Podman the
daemon is an ordinary user, and publishing a host port below 1024 fails at
start (` + "`cannot expose privileged port 80`" + `) unless the host lowers
` + "`net.ipv4.ip_unprivileged_port_start`" + ` for everyone. A team that runs rootless,
or wants to, publishes 1024 and above (` + "`\"8080:80\"`" + `) and lets a load balancer
or a single proxy own 80 and 443.

That is a policy, not a defect, so the rule is in the ` + "`strict`" + ` group (off by
default; ` + "`--extend-select strict`" + `).

KICS's "Privileged Ports Mapped In Container" is an alias. KICS also reports a
container port below 1024 (` + "`\"8080:80\"`" + `) unless ` + "`cap_drop`" + ` lists
NET_BIND_SERVICE; dlint does not, because since Docker 20.10 binding a low
port inside the container needs no capability, so dropping it changes
nothing and the mapping is harmless.

## Bad
` + "```yaml" + `
services:
  proxy:
    image: caddy:2
    ports: ["80:80", "443:443"]
` + "```" + `

## Good
` + "```yaml" + `
services:
  proxy:
    image: caddy:2
    ports: ["8080:80", "8443:443"]
` + "```" + `

## Silence
` + "`# dlint ignore=privileged-host-port`" + ` on the line above the port (for the one
proxy that owns 80 and 443), or leave the strict group off.`,
	Check: checkPrivilegedHostPort,
}

func checkPrivilegedHostPort(pass *Pass) {
	var hits []serviceHit
	for _, s := range composeServices(pass) {
		for _, p := range s.Ports {
			if p.Err != nil || p.Spec.HostStart <= 0 || p.Spec.HostStart >= 1024 {
				continue
			}
			port := strconv.Itoa(p.Spec.HostStart)
			instead := fmt.Sprintf("`%d:%d`", 8000+p.Spec.HostStart, p.Spec.ContainerStart)
			hits = append(hits, serviceHit{Range: p.Range, Service: s.Name, Run: s.Run, Key: port, Detail: instead})
		}
	}
	reportServiceHits(pass, hits, func(h serviceHit, services string) string {
		return fmt.Sprintf("host port %s of %s is below 1024, which rootless Docker and Podman cannot bind, so it fails to start there; publish 1024 or above (%s) if it must run rootless",
			h.Key, services, h.Detail)
	})
}
