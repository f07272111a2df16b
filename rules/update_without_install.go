package rules

import (
	"fmt"

	"github.com/dlint-dev/dlint/parser"
)

// UpdateWithoutInstall reports a package index update in a RUN of its
// own, whose layer later installs reuse from the build cache.
var UpdateWithoutInstall = &Rule{
	ID:       "update-without-install",
	Aliases:  []string{"DS017"},
	Severity: Warning,
	Tags:     []string{TagDockerfile, TagCorrectness},
	Summary:  "`apt-get update` in a RUN of its own is cached apart from the install that needs it, which then reads stale package lists",
	Doc: `## Why
Docker caches each RUN by its text. ` + "`RUN apt-get update`" + ` on its own line is
run once and then reused from the build cache, for months, while the
` + "`apt-get install`" + ` of a later RUN is rebuilt whenever its package list
changes: it then installs from the old lists, whose files the mirror has
deleted (404 Not Found), or takes old versions. Update and install in the
same RUN. dlint reports an update (apt-get, apt, aptitude) only when a
later RUN of the same stage, or of a stage built on it, installs with an
apt front end and the update's RUN installs nothing itself. apk is not
reported: it fetches a fresh index by itself when its cached one is old.

## Bad
` + "```dockerfile" + `
RUN apt-get update
RUN apt-get install -y --no-install-recommends curl
` + "```" + `

## Good
` + "```dockerfile" + `
RUN apt-get update && apt-get install -y --no-install-recommends curl
` + "```" + `

## Silence
` + "`# dlint ignore=update-without-install`" + ` above the RUN. Trivy's ` + "`DS017`" + ` works too.`,
	Check: checkUpdateWithoutInstall,
}

func checkUpdateWithoutInstall(pass *Pass) {
	df := pass.Dockerfile
	if df == nil {
		return
	}
	runs := packageRuns(df)
	for i, pr := range runs {
		pc := pr.pkg
		if !indexUpdate(pc) || installsInRun(runs, pr.in, pc) {
			continue
		}
		for _, later := range runs[i+1:] {
			if later.in == pr.in || !sameIndex(later.pkg, pc) || !later.pkg.Installs() || !buildsOn(later.in.Stage, pr.in.Stage) {
				continue
			}
			pass.Report(pc.Cmd.Range, fmt.Sprintf("`%s update` runs in a RUN of its own, which the build cache keeps while the install at line %d is rebuilt, so that install reads stale package lists (404s, old versions); update and install in the same RUN",
				pc.Manager, later.pkg.Cmd.Range.Start.Line))
			break
		}
	}
}

// indexUpdate reports a command that only refreshes the package index,
// which later installs trust however old it is.
func indexUpdate(pc *parser.PackageCommand) bool {
	return pc.IsApt() && pc.Sub == "update"
}

// sameIndex reports whether a and b read the same package index: the apt
// front ends share theirs.
func sameIndex(a, b *parser.PackageCommand) bool {
	return a.Manager == b.Manager || a.IsApt() && b.IsApt()
}

// installsInRun reports whether the RUN in also changes packages with the
// manager of pc (an install, an upgrade).
func installsInRun(runs []packageRun, in *parser.Instruction, pc *parser.PackageCommand) bool {
	for _, r := range runs {
		if r.in == in && sameIndex(r.pkg, pc) && r.pkg.Sub != "update" && r.pkg.Sub != "clean" {
			return true
		}
	}
	return false
}

// buildsOn reports whether stage st is base or built on it.
func buildsOn(st, base *parser.Stage) bool {
	if st == nil || base == nil {
		return false
	}
	for _, a := range st.Ancestors() {
		if a == base {
			return true
		}
	}
	return false
}
