package rules

import "fmt"

// AptInRun reports `apt`, the interactive front end, in a RUN.
var AptInRun = &Rule{
	ID:       "apt-in-run",
	Aliases:  []string{"DL3027"},
	Severity: Warning,
	Tags:     []string{TagDockerfile, TagBestPractice},
	Summary:  "RUN uses `apt`, whose command line is not stable for scripts; use apt-get (or apt-cache)",
	Doc: `## Why
` + "`apt`" + ` is the front end for people at a terminal: it prints progress bars, warns
"apt does not have a stable CLI interface" when it is not on one, and its
options and output may change between releases. ` + "`apt-get`" + ` and ` + "`apt-cache`" + ` are
the interfaces meant for scripts. The fix swaps ` + "`apt`" + ` for ` + "`apt-get`" + ` where they do
the same thing (install, remove, purge, autoremove, update, clean); ` + "`apt upgrade`" + `
also installs new dependencies, which ` + "`apt-get upgrade`" + ` does not, so it has no fix.

## Bad
` + "```dockerfile" + `
RUN apt update && apt install -y curl
` + "```" + `

## Good
` + "```dockerfile" + `
RUN apt-get update && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/*
` + "```" + `

## Silence
` + "`# dlint ignore=apt-in-run`" + ` above the RUN. hadolint's ` + "`DL3027`" + ` works too.`,
	Check: checkAptInRun,
}

// aptGetSame are the apt subcommands apt-get runs the same way.
var aptGetSame = map[string]bool{
	"install": true, "remove": true, "purge": true, "autoremove": true, "update": true, "clean": true,
	"autoclean": true, "source": true, "build-dep": true, "download": true, "changelog": true, "satisfy": true,
}

func checkAptInRun(pass *Pass) {
	if pass.Dockerfile == nil {
		return
	}
	for _, pr := range packageRuns(pass.Dockerfile) {
		pc := pr.pkg
		if pc.Manager != "apt" || pc.SubWord == nil {
			continue
		}
		name := pc.Cmd.NameWord
		if pc.Cmd.Base() != "apt" && len(pc.Cmd.Args) > 0 {
			name = pc.Cmd.Args[0] // sudo apt …
		}
		var fix *Fix
		instead := "apt-get"
		if aptGetSame[pc.Sub] {
			if name.Literal && name.Lit == "apt" {
				fix = &Fix{Description: "use apt-get", Edits: []Edit{{Range: name.Range, NewText: "apt-get"}}}
			}
		} else {
			switch pc.Sub {
			case "search", "show", "policy", "showsrc", "depends", "rdepends":
				instead = "apt-cache " + pc.Sub
			case "list":
				instead = "dpkg-query -l or apt-cache policy"
			case "upgrade":
				instead = "apt-get upgrade --with-new-pkgs, which installs new dependencies as apt upgrade does"
			case "full-upgrade":
				instead = "apt-get dist-upgrade"
			default:
				instead = "apt-get " + pc.Sub + " (check that it does the same)"
			}
		}
		pass.ReportFix(name.Range, fmt.Sprintf("`apt %s` uses apt's interactive front end, whose command line and output are not stable for scripts (it warns so in every build log); use %s", pc.Sub, instead), fix)
	}
}
