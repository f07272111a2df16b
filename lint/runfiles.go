package lint

import (
	"bytes"
	"errors"
	"io"
	"os"
	"strings"

	"github.com/dlint-dev/dlint/parser"
	"github.com/dlint-dev/dlint/rules"
)

// runFile is a file read for its `docker run` lines, kept for its
// suppressions.
type runFile struct {
	src  *parser.Source
	kind parser.RunFileKind
}

// runFileKindOf tells the kind of a discovered run file; an executable
// without an extension is a shell script when its shebang says so.
func runFileKindOf(path string) parser.RunFileKind {
	if k := RunFileKind(path); k != 0 {
		return k
	}
	return parser.RunShell
}

// namedRunFile reports whether a file named on the command line, whose name
// says nothing, is a shell script: it starts with a shell shebang.
func namedRunFile(path string) bool {
	return hasShellShebang(readHead(path))
}

func hasShellShebang(head []byte) bool {
	return bytes.HasPrefix(head, []byte("#!")) && parser.IsShellScript(head)
}

// readHead reads the first bytes of a file, enough to tell a script from a
// compiled program without reading all of it; nil when it cannot be read.
func readHead(path string) []byte {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer func() { _ = f.Close() }()
	head := make([]byte, 8000)
	n, _ := io.ReadFull(f, head)
	return head[:n]
}

// parsedRunFile is a run file read before the compose projects are
// checked: its build lines tag local images the other files may build on.
type parsedRunFile struct {
	src     *parser.Source
	kind    parser.RunFileKind
	p       *parser.ComposeProject
	readErr error // reported after the Dockerfiles, unless said there
	// composeLines name compose projects with -f, buildLines the images
	// the file builds (p may be nil: a file whose only commands are
	// compose or build commands is not linted itself).
	composeLines []*parser.ComposeLine
	buildLines   []*parser.BuildLine
}

// parseRunFiles reads the run and build lines of each script, Makefile, CI
// file and (where docs are on) Markdown file. A file with no run line is
// not linted at all.
func (r *runner) parseRunFiles() {
	r.runParsed = make([]*parsedRunFile, len(r.runFilePaths))
	parallel(r.workers, len(r.runFilePaths), func(i int) {
		path := r.runFilePaths[i]
		kind := runFileKindOf(path)
		fs := r.configs.settings(path)
		if fs.ignored || kind == parser.RunMarkdown && !fs.docs {
			return
		}
		data, err := r.readLinted(path)
		extensionless := kind == parser.RunShell && RunFileKind(path) == 0
		var tooLarge *tooLargeError
		if errors.As(err, &tooLarge) && extensionless && !hasShellShebang(readHead(path)) {
			return // a large program, not a script: nothing here to read
		}
		if err != nil {
			r.runParsed[i] = &parsedRunFile{kind: kind, readErr: err, src: parser.NewSource(path, nil)}
			return
		}
		if !parser.MayHaveRunLines(data) {
			return
		}
		if extensionless && !bytes.HasPrefix(data, []byte("#!")) {
			return // an executable without a shebang is not known to be shell
		}
		src := parser.NewSource(path, data)
		type parsed struct {
			p   *parser.ComposeProject
			err error
		}
		res, ok := bounded(r, path, "reading docker run lines", func() parsed {
			p, err := parser.ParseRunFile(src, kind)
			return parsed{p, err}
		})
		if !ok {
			return
		}
		if res.err != nil && r.walkedPaths[path] && templated(data) {
			// A CI file with {{ cookiecutter.x }} or {% if %}: a generator
			// renders the real one.
			r.leaveOutTemplate(path)
			return
		}
		if res.err != nil {
			fe := &FileError{Path: path, Msg: "cannot parse: " + res.err.Error()}
			var pe *parser.ParseError
			if errors.As(res.err, &pe) {
				fe.Line, fe.Col, fe.Msg = pe.Line, pe.Col, "cannot parse: "+pe.Msg
			}
			r.addError(fe)
			r.addSource(src)
		}
		p := res.p
		if p == nil {
			return
		}
		if len(p.Services) == 0 {
			if len(p.ComposeLines) > 0 || len(p.BuildLines) > 0 {
				r.runParsed[i] = &parsedRunFile{src: src, kind: kind, composeLines: p.ComposeLines, buildLines: p.BuildLines}
			}
			return
		}
		p.Sources = []*parser.Source{src}
		r.addSource(src)
		r.runParsed[i] = &parsedRunFile{src: src, kind: kind, p: p, composeLines: p.ComposeLines, buildLines: p.BuildLines}
	})
}

// checkRunFiles checks the run lines read by parseRunFiles as the
// containers they start. A run of an image the same file builds runs that
// Dockerfile's stage, which is then checked with the run's view, as a
// compose service's is. It runs before the Dockerfiles are checked on
// their own.
func (r *runner) checkRunFiles() {
	results := make([][]rules.Finding, len(r.runParsed))
	files := make([]*runFile, len(r.runParsed))
	parallel(r.workers, len(r.runParsed), func(i int) {
		f := r.runParsed[i]
		if f == nil || f.p == nil {
			return
		}
		p, path := f.p, f.src.Path
		files[i] = &runFile{src: f.src, kind: f.kind}
		var containers []*parser.Container
		for _, s := range p.Services {
			c := &parser.Container{Service: s, Project: p}
			r.linkRunBuild(c, p, f.kind)
			r.attachServiceImage(c, path)
			containers = append(containers, c)
		}
		found := r.checkBounded(&unit{path: path, compose: p, containers: containers})
		built := map[*parser.Dockerfile]bool{}
		for _, c := range containers {
			if df := c.Dockerfile; df != nil && !built[df] {
				built[df] = true
				if r.claimDockerfile(df.Source.Path) {
					found = append(found, r.checkDockerfile(df, nil, nil, true)...)
				}
			}
		}
		for df := range built {
			r.dockerfiles.forget(df.Source.Path)
		}
		results[i] = found
	})
	for i, fs := range results {
		r.findings = append(r.findings, fs...)
		if files[i] != nil {
			r.runFiles = append(r.runFiles, files[i])
		}
	}
}

// reportRunFileErrors reports the run files that could not be read, after
// the Dockerfiles: an entrypoint script's read error is said there once.
func (r *runner) reportRunFileErrors() {
	for _, f := range r.runParsed {
		if f == nil || f.readErr == nil || r.scripts.read(f.src.Path) {
			continue
		}
		r.addError(&FileError{Path: f.src.Path, Msg: "cannot read: " + f.readErr.Error()})
	}
	r.runParsed = nil
}

// linkRunBuild links a run line to the Dockerfile and stage a build line
// of the same file tags its image with, as linkBuild does for a compose
// service that builds.
func (r *runner) linkRunBuild(c *parser.Container, p *parser.ComposeProject, kind parser.RunFileKind) {
	b := buildOfRun(c.Service, p.BuildLines, kind)
	if b == nil {
		return
	}
	ctx, dockerfile, ok := b.Paths()
	if !ok || !isFile(dockerfile) {
		return // a missing Dockerfile is the build's error, not the script's
	}
	if df := r.dockerfiles.get(dockerfile); df != nil {
		r.linkStage(c, df, b.Target, ctx, true)
	}
}

// buildOfRun finds the build line whose tag a run line runs: the last one
// before it. In a Makefile, whose targets run in any order (`run: build`),
// a build after it counts too when every such build agrees. A workflow's
// service and job containers start before any step: no build precedes
// them.
func buildOfRun(s *parser.Service, builds []*parser.BuildLine, kind parser.RunFileKind) *parser.BuildLine {
	run := s.Run
	if run == nil || s.Image == nil || run.Service != "" || run.Uncertain || len(builds) == 0 {
		return nil
	}
	// A make variable has one value in every recipe of a run of make, so
	// the same `$(IMAGE):$(TAG)` names the same image; a shell variable
	// may change between the lines.
	sameText := kind == parser.RunMakefile && strings.Contains(s.Image.Value, "$")
	if !sameText && strings.ContainsAny(s.Image.Value, "$`") {
		return nil
	}
	key := localImageKey(parser.ParseImageRef(s.Image.Value))
	names := func(t string) bool {
		if sameText {
			return t == s.Image.Value
		}
		return !strings.ContainsAny(t, "$`") && localImageKey(parser.ParseImageRef(t)) == key
	}
	var before, after []*parser.BuildLine
	for _, b := range builds {
		for _, t := range b.Tags {
			if !names(t) {
				continue
			}
			if b.Range.Start.Before(run.Range.Start) {
				before = append(before, b)
			} else {
				after = append(after, b)
			}
			break
		}
	}
	if len(before) > 0 {
		return before[len(before)-1]
	}
	if kind != parser.RunMakefile || len(after) == 0 {
		return nil
	}
	for _, b := range after[1:] {
		if b.Dockerfile != after[0].Dockerfile || b.Context != after[0].Context || b.Target != after[0].Target || b.Dir != after[0].Dir {
			return nil
		}
	}
	return after[0]
}

// runPragmas finds the suppressions of a run file: `#` comments in
// scripts, Makefiles and the shell of CI files (and the YAML comments
// above a key of a CI file), `<!-- dlint ignore=… -->` in Markdown.
func runPragmas(f *runFile, lookup ruleLookup) ([]*pragma, []*FileError) {
	switch f.kind {
	case parser.RunWorkflow, parser.RunGitLabCI:
		yamlPragmas, errs := composePragmas(f.src, lookup)
		shellPragmas, _ := scriptPragmas(f.src, lookup)
		seen := map[int]bool{}
		for _, p := range yamlPragmas {
			seen[p.line] = true
		}
		for _, p := range shellPragmas {
			if !seen[p.line] {
				yamlPragmas = append(yamlPragmas, p)
			}
		}
		return yamlPragmas, errs
	case parser.RunMarkdown:
		return markdownPragmas(f.src, lookup)
	}
	return scriptPragmas(f.src, lookup)
}

// markdownPragmas finds `<!-- dlint ignore=… -->` comments in Markdown: one
// silences the line below it, or the whole code block when a fence follows.
func markdownPragmas(src *parser.Source, lookup ruleLookup) ([]*pragma, []*FileError) {
	var out []*pragma
	var errs []*FileError
	n := src.LineCount()
	isComment := func(s string) bool { return strings.HasPrefix(strings.TrimSpace(s), "<!--") }
	for l := 1; l <= n; l++ {
		line := src.Line(l)
		trimmed := strings.TrimSpace(line)
		if !strings.HasPrefix(trimmed, "<!--") || !strings.HasSuffix(trimmed, "-->") {
			continue
		}
		idx := strings.Index(line, "<!--")
		end := strings.LastIndex(line, "-->")
		// The same bytes with `#   ` for `<!--`, so columns stay exact.
		text := "#   " + line[idx+4:end]
		p, perr := parseComment(text, runeCol(line, idx), []pragmaForm{formDlint}, lookup)
		if perr != nil {
			errs = append(errs, &FileError{Path: src.Path, Line: l, Col: perr.col, Msg: "invalid ignore comment: " + perr.msg})
			continue
		}
		if p == nil {
			continue
		}
		p.file, p.line, p.target = src.Path, l, "line"
		p.text = strings.TrimSpace(line[idx:])
		if !p.global {
			if t := nextCodeLine(src, l, isComment); t > 0 {
				last := t
				if fence := strings.TrimLeft(src.Line(t), " "); strings.HasPrefix(fence, "```") || strings.HasPrefix(fence, "~~~") {
					for last = t + 1; last < n && !strings.HasPrefix(strings.TrimLeft(src.Line(last), " "), fence[:3]); last++ {
					}
				} else {
					for last < n && strings.HasSuffix(strings.TrimRight(src.Line(last), " \t"), "\\") {
						last++
					}
				}
				p.from, p.to = t, last
			}
		}
		out = append(out, p)
	}
	return out, errs
}
