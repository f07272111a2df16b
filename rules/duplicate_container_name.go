package rules

import (
	"fmt"

	"github.com/dlint-dev/dlint/parser"
)

// DuplicateContainerName reports compose services that give their
// containers one name.
var DuplicateContainerName = &Rule{
	ID:       "duplicate-container-name",
	Aliases:  []string{"no-duplicate-container-names"},
	Severity: Error,
	Tags:     []string{TagCompose, TagCorrectness},
	Summary:  "Two compose services set the same `container_name`",
	Doc: `## Why
A container name is unique on a Docker host. When two services of a project
set the same ` + "`container_name`" + `, the first one is created and the second
fails with "the container name is already in use", so ` + "`docker compose up`" + `
never starts the whole project. Services that only run under different
profiles (` + "`profiles: [dev]`" + ` and ` + "`profiles: [prod]`" + `) never run together and
may share a name.

## Bad
` + "```yaml" + `
services:
  api:
    image: example/api:1.4
    container_name: app
  worker:
    image: example/worker:1.4
    container_name: app
` + "```" + `

## Good
` + "```yaml" + `
services:
  api:
    image: example/api:1.4
    container_name: app-api
  worker:
    image: example/worker:1.4
    container_name: app-worker
` + "```" + `

## Silence
` + "`# dlint ignore=duplicate-container-name`" + ` on the line above the second
` + "`container_name:`" + `, or ` + "`duplicate-container-name: off`" + ` in .dlint.yaml.`,
	Check: checkDuplicateContainerName,
}

func checkDuplicateContainerName(pass *Pass) {
	var named []*parser.Service
	for _, s := range composeFileServices(pass) {
		if s.ContainerName == nil {
			continue
		}
		for _, first := range named {
			if first.ContainerName.Value != s.ContainerName.Value || alternatives(first, s) {
				continue
			}
			// Report the name written last; the first one stands.
			at := s.ContainerName.Range
			if writtenBefore(pass.Compose, at, first.ContainerName.Range) {
				at = first.ContainerName.Range
			}
			pass.Report(at, fmt.Sprintf("services '%s' and '%s' both name their container '%s', and a name can be used once per host: `docker compose up` creates one and fails on the other; give each service its own `container_name`, or drop it and let compose name them",
				first.Name, s.Name, s.ContainerName.Value))
			break
		}
		named = append(named, s)
	}
}

// writtenBefore reports whether a comes before b in the project's files
// (in the order compose reads them) and lines.
func writtenBefore(p *parser.ComposeProject, a, b parser.Range) bool {
	if a.File != b.File {
		for _, src := range p.Sources {
			switch src.Path {
			case a.File:
				return true
			case b.File:
				return false
			}
		}
		return a.File < b.File
	}
	return a.Start.Line < b.Start.Line || a.Start.Line == b.Start.Line && a.Start.Col < b.Start.Col
}
