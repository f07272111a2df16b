package rules

import (
	"fmt"
	"path"
	"strings"

	"github.com/dlint-dev/dlint/images"
	"github.com/dlint-dev/dlint/parser"
)

// CopyToFilePath reports a COPY or ADD of several sources to a destination
// that does not end in `/`.
var CopyToFilePath = &Rule{
	ID:       "copy-to-file-path",
	Aliases:  []string{"DL3021", "DS011"},
	Severity: Warning,
	Tags:     []string{TagDockerfile, TagCorrectness},
	Summary:  "COPY of several sources to a destination without a trailing /, which BuildKit may take as one file",
	Doc: mdDoc(`## Why
§COPY a.conf b.conf /etc/app§ means a directory only when §/etc/app§ already is one
in the image. When it is not, BuildKit copies each source onto that one path
in turn, so only the last file remains (moby/buildkit#1853), and the classic
builder refuses the line. End the destination with §/§ and both builders create
the directory.

A destination known to be a directory is not reported: the WORKDIR in effect
(§.§) or one set earlier in the stage chain, the directory of an earlier COPY
to §dir/§, and, unless the stage builds on scratch, the directories every Linux
distribution image has (§/usr/local/bin§, §/etc§…). hadolint's DL3021 reports
those too, for the classic builder's sake. A destination made of a variable
dlint cannot resolve, and a single wildcard source, are not reported either.

## Bad
§§§dockerfile
COPY nginx.conf mime.types /etc/nginx/conf
§§§

## Good
§§§dockerfile
COPY nginx.conf mime.types /etc/nginx/conf/
§§§

## Silence
§# dlint ignore=copy-to-file-path§ above the COPY. hadolint's §DL3021§ works too.`),
	Check: checkCopyToFilePath,
}

func checkCopyToFilePath(pass *Pass) {
	df := pass.Dockerfile
	if df == nil {
		return
	}
	for _, st := range df.Stages {
		for _, cp := range st.Copies {
			in := cp.Instr
			if len(cp.Sources) < 2 || len(in.Heredocs) > 0 || len(in.Args) == 0 {
				continue
			}
			raw := in.Args[len(in.Args)-1]
			// The destination as BuildKit reads it: expanded, unquoted
			// (`"baz/"` is baz/). One it cannot expand fails the build.
			dest := cp.Written
			// A Windows path ends a directory with its own separator
			// (C:\Windows\System32\).
			if cp.Unresolved || strings.HasSuffix(dest, "/") || strings.HasSuffix(dest, `\`) && isWindowsStage(st) || strings.Contains(raw, "$") || strings.HasSuffix(dest, "/.") || dest == "." || dest == ".." {
				continue
			}
			if isDirBefore(st, cp) {
				continue
			}
			r := argWordRange(in, len(in.Args)-1, df.Source)
			if r == in.Range {
				r = in.Find(raw)
			}
			fix := &Fix{Description: "end the destination with /", Edits: []Edit{{Range: r, NewText: raw + "/"}}}
			if r == in.Range || in.JSON {
				fix = nil
			}
			pass.ReportFix(r, fmt.Sprintf("%s of %d sources to %s, which does not end in `/`: unless %s is already a directory in the image, BuildKit copies each source onto that one path and only the last remains; write %s/", in.Keyword, len(cp.Sources), raw, cp.Dest, raw), fix)
		}
	}
}

// isDirBefore reports whether the COPY's destination is known to be a
// directory when it runs: a WORKDIR of the stage chain before it, an
// earlier COPY's directory destination, or a directory every distribution
// image has.
func isDirBefore(st *parser.Stage, cp *parser.Copy) bool {
	dest := path.Clean(cp.Dest)
	if !st.RootBase().IsScratch() && images.IsStandardDir(dest) {
		return true
	}
	for _, s := range st.Ancestors() {
		// in.Workdir is the WORKDIR in effect when in runs, so the
		// instructions up to the COPY see every WORKDIR before it.
		for _, in := range s.Instructions {
			if in.Workdir != "" && path.Clean(in.Workdir) == dest {
				return true
			}
			if in == cp.Instr {
				break
			}
		}
		for _, other := range s.Copies {
			if other == cp {
				break
			}
			if other.DirDest && path.Clean(other.Dest) == dest {
				return true
			}
		}
	}
	return false
}
