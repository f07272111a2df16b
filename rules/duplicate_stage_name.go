package rules

import (
	"fmt"
	"strings"
)

// DuplicateStageName reports two stages with the same name.
var DuplicateStageName = &Rule{
	ID:       "duplicate-stage-name",
	Aliases:  []string{"DL3024", "DuplicateStageName", "DS012"},
	Severity: Error,
	Tags:     []string{TagDockerfile, TagCorrectness},
	Summary:  "Two stages have the same name, so COPY --from and --target reach only the last of them",
	Doc: `## Why
Stage names are matched without regard to case, and BuildKit keeps the last
stage of a name: every ` + "`COPY --from=NAME`" + ` and ` + "`docker build --target NAME`" + ` gets
that one, even a COPY written before it, while ` + "`FROM NAME`" + ` gets the one defined
above it. The Dockerfile then reads one way and builds another. Give each
stage its own name.

## Bad
` + "```dockerfile" + `
FROM node:22 AS build
RUN npm ci && npm run build
FROM golang:1.23 AS build
RUN go build ./...
` + "```" + `

## Good
` + "```dockerfile" + `
FROM node:22 AS web-build
FROM golang:1.23 AS api-build
` + "```" + `

## Silence
` + "`# dlint ignore=duplicate-stage-name`" + ` above the second FROM. hadolint's ` + "`DL3024`" + `
and BuildKit's ` + "`DuplicateStageName`" + ` work too.`,
	Check: checkDuplicateStageName,
}

func checkDuplicateStageName(pass *Pass) {
	df := pass.Dockerfile
	if df == nil {
		return
	}
	first := map[string]int{}
	for _, st := range df.Stages {
		if st.Name == "" {
			continue
		}
		key := strings.ToLower(st.Name)
		line, dup := first[key]
		if !dup {
			first[key] = st.From.Range.Start.Line
			continue
		}
		r := st.From.Find(st.DisplayName())
		pass.Report(r, fmt.Sprintf("stage name '%s' is already used by the stage on line %d; COPY --from=%s and --target %s take this later stage, FROM %s the one above it; give each stage its own name",
			st.DisplayName(), line, st.Name, st.Name, st.Name))
	}
}
