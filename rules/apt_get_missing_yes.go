package rules

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/dlint-dev/dlint/parser"
)

// AptGetMissingYes reports apt-get install without -y in a RUN.
var AptGetMissingYes = &Rule{
	ID:       "apt-get-missing-yes",
	Aliases:  []string{"DL3014", "DS021"},
	Severity: Warning,
	Tags:     []string{TagDockerfile, TagCorrectness},
	Summary:  "apt-get install without -y asks for confirmation, which a build cannot give, so it aborts",
	Doc: `## Why
A build has no terminal. When ` + "`apt-get install`" + ` wants to install more than the
packages named (dependencies, almost always) it asks "Do you want to
continue?", reads end-of-file, and aborts the RUN. ` + "`-y`" + ` (` + "`--yes`" + `,
` + "`--assume-yes`" + `, ` + "`-qq`" + `) answers for it. ` + "`DEBIAN_FRONTEND=noninteractive`" + ` does not:
it silences debconf questions, not apt-get's own. dlint does not report a
Dockerfile that sets APT::Get::Assume-Yes itself, nor ` + "`yes | apt-get install`" + `, nor a simulation (` + "`-s`" + `), which asks nothing. The fix adds ` + "`-y`" + `.

## Bad
` + "```dockerfile" + `
RUN apt-get update && apt-get install curl
` + "```" + `

## Good
` + "```dockerfile" + `
RUN apt-get update && apt-get install -y --no-install-recommends curl
` + "```" + `

## Silence
` + "`# dlint ignore=apt-get-missing-yes`" + ` above the RUN. hadolint's ` + "`DL3014`" + ` works too.`,
	Check: checkAptGetMissingYes,
}

func checkAptGetMissingYes(pass *Pass) {
	df := pass.Dockerfile
	if df == nil {
		return
	}
	// An APT::Get::Assume-Yes written by the Dockerfile answers for every
	// install; the text is searched only once there is one to report.
	answered := sync.OnceValue(func() bool { return bytes.Contains(bytes.ToLower(df.Source.Text), []byte("assume-yes")) })
	for _, pr := range packageRuns(df) {
		pc := pr.pkg
		if !pc.IsApt() || !pc.Installs() {
			continue
		}
		if pc.HasOption("-y", "--yes", "--assume-yes", "--force-yes", "-s", "--simulate", "--dry-run", "--just-print", "--no-act", "--recon", "--print-uris") || quietLevel(pc) >= 2 || pipedYes(pr) {
			continue
		}
		// `--only-upgrade` installs none of what it upgrades for the first
		// time; apt asks only when an upgrade needs a new dependency (or
		// removes a package), which the Dockerfile cannot tell.
		if pc.HasOption("--only-upgrade") {
			continue
		}
		if answered() {
			return
		}
		pass.ReportFix(pc.SubWord.Range, fmt.Sprintf("`%s install` without -y asks before installing anything you did not name (dependencies, almost always), and a build cannot answer, so the RUN aborts as soon as a package brings one; add -y (DEBIAN_FRONTEND=noninteractive does not answer apt-get)", pc.Manager), addOptionFix(pc, "-y"))
	}
}

// pipedYes reports whether the script feeds a command into a pipe that
// starts with `yes` (`yes | apt-get install …`).
func pipedYes(pr packageRun) bool {
	for _, c := range pr.in.Script.Commands {
		if c.Base() == "yes" && c.PipesInto {
			return true
		}
	}
	return false
}

// quietLevel counts apt-get's -q options (-q -q, -qq, -q=2, --quiet):
// level 2 implies -y.
func quietLevel(pc *parser.PackageCommand) int {
	n := 0
	for _, o := range pc.Options {
		switch {
		case o.Lit == "--quiet":
			n++
		case strings.HasPrefix(o.Lit, "-q=") || strings.HasPrefix(o.Lit, "--quiet="):
			if v, err := strconv.Atoi(o.Lit[strings.IndexByte(o.Lit, '=')+1:]); err == nil {
				n += v
			}
		case len(o.Lit) > 1 && o.Lit[0] == '-' && o.Lit[1] != '-':
			n += strings.Count(o.Lit, "q")
		}
	}
	return n
}
