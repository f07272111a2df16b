package rules

import (
	"fmt"
	"strings"

	"github.com/dlint-dev/dlint/images"
	"github.com/dlint-dev/dlint/parser"
)

// WorkdirRuntimeDir reports a WORKDIR in a directory the runtime or the
// kernel owns (/proc, /sys, /dev, /boot…).
var WorkdirRuntimeDir = &Rule{
	ID:       "workdir-runtime-dir",
	Aliases:  []string{"DS030", "AVD-DS-0030"},
	Severity: Warning,
	Tags:     []string{TagDockerfile, TagCorrectness},
	Summary:  "WORKDIR is in /proc, /sys, /dev, /boot or another directory the runtime or the kernel owns",
	Doc: `## Why
When a container starts, the runtime mounts procfs on /proc, sysfs on /sys
and a fresh /dev: what the build wrote there is hidden, and a process whose
working directory is there works in a kernel file system. /boot, /initrd and
/lost+found mean nothing in a container. Put the application's files in a
directory of their own (/app, /srv, /opt/NAME). The list of directories is
dlint's data (` + "`images.RuntimeDirs`" + `); a WORKDIR made of a variable without a value
is not judged.

## Bad
` + "```dockerfile" + `
FROM alpine:3.20
WORKDIR /dev/app
COPY . .
` + "```" + `

## Good
` + "```dockerfile" + `
FROM alpine:3.20
WORKDIR /app
COPY . .
` + "```" + `

## Silence
` + "`# dlint ignore=workdir-runtime-dir`" + ` above the WORKDIR. Trivy's ` + "`DS030`" + ` works too.`,
	Check: checkWorkdirRuntimeDir,
}

func checkWorkdirRuntimeDir(pass *Pass) {
	if pass.Dockerfile == nil {
		return
	}
	for _, in := range pass.Dockerfile.Instructions {
		if in.Keyword != "WORKDIR" || len(in.Args) == 0 {
			continue
		}
		raw := in.Args[0]
		value, ok := in.ExpandWord(&parser.Word{Lit: raw, Literal: !strings.ContainsAny(raw, `$"'\`)})
		if !ok {
			continue
		}
		if !strings.HasPrefix(value, "/") && in.Workdir != "" {
			value = in.Workdir + "/" + value
		}
		d, ok := images.RuntimeDirOf(value)
		if !ok {
			continue
		}
		pass.Report(in.ArgsRange(), fmt.Sprintf("`WORKDIR %s` is in %s: %s; use a directory of the application's own, such as /app", raw, d.Path, d.Why))
	}
}
