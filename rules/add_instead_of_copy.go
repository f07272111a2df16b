package rules

import (
	"fmt"
	"strings"
)

// AddInsteadOfCopy reports ADD of local files, which COPY does plainly.
var AddInsteadOfCopy = &Rule{
	ID:       "add-instead-of-copy",
	Aliases:  []string{"DL3020", "DS005"},
	Severity: Warning,
	Tags:     []string{TagDockerfile, TagBestPractice},
	Summary:  "ADD copies local files, which COPY does without ADD's hidden archive extraction and URL fetching",
	Doc: `## Why
ADD does more than copy: a local tar archive is unpacked (recognised by its
content, not its name), a URL is downloaded. For plain files and directories
that magic is a trap, so COPY says what happens. ADD stays right for a URL, a
git repository, or a local archive you mean to unpack: dlint does not report
a source that is a URL or looks like an archive (` + "`.tar`" + `, ` + "`.tgz`" + `, ` + "`.tar.xz`" + `, …),
nor a source it cannot expand. The fix turns ADD into COPY when every source
is a literal path and ADD has no flag COPY lacks.

## Bad
` + "```dockerfile" + `
ADD requirements.txt /app/
ADD . /app
` + "```" + `

## Good
` + "```dockerfile" + `
COPY requirements.txt /app/
ADD rootfs.tar.xz /
` + "```" + `

## Silence
` + "`# dlint ignore=add-instead-of-copy`" + ` above the ADD. hadolint's ` + "`DL3020`" + ` works too.`,
	Check: checkAddInsteadOfCopy,
}

// archiveSuffixes are the names of files ADD unpacks (it goes by content:
// these are how such files are named).
var archiveSuffixes = []string{".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz", ".tbz2", ".tar.xz", ".txz", ".tar.zst", ".tzst", ".tar.lz", ".gz", ".bz2", ".xz", ".zst", ".lzma"}

// copyFlags are the ADD flags COPY takes too.
var copyFlags = []string{"--chown", "--chmod", "--link", "--exclude", "--parents"}

func checkAddInsteadOfCopy(pass *Pass) {
	df := pass.Dockerfile
	if df == nil {
		return
	}
	for _, st := range df.Stages {
	copies:
		for _, cp := range st.Copies {
			if !cp.Add || len(cp.Instr.Heredocs) > 0 || len(cp.Sources) == 0 {
				continue
			}
			literal := true
			for i, src := range cp.Sources {
				lower := strings.ToLower(src)
				if strings.Contains(lower, "://") || strings.HasPrefix(lower, "git@") || src == "" || strings.Contains(src, "$") {
					continue copies
				}
				for _, suf := range archiveSuffixes {
					if strings.HasSuffix(lower, suf) {
						continue copies
					}
				}
				if i < len(cp.Instr.Args) && cp.Instr.Args[i] != src || strings.ContainsAny(src, "*?[") {
					literal = false // expanded from a variable, or a glob that may match an archive
				}
			}
			var fix *Fix
			if literal && onlyFlags(cp.Instr.Flags, copyFlags) {
				fix = keywordFix(cp.Instr, "COPY", "use COPY")
			}
			what := "local files"
			if len(cp.Sources) == 1 {
				what = fmt.Sprintf("`%s`", cp.Sources[0])
			}
			pass.ReportFix(cp.Instr.KeywordRange(), fmt.Sprintf("ADD copies %s from the build context, which COPY does without ADD's extras (it unpacks a tar archive it recognises by content, fetches URLs); use COPY, and keep ADD for URLs and archives to unpack", what), fix)
		}
	}
}

// onlyFlags reports whether every flag is one of allowed (by name).
func onlyFlags(flags, allowed []string) bool {
	for _, f := range flags {
		name, _, _ := strings.Cut(f, "=")
		ok := false
		for _, a := range allowed {
			if name == a {
				ok = true
			}
		}
		if !ok {
			return false
		}
	}
	return true
}
