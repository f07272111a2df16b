package rules

import (
	"fmt"

	"github.com/dlint-dev/dlint/images"
	"github.com/dlint-dev/dlint/parser"
)

// ShellFormWithoutShell reports shell-form RUN instructions in a stage
// whose image has no shell to run them.
var ShellFormWithoutShell = &Rule{
	ID:       "shell-form-without-shell",
	Severity: Error,
	Tags:     []string{TagDockerfile, TagCorrectness},
	Summary:  "A shell-form RUN needs /bin/sh, which the stage's image does not have",
	Doc: `## Why
A RUN written as a command line (` + "`RUN make install`" + `) or as a heredoc is run by
` + "`/bin/sh -c`" + ` (or the stage's SHELL). Images without a shell — distroless,
Chainguard's runtime images, ` + "`scratch`" + `, UBI micro — have no /bin/sh, so the
build stops at that step with "/bin/sh: no such file or directory". dlint knows
which images have no shell (` + "`dlint image NAME`" + `); a stage that copies a shell
into /bin first is left alone. CMD and ENTRYPOINT in shell form on such images
are reported by shell-form-pid1.

## Bad
` + "```dockerfile" + `
FROM gcr.io/distroless/static-debian12:nonroot
COPY app /app
RUN chmod +x /app
` + "```" + `

## Good
Do the work in a build stage that has a shell, then copy the result:
` + "```dockerfile" + `
FROM debian:12-slim AS build
COPY app /app
RUN chmod +x /app

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /app /app
` + "```" + `

## Silence
` + "`# dlint ignore=shell-form-without-shell`" + ` on the line above the RUN, or
` + "`shell-form-without-shell: off`" + ` in .dlint.yaml.`,
	Check: checkShellFormWithoutShell,
}

func checkShellFormWithoutShell(pass *Pass) {
	df := pass.Dockerfile
	if df == nil {
		return
	}
	for _, st := range df.Stages {
		if copiesShell(st) {
			continue
		}
		shell := st.EffectiveShell()
		if st.ShellKind(shell[0]) != images.ShellNone {
			continue
		}
		for _, in := range st.Instructions {
			if in.Keyword != "RUN" || in.JSON {
				continue
			}
			pass.Report(in.KeywordRange(), fmt.Sprintf("RUN in shell form needs `%s`, but %s has no shell, so the build fails at this step; run it in a build stage that has a shell and COPY the result, or write it in exec form (`RUN [\"/app\", \"--init\"]`)",
				shell[0], stageImageName(st)))
		}
	}
}

// stageImageName names the image a stage starts from, for messages.
func stageImageName(st *parser.Stage) string {
	if base := st.RootBase(); base.Raw != "" {
		return "the image " + base.Raw
	}
	return "its image"
}
