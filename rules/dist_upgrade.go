package rules

import "fmt"

// DistUpgrade reports apt-get and zypper dist-upgrades in a RUN.
var DistUpgrade = &Rule{
	ID:       "dist-upgrade",
	Aliases:  []string{"DL3035", "DS024"},
	Severity: Info,
	Tags:     []string{TagDockerfile, TagBestPractice},
	Group:    GroupStrict,
	Summary:  "A dist-upgrade in a RUN replaces and may remove the base image's packages; move to a newer base image instead",
	Doc: `## Why
` + "`apt-get dist-upgrade`" + ` (` + "`full-upgrade`" + `) and ` + "`zypper dist-upgrade`" + ` (` + "`dup`" + `) upgrade
every package of the base image and install or remove packages to do it;
on openSUSE, zypper moves to whatever release the repositories name. The
image is then no longer what its FROM says, each build can differ, and the
layer repeats most of the base image. A newer base image tag brings the
same updates, tested together. A plain ` + "`apt-get upgrade`" + ` (security updates
on top of the base image) is not reported: hadolint retired that check.

The rule is in the ` + "`strict`" + ` group, off by default.

## Bad
` + "```dockerfile" + `
RUN apt-get update && apt-get dist-upgrade -y
` + "```" + `

## Good
` + "```dockerfile" + `
FROM debian:12.8-slim
` + "```" + `

## Silence
` + "`# dlint ignore=dist-upgrade`" + ` above the RUN. hadolint's ` + "`DL3035`" + ` and Trivy's ` + "`DS024`" + ` work too.`,
	Check: checkDistUpgrade,
}

func checkDistUpgrade(pass *Pass) {
	if pass.Dockerfile == nil {
		return
	}
	for _, pr := range packageRuns(pass.Dockerfile) {
		pc := pr.pkg
		apt := pc.IsApt() && (pc.Sub == "dist-upgrade" || pc.Sub == "full-upgrade")
		zypper := pc.Manager == "zypper" && (pc.Sub == "dist-upgrade" || pc.Sub == "dup")
		if !apt && !zypper {
			continue
		}
		pass.Report(pc.Cmd.Range, fmt.Sprintf("`%s %s` replaces the base image's packages (and may remove some), so the image is no longer what its FROM names and builds differ; use a newer base image tag instead", pc.Manager, pc.Sub))
	}
}
