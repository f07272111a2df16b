package rules

import (
	"fmt"
	"path"
	"strings"

	"github.com/dlint-dev/dlint/images"
	"github.com/dlint-dev/dlint/parser"
)

// CopyThenExtract reports a tar archive COPYed from the build context and
// unpacked by a later RUN, which ADD does in one step without keeping the
// archive in a layer.
var CopyThenExtract = &Rule{
	ID:       "copy-then-extract",
	Aliases:  []string{"DL3010"},
	Severity: Info,
	Group:    GroupStyle,
	Tags:     []string{TagDockerfile, TagBestPractice},
	Summary:  "A local tar archive is COPYed and then unpacked with tar; ADD unpacks it itself, and the archive stays out of the image",
	Doc: `## Why
The layer of the COPY keeps the archive, even if the RUN that unpacks it
deletes it afterwards, so the image carries it twice (packed and unpacked).
ADD unpacks a local tar archive (plain, gzip, bzip2 or xz) into its
destination directory itself, and only the files land in the layer.

dlint reports only what ADD can do: a whole archive unpacked as it is. A
` + "`tar`" + ` that picks members, strips leading directories (` + "`--strip-components`" + `),
or unpacks a zip is not reported, nor an archive copied from another stage or
made of a variable.

## Bad
` + "```dockerfile" + `
FROM debian:12-slim
COPY vendor.tar.gz /tmp/
RUN tar -xzf /tmp/vendor.tar.gz -C /opt && rm /tmp/vendor.tar.gz
` + "```" + `

## Good
` + "```dockerfile" + `
FROM debian:12-slim
ADD vendor.tar.gz /opt/
` + "```" + `

## Silence
` + "`# dlint ignore=copy-then-extract`" + ` above the RUN. hadolint's ` + "`DL3010`" + ` works too.`,
	Check: checkCopyThenExtract,
}

func checkCopyThenExtract(pass *Pass) {
	df := pass.Dockerfile
	if df == nil {
		return
	}
	for _, st := range df.Stages {
		archives := map[string]*parser.Instruction{} // base name → the COPY
		for _, in := range st.Instructions {
			switch {
			case in.Keyword == "COPY" && len(in.Args) >= 2 && !hasFlagPrefix(in.Flags, "--from"):
				srcs, dest := in.Args[:len(in.Args)-1], in.Args[len(in.Args)-1]
				toDir := len(srcs) > 1 || strings.HasSuffix(dest, "/") || strings.HasSuffix(dest, `\`) || dest == "."
				for _, src := range srcs {
					if strings.ContainsAny(src, "$*?[") || !images.IsTarArchiveName(src) {
						continue
					}
					name := fileBase(src) // the name the archive has in the image
					if !toDir && images.IsTarArchiveName(dest) {
						name = fileBase(dest) // copied under a new name
					}
					// Otherwise dest is a directory the image has, or the
					// archive now has its name, and a tar of the old name
					// would fail the build.
					archives[name] = in
				}
			case in.Keyword == "RUN" && in.Script != nil && len(archives) > 0:
				for _, cmd := range in.Script.Commands {
					if cmd.Base() != "tar" {
						continue
					}
					file, ok := tarWholeExtract(cmd)
					cp := archives[fileBase(file)]
					if !ok || cp == nil {
						continue
					}
					pass.Report(commandNameRange(in.Script, cmd), fmt.Sprintf("this tar unpacks %s, which the COPY on line %d put in a layer of its own, where it stays even once deleted; `ADD %s DIR/` unpacks it itself and keeps only the files", fileBase(file), cp.Range.Start.Line, fileBase(file)))
					delete(archives, fileBase(file))
				}
			}
		}
	}
}

// fileBase is the last element of a path written with / or, in a Windows
// file, with \\.
func fileBase(p string) string {
	p = strings.Trim(p, `"'`)
	if i := strings.LastIndexAny(p, `/\\`); i >= 0 {
		return p[i+1:]
	}
	return path.Base(p)
}

func hasFlagPrefix(flags []string, prefix string) bool {
	for _, f := range flags {
		if strings.HasPrefix(f, prefix) {
			return true
		}
	}
	return false
}

// tarWholeExtract returns the archive a `tar` command unpacks whole: in
// extract mode, with -f FILE, and no member names, -T lists or
// --strip-components. ok is false for any other tar.
func tarWholeExtract(cmd *parser.Command) (file string, ok bool) {
	extract := false
	takeValue := 0 // how many of the following words are option values
	var pending []byte
	for i, w := range cmd.Args {
		a := w.Lit
		if !w.Literal {
			return "", false
		}
		if takeValue > 0 {
			if len(pending) > 0 && pending[0] == 'f' {
				file = a
			}
			pending = pending[1:]
			takeValue--
			continue
		}
		switch {
		case a == "--extract" || a == "--get":
			extract = true
		case strings.HasPrefix(a, "--strip-components"), strings.HasPrefix(a, "--files-from"), strings.HasPrefix(a, "--wildcards"), strings.HasPrefix(a, "--transform"), strings.HasPrefix(a, "--xform"):
			return "", false
		case strings.HasPrefix(a, "--file="):
			file = strings.TrimPrefix(a, "--file=")
		case a == "--file":
			takeValue, pending = 1, []byte{'f'}
		case a == "--directory" || a == "--exclude":
			takeValue, pending = 1, []byte{'C'}
		case strings.HasPrefix(a, "--"):
		case strings.HasPrefix(a, "-") || i == 0:
			// A cluster of short options; the first word may leave out
			// the dash (`tar xzf FILE`). f, C, T and X take values.
			cluster := strings.TrimPrefix(a, "-")
			for j := 0; j < len(cluster); j++ {
				c := cluster[j]
				switch c {
				case 'x':
					extract = true
				case 'T':
					return "", false
				case 'f', 'C', 'X':
					if rest := cluster[j+1:]; rest != "" && strings.HasPrefix(a, "-") {
						if c == 'f' {
							file = rest
						}
						j = len(cluster)
						continue
					}
					takeValue++
					pending = append(pending, c)
				}
			}
		default:
			return "", false // a member name
		}
	}
	return file, extract && file != "" && file != "-"
}
