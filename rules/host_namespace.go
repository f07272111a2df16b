package rules

import (
	"fmt"
	"strings"

	"github.com/dlint-dev/dlint/parser"
)

// hostNamespaces says what sharing each host namespace exposes, keyed by
// the compose key.
var hostNamespaces = []struct{ key, risk, instead string }{
	{"network_mode", "the host's network stack: every port it listens on is open on the host, and it reaches whatever the host serves on localhost", "publish the ports it needs with `ports:` instead"},
	{"pid", "the host's process table: it sees every process on the host, with their arguments and environment, and root in it can signal or trace them", "remove it unless this is a host monitoring agent"},
	{"ipc", "the host's shared memory and message queues", "remove it, or share IPC with one service (`ipc: service:NAME`)"},
	{"userns_mode", "the host's user namespace: when the daemon remaps users (userns-remap), this turns it off, so root in the container is root on the host", "remove it"},
	{"uts", "the host's hostname and domain name", "remove it, or set `hostname:`"},
	{"cgroup", "the host's cgroup hierarchy", "remove it"},
}

// runWording says the advice of hostNamespaces the way `docker run`
// writes it.
var runWording = strings.NewReplacer("`ports:`", "`-p`", "`ipc: service:NAME`", "`--ipc container:NAME`", "`hostname:`", "`--hostname`")

// HostNamespace reports services that share a namespace with the host.
var HostNamespace = &Rule{
	ID:       "host-namespace",
	Severity: Warning,
	Tags:     []string{TagSecurity, TagCompose, TagNetwork},
	Summary:  "A compose service shares the host's network, PID, IPC, user, UTS or cgroup namespace",
	Doc: `## Why
Namespaces are what make a container see its own processes, network and
users. ` + "`network_mode: host`" + `, ` + "`pid: host`" + `, ` + "`ipc: host`" + `, ` + "`userns_mode: host`" + `,
` + "`uts: host`" + ` and ` + "`cgroup: host`" + ` hand the container the host's instead: with the
host network every port it opens is open on the host (and ` + "`ports:`" + ` is ignored),
with the host PID namespace it sees and can signal every process of the host.
A bug in the service then reaches the host directly. Monitoring agents and
some network tools need this; applications do not.

## Bad
` + "```yaml" + `
services:
  api:
    image: example/api
    network_mode: host
` + "```" + `

## Good
` + "```yaml" + `
services:
  api:
    image: example/api
    ports: ["127.0.0.1:8080:8080"]
` + "```" + `

## Silence
` + "`# dlint ignore=host-namespace`" + ` on the line above the key (for a node exporter or
a host-level agent), or ` + "`host-namespace: off`" + ` in .dlint.yaml.`,
	Check: checkHostNamespace,
}

func checkHostNamespace(pass *Pass) {
	var hits []serviceHit
	for _, s := range composeServices(pass) {
		for _, ns := range hostNamespaces {
			it := s.Namespaces[ns.key]
			if it == nil || !strings.EqualFold(strings.TrimSpace(it.Value), "host") {
				continue
			}
			h := serviceHit{Range: it.Range, Service: s.Name, Run: s.Run, Key: ns.key}
			if ns.key == "userns_mode" {
				if why := needsHostUserns(s); why != "" {
					// Under userns-remap Docker requires it: removing it
					// breaks the service, and the risk is what needs it.
					h.Severity, h.Key, h.Detail = Info, "userns_mode needed", why
				}
			}
			hits = append(hits, h)
		}
	}
	reportServiceHits(pass, hits, func(h serviceHit, services string) string {
		if h.Key == "userns_mode needed" {
			return fmt.Sprintf("`%s` gives %s the host's user namespace, which %s needs when the daemon remaps users (userns-remap): leave it, and weigh the risk of %s", h.setting("userns_mode", "host"), services, h.Detail, h.Detail)
		}
		for _, ns := range hostNamespaces {
			if ns.key == h.Key {
				instead := ns.instead
				if h.Run != nil {
					instead = runWording.Replace(instead)
				}
				return fmt.Sprintf("`%s` gives %s %s; %s", h.setting(ns.key, "host"), services, ns.risk, instead)
			}
		}
		return ""
	})
}

// needsHostUserns names what makes a service need the host's user
// namespace under userns-remap, "" when nothing does: Docker's own list
// (privileged mode, the host's network or PID namespace), and the Docker
// socket, which remapped root cannot open.
func needsHostUserns(s *parser.Service) string {
	switch {
	case mountsDockerSocket(s):
		return "the Docker socket it mounts"
	case s.Privileged != nil:
		return "its privileged mode"
	}
	for _, key := range []string{"network_mode", "pid"} {
		if it := s.Namespaces[key]; it != nil && strings.EqualFold(strings.TrimSpace(it.Value), "host") {
			return "its use of the host's " + map[string]string{"network_mode": "network", "pid": "processes"}[key]
		}
	}
	return ""
}
