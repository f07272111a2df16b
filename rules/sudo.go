package rules

import (
	"fmt"
	"strings"

	"github.com/dlint-dev/dlint/parser"
)

// Sudo reports sudo run as a command in a RUN instruction.
var Sudo = &Rule{
	ID:       "sudo",
	Aliases:  []string{"DL3004"},
	Severity: Warning,
	Tags:     []string{TagSecurity, TagDockerfile, TagBestPractice},
	Summary:  "RUN uses sudo: build steps run as the USER in effect, switch with USER instead",
	Doc: `## Why
Each RUN already runs as the USER in effect (root unless a USER switched away),
with no terminal and no password to type. Under root, ` + "`sudo`" + ` does nothing but
add a setuid binary and its configuration to the image; under another user it
fails at build time unless the image grants passwordless sudo, which hands
root back to anyone who gets a shell in the container. Do root's work before
switching away from root, or between ` + "`USER root`" + ` and ` + "`USER app`" + `. dlint finds
sudo in shell-form and exec-form RUN, heredoc bodies and ` + "`sh -c`" + ` strings;
installing the sudo package is not reported.

## Bad
` + "```dockerfile" + `
FROM debian:12-slim
RUN useradd --uid 10001 app
USER app
RUN sudo apt-get update && sudo apt-get install -y curl
` + "```" + `

## Good
` + "```dockerfile" + `
FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/*
RUN useradd --uid 10001 app
USER 10001:10001
` + "```" + `

## Silence
` + "`# dlint ignore=sudo`" + ` on the line above the RUN, or ` + "`sudo: off`" + ` in .dlint.yaml.
hadolint's ` + "`# hadolint ignore=DL3004`" + ` works too.`,
	Check: checkSudo,
}

func checkSudo(pass *Pass) {
	if pass.Dockerfile == nil {
		return
	}
	for _, in := range runInstructions(pass.Dockerfile) {
		if in.Script == nil || in.Stage == nil {
			continue
		}
		asRoot := runsAsRoot(in)
		for _, cmd := range in.Script.Commands {
			if cmd.Base() != "sudo" {
				continue
			}
			r := commandNameRange(in.Script, cmd)
			if asRoot {
				pass.ReportFix(r, "`sudo` in RUN: this step already runs as root (no USER switched away), so sudo only adds a package and a setuid binary to the image; remove it", dropSudoFix(in.Script, cmd, r))
				continue
			}
			who := userWord(in)
			pass.Report(r, fmt.Sprintf("`sudo` in RUN: the step runs as %s with no terminal, so sudo works only through passwordless sudoers, which hand root to anyone with a shell in the container; do this step before `USER %s`, or between `USER root` and `USER %s`", who, who, who))
		}
	}
}

// runInstructions lists the RUN instructions of df, with the RUN that an
// ONBUILD registers for the images built on it.
func runInstructions(df *parser.Dockerfile) []*parser.Instruction {
	var out []*parser.Instruction
	for _, in := range df.Instructions {
		switch {
		case in.Keyword == "RUN":
			out = append(out, in)
		case in.Trigger != nil && in.Trigger.Keyword == "RUN":
			out = append(out, in.Trigger)
		}
	}
	return out
}

// runsAsRoot reports whether the RUN runs as root: no USER before it in its
// stage chain, or the last one is literally root or 0.
func runsAsRoot(in *parser.Instruction) bool {
	raw, ok := userBefore(in)
	if !ok {
		return true
	}
	name, _, _ := cutUser(raw)
	return isRootName(name)
}

// userBefore returns the raw value of the last USER before in, looking
// through the stages in's stage builds on. An ONBUILD trigger, which is not
// among its stage's instructions, runs after all of them.
func userBefore(in *parser.Instruction) (string, bool) {
	if in.UserBefore == nil {
		return "", false
	}
	return in.UserBefore.Raw, true
}

func userWord(in *parser.Instruction) string {
	raw, ok := userBefore(in)
	if !ok || strings.TrimSpace(raw) == "" {
		return "the current user"
	}
	return strings.TrimSpace(raw)
}

// dropSudoFix removes a plain `sudo ` prefix (no options) when the step runs
// as root anyway.
func dropSudoFix(s *parser.Script, cmd *parser.Command, name parser.Range) *Fix {
	if len(cmd.Args) == 0 || strings.HasPrefix(cmd.Args[0].Lit, "-") {
		return nil
	}
	next := cmd.Args[0].Range
	if next.Start.Line != name.Start.Line || next.Start.Col <= name.End.Col || s.Source == nil {
		return nil
	}
	if strings.TrimLeft(spanText(s.Source, parser.Range{File: name.File, Start: name.End, End: next.Start}), " \t,") != "" {
		return nil
	}
	return &Fix{
		Description: "remove sudo",
		Edits:       []Edit{{Range: parser.Range{File: name.File, Start: name.Start, End: next.Start}}},
	}
}
