package rules

import (
	"fmt"
	"path"
	"strings"

	"github.com/dlint-dev/dlint/parser"
)

// CopyWholeFilesystem reports COPY --from of a stage's whole file system
// onto the root of an image that is not empty.
var CopyWholeFilesystem = &Rule{
	ID:       "copy-whole-filesystem",
	Aliases:  []string{"DL3067"},
	Severity: Warning,
	Tags:     []string{TagDockerfile, TagCorrectness},
	Summary:  "COPY --from=STAGE / / lays another image's whole file system over this one's, OS files and package database included",
	Doc: `## Why
Copying / of another stage over / replaces this image's OS files, its
package database, /etc/passwd and /etc/os-release with the other stage's,
so the image is neither: its base's security fixes are overwritten, its
scanners read the wrong package list, and the layer holds a whole second
system. Copy the directories the application needs (` + "`/app`" + `, ` + "`/usr/local/bin/tool`" + `).
Onto ` + "`FROM scratch`" + ` the same COPY flattens an image into one layer, which is
a known technique and not reported. Nor is a copy from an image rather than
a stage of the file (` + "`COPY --from=docker/buildx-bin / /usr/libexec/…`" + `): dlint
does not know what it holds, and such images are often a few binaries on
scratch; nor one from a stage that is itself built FROM scratch.

## Bad
` + "```dockerfile" + `
FROM golang:1.23 AS build
RUN go build -o /out/app ./cmd/app
FROM debian:12-slim
COPY --from=build / /
` + "```" + `

## Good
` + "```dockerfile" + `
FROM golang:1.23 AS build
RUN go build -o /out/app ./cmd/app
FROM debian:12-slim
COPY --from=build /out/app /usr/local/bin/app
` + "```" + `

## Silence
` + "`# dlint ignore=copy-whole-filesystem`" + ` above the COPY. hadolint's ` + "`DL3067`" + ` works too.`,
	Check: checkCopyWholeFilesystem,
}

func checkCopyWholeFilesystem(pass *Pass) {
	df := pass.Dockerfile
	if df == nil {
		return
	}
	for _, st := range df.Stages {
		if rootIsScratch(st) {
			continue
		}
		for _, cp := range st.Copies {
			if cp.From == "" || cp.Add || len(cp.Sources) != 1 || !isRoot(cp.Sources[0]) || !isRoot(cp.Dest) {
				continue
			}
			// Only a stage of this file is known to hold an OS: an image
			// named in --from is often a scratch image of a few binaries
			// (docker/buildx-bin), and so is a stage FROM scratch.
			src := copySourceStage(df, cp.From)
			if src == nil || rootIsScratch(src) || onlyNamesImage(src) {
				continue
			}
			pass.Report(cp.Instr.ArgsRange(), fmt.Sprintf("`COPY --from=%s / /` lays that image's whole file system over this one's, its OS files, package database and /etc/passwd included; copy only the directories the application needs", cp.From))
		}
	}
}

func isRoot(p string) bool {
	p = strings.Trim(p, `"`)
	return p != "" && path.Clean(p) == "/"
}

// onlyNamesImage reports whether a stage is just a name for an image
// (`FROM tonistiigi/xx AS xx`, no instruction after it): copying from it
// is copying from the image, judged like a --from that names one.
func onlyNamesImage(st *parser.Stage) bool {
	return st.Parent == nil && len(st.Instructions) == 0
}
