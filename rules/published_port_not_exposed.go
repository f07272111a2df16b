package rules

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/dlint-dev/dlint/images"
	"github.com/dlint-dev/dlint/parser"
)

// PublishedPortNotExposed reports a compose service that publishes a
// container port its Dockerfile does not EXPOSE.
var PublishedPortNotExposed = &Rule{
	ID:       "published-port-not-exposed",
	Severity: Info,
	Tags:     []string{TagCompose, TagDockerfile, TagNetwork, TagBestPractice},
	Summary:  "A service publishes a container port that its Dockerfile does not EXPOSE",
	Doc: `## Why
EXPOSE is the image's record of the ports its program listens on; compose
` + "`ports:`" + ` maps host ports onto them. When a service publishes a container
port that neither its Dockerfile (through the stages it builds on) nor its
compose ` + "`expose:`" + ` declares, either the mapping points at a port nothing
listens on (` + "`8080:8080`" + ` for an app that serves on 3000, a common reason for
"connection reset" on a fresh checkout) or the image does not document the
port, which ` + "`docker run -P`" + `, ` + "`docker inspect`" + ` and readers rely on.

dlint checks only services built from a Dockerfile in the repository, and only
when it can see every EXPOSE: the base image's own EXPOSE lines are unknown
offline, so a stage chain that starts from an image other than ` + "`scratch`" + `
or a well-known image that exposes nothing (distribution, language and
distroless images: ` + baseImagesDoc() + `) is not judged. An EXPOSE whose ARG
has no value is not judged either, nor is a proxy or web server (traefik,
haproxy, envoy, caddy, nginx, httpd, varnish) built with files copied in: it
listens where its configuration says, whatever its image EXPOSEs.

## Bad
` + "```dockerfile" + `
FROM node:22-slim
COPY . /app
EXPOSE 3000
CMD ["node", "/app/server.js"]
` + "```" + `
` + "```yaml" + `
services:
  web:
    build: .
    ports:
      - "8080:8080"
` + "```" + `

## Good
` + "```yaml" + `
services:
  web:
    build: .
    ports:
      - "8080:3000"
` + "```" + `

## Silence
Add the port to the Dockerfile's EXPOSE or the service's ` + "`expose:`" + `;
` + "`# dlint ignore=published-port-not-exposed`" + ` on the line above the ports entry;
or ` + "`published-port-not-exposed: off`" + ` in .dlint.yaml.`,
	Check: checkPublishedPortNotExposed,
}

func baseImagesDoc() string {
	return "`alpine`, `debian`, `node`, `python`, `nginx` (80), `postgres` (5432) and the other images whose ports dlint knows: `dlint image NAME` prints them as `expose:`"
}

// declaredPorts collects the ports a built service declares: its stage's
// EXPOSE (through the stages it builds on) and compose `expose:`. ok is
// false when one of them cannot be resolved offline.
func declaredPorts(c *parser.Container, img *images.Image) (portSet, bool) {
	set := portSet{}
	for _, port := range img.Expose {
		if spec, err := parser.ParseExposePort(port); err == nil {
			set.add(spec)
		}
	}
	var own []*parser.ExposedPort
	if c.Stage != nil {
		own = c.Stage.EffectiveExpose()
	}
	for _, e := range own {
		if !exposeKnown(e) {
			return nil, false
		}
		set.add(e.Spec)
	}
	for _, e := range c.Service.Expose {
		if exposeKnown(e) {
			set.add(e.Spec)
		}
	}
	return set, true
}

func checkPublishedPortNotExposed(pass *Pass) {
	for _, c := range pass.Containers {
		if c.Service == nil || len(c.Service.Ports) == 0 {
			continue
		}
		// Only a service built here, whose base image's EXPOSE is known
		// (nginx: 80). A service that runs an image alone is left out:
		// servers such as traefik or redis listen where their
		// configuration says, whatever their image EXPOSEs (measured:
		// 3 of 3 such findings on real repositories were wrong).
		img := c.BaseImage()
		if !img.ExposeKnown() || c.Stage == nil || c.Dockerfile == nil {
			continue
		}
		if _, ignored := portsIgnored(c.Service); ignored {
			continue
		}
		// A proxy or web server given its own configuration listens where
		// that says (friendica's traefik.toml adds :443 to the image's 80).
		if images.ListensByConfig(c.Stage.RootBase().Name()) && copiesFiles(c.Stage) {
			continue
		}
		declared, ok := declaredPorts(c, img)
		if !ok {
			continue
		}
		reached := reachedPorts(pass, c)
		for _, p := range c.Service.Ports {
			if p == nil || p.Err != nil {
				continue
			}
			missing := declared.missing(p.Spec)
			if len(missing) == 0 || len(missing) == 1 && (reached[missing[0]] || configuredToListen(c.Service, missing[0])) {
				continue
			}
			pass.Report(p.Range, notExposedMessage(c, p, missing, declared))
		}
	}
}

// reachedPorts are the ports other services of the project reach the
// container's service at, as their environment or command writes it
// (`LEMMY_INTERNAL_HOST=lemmy-alpha:8541`, `http://api:8080/`): the app
// listens there, whatever its Dockerfile EXPOSEs.
func reachedPorts(pass *Pass, c *parser.Container) map[string]bool {
	out := map[string]bool{}
	name := c.Service.Name
	note := func(text string) {
		for rest := text; ; {
			i := strings.Index(rest, name+":")
			if i < 0 {
				return
			}
			before := byte(' ')
			if i > 0 {
				before = rest[i-1]
			}
			rest = rest[i+len(name)+1:]
			j := 0
			for j < len(rest) && rest[j] >= '0' && rest[j] <= '9' {
				j++
			}
			if j > 0 && !isHostByte(before) {
				out[rest[:j]] = true
			}
		}
	}
	for _, other := range pass.Containers {
		s := other.Service
		if s == nil || s == c.Service || s.Run != nil {
			continue
		}
		for _, e := range s.Environment {
			note(e.Value)
		}
		if s.Command != nil {
			for _, a := range s.Command.Argv {
				note(a)
			}
		}
	}
	return out
}

// configuredToListen reports whether the service's own command or
// environment tells its program to listen on the port (a debugger's
// `--inspect=0.0.0.0:9229`, `--port 4000`): the mapping reaches a program,
// and an EXPOSE for a development-only port does not belong in the image.
func configuredToListen(s *parser.Service, port string) bool {
	n, err := strconv.Atoi(port)
	return err == nil && s.ConfiguredToListen(n)
}

// isHostByte reports whether b can be part of a host name: the match must
// start a name, not end a longer one (`mylemmy-alpha:8541`).
func isHostByte(b byte) bool {
	return b == '-' || b == '.' || b == '_' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// copiesFiles reports whether the stage, or one it builds on, copies
// files from the build context (a configuration, usually).
func copiesFiles(st *parser.Stage) bool {
	for _, s := range st.Ancestors() {
		for _, cp := range s.Copies {
			if cp.From == "" {
				return true
			}
		}
	}
	return false
}

func notExposedMessage(c *parser.Container, p *parser.PublishedPort, missing []string, declared portSet) string {
	ports := withProto(strings.Join(missing, ", "), p.Spec.Protocol)
	noun := "port"
	if len(missing) > 1 || strings.Contains(missing[0], "-") {
		noun = "ports"
	}
	stage := "its Dockerfile"
	switch {
	case c.Stage == nil:
		stage = "its image " + c.Service.Image.Value
	case c.Stage.Name != "":
		stage = fmt.Sprintf("its Dockerfile's stage '%s'", c.Stage.DisplayName())
	}
	var have []string
	for _, proto := range []string{"tcp", "udp", "sctp"} {
		for _, r := range declared[proto] {
			have = append(have, withProto(portRange(r[0], r[1]), proto))
		}
	}
	if len(have) == 0 {
		listsNone := "compose `expose:` lists none"
		if c.Service.Run != nil {
			listsNone = "the command line has no `--expose`"
		}
		return fmt.Sprintf("%s publishes container %s %s, but %s EXPOSEs no port and %s; if the app listens there, add `EXPOSE %s` to the Dockerfile so the image documents it, otherwise fix the container side of the mapping",
			c.Service.Subject(), noun, ports, stage, listsNone, strings.ReplaceAll(ports, ", ", " "))
	}
	example := ""
	if same := declared[p.Spec.Protocol]; p.Spec.ContainerStart == p.Spec.ContainerEnd && len(same) == 1 && same[0][0] == same[0][1] {
		example = fmt.Sprintf(" (e.g. \"%s\")", suggestMapping(p.Spec, withProto(fmt.Sprint(same[0][0]), p.Spec.Protocol)))
	}
	declare := fmt.Sprintf("add `EXPOSE %s`", strings.ReplaceAll(ports, ", ", " "))
	if c.Stage == nil {
		declare = fmt.Sprintf("list %s under the service's `expose:`", ports)
	}
	return fmt.Sprintf("%s publishes container %s %s, but %s EXPOSEs only %s; check which port the app listens on and fix the mapping%s, or %s if it listens there too",
		c.Service.Subject(), noun, ports, stage, strings.Join(have, ", "), example, declare)
}

// suggestMapping maps the entry's host side onto a declared container port.
func suggestMapping(spec parser.PortSpec, declared string) string {
	host := ""
	if spec.HostStart != 0 {
		host = portRange(spec.HostStart, spec.HostEnd) + ":"
	}
	ip := ""
	if spec.HostIP != "" {
		ip = spec.HostIP + ":"
		if strings.Contains(spec.HostIP, ":") {
			ip = "[" + spec.HostIP + "]:"
		}
		if host == "" {
			host = ":"
		}
	}
	return ip + host + declared
}
