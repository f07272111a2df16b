package rules

import (
	"fmt"
	"path"
	"strings"

	"github.com/dlint-dev/dlint/images"
	"github.com/dlint-dev/dlint/parser"
)

// PipeWithoutPipefail reports a RUN whose pipe hides the failure of a
// command before the last.
var PipeWithoutPipefail = &Rule{
	ID:       "pipe-without-pipefail",
	Aliases:  []string{"DL4006"},
	Severity: Warning,
	Tags:     []string{TagDockerfile, TagCorrectness},
	// Most pipes in real Dockerfiles are find | xargs, ldd | awk or grep |
	// …, whose writer rarely fails, and pipefail would fail the build on a
	// grep that finds nothing: judged noise on the corpus, so opt-in.
	Group:   GroupStrict,
	Summary: "A RUN pipes a command into another without pipefail, so the build goes on when the first one fails",
	Doc: `## Why
A pipe's exit status is its last command's. In ` + "`curl -fsSL $URL | tar -xz`" + `, a
failed download leaves tar with nothing to read; depending on the tool the
step still succeeds and the image ships without what it was meant to hold.
With ` + "`pipefail`" + `, the first failure fails the RUN. Set it in the RUN
(` + "`set -o pipefail && …`" + `, bash and busybox ash) or for every RUN with
` + "`SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]`" + `. Debian's and Ubuntu's /bin/sh
is dash, which has no pipefail option: use the SHELL line there. A
pipe whose left side cannot fail (echo, printf, yes) is not reported. The
rule is in the ` + "`strict`" + ` group: most pipes in real Dockerfiles (find | xargs,
grep | …) rarely hide a failure, and with pipefail a grep that finds nothing
fails the build, so check what the writer's status means before adding it.

## Bad
` + "```dockerfile" + `
RUN curl -fsSL https://example.com/tool.tgz | tar -xz -C /usr/local/bin
` + "```" + `

## Good
` + "```dockerfile" + `
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN curl -fsSL https://example.com/tool.tgz | tar -xz -C /usr/local/bin
` + "```" + `

## Silence
` + "`# dlint ignore=pipe-without-pipefail`" + ` above the RUN. hadolint's ` + "`DL4006`" + ` works too.`,
	Check: checkPipeWithoutPipefail,
}

// cannotFail are commands whose failure in a pipe would not matter.
var cannotFail = map[string]bool{"echo": true, "printf": true, "yes": true, "true": true, ":": true}

func checkPipeWithoutPipefail(pass *Pass) {
	df := pass.Dockerfile
	if df == nil {
		return
	}
	for _, in := range runInstructions(df) {
		if in.Script == nil || in.JSON || len(in.Heredocs) > 0 || in.Stage == nil {
			continue
		}
		shellArgv := in.Stage.EffectiveShell()
		if hasPipefail(shellArgv) {
			continue
		}
		for _, cmd := range in.Script.Commands {
			if cmd.Parent != nil || !cmd.PipesInto || cannotFail[cmd.Base()] {
				continue
			}
			if setsPipefailBefore(in.Script, cmd) {
				break
			}
			pass.Report(cmd.Range, fmt.Sprintf("`%s` writes into a pipe, and the shell returns only the last command's status, so the build goes on if %s fails; %s",
				shortCommand(cmd), cmd.Base(), pipefailAdvice(in.Stage, shellArgv)))
			break // one finding per RUN: one fix covers them all
		}
	}
}

// hasPipefail reports whether a SHELL argv turns pipefail on
// (`-o pipefail`, `-eo pipefail`).
func hasPipefail(argv []string) bool {
	for i := 1; i < len(argv); i++ {
		if argv[i] == "pipefail" && strings.HasPrefix(argv[i-1], "-") && strings.HasSuffix(argv[i-1], "o") {
			return true
		}
	}
	return false
}

// setsPipefailBefore reports whether a `set -o pipefail` (or -eo, -euo)
// of the script's own runs before cmd.
func setsPipefailBefore(s *parser.Script, cmd *parser.Command) bool {
	for _, c := range s.Commands {
		if !before(c.Range.Start, cmd.Range.Start) {
			return false
		}
		if c.Name == "set" && c.Parent == nil && hasPipefail(append([]string{"set"}, c.ArgValues()...)) {
			return true
		}
	}
	return false
}

func pipefailAdvice(st *parser.Stage, shellArgv []string) string {
	const shellLine = `add SHELL ["/bin/bash", "-o", "pipefail", "-c"] before the RUN`
	sh := path.Base(shellArgv[0])
	kind := images.ShellUnknown
	if sh == "sh" {
		if img := st.Image(); img != nil {
			kind = img.Shell
		}
	}
	switch {
	case sh == "bash" || sh == "ash" || kind == images.ShellAsh || kind == images.ShellBash || kind == images.ShellOldBash:
		return "start the RUN with `set -o pipefail &&`, or " + shellLine
	case kind == images.ShellDash:
		return "/bin/sh is dash here, which has no pipefail: " + shellLine
	}
	return shellLine + " (or start the RUN with `set -o pipefail &&` where /bin/sh supports it)"
}
