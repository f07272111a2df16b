package parser

import (
	"path"
	"strings"

	"mvdan.cc/sh/v3/syntax"
)

// Entrypoint scripts often choose what to do by their first argument, the
// image's CMD: `case "$1" in app:run) … exec supervisord ;; app:shell) …
// exec gosu app bash ;; *) exec "$@" ;; esac`. What the container runs is
// the branch its CMD selects; the commands of the other branches, and of
// the functions only they call, do not run. ForArgs gives that view.

// argCase is a `case "$1" in` statement: its item patterns decide which
// of its items the script runs.
type argCase struct {
	fn    string // the function it is in, "" at the top level
	items []*argBranch
}

// argBranch is one item of an argCase; parent is the item of an outer
// argCase it is nested in.
type argBranch struct {
	of       *argCase
	parent   *argBranch
	patterns []string // shell patterns, matched against the argument
	unknown  bool     // a pattern is not a literal: the match cannot be told
}

// argCase returns the items of x when it is a case on the script's (or
// the function's) first argument whose value is still the one the script
// was started with: not in a loop (`while …; do case "$1" … shift`) nor in
// an `sh -c` string, and no `shift` or `set --` of the same scope before it.
func (b *scriptBuilder) argCase(x *syntax.CaseClause, c ctx) []*argBranch {
	if c.inLoop || c.parent != nil || !isFirstArg(x.Word) {
		return nil
	}
	for _, cmd := range b.script.Commands {
		if cmd.Func == c.funcName && cmd.Parent == nil && resetsArgs(cmd) {
			return nil
		}
	}
	ac := &argCase{fn: c.funcName}
	for _, it := range x.Items {
		br := &argBranch{of: ac, parent: c.branch}
		for _, w := range it.Patterns {
			p, ok := literal(w)
			// A quoted glob character matches itself, which Match would not.
			if !ok || strings.ContainsAny(p, "*?[") && !isPlainLit(w) {
				br.unknown = true
			}
			br.patterns = append(br.patterns, p)
		}
		ac.items = append(ac.items, br)
	}
	return ac.items
}

// isFirstArg reports whether w is $1, ${1}, "$1" or "${1}".
func isFirstArg(w *syntax.Word) bool {
	if w == nil || len(w.Parts) != 1 {
		return false
	}
	part := w.Parts[0]
	if dq, ok := part.(*syntax.DblQuoted); ok {
		if len(dq.Parts) != 1 {
			return false
		}
		part = dq.Parts[0]
	}
	pe, ok := part.(*syntax.ParamExp)
	return ok && pe.Param != nil && pe.Param.Value == "1" && pe.Exp == nil && pe.Repl == nil && pe.Slice == nil &&
		pe.Index == nil && !pe.Length && !pe.Excl && !pe.Width && pe.Names == 0
}

// isPlainLit reports whether w is one unquoted literal.
func isPlainLit(w *syntax.Word) bool {
	if len(w.Parts) != 1 {
		return false
	}
	_, ok := w.Parts[0].(*syntax.Lit)
	return ok
}

// resetsArgs reports whether cmd changes the positional parameters:
// `shift`, `set -- …`, `set a b`.
func resetsArgs(cmd *Command) bool {
	switch cmd.Name {
	case "shift":
		return true
	case "set":
		for _, a := range cmd.Args {
			if !a.Literal {
				return true
			}
			if a.Lit == "--" || !strings.HasPrefix(a.Lit, "-") && !strings.HasPrefix(a.Lit, "+") {
				return true
			}
			if a.Lit == "-o" || a.Lit == "+o" {
				return false // `set -o pipefail`: the next word is an option name
			}
		}
	}
	return false
}

func (b *scriptBuilder) noteBranch(cmd *Command, br *argBranch) {
	if br == nil {
		return
	}
	if b.script.branches == nil {
		b.script.branches = map[*Command]*argBranch{}
	}
	b.script.branches[cmd] = br
}

// HasArgBranches reports whether the script chooses what it runs by its
// first argument with a `case "$1"` statement.
func (s *Script) HasArgBranches() bool { return s != nil && len(s.branches) > 0 }

// ForArgs returns the view of the script started with args: its Commands
// and Final without those of the `case "$1"` items the first argument
// does not select, and without those of the functions only such items
// call. The script itself is returned when it has no such statement, when
// args is empty, or when which item runs cannot be told.
func (s *Script) ForArgs(args []string) *Script {
	if !s.HasArgBranches() || len(args) == 0 {
		return s
	}
	r := reach{s: s, arg: args[0], taken: map[*argCase]int{}, funcs: map[string]int8{}}
	for _, cmd := range s.Commands {
		if cmd.NameWord != nil && !cmd.NameWord.Literal && !isAllArgs(cmd.Name) {
			r.anyFunc = true // `$handler`, `run_${MODE}`: any function may run
		}
	}
	var cmds, final []*Command
	for _, cmd := range s.Commands {
		if r.runs(cmd) {
			cmds = append(cmds, cmd)
		}
	}
	for _, cmd := range s.Final {
		if r.runs(cmd) {
			final = append(final, cmd)
		}
	}
	if len(cmds) == len(s.Commands) {
		return s
	}
	view := *s
	view.Commands, view.Final, view.branches = cmds, final, nil
	return &view
}

// reach decides which commands of a script run for one first argument.
type reach struct {
	s       *Script
	arg     string
	anyFunc bool
	taken   map[*argCase]int // the item each case runs; -1 none, -2 not known
	funcs   map[string]int8  // 1 runs, -1 does not, 2 being decided
}

func (r *reach) runs(cmd *Command) bool {
	for br := r.s.branches[cmd]; br != nil; br = br.parent {
		if !r.selects(br) {
			return false
		}
	}
	return cmd.Func == "" || r.funcRuns(cmd.Func)
}

// selects reports whether br's item may run.
func (r *reach) selects(br *argBranch) bool {
	i, ok := r.taken[br.of]
	if !ok {
		i = r.item(br.of)
		r.taken[br.of] = i
	}
	switch {
	case i == -2:
		return true
	case i < 0:
		return false
	}
	return br.of.items[i] == br
}

// item is the index of the item the case runs for the argument: the
// first whose pattern matches, as the shell tries them; -1 when none
// does, -2 when that cannot be told (a pattern not literal, or a case in
// a function not called with the script's own arguments).
func (r *reach) item(ac *argCase) int {
	if ac.fn != "" && !r.passesArgs(ac.fn) {
		return -2
	}
	for i, br := range ac.items {
		if br.unknown {
			return -2
		}
		for _, p := range br.patterns {
			if shellMatch(p, r.arg) {
				return i
			}
		}
	}
	return -1
}

// passesArgs reports whether every call of the function passes the
// script's arguments on unchanged (`main "$@"`), so its $1 is the script's.
func (r *reach) passesArgs(fn string) bool {
	calls := 0
	for _, cmd := range r.s.Commands {
		if cmd.Name != fn || cmd.NameWord == nil || !cmd.NameWord.Literal {
			continue
		}
		calls++
		if len(cmd.Args) != 1 || cmd.Args[0].Lit != `"$@"` && cmd.Args[0].Lit != "$@" || cmd.Func != "" {
			return false
		}
	}
	return calls > 0
}

// funcRuns reports whether a command that runs calls the function, or a
// trap names it.
func (r *reach) funcRuns(fn string) bool {
	if r.anyFunc {
		return true
	}
	switch r.funcs[fn] {
	case 1:
		return true
	case -1, 2:
		return false
	}
	r.funcs[fn] = 2
	runs := false
	for _, cmd := range r.s.Commands {
		if cmd.Name == "trap" && cmd.HasArgContaining(fn) || cmd.Name == fn && cmd.NameWord != nil && cmd.NameWord.Literal && cmd.Func != fn {
			if r.runs(cmd) {
				runs = true
				break
			}
		}
	}
	if runs {
		r.funcs[fn] = 1
	} else {
		r.funcs[fn] = -1
	}
	return runs
}

// HasArgContaining reports whether an argument's text contains s.
func (c *Command) HasArgContaining(s string) bool {
	for _, a := range c.Args {
		if strings.Contains(a.Lit, s) {
			return true
		}
	}
	return false
}

// shellMatch matches a case pattern as the shell does: `*` and `?` match
// any character, `/` too.
func shellMatch(pattern, s string) bool {
	if !strings.ContainsAny(pattern, "*?[\\") {
		return pattern == s
	}
	const slash = "\x00"
	ok, err := path.Match(strings.ReplaceAll(pattern, "/", slash), strings.ReplaceAll(s, "/", slash))
	return err == nil && ok
}
