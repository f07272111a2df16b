package rules

import (
	"errors"
	"fmt"
	"strings"

	"github.com/dlint-dev/dlint/parser"
)

// InvalidPort reports compose `ports:` and `expose:` entries Docker rejects.
var InvalidPort = &Rule{
	ID:       "invalid-port",
	Severity: Error,
	Tags:     []string{TagCompose, TagNetwork, TagCorrectness},
	Summary:  "A compose `ports:` or `expose:` entry is malformed, so the project does not start",
	Doc: `## Why
` + "`docker compose`" + ` refuses a project with a malformed port: a port outside
1–65535, a host range and a container range of different sizes
(` + "`8000-8010:8000-8005`" + `), a protocol other than tcp, udp or sctp, a host
address that is not an IP address (write IPv6 in brackets: ` + "`[::1]:8080:80`" + `),
an address without a host port (` + "`127.0.0.1:80`" + ` is read as host port
"127.0.0.1"; write ` + "`127.0.0.1::80`" + `), or too many colons. dlint checks the
short syntax (` + "`\"8080:80/udp\"`" + `) and the long one (` + "`target`" + `,
` + "`published`" + `, ` + "`host_ip`" + `, ` + "`protocol`" + `) after interpolation; an entry
built from a variable without a default is left alone, since its value is only
known where the project runs.

## Bad
` + "```yaml" + `
services:
  web:
    image: nginx:1.27
    ports:
      - "8000-8010:8000-8005"
      - "127.0.0.1:80"
      - "8443:443/tpc"
` + "```" + `

## Good
` + "```yaml" + `
services:
  web:
    image: nginx:1.27
    ports:
      - "8000-8005:8000-8005"
      - "127.0.0.1::80"
      - "8443:443/tcp"
` + "```" + `

## Silence
` + "`# dlint ignore=invalid-port`" + ` on the line above the entry, or
` + "`invalid-port: off`" + ` in .dlint.yaml.`,
	Check: checkInvalidPort,
}

func checkInvalidPort(pass *Pass) {
	if pass.Compose == nil {
		return
	}
	for _, s := range pass.Compose.Services {
		for _, p := range s.Ports {
			if p == nil || p.Err == nil || fromEnvironment(pass.Compose, p.Range) {
				continue
			}
			refuses := "`docker compose up` refuses the project until it is fixed"
			if s.Run != nil {
				refuses = fmt.Sprintf("`%s` refuses to start the container until it is fixed", s.Run.Tool)
			}
			pass.Report(p.Range, fmt.Sprintf("%s publishes an invalid port: %s; %s", s.Subject(), portProblem(p.Err, p.Raw), refuses))
		}
		for _, e := range s.Expose {
			if e == nil || e.Err == nil || fromEnvironment(pass.Compose, e.Range) {
				continue
			}
			problem := portProblem(e.Err, e.Value)
			if strings.Contains(e.Value, ":") {
				problem = fmt.Sprintf("%q maps a host port or address, which `expose:` cannot do (publish with `ports:`)", e.Value)
			}
			pass.Report(e.Range, fmt.Sprintf("%s has an invalid `expose:` entry: %s; write a container port or range with an optional protocol, e.g. \"8080\" or \"7000-7010/udp\"", s.Subject(), problem))
		}
	}
}

// fromEnvironment reports whether the entry's text takes a variable with no
// default, so the value dlint sees may not be the one used.
func fromEnvironment(p *parser.ComposeProject, r parser.Range) bool {
	return envDependent(sourceText(composeSource(p, r.File), r))
}

// portProblem phrases a port error, naming the entry as written.
func portProblem(err error, raw string) string {
	var pe *parser.PortError
	if errors.As(err, &pe) {
		if raw == "" {
			raw = pe.Input
		}
		return fmt.Sprintf("%q: %s", raw, pe.Problem)
	}
	if raw != "" {
		return fmt.Sprintf("%q: %v", raw, err)
	}
	return err.Error()
}
