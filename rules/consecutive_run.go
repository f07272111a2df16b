package rules

import (
	"slices"

	"github.com/dlint-dev/dlint/parser"
)

// ConsecutiveRun reports a run of single-command RUNs with the same flags,
// each of which makes a layer.
var ConsecutiveRun = &Rule{
	ID:       "consecutive-run",
	Aliases:  []string{"DL3059"},
	Severity: Style,
	Group:    GroupStyle,
	Tags:     []string{TagDockerfile, TagBestPractice},
	Summary:  "Consecutive RUNs of one command each make one layer each; join them with &&",
	Doc: `## Why
Every RUN is a layer and a cache step. Several RUNs in a row, each a single
command and with the same flags (mounts, network), usually belong together:
joined with ` + "`&&`" + ` they make one layer, and what one of them deletes is
really gone. RUNs with different ` + "`--mount`" + ` or other flags, and RUNs that
already chain several commands, are left alone: those splits are usually
made on purpose (for the build cache). Comments between RUNs do not part
them. The finding is on the second RUN of a pair.

## Bad
` + "```dockerfile" + `
FROM debian:12-slim
RUN apt-get update
RUN apt-get install -y --no-install-recommends curl
` + "```" + `

## Good
` + "```dockerfile" + `
FROM debian:12-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/*
` + "```" + `

## Silence
` + "`# dlint ignore=consecutive-run`" + ` above the second RUN. hadolint's ` + "`DL3059`" + ` works too.`,
	Check: checkConsecutiveRun,
}

func checkConsecutiveRun(pass *Pass) {
	if pass.Dockerfile == nil {
		return
	}
	for _, st := range pass.Dockerfile.Stages {
		var prev *parser.Instruction
		for _, in := range st.Instructions {
			if in.Keyword != "RUN" {
				prev = nil
				continue
			}
			if prev != nil && singleCommand(prev) && singleCommand(in) && slices.Equal(prev.Flags, in.Flags) {
				pass.Report(in.KeywordRange(), "this RUN follows another RUN of a single command with the same flags, and each makes a layer of its own; join them with `&&` into one RUN")
			}
			prev = in
		}
	}
}

// singleCommand reports whether a RUN runs one simple command (not a
// heredoc script, not exec form of a shell).
func singleCommand(in *parser.Instruction) bool {
	return in.Script != nil && in.Script.Err == nil && len(in.Heredocs) == 0 && len(in.Script.Commands) == 1 && in.Script.Commands[0].Inline == nil
}
