package rules

import (
	"fmt"
	"strings"

	"github.com/dlint-dev/dlint/parser"
)

// RelativeWorkdir reports a relative WORKDIR that no absolute WORKDIR
// precedes in its stage chain.
var RelativeWorkdir = &Rule{
	ID:       "relative-workdir",
	Aliases:  []string{"DL3000", "WorkdirRelativePath", "DS009"},
	Severity: Warning,
	Tags:     []string{TagDockerfile, TagBestPractice},
	Summary:  "A relative WORKDIR with no absolute one before it lands under the base image's WORKDIR, which the Dockerfile does not show",
	Doc: `## Why
A relative WORKDIR is taken from the WORKDIR in effect, which, before any
WORKDIR of your own, is the base image's: ` + "`/`" + ` for most images, but
` + "`/usr/src/app`" + `, ` + "`/home/node`" + ` or ` + "`/var/www/html`" + ` for others, and it changes when the
base does. Write the path whole. A relative WORKDIR after an absolute one
is fine and not reported, nor is one made of a variable dlint cannot resolve.

## Bad
` + "```dockerfile" + `
FROM node:22-slim
WORKDIR app
` + "```" + `

## Good
` + "```dockerfile" + `
FROM node:22-slim
WORKDIR /app
` + "```" + `

## Silence
` + "`# dlint ignore=relative-workdir`" + ` above the WORKDIR. hadolint's ` + "`DL3000`" + ` and
BuildKit's ` + "`WorkdirRelativePath`" + ` work too.`,
	Check: checkRelativeWorkdir,
}

func checkRelativeWorkdir(pass *Pass) {
	df := pass.Dockerfile
	if df == nil {
		return
	}
	for _, st := range df.Stages {
		known := st.Parent != nil && st.Parent.Workdir != ""
		for _, in := range st.Instructions {
			if in.Keyword != "WORKDIR" || len(in.Args) == 0 {
				continue
			}
			raw := in.Args[0]
			value, ok := in.ExpandWord(&parser.Word{Lit: raw, Literal: !strings.ContainsAny(raw, `$"'\`)})
			if !ok || value == "" {
				known = true // the build decides; later relative paths follow it
				continue
			}
			if absolutePath(value, df.Escape) {
				known = true
				continue
			}
			if known {
				continue
			}
			pass.Report(in.ArgsRange(), fmt.Sprintf("`WORKDIR %s` is relative and no WORKDIR before it sets a directory, so it lands under the base image's WORKDIR (/ for most images, another directory for some); write the absolute path, such as /%s",
				raw, strings.TrimPrefix(value, "./")))
			known = true
		}
	}
}

// absolutePath reports whether p is absolute for the Dockerfile's
// platform: a slash, or a drive letter in a Windows (escape=`) file.
func absolutePath(p string, escape rune) bool {
	if strings.HasPrefix(p, "/") {
		return true
	}
	if len(p) >= 2 && p[1] == ':' && (escape == '`' || len(p) == 2 || p[2] == '\\' || p[2] == '/') {
		return true
	}
	return strings.HasPrefix(p, `\`)
}
