package rules

import "fmt"

// LabelNotInSchema reports a label that label-schema does not list.
var LabelNotInSchema = &Rule{
	ID:       "label-not-in-schema",
	Aliases:  []string{"DL3050"},
	Severity: Info,
	Group:    GroupStrict,
	Tags:     []string{TagDockerfile, TagBestPractice},
	Summary:  "A LABEL sets a key that label-schema in .dlint.yaml does not list",
	Doc: `## Why
A team whose ` + "`label-schema`" + ` is the complete list of its labels (as hadolint's
` + "`strict-labels`" + `) wants no others: a misspelt key (` + "`org.opencontainers.image.sorce`" + `)
is then caught rather than silently ignored by the tools that read the right
one. Selecting this rule (it is in the ` + "`strict`" + ` group) makes the schema strict;
it does nothing until ` + "`label-schema`" + ` is set.

## Bad
` + "```yaml" + `
# .dlint.yaml
label-schema:
  org.opencontainers.image.source: url
extend-select: [label-not-in-schema]
` + "```" + `
` + "```dockerfile" + `
FROM alpine:3.20
LABEL org.opencontainers.image.sorce="https://github.com/acme/app"
` + "```" + `

## Good
` + "```dockerfile" + `
FROM alpine:3.20
LABEL org.opencontainers.image.source="https://github.com/acme/app"
` + "```" + `

## Silence
` + "`# dlint ignore=label-not-in-schema`" + ` above the LABEL, or add the key to ` + "`label-schema`" + `.
hadolint's ` + "`DL3050`" + ` works too.`,
	Check: checkLabelNotInSchema,
}

func checkLabelNotInSchema(pass *Pass) {
	if pass.Dockerfile == nil || len(pass.Settings.LabelSchema) == 0 {
		return
	}
	for _, st := range pass.Dockerfile.Stages {
		for _, l := range st.Labels {
			if _, ok := schemaType(pass.Settings, l.Key); ok || !l.Resolved {
				continue
			}
			pass.Report(l.Range, fmt.Sprintf("label %s is not in label-schema of .dlint.yaml, which lists every label an image may carry; fix the key if it is misspelt, or add it to label-schema", l.Key))
		}
	}
}
