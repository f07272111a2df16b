package rules

import (
	"fmt"
	"net"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/dlint-dev/dlint/parser"
)

// Helpers shared by the port rules: host-port-conflict, invalid-port,
// published-port-not-exposed, exposed-port-not-published and
// published-on-all-interfaces.

// portsIgnored reports the network_mode under which a service's `ports:`
// publish nothing of their own: host (the container already listens on the
// host's interfaces), none, or another service's or container's network
// namespace (Docker refuses to publish there).
func portsIgnored(s *parser.Service) (string, bool) {
	if s == nil || s.Namespaces == nil {
		return "", false
	}
	m := s.Namespaces["network_mode"]
	if m == nil {
		return "", false
	}
	switch v := m.Value; {
	case v == "host", v == "none", strings.HasPrefix(v, "service:"), strings.HasPrefix(v, "container:"):
		return v, true
	}
	return "", false
}

// hostAddr is the host side address of a published port.
type hostAddr struct {
	raw      string
	ip       net.IP // nil for a wildcard
	v4, v6   bool   // the families it binds
	wildcard bool   // every address of its families
}

// parseHostAddr classifies a host IP. No address at all makes Docker bind
// both 0.0.0.0 and [::]; 0.0.0.0 and :: each cover one family.
func parseHostAddr(s string) hostAddr {
	a := hostAddr{raw: s}
	if s == "" {
		a.v4, a.v6, a.wildcard = true, true, true
		return a
	}
	host, _, _ := strings.Cut(s, "%")
	ip := net.ParseIP(host)
	if ip == nil {
		return a
	}
	if ip.To4() != nil {
		a.v4 = true
	} else {
		a.v6 = true
	}
	if ip.IsUnspecified() {
		a.wildcard = true
	} else {
		a.ip = ip
	}
	return a
}

// overlaps reports whether two bindings of the same port would compete for
// the same socket: an address of a shared family that is equal, or a
// wildcard on either side.
func (a hostAddr) overlaps(b hostAddr) bool {
	if !(a.v4 && b.v4 || a.v6 && b.v6) {
		return false
	}
	return a.wildcard || b.wildcard || a.ip.Equal(b.ip)
}

// describe names the address for a message.
func (a hostAddr) describe() string {
	switch {
	case a.raw == "":
		return "all interfaces"
	case a.wildcard && a.v4:
		return "all IPv4 interfaces (" + a.raw + ")"
	case a.wildcard:
		return "all IPv6 interfaces ([" + a.raw + "])"
	case a.v6:
		return "[" + a.raw + "]"
	}
	return a.raw
}

// portRange renders "8080" or "8000-8010".
func portRange(start, end int) string {
	if start == end {
		return strconv.Itoa(start)
	}
	return fmt.Sprintf("%d-%d", start, end)
}

// exposeKnown reports whether an EXPOSE word or compose `expose:` item was
// resolved to a valid port; one left unexpanded (an ARG without a value) or
// invalid says nothing certain.
func exposeKnown(p *parser.ExposedPort) bool {
	return p != nil && p.Err == nil && p.Spec.ContainerStart > 0
}

// portSet is a set of container ports by protocol.
type portSet map[string][][2]int

func (s portSet) add(spec parser.PortSpec) {
	s[spec.Protocol] = append(s[spec.Protocol], [2]int{spec.ContainerStart, spec.ContainerEnd})
}

func (s portSet) has(port int, proto string) bool {
	for _, r := range s[proto] {
		if port >= r[0] && port <= r[1] {
			return true
		}
	}
	return false
}

// missing lists the ports of spec's container range the set lacks, as
// compact ranges: "8080", "8000-8003, 8005/udp".
func (s portSet) missing(spec parser.PortSpec) []string {
	var out []string
	start := -1
	flush := func(end int) {
		if start >= 0 {
			out = append(out, portRange(start, end))
			start = -1
		}
	}
	for p := spec.ContainerStart; p <= spec.ContainerEnd; p++ {
		if s.has(p, spec.Protocol) {
			flush(p - 1)
		} else if start < 0 {
			start = p
		}
	}
	flush(spec.ContainerEnd)
	return out
}

// withProto appends the protocol to a port list unless it is tcp.
func withProto(ports, proto string) string {
	if proto == "tcp" || proto == "" {
		return ports
	}
	return ports + "/" + proto
}

// describeSpec renders a container port or range with its protocol, tcp
// left implicit: "5432", "8000-8010", "53/udp".
func describeSpec(spec parser.PortSpec) string {
	return withProto(portRange(spec.ContainerStart, spec.ContainerEnd), spec.Protocol)
}

// composeSource finds the source of a file the project read: a compose
// file, an override, or a file reached through include or extends.
func composeSource(p *parser.ComposeProject, path string) *parser.Source {
	if p == nil {
		return nil
	}
	for _, list := range [][]*parser.Source{p.Files, p.Sources} {
		for _, s := range list {
			if s != nil && s.Path == path {
				return s
			}
		}
	}
	return nil
}

// fileOrder ranks a file in the project's merge order, so "later" means
// what `docker compose` reads later; files it does not list (extended or
// included ones) come after, by name.
func fileOrder(p *parser.ComposeProject) func(a, b parser.Range) bool {
	rank := map[string]int{}
	if p != nil {
		for i, s := range p.Files {
			if s != nil {
				rank[s.Path] = i + 1
			}
		}
	}
	return func(a, b parser.Range) bool {
		ra, oka := rank[a.File]
		rb, okb := rank[b.File]
		switch {
		case a.File == b.File:
		case oka && okb:
			return ra < rb
		case oka != okb:
			return oka
		default:
			return a.File < b.File
		}
		if a.Start.Line != b.Start.Line {
			return a.Start.Line < b.Start.Line
		}
		return a.Start.Col < b.Start.Col
	}
}

// where names the position of other as seen from a finding at here: "line
// 12" in the same file, "compose.override.yaml:12" in another of the same
// directory, and the path as dlint names the file in another directory
// (included files are often all called compose.yml).
func where(here, other parser.Range) string {
	switch {
	case here.File == other.File:
		return fmt.Sprintf("line %d", other.Start.Line)
	case filepath.Dir(here.File) == filepath.Dir(other.File):
		return fmt.Sprintf("%s:%d", filepath.Base(other.File), other.Start.Line)
	}
	return fmt.Sprintf("%s:%d", parser.PrintablePath(other.File), other.Start.Line)
}

// sourceText returns the text a one-line range covers, or the rest of its
// first line when it spans several.
func sourceText(src *parser.Source, r parser.Range) string {
	if src == nil || r.IsZero() {
		return ""
	}
	line := []rune(src.Line(r.Start.Line))
	start := r.Start.Col - 1
	if start < 0 || start > len(line) {
		return ""
	}
	end := len(line)
	if r.End.Line == r.Start.Line && r.End.Col-1 >= start && r.End.Col-1 <= len(line) {
		end = r.End.Col - 1
	}
	return string(line[start:end])
}

// envDependent reports whether compose text takes a value from the
// environment with no default: `${VAR}`, `$VAR`, `${VAR:?msg}` or
// `${VAR:+alt}`. Offline, dlint sees such a variable unset, so a value built
// from it says little about what `docker compose up` will use.
func envDependent(text string) bool {
	for i := 0; i < len(text); i++ {
		if text[i] != '$' || i+1 >= len(text) {
			continue
		}
		next := text[i+1]
		switch {
		case next == '$':
			i++ // "$$" is a literal dollar
		case next == '{':
			end := strings.IndexByte(text[i:], '}')
			if end < 0 {
				return true
			}
			body := text[i+2 : i+end]
			name := strings.IndexFunc(body, func(r rune) bool {
				return !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
			})
			if name < 0 || !strings.HasPrefix(body[name:], "-") && !strings.HasPrefix(body[name:], ":-") {
				return true
			}
			i += end
		case next == '_' || next >= 'a' && next <= 'z' || next >= 'A' && next <= 'Z':
			return true
		}
	}
	return false
}

// reachers maps each service name to the other services that depend on,
// link to or name it, sorted.
func reachers(p *parser.ComposeProject) map[string][]string {
	out := map[string][]string{}
	if p == nil {
		return out
	}
	for _, s := range p.Services {
		seen := map[string]bool{s.Name: true}
		for _, name := range s.Connected {
			if !seen[name] {
				seen[name] = true
				out[name] = append(out[name], s.Name)
			}
		}
	}
	for _, names := range out {
		sort.Strings(names)
	}
	return out
}
