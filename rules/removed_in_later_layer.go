package rules

import (
	"fmt"
	"net/url"
	"path"
	"strings"

	"github.com/dlint-dev/dlint/parser"
)

// RemovedInLaterLayer reports files deleted by a later instruction than
// the one that added them: the bytes stay in the earlier layer.
var RemovedInLaterLayer = &Rule{
	ID:       "removed-in-later-layer",
	Severity: Info,
	Tags:     []string{TagSecurity, TagDockerfile, TagBestPractice},
	Summary:  "A file is removed by a later instruction than the one that added it, so its bytes stay in the image's earlier layer",
	Doc: `## Why
Each instruction that changes files makes a layer, and a layer never changes
afterwards: ` + "`RUN rm`" + ` in a later step hides the file from the container but
leaves it in the layer that added it, where ` + "`docker save`" + ` or any layer tool reads
it. A key removed that way is still shipped (reported as a warning); an
archive removed that way still costs its size (info). dlint follows files that
a COPY or ADD names, and those ` + "`curl -o`" + `, ` + "`curl -O`" + ` and ` + "`wget`" + ` download,
through the stages the image is built from, to an ` + "`rm`" + ` in a later RUN.

Download, use and remove in one RUN; for a file from the context use a bind
mount, which never becomes a layer; for a key, a secret mount.

## Bad
` + "```dockerfile" + `
FROM debian:12-slim
COPY deploy.key /tmp/deploy.key
RUN ./fetch-private-deps.sh /tmp/deploy.key
RUN rm /tmp/deploy.key
` + "```" + `

## Good
` + "```dockerfile" + `
FROM debian:12-slim
RUN --mount=type=secret,id=deploy_key,target=/tmp/deploy.key ./fetch-private-deps.sh /tmp/deploy.key
` + "```" + `

## Silence
` + "`# dlint ignore=removed-in-later-layer`" + ` on the line above the RUN, or
` + "`removed-in-later-layer: off`" + ` in .dlint.yaml.`,
	Check: checkRemovedInLaterLayer,
}

// addedFile is a file an instruction put into a layer.
type addedFile struct {
	path  string
	instr *parser.Instruction
	src   string // the COPY source from the context; "" for a download
}

func checkRemovedInLaterLayer(pass *Pass) {
	for _, c := range pass.Containers {
		if c.Stage == nil {
			continue
		}
		var added []addedFile
		chain := c.Stage.Ancestors()
		for i := len(chain) - 1; i >= 0; i-- {
			st := chain[i]
			copies := map[*parser.Instruction]*parser.Copy{}
			for _, cp := range st.Copies {
				copies[cp.Instr] = cp
			}
			for _, in := range st.Instructions {
				if cp := copies[in]; cp != nil {
					for _, f := range copiedFiles(cp) {
						f.instr = in
						added = append(added, f)
					}
					continue
				}
				if in.Keyword != "RUN" || in.Script == nil {
					continue
				}
				removed := removals(in)
				for _, rm := range removed {
					// One finding per operand: the first file it covers,
					// a credential first, and how many more.
					var hit *addedFile
					n := 0
					for j := range added {
						a := &added[j]
						if !rm.covers(a.path) {
							continue
						}
						n++
						if hit == nil || parser.SecretFile(a.path) != "" && parser.SecretFile(hit.path) == "" {
							hit = a
						}
					}
					if hit == nil {
						continue
					}
					f := Finding{Range: rm.word.Range, Message: removedMessage(*hit, n-1, rm)}
					if parser.SecretFile(hit.path) != "" {
						f.Severity = Warning
					}
					pass.ReportAbout(c, f)
				}
				for _, p := range downloads(in) {
					gone := false
					for _, rm := range removed {
						gone = gone || rm.covers(p)
					}
					if !gone {
						added = append(added, addedFile{path: p, instr: in})
					}
				}
			}
		}
	}
}

func removedMessage(a addedFile, more int, rm removal) string {
	how := "the download"
	if a.instr.Keyword != "RUN" {
		how = "its " + a.instr.Keyword
	}
	what := "its bytes stay in the image"
	fix := "download, use and remove it in one RUN"
	switch {
	case a.src != "":
		fix = fmt.Sprintf("use it through `RUN --mount=type=bind,source=%s,target=%s` in the step that needs it instead of copying it", a.src, a.path)
	case a.instr.Keyword != "RUN":
		fix = "download, use and remove it in one RUN, or ADD it in a builder stage and `COPY --from` only what you unpack"
	}
	if kind := parser.SecretFile(a.path); kind != "" {
		what = "the " + strings.TrimPrefix(strings.TrimPrefix(kind, "an "), "a ") + " stays readable in the image"
		fix = fmt.Sprintf("pass it with `RUN --mount=type=secret,id=%s,target=%s` in the step that needs it", secretID(a.path), a.path)
	}
	also := ""
	if more > 0 {
		also = fmt.Sprintf(" (and %d more file(s) added earlier)", more)
	}
	return fmt.Sprintf("`rm %s` runs in a later layer than %s of %s at line %d%s, so %s of %s; %s",
		rm.word.Lit, how, a.path, a.instr.Range.Start.Line, also, what, subjectMark, fix)
}

// copiedFiles are the image paths a COPY or ADD writes that dlint can name:
// a file source without a pattern (a name with an extension, or a
// credential's), or an ADD of a URL.
func copiedFiles(cp *parser.Copy) []addedFile {
	var out []addedFile
	for _, src := range cp.Sources {
		base, from := "", src
		if cp.From != "" || strings.Contains(src, "://") {
			from = ""
		}
		switch {
		case strings.Contains(src, "://"):
			if !cp.Add {
				continue
			}
			u, err := url.Parse(src)
			if err != nil {
				continue
			}
			base = path.Base(u.Path)
		case strings.ContainsAny(src, "*?[$"):
			continue
		default:
			base = path.Base(src)
			if !strings.Contains(strings.TrimLeft(base, "."), ".") && parser.SecretFile(src) == "" {
				continue // likely a directory, whose contents COPY spreads
			}
		}
		if base == "" || base == "/" || base == "." {
			continue
		}
		p := path.Clean(cp.Dest)
		if cp.DirDest || strings.HasSuffix(cp.Dest, "/") {
			p = path.Join(cp.Dest, base)
		}
		out = append(out, addedFile{path: p, src: from})
	}
	return out
}

// removal is one operand of an rm, made absolute.
type removal struct {
	word *parser.Word
	path string
}

// covers reports whether removing r deletes p: the file, a directory
// above it, or a pattern that matches it.
func (r removal) covers(p string) bool {
	if r.path == p || strings.HasPrefix(p, strings.TrimSuffix(r.path, "/")+"/") {
		return true
	}
	if strings.ContainsAny(r.path, "*?[") {
		for q := p; q != "/" && q != "."; q = path.Dir(q) {
			if ok, _ := path.Match(r.path, q); ok {
				return true
			}
		}
	}
	return false
}

// removals lists the operands of the RUN's rm commands.
func removals(in *parser.Instruction) []removal {
	var out []removal
	for _, cmd := range in.Script.Commands {
		if cmd.Base() != "rm" {
			continue
		}
		opts := true
		for _, a := range cmd.Args {
			if opts && a.Literal && strings.HasPrefix(a.Lit, "-") {
				opts = a.Lit != "--"
				continue
			}
			if p, ok := scriptPath(in, a); ok {
				out = append(out, removal{word: a, path: p})
			}
		}
	}
	return out
}

// downloads lists the files the RUN's curl and wget commands write.
func downloads(in *parser.Instruction) []string {
	var out []string
	for _, cmd := range in.Script.Commands {
		var file *parser.Word
		var remote bool
		var urlWord string
		switch cmd.Base() {
		case "curl":
			file, remote, urlWord = curlOutput(cmd)
		case "wget":
			file, remote, urlWord = wgetOutput(cmd)
		default:
			continue
		}
		if file != nil {
			if p, ok := scriptPath(in, file); ok && file.Lit != "-" {
				out = append(out, p)
			}
			continue
		}
		if remote && urlWord != "" {
			if u, err := url.Parse(urlWord); err == nil && path.Base(u.Path) != "/" && path.Base(u.Path) != "." {
				w := &parser.Word{Lit: path.Base(u.Path), Literal: true}
				if p, ok := scriptPath(in, w); ok {
					out = append(out, p)
				}
			}
		}
	}
	return out
}

// curlOutput reads curl's -o FILE / --output FILE, or -O (the URL's name).
func curlOutput(cmd *parser.Command) (file *parser.Word, remote bool, urlWord string) {
	args := cmd.Args
	for i := 0; i < len(args); i++ {
		a := args[i].Lit
		switch {
		case a == "--output" || a == "-o":
			if i+1 < len(args) {
				file = args[i+1]
				i++
			}
		case strings.HasPrefix(a, "--output="):
			file = &parser.Word{Lit: strings.TrimPrefix(a, "--output="), Literal: args[i].Literal, Range: args[i].Range}
		case a == "--remote-name" || a == "-O":
			remote = true
		case strings.HasPrefix(a, "-") && !strings.HasPrefix(a, "--"):
			if j := strings.IndexByte(a, 'o'); j > 0 {
				if j == len(a)-1 && i+1 < len(args) {
					file = args[i+1]
					i++
				} else if j < len(a)-1 {
					file = &parser.Word{Lit: a[j+1:], Literal: args[i].Literal, Range: args[i].Range}
				}
			} else if strings.IndexByte(a, 'O') > 0 {
				remote = true
			}
		case strings.Contains(a, "://") && urlWord == "":
			urlWord = a
		}
	}
	return file, remote, urlWord
}

// wgetOutput reads wget's -O FILE / --output-document=FILE; without one
// wget names the file after the URL.
func wgetOutput(cmd *parser.Command) (file *parser.Word, remote bool, urlWord string) {
	args := cmd.Args
	remote = true
	for i := 0; i < len(args); i++ {
		a := args[i].Lit
		switch {
		case a == "-O" || a == "--output-document":
			if i+1 < len(args) {
				file = args[i+1]
				i++
			}
		case strings.HasPrefix(a, "--output-document="):
			file = &parser.Word{Lit: strings.TrimPrefix(a, "--output-document="), Literal: args[i].Literal, Range: args[i].Range}
		case a == "-P" || a == "--directory-prefix" || strings.HasPrefix(a, "--directory-prefix=") || a == "-i" || a == "--input-file":
			remote = false // saved elsewhere, or names from a list
		case strings.HasPrefix(a, "-") && !strings.HasPrefix(a, "--"):
			if j := strings.IndexByte(a, 'O'); j > 0 {
				if j == len(a)-1 && i+1 < len(args) {
					file = args[i+1]
					i++
				} else if j < len(a)-1 {
					file = &parser.Word{Lit: a[j+1:], Literal: args[i].Literal, Range: args[i].Range}
				}
			}
		case strings.Contains(a, "://") && urlWord == "":
			urlWord = a
		}
	}
	return file, remote, urlWord
}

// scriptPath makes a literal path word of the RUN absolute against its
// WORKDIR; a relative one is unknown once the script changes directory.
func scriptPath(in *parser.Instruction, w *parser.Word) (string, bool) {
	if !w.Literal || w.Lit == "" || strings.ContainsAny(w.Lit, "$`~") {
		return "", false
	}
	if strings.HasPrefix(w.Lit, "/") {
		return path.Clean(w.Lit), true
	}
	for _, cmd := range in.Script.Commands {
		if cmd.Name == "cd" || cmd.Name == "pushd" {
			return "", false
		}
	}
	dir := in.Workdir
	if dir == "" {
		dir = "/"
	}
	return path.Join(dir, w.Lit), true
}
