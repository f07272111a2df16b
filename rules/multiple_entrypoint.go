package rules

import (
	"fmt"

	"github.com/dlint-dev/dlint/parser"
)

// MultipleEntrypoint reports an ENTRYPOINT that a later ENTRYPOINT of the
// same stage replaces.
var MultipleEntrypoint = &Rule{
	ID:       "multiple-entrypoint",
	Aliases:  []string{"DL4004", "MultipleInstructionsDisallowed", "DS007"},
	Severity: Warning,
	Tags:     []string{TagDockerfile, TagCorrectness},
	Summary:  "A stage has more than one ENTRYPOINT; only the last one takes effect",
	Doc: `## Why
An image has one entrypoint. Each ENTRYPOINT replaces the one before it, so only
the last ENTRYPOINT of a stage is used and the earlier ones never run; the
entrypoint script you read first may not be the one the container starts.
Stages are independent: an ENTRYPOINT in a base stage that a later stage
replaces is fine.

## Bad
` + "```dockerfile" + `
FROM alpine:3.20
ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]
COPY app /usr/local/bin/app
ENTRYPOINT ["/usr/local/bin/app"]
` + "```" + `

## Good
` + "```dockerfile" + `
FROM alpine:3.20
COPY app /usr/local/bin/app
ENTRYPOINT ["/usr/local/bin/app"]
` + "```" + `

## Silence
` + "`# dlint ignore=multiple-entrypoint`" + ` on the line above the earlier ENTRYPOINT,
or ` + "`multiple-entrypoint: off`" + ` in .dlint.yaml. ` + "`# hadolint ignore=DL4004`" + ` works too.`,
	Check: func(pass *Pass) { reportOverridden(pass, "ENTRYPOINT") },
}

// reportOverridden reports each instruction of kind keyword that a later
// one in the same stage replaces, naming the line of the one that wins.
func reportOverridden(pass *Pass, keyword string) {
	if pass.Dockerfile == nil {
		return
	}
	for _, st := range pass.Dockerfile.Stages {
		var all []*parser.Instruction
		for _, in := range st.Instructions {
			if in.Keyword == keyword {
				all = append(all, in)
			}
		}
		if len(all) < 2 {
			continue
		}
		last := all[len(all)-1]
		stage := "this stage"
		if st.Name != "" {
			stage = fmt.Sprintf("stage '%s'", st.DisplayName())
		}
		for _, in := range all[:len(all)-1] {
			pass.Report(in.Range, fmt.Sprintf("this %s has no effect: the %s on line %d replaces it, as only the last %s of %s applies; remove this one or merge them",
				keyword, keyword, last.Range.Start.Line, keyword, stage))
		}
	}
}
