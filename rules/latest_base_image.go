package rules

import "fmt"

// LatestBaseImage reports a FROM image pinned to :latest without a digest.
var LatestBaseImage = &Rule{
	ID:       "latest-base-image",
	Aliases:  []string{"DL3007", "DS001"},
	Severity: Warning,
	Tags:     []string{TagDockerfile, TagBestPractice},
	Summary:  "FROM uses the :latest tag, which moves: rebuilds take a different base without a change in the Dockerfile",
	Doc: `## Why
` + "`:latest`" + ` is whatever the publisher pushed last. Two builds of the same
Dockerfile a week apart can get different major versions of the base, and
nothing in your history shows it. Name the version you test with; a digest
(` + "`@sha256:…`" + `) pins it entirely, and dlint does not report ` + "`:latest@sha256:…`" + `.

## Bad
` + "```dockerfile" + `
FROM node:latest
` + "```" + `

## Good
` + "```dockerfile" + `
FROM node:22-bookworm-slim
` + "```" + `

## Silence
` + "`# dlint ignore=latest-base-image`" + ` above the FROM, or ` + "`latest-base-image: off`" + `
in .dlint.yaml. hadolint's ` + "`DL3007`" + ` works too.`,
	Check: checkLatestBaseImage,
}

func checkLatestBaseImage(pass *Pass) {
	if pass.Dockerfile == nil {
		return
	}
	for _, st := range pass.Dockerfile.Stages {
		ref := st.Base
		if st.Parent != nil || st.BaseImage.BuiltHere() || !st.BaseResolved || ref.IsScratch() || ref.Tag != "latest" || ref.Digest != "" {
			continue
		}
		pass.Report(fromBaseRange(pass.Dockerfile, st), fmt.Sprintf("`FROM %s` uses :latest, which moves with every push, so rebuilds can take a new release unseen (a new major version, unless the name fixes it); name the tag you test with (%s:<version>) or pin a digest",
			st.BaseName, ref.Name()))
	}
}
