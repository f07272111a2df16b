package parser

import (
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// varRef is one variable a compose value refers to.
type varRef struct {
	name string
	// op is what follows the name inside braces: "" for `$V` and `${V}`,
	// else ":-", "-", ":?", "?", ":+" or "+".
	op string
	// word is the text after op, up to the closing brace: the default
	// of `${V:-word}`.
	word string
}

// blankWhenUnset reports whether an unset variable makes the reference
// blank, which compose warns about.
func (r varRef) blankWhenUnset() bool { return r.op == "" }

// required reports `${V:?msg}` and `${V?msg}`: compose stops when V is
// unset.
func (r varRef) required() bool { return r.op == ":?" || r.op == "?" }

// varRefs lists the variables s refers to, outermost first; `$$` is a
// literal dollar. The variables of a default are not listed: they matter
// only when the outer one is unset (see unsetIn).
func varRefs(s string) []varRef {
	var out []varRef
	for i := 0; i < len(s); i++ {
		if s[i] != '$' || i+1 >= len(s) {
			continue
		}
		next := s[i+1]
		switch {
		case next == '$':
			i++
		case next == '{':
			j := i + 2
			for j < len(s) && isNameByte(s[j], j == i+2) {
				j++
			}
			if j == i+2 {
				continue
			}
			name := s[i+2 : j]
			op := ""
			if j < len(s) && s[j] != '}' {
				for _, o := range []string{":-", ":?", ":+", "-", "?", "+"} {
					if len(s) >= j+len(o) && s[j:j+len(o)] == o {
						op = o
						break
					}
				}
				if op == "" {
					continue
				}
			}
			// Skip to the matching brace.
			depth := 1
			for i = j; i < len(s) && depth > 0; i++ {
				switch s[i] {
				case '{':
					depth++
				case '}':
					depth--
				}
			}
			i--
			word := ""
			if depth == 0 && j+len(op) <= i {
				word = s[j+len(op) : i]
			}
			out = append(out, varRef{name: name, op: op, word: word})
		case isNameByte(next, true):
			j := i + 1
			for j < len(s) && isNameByte(s[j], j == i+1) {
				j++
			}
			out = append(out, varRef{name: s[i+1 : j]})
			i = j - 1
		}
	}
	return out
}

func isNameByte(c byte, first bool) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || !first && c >= '0' && c <= '9'
}

// shellAlwaysSets are the variables every shell that runs docker compose
// exports, though dlint never reads its own environment: a compose file's
// ${HOME} or ${PWD} is never blank. (bash's UID is not exported, so
// `user: ${UID}` is blank for compose, and is reported.)
var shellAlwaysSets = map[string]bool{"HOME": true, "PWD": true, "PATH": true}

// unsetIn lists the variables of s that are unset in the file's
// environment and that compose would leave blank or stop at.
func (f *yamlFile) unsetIn(s string) []varRef {
	var out []varRef
	for _, r := range varRefs(s) {
		if _, ok := f.env[r.name]; ok || shellAlwaysSets[r.name] {
			continue
		}
		switch {
		case r.blankWhenUnset() || r.required():
			out = append(out, r)
		case r.op == ":-" || r.op == "-":
			// Unset, the default is what compose interpolates.
			out = append(out, f.unsetIn(r.word)...)
		}
	}
	return out
}

// UnsetVariable is a variable a compose file uses that no `.env`,
// --env-file or --env sets: compose makes it blank (with a warning), or
// stops when the file requires it (`${V:?message}`).
type UnsetVariable struct {
	Name     string
	Required bool
	// Operator is how the file requires it: ":?" or "?".
	Operator string
	Range    Range // the first value that uses it
	Uses     int   // how many values of the file use it
	file     int   // the file's place in load order
}

// unsetVariables finds, in every file read, the values that use an unset
// variable: one entry per variable and file, at its first use.
func (l *composeLoader) unsetVariables() []*UnsetVariable {
	var out []*UnsetVariable
	for fi, f := range l.order {
		if f == nil {
			continue
		}
		byName := map[string]*UnsetVariable{}
		var visit func(n *yaml.Node, depth int)
		visit = func(n *yaml.Node, depth int) {
			if n == nil || depth > 200 {
				return
			}
			switch n.Kind {
			case yaml.ScalarNode:
				for _, r := range f.unsetIn(n.Value) {
					u := byName[r.name]
					if u == nil {
						u = &UnsetVariable{Name: r.name, Range: f.nodeRange(n), file: fi}
						byName[r.name] = u
						out = append(out, u)
					}
					u.Uses++
					if r.required() && !u.Required {
						u.Required, u.Operator = true, r.op
					}
				}
			case yaml.MappingNode:
				// Keys are not interpolated.
				for i := 1; i < len(n.Content); i += 2 {
					visit(n.Content[i], depth+1)
				}
			case yaml.SequenceNode, yaml.DocumentNode:
				for _, c := range n.Content {
					visit(c, depth+1)
				}
			}
		}
		for _, doc := range f.docs {
			visit(doc, 0)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Range, out[j].Range
		if out[i].file != out[j].file {
			return out[i].file < out[j].file
		}
		return a.Start.Line < b.Start.Line || a.Start.Line == b.Start.Line && a.Start.Col < b.Start.Col
	})
	return out
}

// blankOnly reports whether an item compose rejects uses a variable that
// is unset: with the value the variable will have, it may be valid.
func (f *yamlFile) blankOnly(raw string) bool {
	return len(f.unsetIn(raw)) > 0
}

// LiteralDefault reads a value that is one reference with a default
// written literally, `${NAME:-word}` or `${NAME-word}`, and returns the
// name and the word; ok is false for anything else, a default that refers
// to variables included. `$$` in the word is a dollar.
func LiteralDefault(raw string) (name, word string, ok bool) {
	if len(raw) < 5 || raw[0] != '$' || raw[1] != '{' || raw[len(raw)-1] != '}' {
		return "", "", false
	}
	j := 2
	for j < len(raw) && isNameByte(raw[j], j == 2) {
		j++
	}
	if j == 2 {
		return "", "", false
	}
	name, rest := raw[2:j], raw[j:len(raw)-1]
	switch {
	case len(rest) >= 2 && rest[:2] == ":-":
		word = rest[2:]
	case len(rest) >= 1 && rest[0] == '-':
		word = rest[1:]
	default:
		return "", "", false
	}
	if strings.ContainsAny(strings.ReplaceAll(word, "$$", ""), "${}") {
		return "", "", false
	}
	return name, strings.ReplaceAll(word, "$$", "$"), true
}
