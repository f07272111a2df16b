package parser

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/moby/buildkit/frontend/dockerfile/shell"
	"mvdan.cc/sh/v3/syntax"
)

// ExpandWord returns the value a word of the instruction's script takes
// when the instruction runs: quotes removed, and $NAME, ${NAME},
// ${NAME:-default} and ${NAME-default} replaced by the ARG and ENV values
// in effect (the stage's ARGs are environment variables in RUN). ok is
// false when the word holds anything else (command substitution,
// arithmetic, special parameters, other ${…} forms) or a variable with no
// known value, such as one only the base image could set.
func (in *Instruction) ExpandWord(w *Word) (string, bool) {
	if w == nil {
		return "", false
	}
	if w.Literal {
		return w.Lit, true
	}
	if in == nil || !simpleExpansion(w.Lit) {
		return "", false
	}
	// A Lex keeps state while it works: one per call.
	be := &boundedEnv{env: in.env, left: maxExpandedBytes}
	res, err := shell.NewLex('\\').ProcessWordWithMatches(w.Lit, be)
	if err != nil || len(res.Unmatched) > 0 || be.over {
		return "", false
	}
	return res.Result, true
}

// simpleExpansion reports whether text is one shell word made of literals,
// quotes and the parameter expansions ExpandWord resolves.
func simpleExpansion(text string) bool {
	p := shellParsers.Get().(*syntax.Parser)
	f, err := p.Parse(strings.NewReader(text), "")
	shellParsers.Put(p)
	if err != nil || len(f.Stmts) != 1 {
		return false
	}
	st := f.Stmts[0]
	call, ok := st.Cmd.(*syntax.CallExpr)
	if !ok || len(call.Args) != 1 || len(call.Assigns) > 0 || len(st.Redirs) > 0 || st.Background || st.Negated {
		return false
	}
	return simpleParts(call.Args[0].Parts)
}

func simpleParts(parts []syntax.WordPart) bool {
	for _, part := range parts {
		switch x := part.(type) {
		case *syntax.Lit:
		case *syntax.SglQuoted:
			if x.Dollar {
				return false
			}
		case *syntax.DblQuoted:
			if x.Dollar || !simpleParts(x.Parts) {
				return false
			}
		case *syntax.ParamExp:
			if !simpleParam(x) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// simpleParam accepts $NAME, ${NAME}, ${NAME:-word} and ${NAME-word}.
func simpleParam(pe *syntax.ParamExp) bool {
	if pe.Param == nil || !syntax.ValidName(pe.Param.Value) ||
		pe.Excl || pe.Length || pe.Width || pe.Index != nil || pe.Slice != nil || pe.Repl != nil || pe.Names != 0 {
		return false
	}
	if pe.Exp == nil {
		return true
	}
	switch pe.Exp.Op {
	case syntax.DefaultUnset, syntax.DefaultUnsetOrNull:
		return pe.Exp.Word == nil || simpleParts(pe.Exp.Word.Parts)
	}
	return false
}

// Var returns the value of the ARG or ENV name in effect when the
// instruction runs, as far as the Dockerfile sets it (not the base image's
// ENV).
func (in *Instruction) Var(name string) (string, bool) {
	if in == nil || in.env == nil {
		return "", false
	}
	return in.env.Get(name)
}

// sedPlaceholder is a token a build script replaces with sed before the file
// is used (neo4j's `FROM %%NEO4J_BASE_IMAGE%%`, `%%LOGS_DIR%%/logs`).
var sedPlaceholder = regexp.MustCompile(`%%[A-Z][A-Z0-9_]*%%`)

// HasPlaceholder reports whether text holds such a token: the value it
// stands for is not known.
func HasPlaceholder(text []byte) bool {
	return bytes.Contains(text, []byte("%%")) && sedPlaceholder.Match(text)
}

// VarNames lists the variables the instruction's shell finds set by the
// Dockerfile: the ENV of its stage before it and of the stages it builds
// on, and for a RUN (build time) the stage's ARGs before it too. CMD,
// ENTRYPOINT and HEALTHCHECK run later, with the ENV alone.
func (in *Instruction) VarNames() []string {
	return in.varNames(func(*Var) bool { return true })
}

// ValuedVarNames are those of VarNames whose value the Dockerfile writes
// and is not empty (`ENV SONARQUBE_HOME=/opt/sonarqube`): the shell never
// finds them empty, unless a build argument overrides an ARG's default.
func (in *Instruction) ValuedVarNames() []string {
	return in.varNames(func(v *Var) bool { return v.HasValue && v.Value != "" })
}

func (in *Instruction) varNames(keep func(*Var) bool) []string {
	st := in.Stage
	if st == nil {
		return nil
	}
	seen := map[string]bool{}
	var out []string
	add := func(v *Var) {
		if !seen[v.Name] && keep(v) {
			seen[v.Name] = true
			out = append(out, v.Name)
		}
	}
	for _, v := range st.Vars {
		if v.Instr == nil || !v.Instr.Range.Start.Before(in.Range.Start) {
			break
		}
		if v.Env || in.Keyword == "RUN" {
			add(v)
		}
	}
	for _, anc := range st.Ancestors()[1:] {
		for _, v := range anc.Vars {
			if v.Env {
				add(v)
			}
		}
	}
	return out
}
