package rules

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/dlint-dev/dlint/parser"
)

// HostPortConflict reports two services (or two entries of one service)
// that publish the same host address, port and protocol, and a service
// whose replicas all publish one fixed host port.
var HostPortConflict = &Rule{
	ID:       "host-port-conflict",
	Aliases:  []string{"no-duplicate-exported-ports"},
	Severity: Error,
	Tags:     []string{TagCompose, TagNetwork, TagCorrectness},
	Summary:  "Two services, or the replicas of one, publish the same host port, so the second one cannot start",
	Doc: `## Why
A host port can be bound once per address and protocol. When two services of
a project publish the same one, ` + "`docker compose up`" + ` starts the first and
fails on the second with "port is already allocated" (or "address already in
use"). Port ranges collide when they overlap. An entry without a host address
binds every interface, so it collides with any address on that port; 0.0.0.0
covers every IPv4 address and ` + "`[::]`" + ` every IPv6 one. Different
addresses (` + "`127.0.0.1:8080`" + ` and ` + "`192.168.1.5:8080`" + `) and different
protocols (tcp and udp) do not collide, and neither does an entry without a
host port, for which Docker picks a free one. A host range with a single
container port (` + "`8000-8010:80`" + `) gets the lowest free port of the range, so
it collides with a fixed port on the first port of that range (when it starts
first, the fixed one then fails) and with a fixed range that covers it all.
dlint reads the project as
` + "`docker compose`" + ` merges it (override files, ` + "`extends`" + `, variables with
their defaults) and reports the entry it reads later, naming the other one.
Services that only run under different profiles (` + "`profiles: [dev]`" + ` and
` + "`profiles: [prod]`" + `) are alternatives and may share a port; a service without
profiles runs with every profile.

A service with ` + "`deploy.replicas`" + ` or ` + "`scale`" + ` above 1 starts that many
containers from one definition, and each binds the ports it publishes: with
a fixed host port the first replica takes it and the others fail. A host
range with one container port (` + "`8080-8082:80`" + `) gives each replica its own
port, so it is enough when it holds at least as many ports as there are
replicas. No host port at all (` + "`- \"80\"`" + `) lets Docker pick a free port for
each replica; put a reverse proxy or load balancer in front to reach them on
one port. A service whose ` + "`deploy`" + ` uses keys only Swarm reads (placement,
update_config, rollback_config, endpoint_mode, labels, a global mode), that
joins an overlay network, or whose file is named as a stack file
(` + "`docker-stack.yml`" + `), belongs to a
stack for ` + "`docker stack deploy`" + `, whose routing mesh shares a published port
among replicas; its replicas are not reported.

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
  worker:
    image: ghcr.io/acme/worker:2
    deploy:
      replicas: 3
    ports:
      - "9000:9000"
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
  worker:
    image: ghcr.io/acme/worker:2
    deploy:
      replicas: 3
    ports:
      - "9000-9002:9000"
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
	// The run lines of one script need not run at the same time (a script
	// stops one container before it starts the next): only a compose
	// project's services are known to.
	if pass.Compose == nil || pass.Compose.RunLines {
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
			if msg := replicasMessage(s, p); msg != "" {
				pass.Report(p.Range, msg)
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
// picks one port of a range gets the lowest free one, so it collides with a
// fixed binding that holds the start of its range: when it starts first it
// takes that port from the other.
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
		return b.start <= a.start && a.start <= b.end
	case b.pickOne:
		return a.start <= b.start && b.start <= a.end
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
	ports := func(lo, hi int) string { return hostPortsPhrase(lo, hi, b.port.Spec.Protocol) }
	addr := b.addr
	if b.addr.wildcard && !a.addr.wildcard {
		addr = a.addr
	}
	owner := a.service.Subject()
	if a.service == b.service {
		owner = "this service"
	}
	at := where(b.port.Range, a.port.Range)
	if a.port.Range == b.port.Range {
		at = "the same entry, shared through `extends` or a YAML anchor; give one service its own list with `ports: !override [...]`"
	}
	if a.pickOne || b.pickOne {
		return pickConflictMessage(a, b, addr, owner, at)
	}
	return fmt.Sprintf("%s publishes %s on %s, already published by %s (%s); the second container fails to start with \"port is already allocated\": give one of them another host port or a different host address",
		b.service.Subject(), ports(max(a.start, b.start), min(a.end, b.end)), addr.describe(), owner, at)
}

// pickConflictMessage explains a collision where one side picks its host
// port from a range: Docker gives it the lowest free port of the range.
func pickConflictMessage(a, b *hostBinding, addr hostAddr, owner, at string) string {
	pick, fixed := a, b
	if b.pickOne {
		pick, fixed = b, a
	}
	pickRange := withProto(portRange(pick.start, pick.end), b.port.Spec.Protocol)
	fixedPorts := hostPortsPhrase(fixed.start, fixed.end, b.port.Spec.Protocol)
	whole := fixed.start <= pick.start && pick.end <= fixed.end
	fix := "give one of them another host port or a different host address"
	if !whole {
		fix = "keep the fixed ports out of the range"
	}
	if b == pick {
		if whole {
			return fmt.Sprintf("%s picks its host port from %s on %s, but %s publishes every one of them (%s); the second container fails to start with \"port is already allocated\": %s",
				b.service.Subject(), pickRange, addr.describe(), owner, at, fix)
		}
		return fmt.Sprintf("%s picks its host port from %s on %s, where Docker takes the lowest free one, %d, which %s publishes (%s); %s: %s",
			b.service.Subject(), pickRange, addr.describe(), pick.start, owner, at, startOrder(b.service.Subject(), owner, a.service == b.service), fix)
	}
	if whole {
		return fmt.Sprintf("%s publishes %s on %s, every port %s could pick its host port from (%s); the second container fails to start with \"port is already allocated\": %s",
			b.service.Subject(), fixedPorts, addr.describe(), owner, at, fix)
	}
	including := fmt.Sprintf(" including %d,", pick.start)
	if fixed.start == fixed.end {
		including = ""
	}
	return fmt.Sprintf("%s publishes %s on %s,%s the port %s takes first from its range %s (%s); %s: %s",
		b.service.Subject(), fixedPorts, addr.describe(), including, owner, pickRange, at, startOrder(owner, b.service.Subject(), a.service == b.service), fix)
}

// startOrder says who fails when a range's first port is also fixed: the
// range takes that port only if its container starts first, as Docker
// skips the ports it has already handed out.
func startOrder(picker, fixed string, same bool) string {
	if same {
		return "the container fails to start with \"port is already allocated\""
	}
	return fmt.Sprintf("when %s starts first, %s then fails with \"port is already allocated\"", picker, fixed)
}

// hostPortsPhrase renders "host port 8080" or "host ports 8000-8010/udp".
func hostPortsPhrase(lo, hi int, proto string) string {
	if lo == hi {
		return "host port " + withProto(portRange(lo, hi), proto)
	}
	return "host ports " + withProto(portRange(lo, hi), proto)
}

// replicasMessage explains why the replicas of s cannot all publish p, or
// returns "". Each replica binds every fixed host port of p; a host range
// with one container port gives each replica one port of the range.
func replicasMessage(s *parser.Service, p *parser.PublishedPort) string {
	n := s.Replicas
	start, end, pick := p.Spec.HostPorts()
	size := end - start + 1
	if n <= 1 || start == 0 || pick && size >= n || s.ForSwarm {
		return ""
	}
	proto := p.Spec.Protocol
	runs := fmt.Sprintf("service '%s' runs %d replicas", s.Name, n)
	if !s.ReplicasRange.IsZero() {
		runs += fmt.Sprintf(" (set at %s)", where(p.Range, s.ReplicasRange))
	}
	addr := parseHostAddr(p.Spec.HostIP).describe()
	example := ""
	if ex := rangeExample(p, n); ex != "" {
		example = " (" + ex + ")"
	}
	const proxy = "put a reverse proxy or load balancer in front"
	switch {
	case pick:
		fails := fmt.Sprintf("%d replicas fail", n-size)
		if n-size == 1 {
			fails = "1 replica fails"
		}
		return fmt.Sprintf("%s, which each take one host port from %s on %s, but the range holds only %d; %s to start with \"port is already allocated\": widen the range to %d ports%s, drop the host port and %s, or run at most %d replicas",
			runs, withProto(portRange(start, end), proto), addr, size, fails, n, example, proxy, size)
	case size > 1:
		return fmt.Sprintf("%s, and each publishes %s on %s; the first takes them and the others fail to start with \"port is already allocated\": drop the host ports and %s, or run one replica",
			runs, hostPortsPhrase(start, end, proto), addr, proxy)
	}
	return fmt.Sprintf("%s, and each publishes %s on %s; the first takes it and the others fail to start with \"port is already allocated\": publish a host range of %d ports%s so each replica gets its own, drop the host port and %s, or run one replica",
		runs, hostPortsPhrase(start, end, proto), addr, n, example, proxy)
}

// rangeExample rewrites p's host port as a range of n ports starting at
// the same port, in the syntax p is written in, or returns "" when the
// range would pass port 65535.
func rangeExample(p *parser.PublishedPort, n int) string {
	start := p.Spec.HostStart
	last := start + n - 1
	if last > 65535 {
		return ""
	}
	host := portRange(start, last)
	if p.Raw == "" {
		return fmt.Sprintf("`published: \"%s\"`", host)
	}
	s := host + ":" + strconv.Itoa(p.Spec.ContainerStart)
	if ip := p.Spec.HostIP; ip != "" {
		if strings.Contains(ip, ":") {
			ip = "[" + ip + "]"
		}
		s = ip + ":" + s
	}
	return "`" + withProto(s, p.Spec.Protocol) + "`"
}
