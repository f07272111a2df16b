package parser

import (
	"bytes"
	"errors"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
	"mvdan.cc/sh/v3/syntax"
)

// RunFileKind is the kind of file run lines are read from.
type RunFileKind int

// The kinds of file that hold run lines.
const (
	RunShell    RunFileKind = iota + 1 // a shell script
	RunMakefile                        // recipes of a Makefile
	RunWorkflow                        // a GitHub Actions workflow
	RunGitLabCI                        // .gitlab-ci.yml
	RunMarkdown                        // sh/bash/shell/console code blocks
)

// MayHaveRunLines is a fast test that lets most files skip the parse: the
// text names a container engine and a run, create or compose subcommand.
func MayHaveRunLines(text []byte) bool {
	if !bytes.Contains(text, []byte("run")) && !bytes.Contains(text, []byte("create")) && !bytes.Contains(text, []byte("options")) && !bytes.Contains(text, []byte("compose")) {
		return false
	}
	for _, tool := range []string{"docker", "podman", "nerdctl", "finch"} {
		if bytes.Contains(text, []byte(tool)) {
			return true
		}
	}
	return bytes.Contains(text, []byte("options:"))
}

// ParseRunFile reads the run lines of a file as a project whose services
// are the lines (Run set), in file order. A script that is not valid shell
// is an error; a snippet inside a Makefile, CI file or README that is not
// is skipped, unless it holds a run line, which is then an error too.
func ParseRunFile(src *Source, kind RunFileKind) (*ComposeProject, error) {
	p := &ComposeProject{Dir: filepath.Dir(src.Path), Files: []*Source{src}, RunLines: true}
	text := normalizeNewlines(string(src.Text))
	var firstErr error
	dir := filepath.Dir(src.Path)
	snippet := func(code string, mapPos PosMapper, strict bool) {
		s := ParseShell(src, code, mapPos)
		if s.Err != nil {
			if strict && firstErr == nil && runLineText.MatchString(code) {
				firstErr = snippetError(src, s.Err, mapPos)
			}
			return
		}
		p.Services = append(p.Services, FindRunLines(s)...)
		p.BuildLines = append(p.BuildLines, FindBuildLines(s, dir, kind == RunShell)...)
		p.ComposeLines = append(p.ComposeLines, FindComposeLines(s, dir, kind == RunShell)...)
	}
	switch kind {
	case RunShell:
		if !IsShellShebang(text) {
			return p, nil
		}
		snippet(text, func(line, col int) Pos { return byteColToPos(src, line, col) }, true)
	case RunMakefile:
		for _, r := range makefileRecipes(text) {
			snippet(r.text, func(line, col int) Pos { return byteColToPos(src, r.line+line-1, r.fileCol(line, col)) }, true)
		}
	case RunWorkflow, RunGitLabCI:
		var root yaml.Node
		if err := yaml.Unmarshal([]byte(text), &root); err != nil {
			return p, yamlError(src, err)
		}
		repo := ciRepoDir(src.Path, kind)
		for _, sc := range ciScripts(src, &root, kind) {
			switch dir = repo; {
			case filepath.IsAbs(sc.dir):
				dir = "" // a path on the runner: not known here
			case sc.dir != "":
				dir = filepath.Join(repo, sc.dir)
			}
			code := ciExpr.ReplaceAllStringFunc(sc.text, func(m string) string { return placeholder(m, 'G') })
			snippet(code, textMapper(src, sc.line, sc.col, sc.text), true)
		}
		if kind == RunWorkflow {
			p.Services = append(p.Services, jobContainers(src, &root)...)
		}
	case RunMarkdown:
		for _, b := range markdownBlocks(text) {
			snippet(b.text, func(line, col int) Pos { return byteColToPos(src, b.line+line-1, b.fileCol(line, col)) }, false)
		}
	}
	if firstErr != nil {
		return p, firstErr
	}
	return p, nil
}

// runLineText finds a line that looks like a run line, for deciding
// whether a snippet that is not valid shell hides one.
var runLineText = regexp.MustCompile(`\b(docker|podman|nerdctl)\b[^\n]*\b(run|create)\b`)

// snippetError places a shell error of a snippet in the file.
func snippetError(src *Source, err error, mapPos PosMapper) error {
	var pe syntax.ParseError
	if errors.As(err, &pe) {
		p := mapPos(int(pe.Pos.Line()), int(pe.Pos.Col()))
		return &ParseError{File: src.Path, Line: p.Line, Col: p.Col, Msg: "shell: " + pe.Text}
	}
	return err
}

func yamlError(src *Source, err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = strings.TrimPrefix(msg, m[0])
	}
	return &ParseError{File: src.Path, Line: line, Msg: msg}
}

var yamlLine = regexp.MustCompile(`^line (\d+): `)

// placeholder stands for a template expression in shell text, as long as
// it: a variable named after what it holds (`${{ matrix.image }}` →
// `${matrix_image______}`), so the word it is in stays unresolved and its
// name still tells an image from options.
func placeholder(expr string, letter byte) string {
	n := len(expr)
	if n < 4 {
		return "$" + strings.Repeat(string(letter), n-1)
	}
	name := []byte(strings.TrimSpace(strings.Trim(expr, "${}()")))
	for i, c := range name {
		if !(c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			name[i] = '_'
		}
	}
	if len(name) == 0 || name[0] >= '0' && name[0] <= '9' {
		name = append([]byte{letter}, name...)
	}
	if len(name) > n-3 {
		name = name[:n-3]
	}
	return "${" + string(name) + strings.Repeat("_", n-3-len(name)) + "}"
}

// ciExpr is a GitHub Actions or GitLab expression: ${{ matrix.image }}.
var ciExpr = regexp.MustCompile(`\$\{\{.*?\}\}`)

type textBlock struct {
	line   int // first line in the file
	indent int // bytes removed from the start of each line
	text   string
	// removed holds, per line of text, the byte columns after which one
	// byte of the file is missing from text (make's `$$` is one `$`).
	removed [][]int
}

// fileCol maps a byte column of line l (1-based) of the block's text to
// the file's.
func (b textBlock) fileCol(l, col int) int {
	col += b.indent
	if l-1 < len(b.removed) {
		for _, at := range b.removed[l-1] {
			if at < col {
				col++
			}
		}
	}
	return col
}

// makefileRecipes returns each logical recipe line of a Makefile (with its
// `\` continuations) as shell text of the same shape: the tab and the
// `@`, `-`, `+` prefixes are blanked, make's `$(VAR)` and `$@` become shell
// variables of the same length, `$$` the `\$` the shell then sees.
func makefileRecipes(text string) []textBlock {
	lines := strings.Split(text, "\n")
	var out []textBlock
	inRule := false
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if !strings.HasPrefix(l, "\t") {
			trimmed := strings.TrimSpace(l)
			if trimmed == "" || strings.HasPrefix(trimmed, "#") {
				continue
			}
			inRule = isRuleLine(trimmed)
			for strings.HasSuffix(l, "\\") && i+1 < len(lines) { // a continued rule or assignment
				i++
				l = lines[i]
			}
			continue
		}
		if !inRule {
			continue
		}
		start := i
		var b strings.Builder
		var removed [][]int
		for first := true; ; first = false {
			shell, gone := makeToShell(lines[i], first)
			b.WriteString(shell)
			removed = append(removed, gone)
			if !strings.HasSuffix(lines[i], "\\") || i+1 >= len(lines) {
				break
			}
			b.WriteByte('\n')
			i++
		}
		out = append(out, textBlock{line: start + 1, text: b.String(), removed: removed})
	}
	return out
}

// isRuleLine reports whether a Makefile line starts a rule (`target: deps`)
// rather than setting a variable.
func isRuleLine(l string) bool {
	colon := strings.IndexByte(l, ':')
	if colon < 0 || strings.HasPrefix(l[colon:], ":=") || strings.HasPrefix(l[colon:], "::=") {
		return false
	}
	if eq := strings.IndexByte(l, '='); eq >= 0 && eq < colon {
		return false
	}
	for _, kw := range []string{"define ", "export ", "override ", "ifeq", "ifneq", "ifdef", "ifndef", "include "} {
		if strings.HasPrefix(l, kw) {
			return false
		}
	}
	return true
}

// makeToShell rewrites one recipe line for the shell, byte for byte but
// for `$$`, which becomes `$`: it returns the columns after which a byte
// was dropped.
func makeToShell(l string, first bool) (string, []int) {
	var removed []int
	b := []byte(l)
	if len(b) > 0 && b[0] == '\t' {
		b[0] = ' '
	}
	if first {
		for i := 1; i < len(b) && (b[i] == '@' || b[i] == '-' || b[i] == '+' || b[i] == ' ' || b[i] == '\t'); i++ {
			if b[i] != ' ' && b[i] != '\t' {
				b[i] = ' '
			}
		}
	}
	var out []byte
	for i := 0; i < len(b); i++ {
		if b[i] != '$' || i+1 >= len(b) {
			out = append(out, b[i])
			continue
		}
		switch c := b[i+1]; c {
		case '$':
			out = append(out, '$')
			removed = append(removed, len(out))
			i++
		case '(', '{':
			closer := byte(')')
			if c == '{' {
				closer = '}'
			}
			depth, j := 0, i+1
			for ; j < len(b); j++ {
				if b[j] == c {
					depth++
				} else if b[j] == closer {
					depth--
					if depth == 0 {
						break
					}
				}
			}
			if j >= len(b) {
				out = append(out, b[i:]...)
				return string(out), removed
			}
			out = append(out, placeholder(string(b[i:j+1]), 'M')...)
			i = j
		default:
			out = append(out, '$', 'M')
			i++
		}
	}
	return string(out), removed
}

// ciScript is a shell script held in a YAML scalar.
type ciScript struct {
	text      string
	line, col int    // where its text starts
	dir       string // a step's literal working-directory, relative to the repository
}

// ciRepoDir is the directory a CI file's jobs run in: the checkout of the
// repository, two levels above .github/workflows for a workflow; the
// directory of .gitlab-ci.yml.
func ciRepoDir(path string, kind RunFileKind) string {
	dir := filepath.Dir(path)
	if kind == RunWorkflow && filepath.Base(dir) == "workflows" && filepath.Base(filepath.Dir(dir)) == ".github" {
		return filepath.Dir(filepath.Dir(dir))
	}
	return dir
}

func scalarScript(src *Source, n *yaml.Node) (ciScript, bool) {
	if n == nil || n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		return ciScript{}, false
	}
	sc := ciScript{text: n.Value, line: n.Line, col: n.Column}
	switch {
	case n.Style&yaml.FoldedStyle != 0:
		// Folding joins the lines; the source's lines are kept so each
		// word keeps its place (a line break is blank space to a flag).
		sc.line, sc.col, sc.text = n.Line+1, 1, blockLines(src, n.Line+1)
	case n.Style&yaml.LiteralStyle != 0:
		sc.line, sc.col = n.Line+1, 1
	case n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0:
		sc.col++
	}
	return sc, true
}

// blockLines returns the lines of a block scalar that starts at line
// first, without their indentation.
func blockLines(src *Source, first int) string {
	var out []string
	indent := -1
	for l := first; l <= src.LineCount(); l++ {
		line := strings.TrimRight(src.Line(l), "\r")
		trimmed := strings.TrimLeft(line, " ")
		if trimmed == "" {
			out = append(out, "")
			continue
		}
		n := len(line) - len(trimmed)
		if indent < 0 {
			indent = n
		}
		if n < indent {
			break
		}
		out = append(out, line[indent:])
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return strings.Join(out, "\n")
}

// ciScripts returns the shell the CI file runs: each step's `run:` in a
// workflow; each item of `script:`, `before_script:` and `after_script:`
// in GitLab CI.
func ciScripts(src *Source, root *yaml.Node, kind RunFileKind) []ciScript {
	var out []ciScript
	var walk func(n *yaml.Node, depth int)
	walk = func(n *yaml.Node, depth int) {
		if n == nil || depth > 50 {
			return
		}
		if n.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i].Value, n.Content[i+1]
				switch {
				case kind == RunWorkflow && k == "run":
					if sc, ok := scalarScript(src, v); ok {
						if wd := MappingValue(n, "working-directory"); wd != nil && wd.Kind == yaml.ScalarNode && !strings.Contains(wd.Value, "${{") {
							sc.dir = wd.Value
						}
						out = append(out, sc)
					}
				case kind == RunGitLabCI && (k == "script" || k == "before_script" || k == "after_script"):
					if sc, ok := scalarScript(src, v); ok {
						out = append(out, sc)
					}
					for _, it := range v.Content {
						if sc, ok := scalarScript(src, it); ok && v.Kind == yaml.SequenceNode {
							out = append(out, sc)
						}
					}
				default:
					walk(v, depth+1)
				}
			}
			return
		}
		for _, c := range n.Content {
			walk(c, depth+1)
		}
	}
	walk(root, 0)
	return out
}

// jobContainers reads a workflow's job containers (`container:`) and
// service containers (`services:`): their image, `options:` (flags of
// `docker create`), `ports:` and `volumes:`.
func jobContainers(src *Source, root *yaml.Node) []*Service {
	if len(root.Content) == 0 {
		return nil
	}
	jobs := MappingValue(root.Content[0], "jobs")
	if jobs == nil || jobs.Kind != yaml.MappingNode {
		return nil
	}
	var out []*Service
	for i := 0; i+1 < len(jobs.Content); i += 2 {
		job := jobs.Content[i+1]
		if c := MappingValue(job, "container"); c != nil && c.Kind == yaml.MappingNode {
			out = append(out, jobContainer(src, c, jobs.Content[i], ""))
		}
		if svcs := MappingValue(job, "services"); svcs != nil && svcs.Kind == yaml.MappingNode {
			for j := 0; j+1 < len(svcs.Content); j += 2 {
				if c := svcs.Content[j+1]; c.Kind == yaml.MappingNode {
					out = append(out, jobContainer(src, c, svcs.Content[j], svcs.Content[j].Value))
				}
			}
		}
	}
	return out
}

func jobContainer(src *Source, c, key *yaml.Node, name string) *Service {
	keyRange := Range{File: src.Path, Start: Pos{key.Line, key.Column}, End: Pos{key.Line, key.Column + len([]rune(key.Value))}}
	line := &RunLine{Tool: "docker create", Range: keyRange, Service: name}
	if name == "" {
		line.Service = "container"
	}
	svc := &Service{Run: line, Name: line.Label(), Range: keyRange, Namespaces: map[string]*Item{}}
	itemRange := func(n *yaml.Node) Range {
		return Range{File: src.Path, Start: Pos{n.Line, n.Column}, End: Pos{n.Line, n.Column + max(1, len([]rune(n.Value)))}}
	}
	if img := MappingValue(c, "image"); img != nil && img.Kind == yaml.ScalarNode {
		line.Image = &Item{Value: img.Value, Range: itemRange(img)}
		if !strings.Contains(img.Value, "${{") {
			svc.Image = line.Image
		}
	}
	if opts := MappingValue(c, "options"); opts != nil {
		if sc, ok := scalarScript(src, opts); ok {
			code := ciExpr.ReplaceAllStringFunc(sc.text, func(m string) string { return placeholder(m, 'G') })
			s := ParseShell(src, code, textMapper(src, sc.line, sc.col, sc.text))
			var words []*Word
			for _, cmd := range s.Commands {
				if cmd.NameWord != nil {
					words = append(append(words, cmd.NameWord), cmd.Args...)
				}
			}
			readRunFlags(svc, words)
		}
	}
	if ports := MappingValue(c, "ports"); ports != nil && ports.Kind == yaml.SequenceNode {
		for _, n := range ports.Content {
			if n.Kind != yaml.ScalarNode || strings.Contains(n.Value, "${{") {
				continue
			}
			p := &PublishedPort{Raw: n.Value, Range: itemRange(n)}
			p.Spec, p.Err = ParsePortMapping(n.Value)
			svc.Ports = append(svc.Ports, p)
		}
	}
	if vols := MappingValue(c, "volumes"); vols != nil && vols.Kind == yaml.SequenceNode {
		for _, n := range vols.Content {
			if n.Kind == yaml.ScalarNode {
				svc.Volumes = append(svc.Volumes, runVolume(ciExpr.ReplaceAllString(n.Value, "$$G"), itemRange(n)))
			}
		}
	}
	return svc
}

// markdownLangs are the code block languages read as shell.
var markdownLangs = map[string]bool{"sh": true, "bash": true, "shell": true, "console": true, "shell-session": true, "shellsession": true}

// markdownBlocks returns the shell code blocks of a Markdown file, with
// `$ ` prompts blanked; in a console block, the lines that are not
// commands (the output) are left empty.
func markdownBlocks(text string) []textBlock {
	lines := strings.Split(text, "\n")
	var out []textBlock
	for i := 0; i < len(lines); i++ {
		trimmed := strings.TrimLeft(lines[i], " ")
		indent := len(lines[i]) - len(trimmed)
		var fence string
		switch {
		case strings.HasPrefix(trimmed, "```"):
			fence = "```"
		case strings.HasPrefix(trimmed, "~~~"):
			fence = "~~~"
		default:
			continue
		}
		info := strings.Fields(strings.TrimLeft(trimmed, fence[:1]))
		lang := ""
		if len(info) > 0 {
			lang = strings.ToLower(strings.Trim(info[0], "{}."))
		}
		start := i + 1
		end := start
		for end < len(lines) && !strings.HasPrefix(strings.TrimLeft(lines[end], " "), fence) {
			end++
		}
		i = end
		if !markdownLangs[lang] {
			continue
		}
		console := lang == "console" || lang == "shell-session" || lang == "shellsession"
		body := make([]string, 0, end-start)
		continued := false
		for _, l := range lines[start:min(end, len(lines))] {
			if len(l) >= indent && strings.TrimSpace(l[:indent]) == "" {
				l = l[indent:]
			}
			switch {
			case strings.HasPrefix(l, "$ "):
				l = "  " + l[2:]
			case console && !continued:
				l = ""
			}
			continued = strings.HasSuffix(l, "\\")
			body = append(body, l)
		}
		out = append(out, textBlock{line: start + 1, indent: indent, text: strings.Join(body, "\n")})
	}
	return out
}
