package rules

import "fmt"

// RedundantTargetPlatform reports `FROM --platform=$TARGETPLATFORM`, which
// is what FROM does without the flag.
var RedundantTargetPlatform = &Rule{
	ID:       "redundant-target-platform",
	Aliases:  []string{"RedundantTargetPlatform", "DL3065"},
	Severity: Style,
	Group:    GroupStyle,
	Tags:     []string{TagDockerfile},
	Summary:  "FROM --platform=$TARGETPLATFORM says what FROM does anyway",
	Doc: mdDoc(`## Why
A stage is built for the target platform unless §--platform§ says otherwise, so
§--platform=$TARGETPLATFORM§ changes nothing; it is often a leftover of
§$BUILDPLATFORM§, which is what a cross-compiling build stage wants. The fix
removes the flag. As BuildKit's RedundantTargetPlatform.`) + reimplemented + mdDoc(`

## Bad
§§§dockerfile
FROM --platform=$TARGETPLATFORM alpine:3.20
§§§

## Good
§§§dockerfile
FROM alpine:3.20
§§§

## Silence
§# dlint ignore=redundant-target-platform§ above the FROM.`),
	Check: checkRedundantTargetPlatform,
}

func checkRedundantTargetPlatform(pass *Pass) {
	df := pass.Dockerfile
	if df == nil {
		return
	}
	for _, st := range df.Stages {
		if st.Platform != "$TARGETPLATFORM" && st.Platform != "${TARGETPLATFORM}" {
			continue
		}
		r := st.From.FlagRange("--platform=")
		var fix *Fix
		if line := []rune(df.Source.Line(r.Start.Line)); r.Start.Line == r.End.Line && r.End.Col-1 < len(line) && line[r.End.Col-1] == ' ' {
			del := r
			del.End.Col++
			fix = &Fix{Description: "remove --platform", Edits: []Edit{{Range: del, NewText: ""}}}
		}
		pass.ReportFix(r, fmt.Sprintf("--platform=%s is what FROM does without the flag (a stage is built for the target platform); remove it, or use $BUILDPLATFORM if this stage should run on the build machine", st.Platform), fix)
	}
}
