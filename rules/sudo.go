package rules

import (
	"fmt"
	"strings"

	"github.com/dlint-dev/dlint/parser"
)

// Sudo reports sudo run as a command in a RUN instruction.
var Sudo = &Rule{
	ID:       "sudo",
	Aliases:  []string{"DL3004", "DS010"},
	Severity: Warning,
	Tags:     []string{TagSecurity, TagDockerfile, TagBestPractice},
	Summary:  "RUN uses sudo: build steps run as the USER in effect, switch with USER instead",
	Doc: `## Why
Each RUN already runs as the USER in effect (the base image's user, root for
most, unless a USER switched away), with no terminal and no password to type. Under root, ` + "`sudo`" + ` does nothing but
add a setuid binary and its configuration to the image; under another user it
fails at build time unless the image grants passwordless sudo, which hands
root back to anyone who gets a shell in the container. Do root's work before
switching away from root, or between ` + "`USER root`" + ` and ` + "`USER app`" + `. Under root,
` + "`sudo -u app cmd`" + ` (or ` + "`-g`" + `) is a user switch, not an escalation: it is reported as
info, with ` + "`USER`" + ` or ` + "`gosu`" + ` as the way to switch (removing sudo would run the
command as root). When the base image is one dlint does not know and no USER
is set, an earlier step that only root can run without sudo (` + "`apt-get install`" + `,
` + "`useradd`" + `) shows the base runs as root; without one, the finding says the step's
user is unknown and offers no fix: the base may run as a user that needs sudo
(gitpod/workspace-full). dlint finds
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
		asRoot, known := runsAsRoot(in)
		for _, cmd := range in.Script.Commands {
			if cmd.Base() != "sudo" {
				continue
			}
			r := commandNameRange(in.Script, cmd)
			user, group := sudoTarget(cmd)
			if switches := user != "" && !isRootName(user) || group != "" && !isRootName(group); switches && (asRoot || !known) {
				// A switch to another user, not an escalation: from root
				// (removing sudo would run the command as root), or from
				// a base user dlint does not know.
				who := userOr(user, "root")
				if group != "" {
					who += ":" + group
				}
				from := ""
				if known {
					from = " from root"
				}
				pass.ReportFinding(Finding{Range: r, Severity: Info, Message: fmt.Sprintf("`sudo` in RUN switches%s to %s for one command, which needs the sudo package and its setuid binary in the image; switch with `USER %s` for the steps that need it (and back after), or use `gosu %s …`", from, who, who, who)})
				continue
			}
			if !known {
				// The base image's user decides, and dlint does not know
				// it: neither "already root" nor "needs sudoers" is sure.
				pass.Report(r, fmt.Sprintf("`sudo` in RUN: the step runs as the user of %s, which dlint does not know offline; as root, sudo does nothing here, and as another user it works only through passwordless sudoers, which hand root to anyone with a shell in the container; run the step under `USER root` and switch back after", in.Stage.RootBase().Raw))
				continue
			}
			if asRoot {
				pass.ReportFix(r, "`sudo` in RUN: this step already runs as root (no USER switched away), so sudo does nothing here; remove it (and the sudo package, unless the container needs it)", dropSudoFix(in.Script, cmd, r))
				continue
			}
			if _, set := userBefore(in); !set {
				who := in.Stage.Image().User
				pass.Report(r, fmt.Sprintf("`sudo` in RUN: the step runs as %s, the user of %s, with no terminal, so sudo works only through passwordless sudoers, which hand root to anyone with a shell in the container; put `USER root` before this step and `USER %s` after it", who, in.Stage.RootBase().Raw, who))
				continue
			}
			who := userWord(in)
			pass.Report(r, fmt.Sprintf("`sudo` in RUN: the step runs as %s with no terminal, so sudo works only through passwordless sudoers, which hand root to anyone with a shell in the container; do this step before `USER %s`, or between `USER root` and `USER %s`", who, who, who))
		}
	}
}

// sudoValueFlags are sudo's short options that take a value (-u and -g
// aside).
const sudoValueFlags = "CDprtTUR"

// sudoLongValueOptions are its long options that take a value.
var sudoLongValueOptions = map[string]bool{
	"--close-from": true, "--chdir": true, "--prompt": true, "--role": true,
	"--type": true, "--command-timeout": true, "--other-user": true, "--chroot": true, "--host": true,
}

// sudoTarget returns the user and group `sudo -u USER -g GROUP …`
// (`--user=USER`, `-Eu USER`) runs its command as, read from sudo's options
// up to the command; "" for one not given. A name written with expansions
// is returned as written.
func sudoTarget(cmd *parser.Command) (user, group string) {
	args := cmd.Args
	value := func(i int, rest string) (string, int) {
		if rest != "" {
			return rest, i
		}
		if i+1 < len(args) {
			return args[i+1].Lit, i + 1
		}
		return "", i
	}
	for i := 0; i < len(args); i++ {
		a := args[i].Lit
		switch {
		case a == "--" || !strings.HasPrefix(a, "-") || a == "-":
			return user, group // the command starts
		case strings.HasPrefix(a, "--"):
			name, v, hasValue := strings.Cut(a, "=")
			switch {
			case name == "--user":
				user, i = value(i, v)
			case name == "--group":
				group, i = value(i, v)
			case sudoLongValueOptions[name] && !hasValue:
				i++
			}
		default:
		word:
			for j := 1; j < len(a); j++ {
				switch c := a[j]; {
				case c == 'u':
					user, i = value(i, a[j+1:])
				case c == 'g':
					group, i = value(i, a[j+1:])
				case strings.IndexByte(sudoValueFlags, c) >= 0:
					if j+1 == len(a) {
						i++ // the value is the next word
					}
				default:
					continue
				}
				break word // the rest of the word was the value
			}
		}
	}
	return user, group
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

// runsAsRoot reports whether the RUN runs as root: the last USER before it
// in its stage chain is literally root or 0, or none is and the base image
// runs as root. known is false when no USER is set and the base image is
// not in the catalogue (gitpod/workspace-full runs as gitpod).
func runsAsRoot(in *parser.Instruction) (root, known bool) {
	raw, ok := userBefore(in)
	if !ok {
		if in.Stage.RootBase().IsScratch() {
			return true, true
		}
		if img := in.Stage.Image(); img != nil {
			return img.RunsAsRoot(), true
		}
		if in.Stage.BaseUserProvenRoot() {
			return true, true
		}
		return false, false
	}
	name, _, _ := cutUser(raw)
	return isRootName(name), true
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
