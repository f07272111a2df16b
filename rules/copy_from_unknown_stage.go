package rules

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/dlint-dev/dlint/images"
	"github.com/dlint-dev/dlint/parser"
)

// CopyFromUnknownStage reports a COPY --from that names no stage of the
// Dockerfile and no image dlint knows: BuildKit pulls it from Docker Hub.
var CopyFromUnknownStage = &Rule{
	ID:       "copy-from-unknown-stage",
	Aliases:  []string{"DL3022"},
	Severity: Error,
	Tags:     []string{TagDockerfile, TagCorrectness},
	Summary:  "COPY --from names no stage of the Dockerfile, so BuildKit pulls an image of that name instead",
	Doc: `## Why
` + "`COPY --from=NAME`" + ` copies from the stage named NAME, or, when no stage has
that name, from the image NAME, which BuildKit pulls (from Docker Hub for a
bare name). A typo in a stage name (` + "`--from=buidler`" + `) thus becomes a pull of
an image that usually does not exist, or worse, one that does. dlint reports a
bare name that is neither a stage nor an image it knows (the official
images), and a stage index past the last stage, which BuildKit refuses. A
name the build passes as a named context is no image: one a compose service
that builds the Dockerfile lists under ` + "`additional_contexts:`" + `, or a
` + "`contexts`" + ` entry of a Bake file (docker-bake.hcl, .json) in the Dockerfile's
directory or one above it, or of any other .hcl file the walk finds (one a
project passes with ` + "`docker buildx bake -f`" + `), is not reported.
` + "`--from=alpine:3.20`" + ` or ` + "`--from=ghcr.io/org/tool`" + ` name images and are not reported.

## Bad
` + "```dockerfile" + `
FROM golang:1.23 AS builder
RUN go build -o /app .
FROM gcr.io/distroless/static
COPY --from=buider /app /app
` + "```" + `

## Good
` + "```dockerfile" + `
COPY --from=builder /app /app
` + "```" + `

## Silence
` + "`# dlint ignore=copy-from-unknown-stage`" + ` above the COPY (an image of your own
named by a bare word), or ` + "`copy-from-unknown-stage: off`" + ` in .dlint.yaml.
hadolint's ` + "`DL3022`" + ` works too.`,
	Check: checkCopyFromUnknownStage,
}

// copySourceStage is the stage a --from value names, as BuildKit resolves
// it: by index, or by name, the last stage of that name winning.
func copySourceStage(df *parser.Dockerfile, from string) *parser.Stage {
	if i, err := strconv.Atoi(from); err == nil {
		if i >= 0 && i < len(df.Stages) {
			return df.Stages[i]
		}
		return nil
	}
	var found *parser.Stage
	for _, st := range df.Stages {
		if st.Name != "" && strings.EqualFold(st.Name, from) {
			found = st
		}
	}
	return found
}

func stageNames(df *parser.Dockerfile) string {
	var names []string
	for _, st := range df.Stages {
		if st.Name != "" {
			names = append(names, st.DisplayName())
		}
	}
	if len(names) == 0 {
		return "no stage has a name (FROM … AS name)"
	}
	return "the stages are " + strings.Join(names, ", ")
}

// namedContext reports whether a build of the Dockerfile passes a context
// called name: a Bake file around it declares one, or a compose service
// that builds it lists it under `additional_contexts:`.
func namedContext(pass *Pass, name string) bool {
	if pass.Dockerfile.IsNamedContext(name) {
		return true
	}
	for _, c := range slices.Concat(pass.Containers, pass.Builders) {
		if c.Service != nil && c.Service.Build != nil && slices.ContainsFunc(c.Service.Build.Contexts, func(n string) bool { return strings.EqualFold(n, name) }) {
			return true
		}
	}
	return false
}

func checkCopyFromUnknownStage(pass *Pass) {
	df := pass.Dockerfile
	if df == nil {
		return
	}
	for _, st := range df.Stages {
		for _, cp := range st.Copies {
			from := cp.From
			if from == "" || strings.ContainsAny(from, "$:/@") || copySourceStage(df, from) != nil {
				continue
			}
			r := cp.Instr.Find(from)
			if i, err := strconv.Atoi(from); err == nil {
				pass.Report(r, fmt.Sprintf("`COPY --from=%d` names stage index %d, but the Dockerfile has %d stage(s) (counted from 0), so the build fails; name the stage instead (FROM … AS name, COPY --from=name)", i, i, len(df.Stages)))
				continue
			}
			if _, known := images.Default().Lookup(from, ""); known {
				continue // --from=alpine: an image on purpose
			}
			if namedContext(pass, from) {
				continue // the build passes a context of that name
			}
			pass.Report(r, fmt.Sprintf("`COPY --from=%s` names no stage of this Dockerfile, so BuildKit pulls an image called %s instead (unless the build passes a context of that name with --build-context, which dlint finds in no compose file or Bake file here); %s: fix the name, or write the image with its registry or tag to make a pull explicit",
				from, strings.ToLower(from), stageNames(df)))
		}
	}
}
