package rules

import (
	"fmt"
	"strings"
)

// LabelMissing reports an image that lacks a label label-schema requires.
var LabelMissing = &Rule{
	ID:       "label-missing",
	Aliases:  []string{"DL3049"},
	Severity: Info,
	Tags:     []string{TagDockerfile, TagBestPractice},
	Summary:  "The image lacks a label that label-schema in .dlint.yaml requires",
	Doc: `## Why
A team that lists labels in ` + "`label-schema`" + ` wants every image to carry them: the
source repository, the version, the owner, for registries, scanners and
people on call. The rule does nothing until ` + "`label-schema`" + ` is set. It checks
the image the Dockerfile builds (its last stage, with the stages of the file
it builds on). dlint does not know the labels a base image sets, so the
finding says what is true: this Dockerfile sets none of that key.

## Bad
` + "```yaml" + `
# .dlint.yaml
label-schema:
  org.opencontainers.image.source: url
` + "```" + `
` + "```dockerfile" + `
FROM alpine:3.20
CMD ["app"]
` + "```" + `

## Good
` + "```dockerfile" + `
FROM alpine:3.20
LABEL org.opencontainers.image.source="https://github.com/acme/app"
CMD ["app"]
` + "```" + `

## Silence
` + "`# dlint ignore=label-missing`" + ` above the FROM, or remove the label from
` + "`label-schema`" + `. hadolint's ` + "`DL3049`" + ` works too.`,
	Check: checkLabelMissing,
}

func checkLabelMissing(pass *Pass) {
	df := pass.Dockerfile
	if df == nil || len(pass.Settings.LabelSchema) == 0 || df.Final() == nil {
		return
	}
	final := df.Final()
	have := map[string]bool{}
	for _, l := range imageLabels(final) {
		if !l.Resolved {
			return // a key the build decides may be any of them
		}
		have[l.Key] = true
	}
	var missing []string
	for _, spec := range pass.Settings.LabelSchema {
		if !have[spec.Key] {
			missing = append(missing, spec.Key)
		}
	}
	if len(missing) == 0 {
		return
	}
	what := "label " + missing[0]
	if len(missing) > 1 {
		what = "labels " + strings.Join(missing, ", ")
	}
	pass.Report(final.From.KeywordRange(), fmt.Sprintf("this Dockerfile sets no %s for the image it builds, which label-schema in .dlint.yaml requires; add `LABEL %s=…`", what, missing[0]))
}
