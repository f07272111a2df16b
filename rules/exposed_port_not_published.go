package rules

import (
	"fmt"
	"strings"

	"github.com/dlint-dev/dlint/parser"
)

// ExposedPortNotPublished reports an EXPOSE of a compose-built image that
// nothing publishes and no other service reaches.
var ExposedPortNotPublished = &Rule{
	ID:       "exposed-port-not-published",
	Severity: Info,
	Tags:     []string{TagCompose, TagDockerfile, TagNetwork},
	Summary:  "A Dockerfile EXPOSEs a port that its compose service neither publishes nor serves to another service",
	Doc: `## Why
EXPOSE says the image serves a port. In a compose project a port is used in
one of two ways: published to the host with ` + "`ports:`" + `, or reached by other
services over the project network, which compose does with no ` + "`ports:`" + ` at
all. When the Dockerfile built for a service EXPOSEs a port that compose does
not publish, that ` + "`expose:`" + ` does not list, and no other service depends
on, links to or names the service in its environment, the port may be a
leftover (an old debug port, a port the app no longer listens on) or a
mapping the author forgot. A port listed in the service's ` + "`expose:`" + ` is
taken as deliberately internal, and so is every port of a service that some
other service reaches. When several services build the same stage, one use
by any of them is enough.

The rule is off by default: many projects expose ports that a reverse proxy
reaches through labels or a configuration file dlint cannot connect to the
service, and workers often inherit the EXPOSE of the web image they share.
Turn it on to tidy a project's ports.

## Bad
` + "```dockerfile" + `
FROM python:3.13-slim
EXPOSE 8000 5678
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]
` + "```" + `
` + "```yaml" + `
services:
  web:
    build: .
    ports:
      - "8000:8000"
` + "```" + `

## Good
` + "```dockerfile" + `
FROM python:3.13-slim
EXPOSE 8000
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]
` + "```" + `

## Silence
List the port in the service's ` + "`expose:`" + ` when only the project network
uses it; ` + "`# dlint ignore=exposed-port-not-published`" + ` on the line above the
EXPOSE; or enable the rule only where wanted with ` + "`exposed-port-not-published: info`" + `
in .dlint.yaml.`,
	DefaultOff: true,
	Check:      checkExposedPortNotPublished,
}

func checkExposedPortNotPublished(pass *Pass) {
	if pass.Compose == nil {
		return
	}
	reachedBy := reachers(pass.Compose)
	// Group the services by the stage they run: an EXPOSE is used when any
	// of them uses it.
	var stages []*parser.Stage
	byStage := map[*parser.Stage][]*parser.Container{}
	for _, c := range pass.Containers {
		if c.Service == nil || c.Dockerfile == nil || c.Stage == nil {
			continue
		}
		if byStage[c.Stage] == nil {
			stages = append(stages, c.Stage)
		}
		byStage[c.Stage] = append(byStage[c.Stage], c)
	}
	for _, st := range stages {
		group := byStage[st]
		if stageReached(group, reachedBy) {
			continue
		}
		used := portSet{}
		for _, c := range group {
			for _, p := range c.Service.Ports {
				if p != nil && p.Err == nil {
					used.add(p.Spec)
				}
			}
			for _, e := range c.Service.Expose {
				if exposeKnown(e) {
					used.add(e.Spec)
				}
			}
		}
		for _, e := range st.EffectiveExpose() {
			if !exposeKnown(e) || len(used.missing(e.Spec)) < e.Spec.ContainerEnd-e.Spec.ContainerStart+1 {
				continue // unknown, or at least partly used
			}
			pass.Report(e.Range, exposedMessage(group, e))
		}
	}
}

// stageReached reports whether a service in the group is reached some way
// other than its published ports: host networking, another service's
// namespace, or another service that depends on, links to or names it.
func stageReached(group []*parser.Container, reachedBy map[string][]string) bool {
	for _, c := range group {
		if _, ignored := portsIgnored(c.Service); ignored {
			return true
		}
		if len(reachedBy[c.Service.Name]) > 0 {
			return true
		}
	}
	return false
}

func exposedMessage(group []*parser.Container, e *parser.ExposedPort) string {
	names := make([]string, len(group))
	for i, c := range group {
		names[i] = "'" + c.Service.Name + "'"
	}
	who := "service " + names[0]
	if len(names) > 1 {
		who = "services " + strings.Join(names, ", ")
	}
	port := describeSpec(e.Spec)
	return fmt.Sprintf("EXPOSE %s is unused by %s: compose does not publish it and no other service depends on, links to or names the service; publish it (`ports: [\"127.0.0.1:%s:%s\"]`), list it in `expose:` if only the project network uses it, or remove the EXPOSE",
		port, who, portRange(e.Spec.ContainerStart, e.Spec.ContainerEnd), port)
}
