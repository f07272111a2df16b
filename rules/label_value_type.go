package rules

import "fmt"

// LabelValueType reports a label whose value is not of the type
// label-schema gives it.
var LabelValueType = &Rule{
	ID:       "label-value-type",
	Aliases:  []string{"DL3052", "DL3053", "DL3054", "DL3055", "DL3056", "DL3058"},
	Severity: Warning,
	Tags:     []string{TagDockerfile, TagBestPractice},
	Summary:  "A label's value is not of the type label-schema gives it (url, semver, email, rfc3339, spdx, hash)",
	Doc: `## Why
Tools read labels as data: a registry links the source URL, a scanner
reads the license, a deploy tool compares versions. ` + "`label-schema`" + ` in
.dlint.yaml names the type of each label's value, and this rule checks the
values the Dockerfile writes (after ARG and ENV expansion; a value the build
decides is not judged, nor an empty one, which is ` + "`label-empty`" + `):

| type | valid values |
|---|---|
| text | anything |
| url | an absolute URL: scheme and host |
| semver | a semantic version 2.0 (1.4.2, 2.0.0-rc.1+build.5; no leading v) |
| email | one address, bare or with a display name (Team <team@example.com>) |
| rfc3339 | an RFC 3339 time (2024-05-01T12:00:00Z) |
| spdx | an SPDX license expression (MIT, Apache-2.0 OR MIT); the ids are not checked against SPDX's list |
| hash | a git commit: 7 to 40 hex digits, or 64 |

The rule does nothing until ` + "`label-schema`" + ` is set.

## Bad
` + "```yaml" + `
# .dlint.yaml
label-schema:
  org.opencontainers.image.version: semver
` + "```" + `
` + "```dockerfile" + `
FROM alpine:3.20
LABEL org.opencontainers.image.version=v1.2
` + "```" + `

## Good
` + "```dockerfile" + `
FROM alpine:3.20
LABEL org.opencontainers.image.version=1.2.0
` + "```" + `

## Silence
` + "`# dlint ignore=label-value-type`" + ` above the LABEL. hadolint's ` + "`DL3052`" + ` to ` + "`DL3056`" + ` and
` + "`DL3058`" + ` work too.`,
	Check: checkLabelValueType,
}

func checkLabelValueType(pass *Pass) {
	if pass.Dockerfile == nil || len(pass.Settings.LabelSchema) == 0 {
		return
	}
	for _, st := range pass.Dockerfile.Stages {
		for _, l := range st.Labels {
			t, ok := schemaType(pass.Settings, l.Key)
			if !ok || !l.Resolved || l.Value == "" || labelValueValid(t, l.Value) {
				continue
			}
			pass.Report(l.Range, fmt.Sprintf("label %s is %q, and label-schema in .dlint.yaml says it is %s: want %s", l.Key, l.Value, t, labelTypeWants[t]))
		}
	}
}
