package rules

import (
	"github.com/dlint-dev/dlint/images"
)

// WgetWithoutProgress reports GNU wget run in a build step without a
// progress setting.
var WgetWithoutProgress = &Rule{
	ID:       "wget-without-progress",
	Aliases:  []string{"DL3047"},
	Severity: Style,
	Group:    GroupStyle,
	Tags:     []string{TagDockerfile, TagBestPractice},
	Summary:  "wget in RUN without --progress (or -q, -nv) prints a line of dots per 50 KiB into the build log",
	Doc: `## Why
With no terminal, GNU wget falls back to its dot progress: one line per
50 KiB, so a 100 MB download writes two thousand lines into the build log
and hides what matters. ` + "`--progress=dot:giga`" + ` keeps a line per 32 MiB;
` + "`-nv`" + ` prints one line per file; ` + "`-q`" + ` prints nothing. BusyBox's wget (Alpine,
busybox images) has no dot progress and no ` + "`--progress`" + `, so a stage on an image
whose /bin/sh is BusyBox is not reported.

## Bad
` + "```dockerfile" + `
FROM debian:12-slim
RUN wget https://example.com/tool.tar.gz
` + "```" + `

## Good
` + "```dockerfile" + `
FROM debian:12-slim
RUN wget --progress=dot:giga https://example.com/tool.tar.gz
` + "```" + `

## Silence
` + "`# dlint ignore=wget-without-progress`" + ` above the RUN. hadolint's ` + "`DL3047`" + ` works too.`,
	Check: checkWgetWithoutProgress,
}

func checkWgetWithoutProgress(pass *Pass) {
	if pass.Dockerfile == nil {
		return
	}
	for in, cmd := range runCommands(pass.Dockerfile) {
		if cmd.Base() != "wget" || in.Stage == nil || images.WgetQuiet(cmd.ArgValues()) {
			continue
		}
		if img := in.Stage.Image(); img != nil && img.Shell == images.ShellAsh {
			continue // BusyBox wget, unless the stage installs GNU wget: its flags differ
		}
		pass.Report(commandNameRange(in.Script, cmd), "`wget` without a progress setting prints a line of dots per 50 KiB into the build log; add `--progress=dot:giga` (or `-nv` for one line per file, `-q` for none)")
	}
}
