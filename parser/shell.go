package parser

import (
	"path"
	"strings"

	"mvdan.cc/sh/v3/syntax"
)

// Script is a parsed shell program: a RUN body, a shell-form CMD/ENTRYPOINT,
// the string given to `sh -c`, or an entrypoint script on disk.
type Script struct {
	Source *Source // file the positions point into
	// Commands holds every simple command in source order, including those
	// nested in if/case/loops, functions and `sh -c` strings.
	Commands []*Command
	// Final holds the commands in tail position: what the shell runs last
	// before it would exit (one per branch of a trailing if/case).
	Final []*Command
	// Err is set when the text is not valid shell; the lists are then empty.
	Err error
}

// Command is one simple command as the shell would run it.
type Command struct {
	Name  string  // command name as written ("gosu", "/bin/sh"); "" when not a literal
	Args  []*Word // arguments after the name
	Exec  bool    // replaces the shell: `exec cmd …`
	Range Range   // the whole command
	// NameRange is the name's range (or the `exec` keyword's when Exec).
	NameRange Range
	// Background is set for `cmd &`; Piped for a command in a pipeline.
	Background, Piped bool
	// InLoop is set inside for/while/until bodies, InFunc inside a function body.
	InLoop, InFunc bool
	// Inline is the parsed script of `sh -c "…"` / `bash -c '…'`, if any.
	Inline *Script
	// Parent is the `sh -c` command whose Inline script holds this command.
	Parent *Command
}

// Word is one shell word. Lit is its value after quote removal when it has no
// expansions; otherwise Literal is false and Lit holds the source text.
type Word struct {
	Lit     string
	Literal bool
	Range   Range
}

// Base returns the command name without its directory: "/bin/sh" → "sh".
func (c *Command) Base() string { return path.Base(c.Name) }

// ArgValues returns the arguments' values (literal values, or source text).
func (c *Command) ArgValues() []string {
	out := make([]string, len(c.Args))
	for i, a := range c.Args {
		out[i] = a.Lit
	}
	return out
}

// HasArg reports whether one of the arguments is exactly s.
func (c *Command) HasArg(s string) bool {
	for _, a := range c.Args {
		if a.Lit == s {
			return true
		}
	}
	return false
}

// RunsAllArgs reports whether the command passes "$@" (or $@, "$*") on,
// the idiom of an entrypoint script handing over to CMD.
func (c *Command) RunsAllArgs() bool {
	for _, a := range c.Args {
		if isAllArgs(a.Lit) {
			return true
		}
	}
	return isAllArgs(c.Name)
}

func isAllArgs(s string) bool {
	switch s {
	case `"$@"`, `$@`, `"$*"`, `$*`, `"${@}"`, `${@}`:
		return true
	}
	return false
}

var shellNames = map[string]bool{"sh": true, "bash": true, "ash": true, "dash": true, "zsh": true, "ksh": true, "mksh": true}

// IsShell reports whether name (a path or a bare name) is a POSIX-style shell.
func IsShell(name string) bool { return shellNames[path.Base(name)] }

// ShellCScript returns the index of the script argument when argv is
// `sh -c SCRIPT …` (flags such as -e, -x or -ec may come first), or -1.
func ShellCScript(argv []string) int {
	if len(argv) < 2 || !IsShell(argv[0]) {
		return -1
	}
	for i := 1; i < len(argv); i++ {
		a := argv[i]
		if a == "--" || !strings.HasPrefix(a, "-") && !strings.HasPrefix(a, "+") {
			return -1
		}
		if strings.HasPrefix(a, "-") && !strings.HasPrefix(a, "--") && strings.Contains(a, "c") {
			if i+1 < len(argv) {
				return i + 1
			}
			return -1
		}
		if a == "-o" || a == "+o" { // takes an option name
			i++
		}
	}
	return -1
}

// PosMapper turns a 1-based line and byte column inside a shell text into a
// position in the source file.
type PosMapper func(line, col int) Pos

// ParseShell parses text as a bash-compatible script. mapPos places the
// script's positions in src; nil means the text is src itself.
func ParseShell(src *Source, text string, mapPos PosMapper) *Script {
	if mapPos == nil {
		mapPos = func(line, col int) Pos { return byteColToPos(src, line, col) }
	}
	s := &Script{Source: src}
	f, err := syntax.NewParser(syntax.Variant(syntax.LangBash)).Parse(strings.NewReader(text), "")
	if err != nil {
		s.Err = err
		return s
	}
	b := scriptBuilder{src: src, mapPos: mapPos, script: s}
	b.stmts(f.Stmts, ctx{})
	b.markFinal(f.Stmts)
	return s
}

// byteColToPos converts a byte column of a source line into a rune column.
func byteColToPos(src *Source, line, col int) Pos {
	l := src.Line(line)
	if col-1 > len(l) {
		col = len(l) + 1
	}
	return Pos{Line: line, Col: len([]rune(l[:col-1])) + 1}
}

type ctx struct {
	inLoop, inFunc, piped bool
	parent                *Command
}

type scriptBuilder struct {
	src    *Source
	mapPos PosMapper
	script *Script
	byNode map[*syntax.CallExpr]*Command
}

func (b *scriptBuilder) rng(from, to syntax.Pos) Range {
	if !from.IsValid() {
		return Range{File: b.src.Path}
	}
	start := b.mapPos(int(from.Line()), int(from.Col()))
	end := start
	if to.IsValid() {
		end = b.mapPos(int(to.Line()), int(to.Col()))
	}
	if end.Line < start.Line || end.Line == start.Line && end.Col <= start.Col {
		end = Pos{start.Line, start.Col + 1}
	}
	return Range{File: b.src.Path, Start: start, End: end}
}

func (b *scriptBuilder) stmts(list []*syntax.Stmt, c ctx) {
	for _, st := range list {
		b.stmt(st, c)
	}
}

func (b *scriptBuilder) stmt(st *syntax.Stmt, c ctx) {
	if st == nil || st.Cmd == nil {
		return
	}
	switch x := st.Cmd.(type) {
	case *syntax.CallExpr:
		if len(x.Args) == 0 {
			return
		}
		cmd := b.call(x, c)
		cmd.Background = st.Background
	case *syntax.BinaryCmd:
		inner := c
		if x.Op == syntax.Pipe || x.Op == syntax.PipeAll {
			inner.piped = true
		}
		b.stmt(x.X, inner)
		b.stmt(x.Y, inner)
	case *syntax.Block:
		b.stmts(x.Stmts, c)
	case *syntax.Subshell:
		b.stmts(x.Stmts, c)
	case *syntax.IfClause:
		for cl := x; cl != nil; cl = cl.Else {
			b.stmts(cl.Cond, c)
			b.stmts(cl.Then, c)
		}
	case *syntax.CaseClause:
		for _, it := range x.Items {
			b.stmts(it.Stmts, c)
		}
	case *syntax.WhileClause:
		lc := c
		lc.inLoop = true
		b.stmts(x.Cond, lc)
		b.stmts(x.Do, lc)
	case *syntax.ForClause:
		lc := c
		lc.inLoop = true
		b.stmts(x.Do, lc)
	case *syntax.FuncDecl:
		fc := c
		fc.inFunc = true
		b.stmt(x.Body, fc)
	case *syntax.TimeClause:
		b.stmt(x.Stmt, c)
	case *syntax.CoprocClause:
		b.stmt(x.Stmt, c)
	}
}

func (b *scriptBuilder) word(w *syntax.Word) *Word {
	out := &Word{Range: b.rng(w.Pos(), w.End())}
	if lit, ok := literal(w); ok {
		out.Lit, out.Literal = lit, true
		return out
	}
	var sb strings.Builder
	syntax.NewPrinter().Print(&sb, w)
	out.Lit = sb.String()
	return out
}

// literal returns the value of a word made only of literal and quoted
// literal parts, with the quotes removed.
func literal(w *syntax.Word) (string, bool) {
	var sb strings.Builder
	for _, p := range w.Parts {
		switch x := p.(type) {
		case *syntax.Lit:
			sb.WriteString(unescapeUnquoted(x.Value))
		case *syntax.SglQuoted:
			sb.WriteString(x.Value)
		case *syntax.DblQuoted:
			for _, q := range x.Parts {
				l, ok := q.(*syntax.Lit)
				if !ok {
					return "", false
				}
				sb.WriteString(l.Value)
			}
		default:
			return "", false
		}
	}
	return sb.String(), true
}

func unescapeUnquoted(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var sb strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
		}
		sb.WriteByte(s[i])
	}
	return sb.String()
}

func (b *scriptBuilder) call(x *syntax.CallExpr, c ctx) *Command {
	words := make([]*Word, len(x.Args))
	for i, w := range x.Args {
		words[i] = b.word(w)
	}
	cmd := &Command{
		Range:     b.rng(x.Args[0].Pos(), x.Args[len(x.Args)-1].End()),
		NameRange: words[0].Range,
		Piped:     c.piped,
		InLoop:    c.inLoop,
		InFunc:    c.inFunc,
		Parent:    c.parent,
	}
	// `exec cmd`, and `exec -a name cmd`; a bare `exec` only redirects.
	if words[0].Literal && words[0].Lit == "exec" && len(words) > 1 {
		i := 1
		for i < len(words) && strings.HasPrefix(words[i].Lit, "-") {
			if words[i].Lit == "-a" {
				i++
			}
			i++
		}
		if i < len(words) {
			cmd.Exec = true
			words = words[i:]
		}
	}
	if words[0].Literal {
		cmd.Name = words[0].Lit
	} else {
		cmd.Name = words[0].Lit // source text, e.g. "$@"
	}
	if !cmd.Exec {
		cmd.NameRange = words[0].Range
	}
	cmd.Args = words[1:]
	if b.byNode == nil {
		b.byNode = map[*syntax.CallExpr]*Command{}
	}
	b.byNode[x] = cmd
	b.script.Commands = append(b.script.Commands, cmd)
	b.inline(cmd, c)
	return cmd
}

// inline parses the script of `sh -c '…'` so rules see the commands in it.
func (b *scriptBuilder) inline(cmd *Command, c ctx) {
	argv := append([]string{cmd.Name}, cmd.ArgValues()...)
	i := ShellCScript(argv)
	if i < 0 || !cmd.Args[i-1].Literal {
		return
	}
	w := cmd.Args[i-1]
	start := w.Range.Start
	inner := ParseShell(b.src, w.Lit, func(line, col int) Pos {
		if line == 1 {
			return Pos{Line: start.Line, Col: start.Col + col} // +1 for the quote, -1 for 1-based
		}
		return Pos{Line: start.Line + line - 1, Col: col}
	})
	for _, ic := range inner.Commands {
		if ic.Parent == nil {
			ic.Parent = cmd
		}
		ic.InLoop = ic.InLoop || c.inLoop
		ic.InFunc = ic.InFunc || c.inFunc
	}
	cmd.Inline = inner
	b.script.Commands = append(b.script.Commands, inner.Commands...)
}

// markFinal records the commands in tail position of list.
func (b *scriptBuilder) markFinal(list []*syntax.Stmt) {
	// Trailing `exit`/`wait`-free statements: the last statement decides,
	// but a final bare `exit` hands the decision to the statement before it.
	for i := len(list) - 1; i >= 0; i-- {
		st := list[i]
		if call, ok := st.Cmd.(*syntax.CallExpr); ok && len(call.Args) == 0 {
			continue // only assignments
		}
		if _, ok := st.Cmd.(*syntax.FuncDecl); ok {
			continue
		}
		b.finalStmt(st)
		return
	}
}

func (b *scriptBuilder) finalStmt(st *syntax.Stmt) {
	if st == nil || st.Cmd == nil || st.Background {
		return
	}
	switch x := st.Cmd.(type) {
	case *syntax.CallExpr:
		if cmd := b.byNode[x]; cmd != nil {
			b.script.Final = append(b.script.Final, cmd)
		}
	case *syntax.BinaryCmd:
		switch x.Op {
		case syntax.AndStmt, syntax.OrStmt:
			b.finalStmt(x.Y)
		default: // a pipeline: the shell waits for its last element
			b.finalStmt(x.Y)
		}
	case *syntax.Block:
		b.markFinal(x.Stmts)
	case *syntax.Subshell:
		b.markFinal(x.Stmts)
	case *syntax.IfClause:
		for cl := x; cl != nil; cl = cl.Else {
			b.markFinal(cl.Then)
		}
	case *syntax.CaseClause:
		for _, it := range x.Items {
			b.markFinal(it.Stmts)
		}
	}
}

// ParseScriptFile parses an entrypoint script read from disk. It returns nil
// when the file is not a POSIX shell script (its shebang names another
// interpreter).
func ParseScriptFile(path string, data []byte) *Script {
	text := string(data)
	if !IsShellShebang(text) {
		return nil
	}
	return ParseShell(NewSource(path, data), normalizeNewlines(text), nil)
}

// IsShellShebang reports whether text is a shell script: it has no shebang,
// or a shebang that names a POSIX-style shell (directly or through env).
func IsShellShebang(text string) bool {
	if !strings.HasPrefix(text, "#!") {
		return true
	}
	line, _, _ := strings.Cut(text, "\n")
	fields := strings.Fields(strings.TrimPrefix(line, "#!"))
	if len(fields) == 0 {
		return true
	}
	interp := fields[0]
	if path.Base(interp) == "env" {
		for _, f := range fields[1:] {
			if !strings.HasPrefix(f, "-") {
				interp = f
				break
			}
		}
	}
	return IsShell(interp)
}

// normalizeNewlines turns CRLF and lone CR into LF without moving lines.
func normalizeNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}
