package parser

import (
	"bytes"
	"cmp"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"

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
	// before it would exit (one per branch of a trailing if/case). A call of
	// a function defined in the script stands for the function's own tail;
	// a trailing `exit`/`return` (also `cmd || exit 1`) hands the decision
	// to the command before it.
	Final []*Command
	// UsesArgs is set when the script reads its positional parameters
	// ($@, $*, $#, $1…), e.g. to pass `docker run` arguments on.
	UsesArgs bool
	// Reads names the variables the script expands ($TOKEN, ${TOKEN:-x}),
	// also inside `sh -c` strings.
	Reads map[string]bool
	// args is where it reads its positional parameters (InspectsArgs).
	args argReads
	// Sets are the variables the script sets outside a command's prefix
	// (`NAME=value`, `export NAME=value`, `export NAME`), in source order;
	// not those of `sh -c` strings.
	Sets []*VarSet
	// Err is set when the text is not valid shell; the lists are then empty.
	Err error

	shape tailShape // how the script ends, for ExecsLast

	// retried are the commands a loop runs until they succeed, sleeping
	// between tries (`until curl -fs http://db:9200; do sleep 1; done`).
	retried []*Command

	// branches are the items of the `case "$1" in` statements that choose
	// what the script does by its first argument, by command (see ForArgs).
	branches map[*Command]*argBranch

	// Functions names the functions the script defines; Aliases the
	// aliases it sets with `alias name=…`.
	Functions, Aliases map[string]bool

	// Text is the text parsed: a RUN body with its keyword and flags
	// blanked, a whole script file. Pos places its positions in Source, so
	// an outside checker (ShellCheck) can be fed the same text.
	Text   string
	mapPos PosMapper
	// approx is set when every position stands at the start of the word
	// that holds the text: an exec-form string not found in the source.
	approx bool
}

// ExactPositions reports whether Pos places each position of Text where
// it is written, not all at one place.
func (s *Script) ExactPositions() bool { return !s.approx }

// Pos maps a 1-based line and byte column of Text to Source.
func (s *Script) Pos(line, col int) Pos {
	if s.mapPos == nil {
		return byteColToPos(s.Source, line, col)
	}
	return s.mapPos(line, col)
}

// CanExec reports whether `exec` may go in front of cmd: its name is a
// literal word naming an external program, not a function, builtin or
// alias the shell would run itself (`exec` of a function fails with "not
// found", and the traps the function relied on are gone). A name made by
// an expansion (`run_${MODE}`) may name a function, so it cannot; "$@" is
// the exception, as it hands over the container's CMD, a program's argv.
func (s *Script) CanExec(cmd *Command) bool {
	if cmd.NameWord != nil && !cmd.NameWord.Literal && isAllArgs(cmd.Name) {
		return true
	}
	if cmd.NameWord == nil || !cmd.NameWord.Literal || cmd.Name == "" {
		return false
	}
	name := cmd.Name
	return !s.Functions[name] && !s.Aliases[name] && !shellBuiltins[name]
}

// shellBuiltins are the commands that POSIX shells, bash and busybox ash
// run themselves; `exec` of one finds no program of that name (or another
// one than the script meant).
var shellBuiltins = map[string]bool{
	".": true, ":": true, "[[": true, "alias": true, "bg": true, "bind": true, "break": true, "builtin": true,
	"caller": true, "cd": true, "command": true, "compgen": true, "complete": true, "continue": true,
	"declare": true, "dirs": true, "disown": true, "enable": true, "eval": true, "exec": true, "exit": true,
	"export": true, "fc": true, "fg": true, "getopts": true, "hash": true, "help": true, "history": true,
	"jobs": true, "let": true, "local": true, "logout": true, "mapfile": true, "popd": true, "pushd": true,
	"read": true, "readarray": true, "readonly": true, "return": true, "set": true, "shift": true,
	"shopt": true, "source": true, "suspend": true, "times": true, "trap": true, "type": true,
	"typeset": true, "ulimit": true, "umask": true, "unalias": true, "unset": true, "wait": true,
}

// Command is one simple command as the shell would run it.
type Command struct {
	Name  string  // command name as written ("gosu", "/bin/sh"); "" when not a literal
	Args  []*Word // arguments after the name
	Exec  bool    // replaces the shell: `exec cmd …`
	Range Range   // the whole command
	// NameRange is the name's range (or the `exec` keyword's when Exec).
	NameRange Range
	// NameWord is the name as a word, also after `exec`: its value, whether
	// it is a literal, and where it is written.
	NameWord *Word
	// Background is set for `cmd &`; Piped for a command in a pipeline;
	// PipesInto for one whose output a pipe takes (every command of the
	// pipeline but the last), whose exit status the shell drops unless
	// pipefail is set.
	Background, Piped, PipesInto bool
	// InLoop is set inside for/while/until bodies, InFunc inside a function
	// body; Func names that function ("" for a function not named here).
	InLoop, InFunc bool
	Func           string
	// Redirected is set when the command has redirections (`> log`, `2>&1`).
	Redirected bool
	// Assigns names the variables set for this command only (`FOO=1 cmd`);
	// Env holds them with their values.
	Assigns []string
	Env     []*VarSet
	// Inline is the parsed script of `sh -c "…"` / `bash -c '…'`, if any.
	Inline *Script
	// Parent is the `sh -c` command whose Inline script holds this command.
	Parent *Command
}

// VarSet is a variable set or exported by a statement of its own.
type VarSet struct {
	Name string
	// Value is what it is set to; nil for `export NAME`, which only
	// exports, and for a value not known here (an array, `+=`).
	Value  *Word
	Valued bool // sets a value (Value nil: one not known here)
	Export bool // `export`: the commands it starts see it
	// Sure is set when the statement runs whenever the script goes on
	// past it, in this shell: not in a branch, loop, function, subshell,
	// pipeline or after `&&`/`||`.
	Sure bool
	// Before is the index in Commands of the first command after it.
	Before int
	Range  Range
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

// Traps reports whether the script installs a handler for signal (a name
// such as "TERM", with or without "SIG", or its number) with `trap`. An
// empty action (ignore) or "-" (reset) is not a handler.
func (s *Script) Traps(signal string) bool {
	want := normalizeSignal(signal)
	for _, c := range s.Commands {
		for _, a := range handledSignals(c) {
			if normalizeSignal(a.Lit) == want {
				return true
			}
		}
	}
	return false
}

// handledSignals returns the signals a `trap` command installs a handler
// for, nil when c is no trap or its action ignores ("") or resets ("-").
func handledSignals(c *Command) []*Word {
	if c.Name != "trap" || len(c.Args) < 2 {
		return nil
	}
	args := c.Args
	if args[0].Lit == "--" {
		args = args[1:]
	}
	if len(args) < 2 || args[0].Literal && (args[0].Lit == "" || args[0].Lit == "-") {
		return nil
	}
	return args[1:]
}

var signalNumbers = map[string]string{"1": "HUP", "2": "INT", "3": "QUIT", "9": "KILL", "15": "TERM"}

func normalizeSignal(s string) string {
	if n, ok := signalNumbers[s]; ok {
		return n
	}
	s = strings.ToUpper(s)
	return strings.TrimPrefix(s, "SIG")
}

// HasBackground reports whether the script starts a command in the
// background (`cmd &`).
func (s *Script) HasBackground() bool {
	for _, c := range s.Commands {
		if c.Background {
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

// shellParsers reuses parsers: building one allocates more than parsing a
// typical RUN line.
var shellParsers = sync.Pool{New: func() any { return syntax.NewParser(syntax.Variant(syntax.LangBash)) }}

// PosMapper turns a 1-based line and byte column inside a shell text into a
// position in the source file.
type PosMapper func(line, col int) Pos

// ParseShell parses text as a bash-compatible script. mapPos places the
// script's positions in src; nil means the text is src itself.
func ParseShell(src *Source, text string, mapPos PosMapper) *Script {
	if mapPos == nil {
		mapPos = func(line, col int) Pos { return byteColToPos(src, line, col) }
	}
	s := &Script{Source: src, Text: text, mapPos: mapPos}
	// A text no longer than the bound cannot nest past it: mvdan/sh
	// consumes at least one byte for each level it recurses into.
	if len(text) > maxShellNesting {
		if line := shellNestingDepth(text, maxShellNesting); line > 0 {
			s.Err = &NestingError{Line: mapPos(line, 1).Line, Depth: maxShellNesting}
			return s
		}
	}
	p := shellParsers.Get().(*syntax.Parser)
	f, err := p.Parse(strings.NewReader(text), "")
	shellParsers.Put(p)
	if err != nil {
		s.Err = err
		return s
	}
	b := scriptBuilder{src: src, text: text, mapPos: mapPos, script: s}
	b.stmts(f.Stmts, ctx{})
	b.markFinal(f.Stmts)
	s.shape = b.shapeOf(f.Stmts)
	if strings.IndexByte(text, '$') >= 0 { // every parameter expansion starts with $
		s.Reads, s.UsesArgs, s.args = expansions(f, text)
	}
	for _, c := range s.Commands {
		if c.Inline != nil {
			for v := range c.Inline.Reads {
				if s.Reads == nil {
					s.Reads = map[string]bool{}
				}
				s.Reads[v] = true
			}
		}
	}
	for name := range b.funcs {
		if s.Functions == nil {
			s.Functions = map[string]bool{}
		}
		s.Functions[name] = true
	}
	for _, c := range s.Commands {
		if c.Name != "alias" {
			continue
		}
		for _, a := range c.Args {
			if name, _, ok := strings.Cut(a.Lit, "="); ok && a.Literal {
				if s.Aliases == nil {
					s.Aliases = map[string]bool{}
				}
				s.Aliases[name] = true
			}
		}
	}
	return s
}

// byteColToPos converts a byte column of a source line into a rune column.
func byteColToPos(src *Source, line, col int) Pos {
	return Pos{Line: line, Col: src.RuneCol(line, col)}
}

type ctx struct {
	inLoop, inFunc, piped bool
	funcName              string
	// branch is the item of a `case "$1"` the statement is in.
	branch *argBranch
	// pipesInto is set for the commands whose output a pipe takes.
	pipesInto bool
	parent    *Command
	// unsure is set where a statement may not run, or runs in a
	// subshell: a branch, a loop, a function, after `&&` or `||`.
	unsure bool
}

type scriptBuilder struct {
	src  *Source
	text string // the text parsed
	// lineStarts indexes text's lines, made when a position overflows.
	lineStarts []int
	mapPos     PosMapper
	script     *Script
	// calls are the commands made, with their nodes, for commandOf.
	calls       []callCommand
	callsSorted bool
	funcs       map[string]*syntax.FuncDecl // by name
	// inFinal guards against a function whose tail calls itself.
	inFinal map[string]bool
	// calledAt is the offset of the outermost call whose function body
	// markFinal is in, 0 outside any: a shell looks a function up when it
	// is called, so a call inside a body finds the functions declared
	// before that outer call, also those written after the body.
	calledAt int
}

// expansions names the variables the program expands, and reports whether
// it reads its arguments ($@, $*, $#, $1…), in one walk of the tree. The
// walk skips a statement whose text has no $: every parameter expansion
// starts with one, and every node of a statement lies in its text but a
// here-document's body, which needs a << there.
func expansions(f *syntax.File, text string) (reads map[string]bool, usesArgs bool, args argReads) {
	marks := expansionMarks(text)
	type funcSpan struct {
		name     string
		from, to uint
	}
	var funcs []funcSpan // in the order met: an inner one after its outer one
	walkShell(f, func(n syntax.Node) bool {
		if st, ok := n.(*syntax.Stmt); ok {
			return marks.within(int(st.Pos().Offset()), int(st.End().Offset()), len(text))
		}
		if fd, ok := n.(*syntax.FuncDecl); ok && fd.Name != nil {
			funcs = append(funcs, funcSpan{fd.Name.Value, fd.Pos().Offset(), fd.End().Offset()})
			return true
		}
		pe, ok := n.(*syntax.ParamExp)
		if !ok || pe.Param == nil || pe.Param.Value == "" {
			return true
		}
		switch v := pe.Param.Value; {
		case v == "@":
			usesArgs = true
		case v == "*" || v == "#" || v != "0" && strings.Trim(v, "0123456789") == "":
			usesArgs = true
			in := ""
			for _, fs := range funcs {
				if fs.from <= pe.Pos().Offset() && pe.Pos().Offset() < fs.to {
					in = fs.name // the innermost, met last
				}
			}
			if in == "" {
				args.top = true
			} else {
				if args.funcs == nil {
					args.funcs = map[string]bool{}
				}
				args.funcs[in] = true
			}
		}
		if reads == nil {
			reads = map[string]bool{}
		}
		reads[pe.Param.Value] = true
		return true
	})
	return reads, usesArgs, args
}

// argReads says where a script reads its positional parameters one by
// one ($1, $#, $*): outside any function (top), or in which functions.
type argReads struct {
	top   bool
	funcs map[string]bool
}

// InspectsArgs reports whether the script looks at its arguments one by
// one ($1, $#, $*) rather than only handing them on whole ("$@"): outside
// a function, or in a function it calls with them (`_main "$@"`). A
// function's $1 is its own argument when it is called with others
// (`file_env DB_PASSWORD`).
func (s *Script) InspectsArgs() bool {
	if s.args.top {
		return true
	}
	for _, c := range s.Commands {
		if !s.args.funcs[c.Name] {
			continue
		}
		for _, a := range c.Args {
			if strings.Contains(a.Lit, "$@") || strings.Contains(a.Lit, "${@") || strings.Contains(a.Lit, "$*") {
				return true
			}
		}
	}
	return false
}

// markSpans are the spans of a text's $ and <<, in order: a statement may
// expand only if one lies within its text. They are found once per text,
// as a chain of && nests each statement's text in the one before.
type markSpans []markSpan

type markSpan struct{ from, to int }

func expansionMarks(text string) markSpans {
	var marks markSpans
	for i := 0; i < len(text); i++ {
		switch {
		case text[i] == '$':
			marks = append(marks, markSpan{i, i + 1})
		case text[i] == '<' && i+1 < len(text) && text[i+1] == '<':
			marks = append(marks, markSpan{i, i + 2})
			i++
		}
	}
	return marks
}

// within reports whether a mark lies in text[from:to]; a span the parser
// could not place counts as holding one. The first mark at or after from
// decides: any later one ends later.
func (m markSpans) within(from, to, textLen int) bool {
	if from >= to || to > textLen {
		return true
	}
	i := sort.Search(len(m), func(i int) bool { return m[i].from >= from })
	return i < len(m) && m[i].to <= to
}

// hasPos reports whether p places a node. mvdan/sh keeps a line in 18 bits
// and a column in 14: past line 262,143 or column 16,383 they read 0 and
// IsValid may say false, but the byte offset is still right.
func hasPos(p syntax.Pos) bool { return p.IsValid() || p.Offset() > 0 }

// lineCol returns p's 1-based line and byte column in the text, from its
// offset when the line or column overflowed mvdan's bits.
func (b *scriptBuilder) lineCol(p syntax.Pos) (int, int) {
	if p.Line() > 0 && p.Col() > 0 {
		return int(p.Line()), int(p.Col())
	}
	if b.lineStarts == nil {
		b.lineStarts = []int{0}
		for i := 0; i < len(b.text); i++ {
			if b.text[i] == '\n' {
				b.lineStarts = append(b.lineStarts, i+1)
			}
		}
	}
	off := min(int(p.Offset()), len(b.text))
	line := sort.SearchInts(b.lineStarts, off+1) // lines starting at or before off
	return line, off - b.lineStarts[line-1] + 1
}

// walkShell is syntax.Walk with the chains of `&&`, `||` and `|` walked in
// a loop: the parser builds `a && b && c` as a left-leaning tree as deep as
// the chain is long, and a RUN of 300,000 `&& x` lines would overflow the
// stack of a recursive walk. Other nesting is bounded by maxShellNesting.
func walkShell(node syntax.Node, f func(syntax.Node) bool) {
	syntax.Walk(node, func(n syntax.Node) bool {
		if ic, ok := n.(*syntax.IfClause); ok && ic.Else != nil {
			// `elif` chains nest each clause in the one before.
			for cl := ic; cl != nil; cl = cl.Else {
				if !f(cl) {
					break
				}
				for _, st := range append(cl.Cond[:len(cl.Cond):len(cl.Cond)], cl.Then...) {
					walkShell(st, f)
				}
			}
			return false
		}
		st, ok := n.(*syntax.Stmt)
		if !ok {
			return f(n)
		}
		for {
			bc, ok := st.Cmd.(*syntax.BinaryCmd)
			if !ok || len(st.Redirs) > 0 || len(st.Comments) > 0 {
				if st == n {
					return f(st)
				}
				walkShell(st, f)
				return false
			}
			if !f(st) || !f(bc) {
				return false
			}
			walkShell(bc.Y, f)
			st = bc.X
		}
	})
}

func (b *scriptBuilder) rng(from, to syntax.Pos) Range {
	if !hasPos(from) {
		return Range{File: b.src.Path}
	}
	start := b.mapPos(b.lineCol(from))
	end := start
	if hasPos(to) {
		end = b.mapPos(b.lineCol(to))
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
			for _, a := range x.Assigns {
				b.set(a, false, st, c)
			}
			return
		}
		cmd := b.call(x, c)
		cmd.Background = st.Background
		cmd.Redirected = len(st.Redirs) > 0
		for _, a := range x.Assigns {
			if a.Name != nil {
				cmd.Assigns = append(cmd.Assigns, a.Name.Value)
				cmd.Env = append(cmd.Env, b.varSet(a, true, st, c))
			}
		}
	case *syntax.DeclClause:
		if x.Variant != nil && (x.Variant.Value == "export" || x.Variant.Value == "readonly" || x.Variant.Value == "declare" || x.Variant.Value == "typeset") {
			for _, a := range x.Args {
				b.set(a, x.Variant.Value == "export", st, c)
			}
		}
	case *syntax.BinaryCmd:
		b.chain(x, c)
	case *syntax.Block:
		b.stmts(x.Stmts, c)
	case *syntax.Subshell:
		c.unsure = true
		b.stmts(x.Stmts, c)
	case *syntax.IfClause:
		c.unsure = true
		for cl := x; cl != nil; cl = cl.Else {
			b.stmts(cl.Cond, c)
			b.stmts(cl.Then, c)
		}
	case *syntax.CaseClause:
		c.unsure = true
		items := b.argCase(x, c)
		for i, it := range x.Items {
			ic := c
			if items != nil {
				ic.branch = items[i]
			}
			b.stmts(it.Stmts, ic)
		}
	case *syntax.WhileClause:
		lc := c
		lc.inLoop, lc.unsure = true, true
		b.stmts(x.Cond, lc)
		b.stmts(x.Do, lc)
		b.noteRetries(x.Cond, x.Do)
	case *syntax.ForClause:
		lc := c
		lc.inLoop, lc.unsure = true, true
		b.stmts(x.Do, lc)
		b.noteRetries(nil, x.Do)
	case *syntax.FuncDecl:
		fc := c
		fc.inFunc, fc.unsure, fc.funcName, fc.branch = true, true, "", nil
		if x.Name != nil {
			fc.funcName = x.Name.Value
			if b.funcs == nil {
				b.funcs = map[string]*syntax.FuncDecl{}
			}
			b.funcs[x.Name.Value] = x
		}
		b.stmt(x.Body, fc)
	case *syntax.TimeClause:
		b.stmt(x.Stmt, c)
	case *syntax.CoprocClause:
		c.unsure = true
		b.stmt(x.Stmt, c)
	}
}

// set records a variable a statement of its own sets or exports (not the
// `a[i]=x` of an array).
func (b *scriptBuilder) set(a *syntax.Assign, export bool, st *syntax.Stmt, c ctx) {
	if a == nil || a.Name == nil || a.Index != nil || c.parent != nil {
		return
	}
	b.script.Sets = append(b.script.Sets, b.varSet(a, export, st, c))
}

func (b *scriptBuilder) varSet(a *syntax.Assign, export bool, st *syntax.Stmt, c ctx) *VarSet {
	v := &VarSet{Name: a.Name.Value, Export: export, Valued: !a.Naked, Before: len(b.script.Commands),
		Sure:  !c.unsure && !c.piped && !st.Background && !st.Negated,
		Range: b.rng(a.Pos(), a.End())}
	switch {
	case a.Naked || a.Append || a.Array != nil || a.Index != nil:
	case a.Value == nil:
		v.Value = &Word{Literal: true, Range: v.Range} // NAME=
	default:
		v.Value = b.word(a.Value)
	}
	return v
}

// chain walks `a && b || c | d` in a loop: the tree leans left and is as
// deep as the chain is long. A pipe makes every command below it piped.
func (b *scriptBuilder) chain(x *syntax.BinaryCmd, c ctx) {
	type pending struct {
		st *syntax.Stmt
		c  ctx
	}
	var right []pending // the Y of each link, outermost first
	for {
		pipe := x.Op == syntax.Pipe || x.Op == syntax.PipeAll
		if pipe {
			c.piped = true
		}
		rc := c
		rc.unsure = true // runs only as the command before it decides
		right = append(right, pending{x.Y, rc})
		if pipe {
			c.pipesInto = true // the left side writes into the pipe
		}
		next, ok := x.X.Cmd.(*syntax.BinaryCmd)
		if !ok {
			b.stmt(x.X, c)
			break
		}
		x = next
	}
	for i := len(right) - 1; i >= 0; i-- {
		b.stmt(right[i].st, right[i].c)
	}
}

func (b *scriptBuilder) word(w *syntax.Word) *Word {
	out := &Word{}
	b.fillWord(out, w)
	return out
}

// fillWord sets out to the word w, so that a command's words can share one
// allocation.
func (b *scriptBuilder) fillWord(out *Word, w *syntax.Word) {
	out.Range = b.rng(w.Pos(), w.End())
	if lit, ok := literal(w); ok {
		out.Lit, out.Literal = lit, true
		return
	}
	out.Lit = b.wordText(w)
}

// wordText returns a word's source text. Printing the word would recurse
// through every `&&` of a `$( … )` inside it.
func (b *scriptBuilder) wordText(w *syntax.Word) string {
	from, to := int(w.Pos().Offset()), int(w.End().Offset())
	if from < 0 || to > len(b.text) || from >= to {
		return ""
	}
	return b.text[from:to]
}

// literal returns the value of a word made only of literal and quoted
// literal parts, with the quotes removed.
func literal(w *syntax.Word) (string, bool) {
	if len(w.Parts) == 1 { // most words: no copy needed
		switch x := w.Parts[0].(type) {
		case *syntax.Lit:
			return unescapeUnquoted(x.Value), true
		case *syntax.SglQuoted:
			return x.Value, true
		}
	}
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
	slab := make([]Word, len(x.Args))
	for i, w := range x.Args {
		b.fillWord(&slab[i], w)
		words[i] = &slab[i]
	}
	cmd := &Command{
		Range:     b.rng(x.Args[0].Pos(), x.Args[len(x.Args)-1].End()),
		NameRange: words[0].Range,
		Piped:     c.piped,
		PipesInto: c.pipesInto,
		InLoop:    c.inLoop,
		InFunc:    c.inFunc,
		Func:      c.funcName,
		Parent:    c.parent,
	}
	b.noteBranch(cmd, c.branch)
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
	cmd.Name = words[0].Lit // a literal's value, else its source text ("$@")
	cmd.NameWord = words[0]
	if !cmd.Exec {
		cmd.NameRange = words[0].Range
	}
	cmd.Args = words[1:]
	if !cmd.NameWord.Literal {
		b.nameFromVariable(cmd)
	}
	b.calls, b.callsSorted = append(b.calls, callCommand{x, cmd}), false
	b.script.Commands = append(b.script.Commands, cmd)
	b.inline(cmd, c)
	return cmd
}

// callCommand is a command and the node it was made from.
type callCommand struct {
	node *syntax.CallExpr
	cmd  *Command
}

// commandOf finds the command made from x. The calls are looked up only
// for the statements in tail position, so they are kept in a slice,
// sorted by position once (the walk makes them in order, nearly always),
// rather than in a map every call goes into: no two calls of a script
// start at the same offset.
func (b *scriptBuilder) commandOf(x *syntax.CallExpr) *Command {
	if !b.callsSorted {
		b.callsSorted = true
		byOffset := func(a, c callCommand) int { return cmp.Compare(a.node.Pos().Offset(), c.node.Pos().Offset()) }
		if !slices.IsSortedFunc(b.calls, byOffset) {
			slices.SortFunc(b.calls, byOffset)
		}
	}
	off := x.Pos().Offset()
	i, found := slices.BinarySearchFunc(b.calls, off, func(c callCommand, off uint) int { return cmp.Compare(c.node.Pos().Offset(), off) })
	if !found || b.calls[i].node != x {
		return nil
	}
	return b.calls[i].cmd
}

// inline parses the script of `sh -c '…'` so rules see the commands in it.
func (b *scriptBuilder) inline(cmd *Command, c ctx) {
	if len(cmd.Args) < 2 || !IsShell(cmd.Name) {
		return // not `sh -c …`: spare building its argv
	}
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
		if ic.Func == "" {
			ic.Func = c.funcName
		}
		b.noteBranch(ic, c.branch)
	}
	cmd.Inline = inner
	b.script.Commands = append(b.script.Commands, inner.Commands...)
}

// markFinal records the commands in tail position of list.
func (b *scriptBuilder) markFinal(list []*syntax.Stmt) {
	var tail []*syntax.Stmt
	for _, st := range list {
		if call, ok := st.Cmd.(*syntax.CallExpr); ok && len(call.Args) == 0 {
			continue // only assignments
		}
		if _, ok := st.Cmd.(*syntax.FuncDecl); ok {
			continue
		}
		tail = append(tail, st)
	}
	if len(tail) == 0 {
		return
	}
	last := tail[len(tail)-1]
	// `app "$@"; exit $?`: the shell waits for app, then exits with it.
	if isExitStmt(last) && len(tail) > 1 {
		last = tail[len(tail)-2]
	}
	b.finalStmt(last)
}

// isExitStmt reports whether st is a plain `exit …` or `return …`.
func isExitStmt(st *syntax.Stmt) bool {
	call, ok := st.Cmd.(*syntax.CallExpr)
	if !ok || len(call.Args) == 0 || st.Background {
		return false
	}
	name, ok := literal(call.Args[0])
	return ok && (name == "exit" || name == "return")
}

func (b *scriptBuilder) finalStmt(st *syntax.Stmt) {
	// A chain is followed in a loop: `app || exit || exit …` leans left.
	for st != nil && st.Cmd != nil && !st.Background {
		x, ok := st.Cmd.(*syntax.BinaryCmd)
		if !ok {
			break
		}
		st = x.Y
		// `app || exit 1`: app is what the shell waits for.
		if (x.Op == syntax.AndStmt || x.Op == syntax.OrStmt) && isExitStmt(x.Y) {
			st = x.X
		}
	}
	if st == nil || st.Cmd == nil || st.Background {
		return
	}
	switch x := st.Cmd.(type) {
	case *syntax.CallExpr:
		cmd := b.commandOf(x)
		if cmd == nil {
			return
		}
		// A call of a function declared before it runs runs the body.
		at := int(x.Pos().Offset())
		if b.calledAt > 0 {
			at = b.calledAt
		}
		if fn := b.funcs[cmd.Name]; fn != nil && int(fn.Pos().Offset()) < at && !cmd.Exec && !b.inFinal[cmd.Name] {
			if b.inFinal == nil {
				b.inFinal = map[string]bool{}
			}
			b.inFinal[cmd.Name] = true
			outer := b.calledAt
			b.calledAt = at
			b.finalStmt(fn.Body)
			b.calledAt = outer
			b.inFinal[cmd.Name] = false
			return
		}
		b.script.Final = append(b.script.Final, cmd)
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
	case *syntax.TimeClause:
		b.finalStmt(x.Stmt)
	}
}

// ParseScriptFile parses an entrypoint script read from disk. It returns nil
// when the file is not a POSIX shell script: its shebang names another
// interpreter, or it is a compiled program.
func ParseScriptFile(path string, data []byte) *Script {
	if !IsShellScript(data) {
		return nil
	}
	src := NewSource(path, data) // without a byte order mark
	return ParseShell(src, normalizeNewlines(string(src.Text)), nil)
}

// IsShellScript reports whether a file that starts with head (its first
// bytes, or all of it) is run by a POSIX shell: its shebang names one, or
// it has no shebang and is text. A compiled program (ELF, PE, Mach-O) is
// not text: its header holds NUL bytes.
func IsShellScript(head []byte) bool {
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	if bytes.HasPrefix(head, []byte("#!")) {
		line, _, _ := bytes.Cut(head, []byte("\n"))
		return IsShellShebang(string(line))
	}
	return !IsBinary(head)
}

// binarySniffLen is how much of a file IsBinary reads, as git does.
const binarySniffLen = 8000

// IsBinary reports whether data holds a NUL byte in its first 8,000
// bytes: no text file does, every executable format does.
func IsBinary(data []byte) bool {
	return bytes.IndexByte(data[:min(len(data), binarySniffLen)], 0) >= 0
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
