package rules

import (
	"fmt"
	"slices"

	"github.com/dlint-dev/dlint/parser"
)

// AptListsNotRemoved reports apt-get update in a RUN that leaves the
// package lists in the image.
var AptListsNotRemoved = &Rule{
	ID:       "apt-lists-not-removed",
	Aliases:  []string{"DL3009"},
	Severity: Info,
	Tags:     []string{TagDockerfile, TagBestPractice},
	Summary:  "apt-get update leaves its package lists in the image unless the same RUN removes /var/lib/apt/lists",
	Doc: `## Why
` + "`apt-get update`" + ` downloads the package lists to /var/lib/apt/lists: tens of
megabytes that the image ships for nothing, and that go stale at once.
Only a removal in the same RUN (or ` + "`apt-get dist-clean`" + `, apt 2.7 and later) keeps them out of the layer; one in a later
RUN hides them but the earlier layer still holds them. A cache mount
(` + "`RUN --mount=type=cache,target=/var/lib/apt`" + `) keeps them out of the image too.
dlint reports only stages that end up in the final image (the last stage
and the stages it builds on): a build stage's leftovers are dropped.

## Bad
` + "```dockerfile" + `
RUN apt-get update && apt-get install -y --no-install-recommends curl
` + "```" + `

## Good
` + "```dockerfile" + `
RUN apt-get update && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/*
` + "```" + `

## Silence
` + "`# dlint ignore=apt-lists-not-removed`" + ` above the RUN. hadolint's ` + "`DL3009`" + ` works too.`,
	Check: checkAptListsNotRemoved,
}

func checkAptListsNotRemoved(pass *Pass) {
	df := pass.Dockerfile
	if df == nil {
		return
	}
	reported := map[*parser.Instruction]bool{} // one finding per RUN: one rm fixes every update in it
	for _, pr := range packageRuns(df) {
		pc := pr.pkg
		if !pc.IsApt() || pc.Sub != "update" || reported[pr.in] {
			continue
		}
		// A script file run later in the RUN (/scripts/cleanup.sh) may
		// remove the lists: what it does is not in the RUN's text.
		if !shipsInFinalImage(df, pr.in.Stage) || mountsCache(pr.in, "/var/lib/apt/lists") || removes(pr.in.Script, "/var/lib/apt/lists") || distCleans(pr.in.Script) || pr.in.Script.RunsScriptFileAfter(pc.Cmd) {
			continue
		}
		reported[pr.in] = true
		if later := laterAptInstall(df, pr); later != nil {
			// Removing the lists here would break that install, which
			// reads them from this layer.
			pass.Report(pc.Cmd.Range, fmt.Sprintf("`%s update` leaves the package lists (tens of MB) in this layer of the final image, and the install at line %d reads them from it; update, install and `rm -rf /var/lib/apt/lists/*` in one RUN instead", pc.Manager, later.Range.Start.Line))
			continue
		}
		pass.Report(pc.Cmd.Range, "`"+pc.Manager+" update` leaves the package lists (tens of MB) in this layer of the final image; end the same RUN with `rm -rf /var/lib/apt/lists/*`, or mount a cache at /var/lib/apt/lists")
	}
}

// laterAptInstall is the first apt install of a later RUN of the same
// stage (or one building on it) that does not update the lists itself,
// and so reads the ones pr's update left; nil when there is none.
func laterAptInstall(df *parser.Dockerfile, pr packageRun) *parser.Command {
	updated := map[*parser.Instruction]bool{}
	for _, other := range packageRuns(df) {
		if other.in == pr.in || !pr.in.Range.Start.Before(other.in.Range.Start) || !other.pkg.IsApt() || other.in.Stage == nil || !slices.Contains(other.in.Stage.Ancestors(), pr.in.Stage) {
			continue
		}
		switch {
		case other.pkg.Sub == "update":
			updated[other.in] = true
		case other.pkg.Installs() && !updated[other.in]:
			return other.pkg.Cmd
		}
	}
	return nil
}

// distCleans reports whether the script runs `apt-get dist-clean` (apt
// 2.7+), which removes the lists too.
func distCleans(s *parser.Script) bool {
	for _, c := range s.Commands {
		if pc := c.Package(); pc != nil && pc.IsApt() && pc.Sub == "dist-clean" {
			return true
		}
	}
	return false
}
