package rules

import (
	"errors"
	"fmt"
	"strings"

	"github.com/dlint-dev/dlint/parser"
)

// ExposeInvalid reports EXPOSE words that are not a container port.
var ExposeInvalid = &Rule{
	ID:       "expose-invalid",
	Aliases:  []string{"DL3011", "ExposeInvalidFormat"},
	Severity: Error,
	Tags:     []string{TagDockerfile, TagNetwork, TagCorrectness},
	Summary:  "EXPOSE names a malformed port, a port outside 1–65535, an unknown protocol, or a host mapping",
	Doc: `## Why
EXPOSE records which container ports the image listens on:
` + "`PORT[-END][/PROTOCOL]`" + ` with ports 1–65535 and protocol tcp (the default), udp or
sctp. ` + "`docker build`" + ` fails on a word it cannot read (` + "`EXPOSE 80/http`" + `,
` + "`EXPOSE 70000`" + `). A host mapping or address (` + "`EXPOSE 8080:80`" + `,
` + "`EXPOSE 127.0.0.1:80`" + `) is accepted with a warning but does nothing: EXPOSE
never publishes a port; the host part is dropped, and buildkit will turn it into
an error. Publish with ` + "`docker run -p 8080:80`" + ` or compose ` + "`ports:`" + `. Words
built from ARG/ENV are checked after expansion (a variable may hold several
ports); a word whose variables have no value is left alone. An upper-case
protocol (` + "`443/TCP`" + `) is accepted by Docker and not reported.

## Bad
` + "```dockerfile" + `
FROM nginx:1.27
EXPOSE 8080:80 443/https
` + "```" + `

## Good
` + "```dockerfile" + `
FROM nginx:1.27
EXPOSE 80 443/tcp
` + "```" + `

## Silence
` + "`# dlint ignore=expose-invalid`" + ` on the line above the EXPOSE, or
` + "`expose-invalid: off`" + ` in .dlint.yaml. ` + "`# hadolint ignore=DL3011`" + ` and buildkit's
` + "`# check=skip=ExposeInvalidFormat`" + ` work too.`,
	Check: checkExposeInvalid,
}

func checkExposeInvalid(pass *Pass) {
	if pass.Dockerfile == nil {
		return
	}
	for _, st := range pass.Dockerfile.Stages {
		for _, p := range st.Expose {
			if p.Err == nil {
				continue
			}
			word := "EXPOSE " + p.Raw
			if p.Value != p.Raw {
				word = fmt.Sprintf("EXPOSE %s (%q after expansion)", p.Raw, p.Value)
			}
			if strings.Contains(p.Value, ":") {
				pass.ReportFinding(exposeMappingFinding(p, word))
				continue
			}
			problem := p.Err.Error()
			var pe *parser.PortError
			if errors.As(p.Err, &pe) {
				problem = pe.Problem
			}
			pass.Report(p.Range, fmt.Sprintf("%s is not a valid port: %s; EXPOSE takes PORT[-END][/tcp|udp|sctp] with ports 1-65535, e.g. `EXPOSE 8080/tcp`", word, problem))
		}
	}
}

// exposeMappingFinding reports `EXPOSE 8080:80` or `EXPOSE 127.0.0.1:80`:
// EXPOSE keeps the container port and drops the rest.
func exposeMappingFinding(p *parser.ExposedPort, word string) Finding {
	spec, err := parser.ParsePortMapping(p.Value)
	if err != nil {
		return Finding{Range: p.Range, Message: fmt.Sprintf("%s is not a valid port: EXPOSE takes only a container port, PORT[-END][/tcp|udp|sctp], without a host port or address; publish with `docker run -p` or compose `ports:`", word)}
	}
	container := spec.String()
	if strings.HasSuffix(container, "/tcp") && !strings.Contains(p.Value, "/") {
		container = strings.TrimSuffix(container, "/tcp")
	}
	host := "a host port"
	if spec.HostIP != "" {
		host = "a host address"
	}
	f := Finding{
		Range: p.Range,
		Message: fmt.Sprintf("%s sets %s, which EXPOSE ignores (it never publishes a port, and buildkit warns that this form will become an error); write `EXPOSE %s` and publish with `docker run -p %s` or compose `ports:`",
			word, host, container, p.Value),
	}
	if p.Value == p.Raw {
		f.Fix = &Fix{Description: "keep only the container port", Edits: []Edit{{Range: p.Range, NewText: container}}}
	}
	return f
}
