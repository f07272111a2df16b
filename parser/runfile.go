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

// bashChecksLater reports a parse error the shell parser raises inside an
// arithmetic expression or an array index, which bash reads only when it
// expands them, at run time: `${seen[./apps/web/uploads]}` is an
// associative array's key to bash (formbricks), no syntax error.
func bashChecksLater(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "not a valid arithmetic operator") ||
		strings.Contains(msg, "must be followed by an expression") && !strings.Contains(msg, "`[[`") && !strings.Contains(msg, "`let`")
}

// MayHaveRunLines is a fast test that lets most files skip the parse: the
// text names a container engine and a run, create, compose or stack
// subcommand, or a workflow's job containers (`services:`, `container:`),
// which Docker runs with no engine named.
func MayHaveRunLines(text []byte) bool {
	if bytes.Contains(text, []byte("services:")) || bytes.Contains(text, []byte("container:")) {
		return true
	}
	if !bytes.Contains(text, []byte("run")) && !bytes.Contains(text, []byte("create")) && !bytes.Contains(text, []byte("options")) && !bytes.Contains(text, []byte("compose")) && !bytes.Contains(text, []byte("stack")) {
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
	var sc shellContext
	// envAfter is the environment the last snippet left, for the next
	// one when they run in one shell.
	var envAfter map[string]string
	snippet := func(code string, mapPos PosMapper, strict bool) {
		s := ParseShell(src, code, mapPos)
		if s.Err != nil {
			// A LangError is code of another shell's syntax that the
			// shell parser does not take as bash, though bash may run it
			// (`declare -A C=([a.b]=x)`): the script is not known to be
			// broken, so its run lines are left unread, not an error.
			var lang syntax.LangError
			if strict && firstErr == nil && runLineText.MatchString(code) && !errors.As(s.Err, &lang) && !bashChecksLater(s.Err) {
				firstErr = snippetError(src, s.Err, mapPos)
			}
			envAfter = nil // what it sets is not known
			return
		}
		p.Services = append(p.Services, findRunLines(s, sc.makeVars)...)
		p.BuildLines = append(p.BuildLines, findBuildLines(s, dir, kind == RunShell, sc.makeVars)...)
		lines, after := findComposeLines(s, dir, kind == RunShell, sc)
		p.ComposeLines = append(p.ComposeLines, lines...)
		envAfter = after
	}
	switch kind {
	case RunShell:
		if !IsShellShebang(text) {
			return p, nil
		}
		snippet(text, func(line, col int) Pos { return byteColToPos(src, line, col) }, true)
	case RunMakefile:
		sc.makeVars, sc.env = makefileVars(text)
		for _, r := range makefileRecipes(text) {
			snippet(r.text, func(line, col int) Pos { return byteColToPos(src, r.line+line-1, r.fileCol(line, col)) }, true)
		}
	case RunWorkflow, RunGitLabCI:
		var root yaml.Node
		if err := yaml.Unmarshal([]byte(text), &root); err != nil {
			return p, yamlError(src, err)
		}
		repo := ciRepoDir(src.Path, kind)
		for _, ci := range ciScripts(src, &root, kind) {
			switch dir = repo; {
			case filepath.IsAbs(ci.dir):
				dir = "" // a path on the runner: not known here
			case ci.dir != "":
				dir = filepath.Join(repo, ci.dir)
			}
			code := ciExpr.ReplaceAllStringFunc(ci.text, func(m string) string { return placeholder(m, 'G') })
			sc.env = ci.env
			if ci.sameShell {
				sc.env = envAfter
			}
			snippet(code, textMapper(src, ci.line, ci.col, ci.text), true)
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

// makeAssign is a Makefile variable assignment: `NAME = value`, `:=`,
// `::=`, `?=`, also after `export` or `override`.
var makeAssign = regexp.MustCompile(`^(?:(export|override)\s+)*([A-Za-z_][A-Za-z0-9_]*)\s*(:::=|::=|:=|\?=|\+=|!=|=)\s*(.*)$`)

// makefileVars returns the Makefile's variables whose values are known
// here, expanded, for the `$(VAR)` of its recipes, and those it exports,
// which the recipes' commands see in their environment. A variable set
// more than once to different values, inside a conditional, with `+=` or
// `!=`, or to a value holding a make function, a quote or shell syntax is
// not known.
func makefileVars(text string) (vars, exported map[string]string) {
	raw := map[string]string{}
	unknown := map[string]bool{}
	exportedNames := map[string]bool{}
	lines := strings.Split(text, "\n")
	depth := 0
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if strings.HasPrefix(l, "\t") {
			continue
		}
		for strings.HasSuffix(l, "\\") && i+1 < len(lines) {
			i++
			l = strings.TrimSuffix(l, "\\") + " " + strings.TrimLeft(lines[i], " \t")
		}
		t := strings.TrimSpace(l)
		first, _, _ := strings.Cut(t, " ")
		switch first {
		case "ifeq", "ifneq", "ifdef", "ifndef":
			depth++
			continue
		case "endif":
			depth = max(0, depth-1)
			continue
		case "define":
			name := strings.Fields(t)
			if len(name) > 1 {
				unknown[name[1]] = true
			}
			for i+1 < len(lines) && strings.TrimSpace(lines[i+1]) != "endef" {
				i++
			}
			continue
		case "export":
			if !strings.ContainsAny(t, "=:") {
				for _, n := range strings.Fields(t)[1:] {
					exportedNames[n] = true
				}
				continue
			}
		case "unexport":
			for _, n := range strings.Fields(t)[1:] {
				unknown[n] = true
			}
			continue
		}
		m := makeAssign.FindStringSubmatch(t)
		if m == nil {
			if colon := strings.IndexByte(t, ':'); colon > 0 && isRuleLine(t) {
				// A target's own variable: `up: COMPOSE = …`.
				if m := makeAssign.FindStringSubmatch(strings.TrimSpace(t[colon+1:])); m != nil {
					unknown[m[2]] = true
				}
			}
			continue
		}
		name, op, value := m[2], m[3], m[4]
		if f := strings.Fields(t); f[0] == "export" || len(f) > 1 && f[0] == "override" && f[1] == "export" {
			exportedNames[name] = true
		}
		if c := strings.IndexByte(value, '#'); c >= 0 {
			value = value[:c]
		}
		value = strings.TrimSpace(value)
		if old, ok := raw[name]; depth > 0 || op == "+=" || op == "!=" || op == ":::=" || ok && old != value {
			unknown[name] = true
			continue
		}
		raw[name] = value
	}
	var expand func(name string, depth int) (string, bool)
	expand = func(name string, depth int) (string, bool) {
		value, ok := raw[name]
		if !ok || unknown[name] || depth > 10 {
			return "", false
		}
		var b strings.Builder
		for {
			at := strings.IndexByte(value, '$')
			if at < 0 {
				b.WriteString(value)
				return b.String(), true
			}
			b.WriteString(value[:at])
			rest := value[at+1:]
			if rest == "" || rest[0] != '(' && rest[0] != '{' {
				return "", false
			}
			closer := ")"
			if rest[0] == '{' {
				closer = "}"
			}
			end := strings.Index(rest, closer)
			if end < 0 {
				return "", false
			}
			inner, ok := expand(rest[1:end], depth+1) // a function ($(shell …)) is no variable of raw
			if !ok {
				return "", false
			}
			b.WriteString(inner)
			value = rest[end+1:]
		}
	}
	for name := range raw {
		// The shell reads the value after make: quotes and shell syntax
		// in it are not followed.
		if v, ok := expand(name, 0); ok && !strings.ContainsAny(v, "'\"\\`;&|<>*?[]{}()$") {
			if vars == nil {
				vars = map[string]string{}
			}
			vars[name] = v
			if exportedNames[name] {
				if exported == nil {
					exported = map[string]string{}
				}
				exported[name] = v
			}
		}
	}
	return vars, exported
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
	// env is the environment the CI file sets for it (a workflow's env:
	// of the workflow, job and step; GitLab's variables: global and of
	// the job), the values known here.
	env map[string]string
	// sameShell is set for a GitLab script item after the first of its
	// job: the job's before_script and script run in one shell, so it
	// starts with what the item before it exported.
	sameShell bool
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
	envKey := "env"
	if kind == RunGitLabCI {
		envKey = "variables"
	}
	// env is nil in a GitLab template (a hidden job): the jobs that
	// extend it run its script with variables of their own.
	var walk func(n *yaml.Node, depth int, env map[string]string)
	walk = func(n *yaml.Node, depth int, env map[string]string) {
		if n == nil || depth > 50 {
			return
		}
		if n.Kind == yaml.MappingNode {
			if env != nil {
				env = withCIEnv(gitlabInherit(n, env, kind), MappingValue(n, envKey), kind)
			}
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i].Value, n.Content[i+1]
				switch {
				case kind == RunGitLabCI && strings.HasPrefix(k, "."):
					walk(v, depth+1, nil)
				case kind == RunWorkflow && k == "run":
					if sc, ok := scalarScript(src, v); ok {
						if wd := MappingValue(n, "working-directory"); wd != nil && wd.Kind == yaml.ScalarNode && !strings.Contains(wd.Value, "${{") {
							sc.dir = wd.Value
						}
						sc.env = env
						out = append(out, sc)
					}
				case kind == RunGitLabCI && (k == "script" || k == "before_script" || k == "after_script"):
					if k == "script" {
						continue // after before_script, in its shell
					}
					before := len(out)
					out = gitlabItems(src, v, env, out, false)
					if k == "before_script" {
						out = gitlabItems(src, MappingValue(n, "script"), env, out, len(out) > before)
					}
				case k == envKey:
				default:
					walk(v, depth+1, env)
				}
			}
			if kind == RunGitLabCI && MappingValue(n, "before_script") == nil {
				out = gitlabItems(src, MappingValue(n, "script"), env, out, false)
			}
			return
		}
		for _, c := range n.Content {
			walk(c, depth+1, env)
		}
	}
	walk(root, 0, map[string]string{})
	return out
}

// gitlabItems appends the items of a GitLab script (a string or a list):
// they run one after the other in one shell, the first after the items
// before it when afterPrevious.
func gitlabItems(src *Source, v *yaml.Node, env map[string]string, out []ciScript, afterPrevious bool) []ciScript {
	if v == nil {
		return out
	}
	add := func(n *yaml.Node) {
		if sc, ok := scalarScript(src, n); ok {
			sc.env, sc.sameShell = env, afterPrevious
			out = append(out, sc)
			afterPrevious = true
		}
	}
	add(v)
	if v.Kind == yaml.SequenceNode {
		for _, it := range v.Content {
			add(it)
		}
	}
	return out
}

// withCIEnv returns env with the variables of an env: or variables:
// mapping over it. A value the runner expands (`${{ … }}`, `$VAR`) is not
// known here: the variable is left out, and so names nothing.
func withCIEnv(env map[string]string, m *yaml.Node, kind RunFileKind) map[string]string {
	if m == nil || m.Kind != yaml.MappingNode {
		return env
	}
	out := make(map[string]string, len(env)+len(m.Content)/2)
	for k, v := range env {
		out[k] = v
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		name, v := m.Content[i].Value, m.Content[i+1]
		if kind == RunGitLabCI && v.Kind == yaml.MappingNode {
			v = MappingValue(v, "value") // KEY: {value: …, description: …}
		}
		delete(out, name)
		if v != nil && v.Kind == yaml.ScalarNode && v.Tag != "!!null" && !strings.Contains(v.Value, "$") {
			out[name] = v.Value
		}
	}
	return out
}

// gitlabInherit keeps of the global variables those a job inherits:
// `inherit: variables: false` takes none, a list only those named.
func gitlabInherit(job *yaml.Node, env map[string]string, kind RunFileKind) map[string]string {
	if kind != RunGitLabCI {
		return env
	}
	// Variables a rule sets apply when it matches: not known here.
	if rules := MappingValue(job, "rules"); rules != nil && rules.Kind == yaml.SequenceNode {
		for _, r := range rules.Content {
			if vars := MappingValue(r, "variables"); vars != nil && vars.Kind == yaml.MappingNode {
				kept := map[string]string{}
				for k, v := range env {
					kept[k] = v
				}
				for i := 0; i < len(vars.Content); i += 2 {
					delete(kept, vars.Content[i].Value)
				}
				env = kept
			}
		}
	}
	inh := MappingValue(job, "inherit")
	if inh == nil || inh.Kind != yaml.MappingNode {
		return env
	}
	v := MappingValue(inh, "variables")
	switch {
	case v == nil:
		return env
	case v.Kind == yaml.ScalarNode && v.Value == "false":
		return map[string]string{}
	case v.Kind == yaml.SequenceNode:
		out := map[string]string{}
		for _, n := range v.Content {
			if val, ok := env[n.Value]; ok {
				out[n.Value] = val
			}
		}
		return out
	}
	return env
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
		hosted := githubHosted(MappingValue(job, "runs-on"))
		if c := MappingValue(job, "container"); c != nil && c.Kind == yaml.MappingNode {
			svc := jobContainer(src, c, jobs.Content[i], "")
			svc.Run.HostedRunner = hosted
			out = append(out, svc)
		}
		if svcs := MappingValue(job, "services"); svcs != nil && svcs.Kind == yaml.MappingNode {
			for j := 0; j+1 < len(svcs.Content); j += 2 {
				if c := svcs.Content[j+1]; c.Kind == yaml.MappingNode {
					svc := jobContainer(src, c, svcs.Content[j], svcs.Content[j].Value)
					svc.Run.HostedRunner = hosted
					out = append(out, svc)
				}
			}
		}
	}
	return out
}

// githubHosted reports whether a job's runs-on names only GitHub-hosted
// runner images (ubuntu-latest, windows-2022, macos-14): a fresh virtual
// machine for the job alone. A self-hosted label, a group or an
// expression is not known to be one.
func githubHosted(runsOn *yaml.Node) bool {
	if runsOn == nil {
		return false
	}
	labels := []*yaml.Node{runsOn}
	if runsOn.Kind == yaml.SequenceNode {
		labels = runsOn.Content
	}
	for _, l := range labels {
		v := strings.ToLower(l.Value)
		if l.Kind != yaml.ScalarNode || !(strings.HasPrefix(v, "ubuntu-") || strings.HasPrefix(v, "windows-") || strings.HasPrefix(v, "macos-")) || strings.Contains(v, "${{") {
			return false
		}
	}
	return len(labels) > 0
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
