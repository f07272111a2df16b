package rules

import "fmt"

// UntaggedBaseImage reports a FROM image with neither tag nor digest.
var UntaggedBaseImage = &Rule{
	ID:       "untagged-base-image",
	Aliases:  []string{"DL3006", "DS001"},
	Severity: Warning,
	Tags:     []string{TagDockerfile, TagBestPractice},
	Summary:  "FROM names an image without a tag or digest, so the build takes whatever `latest` is that day",
	Doc: `## Why
An image named without a tag is ` + "`:latest`" + `, and latest moves: the next major
version of the base lands in your image at the next pull, with no change in
the Dockerfile to show for it. Name the version you tested with, or pin a
digest. dlint does not report ` + "`FROM ${BASE}`" + ` when the ARG has no default (the
build decides), a FROM that names an earlier stage or a named context of a
Bake file (see copy-from-unknown-stage), or scratch.

## Bad
` + "```dockerfile" + `
FROM python
` + "```" + `

## Good
` + "```dockerfile" + `
FROM python:3.13-slim
` + "```" + `

## Silence
` + "`# dlint ignore=untagged-base-image`" + ` above the FROM, or ` + "`untagged-base-image: off`" + `
in .dlint.yaml. hadolint's ` + "`DL3006`" + ` works too.`,
	Check: checkUntaggedBaseImage,
}

func checkUntaggedBaseImage(pass *Pass) {
	if pass.Dockerfile == nil {
		return
	}
	for _, st := range pass.Dockerfile.Stages {
		ref := st.Base
		if st.Parent != nil || st.BaseImage.BuiltHere() || !st.BaseResolved || ref.Repository == "" || ref.IsScratch() || ref.Tag != "" || ref.Digest != "" || pass.Dockerfile.IsNamedContext(st.BaseName) {
			continue
		}
		pass.Report(fromBaseRange(pass.Dockerfile, st), fmt.Sprintf("`FROM %s` has no tag, so the build takes whatever %s:latest is when it pulls, and a new release can arrive unseen (a new major version, unless the name fixes it); name the tag you test with (%s:<version>) or pin a digest",
			st.BaseName, ref.Name(), ref.Name()))
	}
}
