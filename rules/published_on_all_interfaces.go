package rules

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/dlint-dev/dlint/images"
	"github.com/dlint-dev/dlint/parser"
)

// SensitivePort is a container port that serves a database, cache, queue or
// administration API, which should not face every network the host is on.
type SensitivePort struct {
	Port      int
	Service   string   // what usually listens there
	Protocols []string // nil means tcp
}

// SensitivePorts is the list published-on-all-interfaces checks, in one
// place so configuration can extend or replace it.
var SensitivePorts = []SensitivePort{
	{Port: 1099, Service: "the Java RMI registry (JMX)"},
	{Port: 1433, Service: "Microsoft SQL Server"},
	{Port: 1521, Service: "Oracle Database"},
	{Port: 2181, Service: "ZooKeeper"},
	{Port: 2375, Service: "the unencrypted Docker Engine API"},
	{Port: 2376, Service: "the Docker Engine API"},
	{Port: 2379, Service: "etcd"},
	{Port: 2380, Service: "etcd peer traffic"},
	{Port: 3306, Service: "MySQL/MariaDB"},
	{Port: 5432, Service: "PostgreSQL"},
	{Port: 5672, Service: "RabbitMQ AMQP"},
	{Port: 5984, Service: "CouchDB"},
	{Port: 6379, Service: "Redis"},
	{Port: 6443, Service: "the Kubernetes API server"},
	{Port: 7474, Service: "Neo4j HTTP"},
	{Port: 7687, Service: "Neo4j Bolt"},
	{Port: 8086, Service: "InfluxDB"},
	{Port: 8123, Service: "ClickHouse HTTP"},
	{Port: 8126, Service: "the StatsD admin interface"},
	{Port: 8500, Service: "Consul"},
	{Port: 8529, Service: "ArangoDB"},
	{Port: 8983, Service: "Solr"},
	{Port: 9042, Service: "Cassandra"},
	{Port: 9092, Service: "Kafka"},
	{Port: 9200, Service: "Elasticsearch/OpenSearch"},
	{Port: 9300, Service: "Elasticsearch/OpenSearch transport"},
	{Port: 9999, Service: "JMX remote management"},
	{Port: 10250, Service: "the kubelet API"},
	{Port: 11211, Service: "Memcached", Protocols: []string{"tcp", "udp"}},
	{Port: 15672, Service: "the RabbitMQ management UI"},
	{Port: 26257, Service: "CockroachDB"},
	{Port: 27017, Service: "MongoDB"},
	{Port: 28015, Service: "RethinkDB"},
	{Port: 33060, Service: "MySQL X Protocol"},
	{Port: 61616, Service: "ActiveMQ"},
}

// sensitiveIn returns the ports of list inside spec's container range.
func sensitiveIn(spec parser.PortSpec, list []SensitivePort) []SensitivePort {
	var out []SensitivePort
	for _, s := range list {
		protos := s.Protocols
		if protos == nil {
			protos = []string{"tcp"}
		}
		for _, proto := range protos {
			if spec.Contains(s.Port, proto) {
				out = append(out, s)
				break
			}
		}
	}
	return out
}

func sensitivePortsDoc() string {
	list := append([]SensitivePort(nil), SensitivePorts...)
	sort.Slice(list, func(i, j int) bool { return list[i].Port < list[j].Port })
	var b strings.Builder
	for _, s := range list {
		name := strings.TrimPrefix(s.Service, "the ")
		if s.Protocols != nil {
			name += " (" + strings.Join(s.Protocols, " and ") + ")"
		}
		fmt.Fprintf(&b, "%d %s, ", s.Port, name)
	}
	return strings.TrimSuffix(b.String(), ", ")
}

// PublishedOnAllInterfaces reports database, cache, queue and admin ports
// published on every host interface.
var PublishedOnAllInterfaces = &Rule{
	ID:       "published-on-all-interfaces",
	Aliases:  []string{"no-unbound-port-interfaces"},
	Severity: Warning,
	Tags:     []string{TagSecurity, TagCompose, TagNetwork},
	Summary:  "A database, cache, queue or admin port is published on every host interface",
	Doc: `## Why
A ` + "`ports:`" + ` entry without a host address binds every interface of the host,
and Docker opens it with its own iptables rules, ahead of host firewalls such
as ufw or firewalld: a database published as ` + "`\"5432:5432\"`" + ` on a laptop or a
cloud VM answers anyone who can reach the machine. A container port alone
(` + "`- \"5432\"`" + `) is published too, on a random host port of every interface.
Databases, caches, queues and admin APIs are rarely meant to face the
network; other services of the project reach them over the compose network
without any ` + "`ports:`" + ` at all. dlint judges by the container port, which
names the service whatever host port it is mapped to, and also reports an
explicit 0.0.0.0 or ` + "`[::]`" + `. The ports it treats as sensitive:
` + sensitivePortsDoc() + `.

The fix binds the port to loopback, so tools on the host still reach it:
` + "`127.0.0.1:5432:5432`" + `, or ` + "`host_ip: 127.0.0.1`" + ` in the long syntax. dlint
offers that edit where the entry is written on one line (or as a block
mapping) and the address is not taken from a variable.

In a Swarm stack (a docker-stack.yml, or files a script's ` + "`docker stack deploy`" + `
names) the routing mesh publishes on every node and ignores a host address:
an entry bound to 127.0.0.1 is reported too, and no loopback fix is offered.
A workflow job's service container on a GitHub-hosted runner
(` + "`runs-on: ubuntu-latest`" + `) is not reported: it lives for the job, on a
machine made for it.

## Bad
` + "```yaml" + `
services:
  db:
    image: postgres:17
    ports:
      - "5432:5432"
` + "```" + `

## Good
` + "```yaml" + `
services:
  db:
    image: postgres:17
    ports:
      - "127.0.0.1:5432:5432"
` + "```" + `

## Silence
` + "`# dlint ignore=published-on-all-interfaces`" + ` on the line above the entry (for a
port that must face the network, behind its own authentication and TLS), or
` + "`published-on-all-interfaces: off`" + ` in .dlint.yaml. The rule's options there add ports
to the list (` + "`ports: [8080, 8125/udp]`" + `) or take some off it
(` + "`allowed-ports: [9200]`" + `).`,
	Options: func() any { return &PublishedOnAllInterfacesOptions{} },
	Check:   checkPublishedOnAllInterfaces,
}

func checkPublishedOnAllInterfaces(pass *Pass) {
	if pass.Compose == nil {
		return
	}
	fixed := map[parser.Range]bool{} // an entry shared through extends is fixed once
	sensitive := OptionsOf[PublishedOnAllInterfacesOptions](pass).sensitive()
	imageOf := map[*parser.Service]*images.Image{}
	for _, c := range pass.Containers {
		if c.Service != nil {
			imageOf[c.Service] = c.BaseImage()
		}
	}
	for _, s := range pass.Compose.Services {
		// A job's service container on a GitHub-hosted runner lives for
		// the job, on a machine nothing else uses.
		if _, ignored := portsIgnored(s); ignored || s.Run != nil && s.Run.HostedRunner {
			continue
		}
		for _, p := range s.Ports {
			if p == nil || p.Err != nil {
				continue
			}
			addr := parseHostAddr(p.Spec.HostIP)
			if !addr.wildcard && !s.ForSwarm {
				continue
			}
			hits := slices.DeleteFunc(sensitiveIn(p.Spec, sensitive), func(h SensitivePort) bool {
				return listensByConfig(s, h.Port, imageOf[s])
			})
			if len(hits) == 0 {
				continue
			}
			src := composeSource(pass.Compose, p.Range.File)
			if p.Spec.HostIP == "" && hostIPFromEnvironment(sourceText(src, p.Range)) {
				continue
			}
			var fix *Fix
			switch {
			case s.ForSwarm:
				// A Swarm stack publishes on every node and ignores a host
				// IP: loopback is no fix there.
			case fixed[p.Range]:
			case s.Run != nil:
				fix, fixed[p.Range] = runLoopbackFix(src, p), true
			default:
				fix, fixed[p.Range] = loopbackFix(src, p), true
			}
			pass.ReportFix(p.Range, allInterfacesMessage(s, p, addr, hits, imageOf[s], sourceText(src, p.Range)), fix)
		}
	}
}

func allInterfacesMessage(s *parser.Service, p *parser.PublishedPort, addr hostAddr, hits []SensitivePort, img *images.Image, written string) string {
	var names []string
	for _, h := range hits[:min(len(hits), 3)] {
		names = append(names, portProduct(h, img))
	}
	what := strings.Join(names, ", ")
	if len(hits) > 3 {
		what += fmt.Sprintf(" and %d more sensitive ports", len(hits)-3)
	}
	how := "on every host interface"
	if p.Spec.HostStart == 0 {
		how = "on a random port of every host interface"
	}
	switch {
	case s.ForSwarm && !addr.wildcard:
		how = fmt.Sprintf("on every interface of every node (a Swarm stack ignores the host IP %s)", p.Spec.HostIP)
	case p.Spec.HostIP != "":
		how = "on " + addr.describe()
	}
	entry := "a long-syntax entry"
	if p.Raw != "" {
		entry = fmt.Sprintf("%q", p.Raw)
		if text := writtenEntry(written); strings.Contains(text, "$") {
			entry = fmt.Sprintf("%q", text) // as the file writes it, variables and all
		}
	}
	if s.ForSwarm {
		return fmt.Sprintf("%s publishes %s %s with %s; in a Swarm stack the routing mesh publishes it on every node and ignores a host IP, and Docker's iptables rules bypass host firewalls such as ufw: drop the entry if only other services need the port (they reach it over the stack's network), or filter it in the DOCKER-USER iptables chain",
			s.Subject(), what, how, entry)
	}
	return fmt.Sprintf("%s publishes %s %s with %s; Docker's iptables rules bypass host firewalls such as ufw, so anyone who can reach the host can reach it: %s, or drop the entry if only other services need the port",
		s.Subject(), what, how, entry, loopbackAdvice(p, written))
}

// listensByConfig reports whether the service's own program is told to
// listen on port by a port variable of its environment (`PORT=9999`,
// `HTTP_PORT: 9999`) and its image is not known to EXPOSE it: what listens
// there is that program (AppFlowy's gotrue auth API on 9999), not what
// usually does. A command's address (`--kafka-addr 0.0.0.0:9092`) says
// where, not what: redpanda on 9092 is Kafka still.
func listensByConfig(s *parser.Service, port int, img *images.Image) bool {
	if img != nil && img.Exposes(strconv.Itoa(port)) {
		return false
	}
	for _, ev := range s.Environment {
		if parser.OwnPortVar(ev.Name) && ev.Literal && strings.TrimSpace(ev.Value) == strconv.Itoa(port) {
			return true
		}
	}
	return false
}

// portProduct names what listens on a sensitive port: the product of the
// service's image when dlint knows the image EXPOSEs that port, otherwise
// what usually listens there, hedged.
func portProduct(h SensitivePort, img *images.Image) string {
	if img != nil && img.Exposes(strconv.Itoa(h.Port)) {
		name := img.Product
		if name == "" {
			name = imageLabel(img)
		}
		return fmt.Sprintf("port %d of %s", h.Port, name)
	}
	return fmt.Sprintf("port %d (usually %s)", h.Port, strings.TrimPrefix(h.Service, "the "))
}

// writtenEntry is a short-syntax ports item as the file writes it, without
// its list marker and quotes.
func writtenEntry(written string) string {
	return strings.Trim(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(written), "-")), `"'`)
}

// loopbackAdvice says how to bind the entry to loopback, keeping the
// host port as written (`${APP_PORT}` stays a variable).
func loopbackAdvice(p *parser.PublishedPort, written string) string {
	if p.Raw == "" {
		return "add `host_ip: 127.0.0.1`"
	}
	if text := writtenEntry(written); strings.Contains(text, "$") && p.Spec.HostIP == "" {
		// A container port alone (`${POSTGRES_PORT}`) takes an empty host
		// port after the address: "127.0.0.1:${P}" would make the address
		// the host port, which Compose refuses.
		if len(splitOutsideBraces(text, ':')) == 1 {
			return fmt.Sprintf("bind it to loopback with %q", "127.0.0.1::"+text)
		}
		return fmt.Sprintf("bind it to loopback with %q", "127.0.0.1:"+text)
	}
	return fmt.Sprintf("bind it to loopback with %q", loopbackSpec(p.Spec))
}

// loopbackSpec renders spec bound to 127.0.0.1, keeping its host port: a
// container port alone becomes "127.0.0.1::5432", still a random host port.
func loopbackSpec(spec parser.PortSpec) string {
	host := ""
	if spec.HostStart != 0 {
		host = portRange(spec.HostStart, spec.HostEnd)
	}
	return "127.0.0.1:" + host + ":" + describeSpec(spec)
}

// hostIPFromEnvironment reports whether a short-syntax entry, as written,
// has an address part that is a variable without a default
// (`"${BIND_ADDR}:5432:5432"`): where it runs, it may well be 127.0.0.1.
func hostIPFromEnvironment(text string) bool {
	parts := splitOutsideBraces(writtenEntry(text), ':')
	return len(parts) >= 3 && envDependent(parts[0])
}

// splitOutsideBraces splits s at sep, except inside ${...}.
func splitOutsideBraces(s string, sep byte) []string {
	var parts []string
	depth, last := 0, 0
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '{':
			depth++
		case s[i] == '}' && depth > 0:
			depth--
		case s[i] == sep && depth == 0:
			parts = append(parts, s[last:i])
			last = i + 1
		}
	}
	return append(parts, s[last:])
}

// loopbackFix binds an entry to 127.0.0.1, editing it as written in the
// file (variables and all): a short-syntax entry without an address gets the
// 127.0.0.1 prefix, a literal 0.0.0.0 or [::] is replaced by 127.0.0.1, and
// a long-syntax entry without host_ip gains one. It is offered
// only where the entry sits on one line in a form the edit keeps valid.
func loopbackFix(src *parser.Source, p *parser.PublishedPort) *Fix {
	if src == nil {
		return nil
	}
	if p.Raw == "" {
		return hostIPKeyFix(src, p)
	}
	r, text, quote, ok := scalarAt(src, p.Range)
	if !ok || strings.ContainsAny(text, "\\\"'") {
		return nil
	}
	if !strings.Contains(text, "$") && text != p.Raw {
		return nil // the range is not where the entry is written
	}
	fix := func(at parser.Range, newText string) *Fix {
		// Other hosts lose the port: review before applying.
		return &Fix{Description: "publish on loopback only", Edits: []Edit{{Range: at, NewText: newText}}, Unsafe: true}
	}
	if p.Spec.HostIP != "" {
		// IPv4 loopback works whether or not the daemon has IPv6 enabled.
		written, loopback := p.Spec.HostIP, "127.0.0.1"
		if strings.Contains(written, ":") {
			written = "[" + written + "]"
		}
		if !strings.HasPrefix(text, written+":") {
			return nil // the address comes from a variable
		}
		at := r
		if quote != 0 {
			at.Start.Col++
		}
		at.End = at.Start
		at.End.Col += len([]rune(written))
		return fix(at, loopback)
	}
	insert := "127.0.0.1:"
	if p.Spec.HostStart == 0 && len(splitOutsideBraces(text, ':')) == 1 {
		insert = "127.0.0.1::"
	}
	if quote != 0 {
		at := r
		at.Start.Col++
		at.End = at.Start
		return fix(at, insert)
	}
	return fix(r, strconv.Quote(insert+text))
}

// runLoopbackFix binds a `-p` value of a run line to 127.0.0.1, as
// loopbackFix does a compose entry: `-p 5432:5432` → `-p
// 127.0.0.1:5432:5432`, `-p 0.0.0.0:…` → `-p 127.0.0.1:…`. It is offered
// only where the value is written as dlint read it, quoted or not.
func runLoopbackFix(src *parser.Source, p *parser.PublishedPort) *Fix {
	if src == nil || p.Raw == "" || p.Range.Start.Line != p.Range.End.Line {
		return nil
	}
	text, at := sourceText(src, p.Range), p.Range
	if n := len(text); n >= 2 && (text[0] == '"' || text[0] == '\'') && text[n-1] == text[0] {
		text, at.Start.Col = text[1:n-1], at.Start.Col+1
	}
	if text != p.Raw || strings.ContainsAny(text, "$`\\") {
		return nil // not the value as written here
	}
	at.End = at.Start
	fix := &Fix{Description: "publish on loopback only", Unsafe: true}
	if p.Spec.HostIP != "" {
		written := p.Spec.HostIP
		if strings.Contains(written, ":") {
			written = "[" + written + "]"
		}
		if !strings.HasPrefix(text, written+":") {
			return nil
		}
		at.End.Col += len([]rune(written))
		fix.Edits = []Edit{{Range: at, NewText: "127.0.0.1"}}
		return fix
	}
	insert := "127.0.0.1:"
	if p.Spec.HostStart == 0 && !strings.Contains(text, ":") {
		insert = "127.0.0.1::" // still a random host port
	}
	fix.Edits = []Edit{{Range: at, NewText: insert}}
	return fix
}

// hostIPKeyFix adds `host_ip: 127.0.0.1` to a block-style long-syntax entry
// that has none, as its first key.
func hostIPKeyFix(src *parser.Source, p *parser.PublishedPort) *Fix {
	if p.Spec.HostIP != "" {
		return nil
	}
	line := []rune(src.Line(p.Range.Start.Line))
	col := p.Range.Start.Col - 1
	if col < 2 || col >= len(line) || line[col-2] != '-' || line[col-1] != ' ' {
		return nil
	}
	key := string(line[col:])
	name, _, found := strings.Cut(key, ":")
	if !found || name == "" || strings.Trim(name, "abcdefghijklmnopqrstuvwxyz_") != "" {
		return nil // a flow mapping or something else: leave it
	}
	at := p.Range
	at.End = at.Start
	return &Fix{Description: "publish on loopback only", Edits: []Edit{{Range: at, NewText: "host_ip: 127.0.0.1\n" + strings.Repeat(" ", col)}}, Unsafe: true}
}

// scalarAt finds the YAML scalar a port entry's range starts at (after a
// "- " sequence marker): its range including any quotes, its text without
// them, and the quote character (0 for a plain scalar).
func scalarAt(src *parser.Source, r parser.Range) (parser.Range, string, byte, bool) {
	line := []rune(src.Line(r.Start.Line))
	i := r.Start.Col - 1
	if i < 0 || i >= len(line) {
		return parser.Range{}, "", 0, false
	}
	if line[i] == '-' && i+1 < len(line) && (line[i+1] == ' ' || line[i+1] == '\t') {
		i++
	}
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	if i >= len(line) {
		return parser.Range{}, "", 0, false
	}
	start := i
	var quote byte
	var end int
	if c := line[i]; c == '"' || c == '\'' {
		quote = byte(c)
		closing := strings.IndexRune(string(line[i+1:]), c)
		if closing < 0 {
			return parser.Range{}, "", 0, false // continues on the next line
		}
		end = i + 1 + len([]rune(string(line[i+1:])[:closing])) + 1
	} else {
		// A plain scalar runs to a comment or the end of the line; one in a
		// flow collection ([a, b]) is left alone.
		end = len(line)
		if c := strings.Index(string(line[start:]), " #"); c >= 0 {
			end = start + len([]rune(string(line[start:])[:c]))
		}
		for end > start && (line[end-1] == ' ' || line[end-1] == '\t') {
			end--
		}
		plain := string(line[start:end])
		if strings.ContainsAny(plain, ",[]") || strings.Count(plain, "}") != strings.Count(plain, "${") {
			return parser.Range{}, "", 0, false
		}
	}
	text := string(line[start:end])
	if quote != 0 {
		text = text[1 : len(text)-1]
	}
	rng := parser.Range{File: r.File, Start: parser.Pos{Line: r.Start.Line, Col: start + 1}, End: parser.Pos{Line: r.Start.Line, Col: end + 1}}
	return rng, text, quote, true
}
