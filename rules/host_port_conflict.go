package rules

import (
	"fmt"
	"sort"

	"github.com/dlint-dev/dlint/parser"
)

// HostPortConflict reports two services (or two entries of one service)
// that publish the same host address, port and protocol.
var HostPortConflict = &Rule{
	ID:       "host-port-conflict",
	Severity: Error,
	Tags:     []string{TagCompose, TagNetwork, TagCorrectness},
	Summary:  "Two services publish the same host port, so the second one cannot start",
	Doc: `## Why
A host port can be bound once per address and protocol. When two services of
a project publish the same one, ` + "`docker compose up`" + ` starts the first and
fails on the second with "port is already allocated" (or "address already in
use"). Port ranges collide when they overlap. An entry without a host address
binds every interface, so it collides with any address on that port; 0.0.0.0
covers every IPv4 address and ` + "`[::]`" + ` every IPv6 one. Different
addresses (` + "`127.0.0.1:8080`" + ` and ` + "`192.168.1.5:8080`" + `) and different
protocols (tcp and udp) do not collide, and neither does an entry without a
host port, for which Docker picks a free one. dlint reads the project as
` + "`docker compose`" + ` merges it (override files, ` + "`extends`" + `, variables with
their defaults) and reports the entry it reads later, naming the other one.
Services that only run under different profiles (` + "`profiles: [dev]`" + ` and
` + "`profiles: [prod]`" + `) are alternatives and may share a port; a service without
profiles runs with every profile.

## Bad
` + "```yaml" + `
services:
  web:
    image: nginx:1.27
    ports:
      - "8080:80"
  admin:
    image: adminer:4
    ports:
      - "8080:8080"
` + "```" + `

## Good
` + "```yaml" + `
services:
  web:
    image: nginx:1.27
    ports:
      - "8080:80"
  admin:
    image: adminer:4
    ports:
      - "127.0.0.1:8081:8080"
` + "```" + `

## Silence
` + "`# dlint ignore=host-port-conflict`" + ` on the line above the ports entry, or
` + "`host-port-conflict: off`" + ` in .dlint.yaml.`,
	Check: checkHostPortConflict,
}

// hostBinding is one published port that claims host ports.
type hostBinding struct {
	service *parser.Service
	port    *parser.PublishedPort
	addr    hostAddr
	start   int
	end     int
	pickOne bool // Docker picks one free port of start..end
}

func checkHostPortConflict(pass *Pass) {
	if pass.Compose == nil {
		return
	}
	var bindings []*hostBinding
	for _, s := range pass.Compose.Services {
		if _, ignored := portsIgnored(s); ignored {
			continue
		}
		for _, p := range s.Ports {
			if p == nil || p.Err != nil {
				continue
			}
			start, end, pick := p.Spec.HostPorts()
			if start == 0 {
				continue // Docker picks any free port
			}
			bindings = append(bindings, &hostBinding{service: s, port: p, addr: parseHostAddr(p.Spec.HostIP), start: start, end: end, pickOne: pick})
		}
	}
	before := fileOrder(pass.Compose)
	sort.SliceStable(bindings, func(i, j int) bool { return before(bindings[i].port.Range, bindings[j].port.Range) })
	for j, b := range bindings {
		for _, a := range bindings[:j] {
			if !collide(a, b) {
				continue
			}
			pass.Report(b.port.Range, conflictMessage(a, b))
			break
		}
	}
}

// collide reports whether two bindings cannot both be made. A binding that
// picks one port of a range only fails when the other takes the whole range.
func collide(a, b *hostBinding) bool {
	if a.port.Spec.Protocol != b.port.Spec.Protocol || !a.addr.overlaps(b.addr) || alternatives(a.service, b.service) {
		return false
	}
	if a.service == b.service && a.port.Spec == b.port.Spec {
		return false // the same entry twice: compose keeps one
	}
	switch {
	case a.pickOne && b.pickOne:
		return false
	case a.pickOne:
		return b.start <= a.start && b.end >= a.end
	case b.pickOne:
		return a.start <= b.start && a.end >= b.end
	}
	return a.start <= b.end && b.start <= a.end
}

// alternatives reports whether two services only run under different
// profiles (`profiles: [dev]` and `profiles: [prod]`), the usual way to
// offer two variants of one service on the same port.
func alternatives(a, b *parser.Service) bool {
	if a == b || len(a.Profiles) == 0 || len(b.Profiles) == 0 {
		return false
	}
	for _, p := range a.Profiles {
		for _, q := range b.Profiles {
			if p == q {
				return false
			}
		}
	}
	return true
}

func conflictMessage(a, b *hostBinding) string {
	lo, hi := max(a.start, b.start), min(a.end, b.end)
	if a.pickOne {
		lo, hi = a.start, a.end
	} else if b.pickOne {
		lo, hi = b.start, b.end
	}
	what := "host port " + withProto(portRange(lo, hi), b.port.Spec.Protocol)
	if lo != hi {
		what = "host ports " + withProto(portRange(lo, hi), b.port.Spec.Protocol)
	}
	addr := b.addr
	if b.addr.wildcard && !a.addr.wildcard {
		addr = a.addr
	}
	owner := fmt.Sprintf("service '%s'", a.service.Name)
	if a.service == b.service {
		owner = "this service"
	}
	at := where(b.port.Range, a.port.Range)
	if a.port.Range == b.port.Range {
		at = "the same entry, shared through `extends` or a YAML anchor; give one service its own list with `ports: !override [...]`"
	}
	return fmt.Sprintf("service '%s' publishes %s on %s, already published by %s (%s); the second container fails to start with \"port is already allocated\": give one of them another host port or a different host address",
		b.service.Name, what, addr.describe(), owner, at)
}
