package rules

import "fmt"

// LabelEmpty reports a label of label-schema set to an empty value.
var LabelEmpty = &Rule{
	ID:       "label-empty",
	Aliases:  []string{"DL3051"},
	Severity: Warning,
	Tags:     []string{TagDockerfile, TagBestPractice},
	Summary:  "A label that label-schema requires is set to an empty value",
	Doc: `## Why
An empty value satisfies a presence check and tells nobody anything; it is
usually a build argument that was not passed (` + "`LABEL org.opencontainers.image.revision=$GIT_SHA`" + `
with ` + "`ARG GIT_SHA=`" + `). The rule checks the labels listed in ` + "`label-schema`" + ` and
does nothing until it is set; a value made of a variable with no value at
all (` + "`ARG GIT_SHA`" + `) is left to the build.

## Bad
` + "```dockerfile" + `
FROM alpine:3.20
LABEL org.opencontainers.image.version=""
` + "```" + `

## Good
` + "```dockerfile" + `
FROM alpine:3.20
ARG VERSION
LABEL org.opencontainers.image.version=$VERSION
` + "```" + `

## Silence
` + "`# dlint ignore=label-empty`" + ` above the LABEL. hadolint's ` + "`DL3051`" + ` works too.`,
	Check: checkLabelEmpty,
}

func checkLabelEmpty(pass *Pass) {
	if pass.Dockerfile == nil || len(pass.Settings.LabelSchema) == 0 {
		return
	}
	for _, st := range pass.Dockerfile.Stages {
		for _, l := range st.Labels {
			if _, ok := schemaType(pass.Settings, l.Key); !ok || !l.Resolved || l.Value != "" {
				continue
			}
			pass.Report(l.Range, fmt.Sprintf("label %s is empty, and label-schema in .dlint.yaml requires it; give it a value (a build argument passed with --build-arg, or the value itself)", l.Key))
		}
	}
}
