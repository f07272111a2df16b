package rules

import (
	"fmt"
	"strings"

	"github.com/dlint-dev/dlint/parser"
)

// RelativeCopyDest reports COPY or ADD to a relative destination when no
// WORKDIR of the Dockerfile says where that is.
var RelativeCopyDest = &Rule{
	ID:       "relative-copy-dest",
	Aliases:  []string{"DL3045"},
	Severity: Warning,
	Tags:     []string{TagDockerfile, TagBestPractice},
	Summary:  "COPY or ADD to a relative destination with no WORKDIR before it lands under the base image's WORKDIR, which the Dockerfile does not show",
	Doc: `## Why
A relative destination is taken from the WORKDIR in effect. With no WORKDIR
in the stage (or the stages of the file it builds on) that is the base
image's: / for most images, but ` + "`/go`" + `, ` + "`/var/www/html`" + ` or ` + "`/usr/src/app`" + ` for
some, and it can change when the base does. dlint's image catalogue does
not record WORKDIR, so the rule does not guess it: set ` + "`WORKDIR`" + ` first, or write
the absolute path. ` + "`FROM scratch`" + ` has no WORKDIR (relative means /) and is
not reported; a destination made of a variable without a value is not
judged.

## Bad
` + "```dockerfile" + `
FROM node:22-slim
COPY package.json .
` + "```" + `

## Good
` + "```dockerfile" + `
FROM node:22-slim
WORKDIR /app
COPY package.json .
` + "```" + `

## Silence
` + "`# dlint ignore=relative-copy-dest`" + ` above the COPY. hadolint's ` + "`DL3045`" + ` works too.`,
	Check: checkRelativeCopyDest,
}

func checkRelativeCopyDest(pass *Pass) {
	df := pass.Dockerfile
	if df == nil {
		return
	}
	for _, st := range df.Stages {
		if rootIsScratch(st) {
			continue
		}
		workdirSet := false
		for _, a := range st.Ancestors()[1:] {
			workdirSet = workdirSet || stageHasWorkdir(a)
		}
		for _, in := range st.Instructions {
			if in.Keyword == "WORKDIR" {
				workdirSet = true
			}
			if workdirSet || in.Keyword != "COPY" && in.Keyword != "ADD" || len(in.Args) < 2 {
				continue
			}
			raw := in.Args[len(in.Args)-1]
			dest, ok := in.ExpandWord(&parser.Word{Lit: raw, Literal: !strings.ContainsAny(raw, `$"'\`)})
			if !ok || dest == "" || absolutePath(dest, df.Escape) || absolutePath(strings.Trim(raw, `"`), '`') {
				continue
			}
			pass.Report(in.Find(raw), fmt.Sprintf("`%s … %s` copies to a relative path and no WORKDIR before it sets the directory, so it lands under the base image's WORKDIR (/ for most images, another directory for some); set `WORKDIR` first or write the absolute path", in.Keyword, raw))
		}
	}
}

func stageHasWorkdir(st *parser.Stage) bool {
	for _, in := range st.Instructions {
		if in.Keyword == "WORKDIR" {
			return true
		}
	}
	return false
}

func rootIsScratch(st *parser.Stage) bool {
	return st.RootBase().IsScratch()
}
