package rules

import "fmt"

// CopyFromOwnStage reports a COPY --from that names the stage it is in.
var CopyFromOwnStage = &Rule{
	ID:       "copy-from-own-stage",
	Aliases:  []string{"DL3023", "DS006"},
	Severity: Error,
	Tags:     []string{TagDockerfile, TagCorrectness},
	Summary:  "COPY --from names the stage it is in, which BuildKit refuses as a circular dependency",
	Doc: `## Why
A stage cannot copy from itself: its files are what it is building. BuildKit
stops with "circular dependency detected". To copy within a stage, use
` + "`RUN cp`" + `; to copy from another stage, name that one.

## Bad
` + "```dockerfile" + `
FROM alpine:3.20 AS app
COPY --from=app /etc/passwd /tmp/passwd
` + "```" + `

## Good
` + "```dockerfile" + `
FROM alpine:3.20 AS app
RUN cp /etc/passwd /tmp/passwd
` + "```" + `

## Silence
` + "`# dlint ignore=copy-from-own-stage`" + ` above the COPY. hadolint's ` + "`DL3023`" + ` works too.`,
	Check: checkCopyFromOwnStage,
}

func checkCopyFromOwnStage(pass *Pass) {
	df := pass.Dockerfile
	if df == nil {
		return
	}
	for _, st := range df.Stages {
		for _, cp := range st.Copies {
			if cp.From == "" || copySourceStage(df, cp.From) != st {
				continue
			}
			pass.Report(cp.Instr.Find(cp.From), fmt.Sprintf("`COPY --from=%s` names the stage this COPY is in (%s), so the build fails with a circular dependency; copy inside a stage with `RUN cp`, or name the stage the files come from",
				cp.From, st.DisplayName()))
		}
	}
}
