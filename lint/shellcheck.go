package lint

import (
	"bytes"
	"fmt"
	"math"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/dlint-dev/dlint/images"
	"github.com/dlint-dev/dlint/internal/shellcheck"
	"github.com/dlint-dev/dlint/parser"
	"github.com/dlint-dev/dlint/rules"
)

// ShellCheck integration. While the units are checked, the RUN bodies and
// entrypoint scripts of the files where rule shellcheck is on are gathered
// as snippets (their text as parsed, with the map back to the file); after
// the last unit, one ShellCheck process per dialect (a few more for many
// snippets) checks them all, and its comments become findings of the rule.
// Only snippets live to the end, not the models.

// Note is a message for standard error that is no finding and no error: it
// leaves the exit status as it is.
type Note struct {
	Msg string
	// Verbose notes are printed only with --verbose.
	Verbose bool
}

// shellCheckState is the runner's part of the integration.
type shellCheckState struct {
	checker  *shellcheck.Checker // nil: not run
	snippets []shellcheck.Snippet
	scripts  map[string]bool // entrypoint scripts gathered, by path
	// quiet are the places, by code and file, where a ShellCheck code is
	// known not to hold: the functions a `trap` runs, which it calls
	// unreachable (SC2317); an `rm -rf "$DIR"/*` whose DIR the Dockerfile
	// sets to a value, which it fears may be empty (SC2115).
	quiet map[quietKey][]parser.Range
}

type quietKey struct{ code, file string }

// quietRanges records where ShellCheck's code is dropped.
func (st *shellCheckState) quietRanges(code string, ranges []parser.Range) {
	if len(ranges) == 0 {
		return
	}
	if st.quiet == nil {
		st.quiet = map[quietKey][]parser.Range{}
	}
	for _, r := range ranges {
		k := quietKey{code, r.File}
		st.quiet[k] = append(st.quiet[k], r)
	}
}

// quieted reports whether the comment falls where its code is dropped.
func (st *shellCheckState) quieted(c shellcheck.Comment) bool {
	for _, r := range st.quiet[quietKey{c.Code, c.Range.File}] {
		if !c.Range.Start.Before(r.Start) && !r.End.Before(c.Range.Start) {
			return true
		}
	}
	return false
}

// setUpShellCheck finds the binary when rule shellcheck runs; without one
// it leaves a verbose note.
func (r *runner) setUpShellCheck() {
	if !containsRule(r.active, rules.ShellCheck) {
		return
	}
	bin := r.opts.ShellCheck
	if bin == "" {
		bin = shellcheck.Find()
	}
	if bin == "" {
		r.notes = append(r.notes, Note{Msg: "shellcheck is not on PATH: ShellCheck checks (SC codes) were skipped", Verbose: true})
		return
	}
	r.sc.checker = &shellcheck.Checker{Path: bin, Timeout: r.opts.ShellCheckTimeout, Processes: r.workers}
	r.sc.scripts = map[string]bool{}
}

func containsRule(list []*rules.Rule, r *rules.Rule) bool {
	for _, x := range list {
		if x == r {
			return true
		}
	}
	return false
}

// gatherDockerfileSnippets adds the shell df runs: the shell-form RUN,
// CMD, ENTRYPOINT and HEALTHCHECK bodies, and the `sh -c` strings of exec
// forms.
func (r *runner) gatherDockerfileSnippets(df *parser.Dockerfile) {
	if r.sc.checker == nil || !r.configs.ruleOn(df.Source.Path, rules.ShellCheck) || notShellPragma(df.Source.Text) {
		return
	}
	var out []shellcheck.Snippet
	var quiet []parser.Range
	for _, st := range df.Stages {
		for _, in := range st.Instructions {
			if sn, ok := instructionSnippet(st, in); ok {
				out = append(out, sn)
				quiet = append(quiet, valuedRemoveArgs(in)...)
			}
		}
	}
	r.mu.Lock()
	r.sc.snippets = append(r.sc.snippets, out...)
	r.sc.quietRanges("SC2115", quiet)
	r.mu.Unlock()
}

// notShellPragma reports a hadolint `# hadolint shell=powershell` pragma
// that says the Dockerfile's RUNs are no POSIX shell (a Windows image's
// SHELL, inherited from a base dlint cannot see).
func notShellPragma(text []byte) bool {
	i := bytes.Index(text, []byte("hadolint shell="))
	if i < 0 {
		return false
	}
	line := text[i+len("hadolint shell="):]
	if j := bytes.IndexAny(line, " \t\r\n"); j >= 0 {
		line = line[:j]
	}
	switch strings.ToLower(string(line)) {
	case "powershell", "pwsh", "cmd", "cmd.exe", "powershell.exe", "pwsh.exe":
		return true
	}
	return false
}

// instructionSnippet is the shell of one instruction, for ShellCheck.
func instructionSnippet(st *parser.Stage, in *parser.Instruction) (shellcheck.Snippet, bool) {
	s := in.Script
	if s == nil {
		return shellcheck.Snippet{}, false
	}
	shell := in.Shell
	switch in.Keyword {
	case "RUN", "CMD", "ENTRYPOINT":
	case "HEALTHCHECK":
		shell = st.EffectiveShell() // the image's, when the check runs
	default:
		return shellcheck.Snippet{}, false
	}
	if !in.JSON {
		if s.Text == "" {
			return shellcheck.Snippet{}, false
		}
		d, ok := runDialect(shell, st.ShellKind)
		if !ok {
			return shellcheck.Snippet{}, false
		}
		return snippetOf(s, d, errexit(shell[1:]), declaredVars(s.Text, in.VarNames())), true
	}
	// An exec form: the script of its `sh -c`, when its string was found
	// in the file, so that positions land inside it.
	if len(s.Commands) == 0 {
		return shellcheck.Snippet{}, false
	}
	cmd := s.Commands[0]
	inner := cmd.Inline
	if inner == nil || inner.Text == "" || !inner.ExactPositions() {
		return shellcheck.Snippet{}, false
	}
	d, ok := dialectOf(cmd.Name, st.ShellKind)
	if !ok {
		return shellcheck.Snippet{}, false
	}
	argv := append([]string{cmd.Name}, cmd.ArgValues()...)
	i := parser.ShellCScript(argv)
	if i < 1 {
		return shellcheck.Snippet{}, false
	}
	return snippetOf(inner, d, errexit(argv[1:i]), declaredVars(inner.Text, in.VarNames())), true
}

// errexit reports whether a shell's options (those before its -c script:
// `-ec`, `-eo pipefail`, `-o errexit`) make it exit on a failed command,
// which ShellCheck must be told with a `set -e` it cannot see.
func errexit(opts []string) bool {
	on := false
	for i := 0; i < len(opts); i++ {
		o := opts[i]
		switch {
		case (o == "-o" || o == "+o") && i+1 < len(opts):
			i++
			if opts[i] == "errexit" {
				on = o == "-o"
			}
		case strings.HasPrefix(o, "--"):
		case strings.HasPrefix(o, "-") && strings.Contains(o, "e"):
			on = true
		case strings.HasPrefix(o, "+") && strings.Contains(o, "e"):
			on = false
		}
	}
	return on
}

// gatherScriptSnippets adds the entrypoint scripts of containers, each
// script once.
func (r *runner) gatherScriptSnippets(containers []*parser.Container) {
	if r.sc.checker == nil {
		return
	}
	for _, c := range containers {
		s := c.Script
		if s == nil || s.Text == "" || !r.configs.ruleOn(s.Source.Path, rules.ShellCheck) {
			continue
		}
		d, ok := scriptDialect(s.Text, c.ShellKind)
		if !ok {
			continue
		}
		r.mu.Lock()
		if !r.sc.scripts[s.Source.Path] {
			r.sc.scripts[s.Source.Path] = true
			names := containerEnvNames(c)
			for _, src := range c.Sourced {
				// What the files it sources set: `source helpers.sh`,
				// which ShellCheck is not given.
				for _, v := range src.Sets {
					names = append(names, v.Name)
				}
			}
			r.sc.snippets = append(r.sc.snippets, snippetOf(s, d, false, declaredVars(s.Text, names)))
			r.sc.quietRanges("SC2317", trapHandlerRanges(s))
		}
		r.mu.Unlock()
	}
}

// valuedRemoveArgs are the arguments of the instruction's `rm` commands
// that expand a variable the Dockerfile sets to a value (`rm -rf
// ${SONARQUBE_HOME}/bin/*` after `ENV SONARQUBE_HOME=/opt/sonarqube`).
func valuedRemoveArgs(in *parser.Instruction) []parser.Range {
	if in.Keyword != "RUN" || in.Script == nil {
		return nil
	}
	valued := in.ValuedVarNames()
	if len(valued) == 0 {
		return nil
	}
	var out []parser.Range
	for _, c := range in.Script.Commands {
		if c.Base() != "rm" {
			continue
		}
		for _, a := range c.Args {
			if slices.ContainsFunc(valued, func(v string) bool {
				return strings.Contains(a.Lit, "$"+v) || strings.Contains(a.Lit, "${"+v+"}")
			}) {
				out = append(out, a.Range)
			}
		}
	}
	return out
}

// trapHandlerRanges are the commands in the functions that the script's
// `trap` commands run (`trap cleanup EXIT INT TERM`).
func trapHandlerRanges(s *parser.Script) []parser.Range {
	handlers := map[string]bool{}
	for _, c := range s.Commands {
		if c.Name != "trap" || len(c.Args) == 0 {
			continue
		}
		for _, w := range strings.FieldsFunc(c.Args[0].Lit, func(r rune) bool { return strings.ContainsRune(" \t;&|'\"", r) }) {
			handlers[w] = true
		}
	}
	var out []parser.Range
	for _, c := range s.Commands {
		if c.InFunc && handlers[c.Func] {
			// Whole lines: ShellCheck puts SC2317 on the `if` around a
			// command as well.
			r := c.Range
			r.Start.Col, r.End.Col = 1, math.MaxInt32
			out = append(out, r)
		}
	}
	return out
}

// containerEnvNames are the variables set in the environment a container's
// entrypoint script starts with: the ones Docker sets in every container
// (HOSTNAME, HOME, PATH), the image's ENV and the service's environment.
// Told to ShellCheck, `$HOSTNAME` is no "undefined in POSIX sh" (SC3028).
func containerEnvNames(c *parser.Container) []string {
	names := []string{"HOSTNAME", "HOME", "PATH"}
	if c.Stage != nil {
		for name := range c.Stage.Env {
			names = append(names, name)
		}
	}
	if c.Service != nil {
		for _, ev := range c.Service.Environment {
			if !ev.Unset {
				names = append(names, ev.Name)
			}
		}
	}
	sort.Strings(names)
	return slices.Compact(names)
}

// snippetOf feeds ShellCheck the script's text without the blank lines a
// `RUN <<EOF` body starts with, so a #! line is its first. Lines it cannot
// see go in front (after a #! line): with setE a `set -e`, for the shell's
// -e (when there is no #! line), and an `export` of the variables the
// Dockerfile sets for it (declared), so that a lower-case ARG or ENV is
// not "referenced but not assigned".
func snippetOf(s *parser.Script, d shellcheck.Dialect, setE bool, declared []string) shellcheck.Snippet {
	text := s.Text
	skipped := 0
	for strings.HasPrefix(text, "\n") {
		text = text[1:]
		skipped++
	}
	shebang := strings.HasPrefix(text, "#!")
	var lines []string
	if setE && !shebang {
		lines = append(lines, "set -e")
	}
	if len(declared) > 0 {
		lines = append(lines, "export "+strings.Join(declared, " "))
	}
	if len(lines) == 0 {
		return shellcheck.Snippet{
			File: s.Source.Path, Text: text, Dialect: d,
			Pos: func(line, col int) parser.Pos { return s.Pos(line+skipped, col) },
		}
	}
	added, at := len(lines), 0 // at: the lines of text before the added ones
	prefix := strings.Join(lines, "\n") + "\n"
	if shebang {
		first, rest, _ := strings.Cut(text, "\n")
		text, at = first+"\n"+prefix+rest, 1
	} else {
		text = prefix + text
	}
	return shellcheck.Snippet{
		File: s.Source.Path, Text: text, Dialect: d,
		Pos: func(line, col int) parser.Pos {
			switch {
			case line <= at:
				return s.Pos(line+skipped, col)
			case line <= at+added: // a comment on an added line: its script's first
				return s.Pos(at+1+skipped, 1)
			}
			return s.Pos(line-added+skipped, col)
		},
	}
}

// declaredVars are the variables of vars the script text expands: told
// to ShellCheck, a lower-case one is not "referenced but not assigned"
// (SC2154) and `ARG UID=1001` is no "UID is undefined in POSIX sh"
// (SC3028).
func declaredVars(text string, vars []string) []string {
	if !strings.Contains(text, "$") {
		return nil
	}
	var out []string
	for _, v := range vars {
		if strings.Contains(text, "$"+v) || strings.Contains(text, "${"+v) {
			out = append(out, v)
		}
	}
	return out
}

// runDialect is the ShellCheck dialect of a stage's shell-form RUN: its
// SHELL's program, and for sh the base image's /bin/sh. ok is false for a
// shell ShellCheck does not know (zsh, fish), Windows, and an image without
// a shell.
func runDialect(shell []string, kind func(string) images.Shell) (shellcheck.Dialect, bool) {
	if len(shell) == 0 {
		return "", false
	}
	return dialectOf(shell[0], kind)
}

func dialectOf(argv0 string, kind func(string) images.Shell) (shellcheck.Dialect, bool) {
	switch name := strings.ToLower(path.Base(strings.ReplaceAll(argv0, `\`, "/"))); name {
	case "bash":
		return shellcheck.Bash, true
	case "dash":
		return shellcheck.Dash, true
	case "ash", "busybox":
		return shellcheck.Busybox, true
	case "ksh", "mksh", "ksh93":
		return shellcheck.Ksh, true
	case "sh":
		switch kind(argv0) {
		case images.ShellDash:
			return shellcheck.Dash, true
		case images.ShellAsh:
			return shellcheck.Busybox, true
		case images.ShellBash, images.ShellOldBash:
			return shellcheck.Bash, true
		case images.ShellNone, images.ShellWindows:
			return "", false
		}
		return shellcheck.Sh, true
	}
	return "", false
}

// scriptDialect is the dialect of an entrypoint script: its #! line's
// shell (sh as the image has it), or the image's /bin/sh without one.
func scriptDialect(text string, kind func(string) images.Shell) (shellcheck.Dialect, bool) {
	if !strings.HasPrefix(text, "#!") {
		return dialectOf("/bin/sh", kind)
	}
	line, _, _ := strings.Cut(text, "\n")
	fields := strings.Fields(strings.TrimPrefix(line, "#!"))
	if len(fields) == 0 {
		return dialectOf("/bin/sh", kind)
	}
	interp := fields[0]
	if path.Base(interp) == "env" {
		interp = ""
		for _, f := range fields[1:] {
			if !strings.HasPrefix(f, "-") {
				interp = f
				break
			}
		}
	}
	if path.Base(interp) == "sh" {
		interp = "/bin/sh" // /usr/bin/sh too: the image's sh
	}
	return dialectOf(interp, kind)
}

// runShellCheck checks the gathered snippets and adds ShellCheck's
// comments as findings. A ShellCheck that hangs or fails costs its own
// findings only, with one note.
func (r *runner) runShellCheck() {
	if r.sc.checker == nil || len(r.sc.snippets) == 0 {
		return
	}
	var snippets []shellcheck.Snippet
	var large []string
	for _, s := range r.sc.snippets {
		if len(s.Text) > shellcheck.MaxSnippetBytes {
			large = append(large, fmt.Sprintf("%s:%d", parser.PrintablePath(s.File), s.Pos(1, 1).Line))
			continue
		}
		snippets = append(snippets, s)
	}
	if len(large) > 0 {
		sort.Strings(large)
		r.notes = append(r.notes, Note{Verbose: true, Msg: fmt.Sprintf("not given to shellcheck, being larger than %s: %s", FormatSize(shellcheck.MaxSnippetBytes), strings.Join(large, ", "))})
	}
	comments, errs := r.sc.checker.Check(snippets)
	for _, err := range errs {
		r.notes = append(r.notes, Note{Msg: err.Error()})
	}
	sort.Slice(errs, func(i, j int) bool { return errs[i].Error() < errs[j].Error() })
	for _, c := range comments {
		if r.sc.quieted(c) {
			continue // `trap cleanup EXIT` runs it; `ENV DIR=/opt/app` is never empty
		}
		r.findings = append(r.findings, rules.Finding{
			Rule: rules.ShellCheck, Severity: shellCheckSeverity(c.Level),
			Message: c.Code + ": " + c.Message, Range: c.Range,
			Code: c.Code, URL: rules.ShellCheck.CodeURL(c.Code),
		})
	}
	r.sc.snippets = nil
}

// shellCheckSeverity maps ShellCheck's levels onto dlint's, which have the
// same names.
func shellCheckSeverity(level string) rules.Severity {
	if s, err := rules.ParseSeverity(level); err == nil {
		return s
	}
	return rules.ShellCheck.Severity
}
