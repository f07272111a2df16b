package rules

import (
	"fmt"
	"strconv"
)

// CopyFromStageIndex reports COPY --from=N, which names a stage by its
// position in the file.
var CopyFromStageIndex = &Rule{
	ID:       "copy-from-stage-index",
	Aliases:  []string{"68a51e22-ae5a-4d48-8e87-b01a323605c9"},
	Severity: Style,
	Group:    GroupStyle,
	Tags:     []string{TagDockerfile, TagBestPractice},
	Summary:  "COPY --from=N names a stage by its position; a stage added above makes it copy from another one",
	Doc: `## Why
` + "`COPY --from=0`" + ` copies from the first stage of the file, whatever that is
when the build runs: a stage added or moved above it makes the COPY take the
files of another stage, often without an error. Name the stage
(` + "`FROM golang:1.23 AS build`" + `) and copy ` + "`--from=build`" + `.

## Bad
` + "```dockerfile" + `
FROM golang:1.23
RUN go build -o /out/app .
FROM gcr.io/distroless/static-debian12
COPY --from=0 /out/app /app
` + "```" + `

## Good
` + "```dockerfile" + `
FROM golang:1.23 AS build
RUN go build -o /out/app .
FROM gcr.io/distroless/static-debian12
COPY --from=build /out/app /app
` + "```" + `

## Silence
` + "`# dlint ignore=copy-from-stage-index`" + ` above the COPY. KICS's "Using Unnamed Build
Stages" id works too.`,
	Check: checkCopyFromStageIndex,
}

func checkCopyFromStageIndex(pass *Pass) {
	df := pass.Dockerfile
	if df == nil {
		return
	}
	for _, st := range df.Stages {
		for _, cp := range st.Copies {
			i, err := strconv.Atoi(cp.From)
			if err != nil || i < 0 || i >= len(df.Stages) {
				continue // an image, a name, or a stage that does not exist (copy-from-unknown-stage)
			}
			src := df.Stages[i]
			fix := "name it (`FROM " + src.BaseName + " AS NAME`) and copy `--from=NAME`"
			if src.Name != "" {
				fix = "copy `--from=" + src.DisplayName() + "`, its name"
			}
			pass.Report(cp.Instr.Find("--from="+cp.From), fmt.Sprintf("`COPY --from=%d` names the stage on line %d by its position, so a stage added above it changes what is copied; %s", i, src.From.Range.Start.Line, fix))
		}
	}
}
