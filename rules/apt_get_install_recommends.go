package rules

import (
	"fmt"
	"regexp"
	"sync"

	"github.com/dlint-dev/dlint/parser"
)

// AptGetInstallRecommends reports apt-get install pulling in the packages'
// recommendations.
var AptGetInstallRecommends = &Rule{
	ID:       "apt-get-install-recommends",
	Aliases:  []string{"DL3015", "DS029", "7384dfb2-fcd1-4fbf-91cd-6c44c318c33c"},
	Severity: Info,
	Tags:     []string{TagDockerfile, TagBestPractice},
	Group:    GroupStrict,
	Summary:  "`apt-get install` without --no-install-recommends installs every recommended package too",
	Doc: `## Why
apt installs a package's Recommends as well as its Depends: software the
package works without, often many times its size (` + "`apt-get install git`" + `
brings perl's documentation and an ssh client). ` + "`--no-install-recommends`" + `
installs what is needed only; add what you want of the recommendations by
name. A Dockerfile that sets ` + "`APT::Install-Recommends \"false\"`" + ` in apt.conf (or
passes ` + "`-o APT::Install-Recommends=false`" + `) is not reported, nor aptitude with
` + "`-R`" + `. dlint reports only stages that end up in the final image. The fix is
unsafe: a recommended package the image relies on (ca-certificates, for
curl and https) has to be named.

The rule is in the ` + "`strict`" + ` group, off by default: on real repositories most
installs without the option were development containers, where the
recommendations (less, an ssh client for git) are wanted.

## Bad
` + "```dockerfile" + `
RUN apt-get update && apt-get install -y curl
` + "```" + `

## Good
` + "```dockerfile" + `
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl
` + "```" + `

## Silence
` + "`# dlint ignore=apt-get-install-recommends`" + ` above the RUN. hadolint's ` + "`DL3015`" + ` works too.`,
	Check: checkAptGetInstallRecommends,
}

var noRecommendsConf = regexp.MustCompile(`(?i)Install-Recommends\s*"?\s*(=\s*)?"?(false|0|no|off)\b`)

func checkAptGetInstallRecommends(pass *Pass) {
	df := pass.Dockerfile
	if df == nil {
		return
	}
	// An apt.conf setting written by the Dockerfile answers for every
	// install; the text is searched only once there is one to report.
	configured := sync.OnceValue(func() bool { return noRecommendsConf.Match(df.Source.Text) })
	for _, pr := range packageRuns(df) {
		pc := pr.pkg
		if !pc.IsApt() || !pc.Installs() || pc.Simulates() || !shipsInFinalImage(df, pr.in.Stage) {
			continue
		}
		if pc.HasOption("--no-install-recommends") || pc.Manager == "aptitude" && pc.HasOption("-R", "--without-recommends") {
			continue
		}
		if configured() {
			return
		}
		fix := &Fix{Description: "add --no-install-recommends", Unsafe: true, Edits: []Edit{{
			Range:   parser.Range{File: pc.SubWord.Range.File, Start: pc.SubWord.Range.End, End: pc.SubWord.Range.End},
			NewText: " --no-install-recommends",
		}}}
		pass.ReportFix(pc.Cmd.Range, fmt.Sprintf("`%s install` without --no-install-recommends installs the packages' recommendations too, often more than the packages themselves, into the final image; add --no-install-recommends and name what you need", pc.Manager), fix)
	}
}
