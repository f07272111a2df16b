package parser

import (
	"regexp"
	"slices"
	"strings"
)

// plainVarRef is a command name written as one unquoted variable:
// `$exec_cmd` or `${exec_cmd}`, which the shell splits into words.
var plainVarRef = regexp.MustCompile(`^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$`)

// switchesUser reports whether words run their command as another user
// (`gosu hedgedoc`, `exec su-exec neo4j`), as switchedUser tells.
func switchesUser(words []string) bool {
	if len(words) > 0 && words[0] == "exec" {
		words = words[1:]
	}
	_, ok := switchedUser(words)
	return ok
}

// nameFromVariable resolves a command whose name is a variable the script
// has set, before it, only to literal words (neo4j's entrypoint sets
// `exec_cmd="exec gosu neo4j:neo4j"` when it runs as root, else
// `exec_cmd="exec"`, and ends in `${exec_cmd} "$@"`): the command is what
// those words make. Of several values the one that switches user is
// taken, for it is what runs when the container starts as root; the
// command is an exec only when every value starts with exec.
func (b *scriptBuilder) nameFromVariable(cmd *Command) {
	if !strings.HasPrefix(cmd.Name, "$") || cmd.Name == "$@" || cmd.Name == "$*" {
		return // most names made by expansions are "$@": spare the regexp
	}
	m := plainVarRef.FindStringSubmatch(cmd.Name)
	if m == nil {
		return
	}
	var values [][]string
	for _, set := range b.script.Sets {
		if set.Name != m[1] || !set.Valued {
			continue
		}
		words, ok := valueFields(set.Value)
		if !ok {
			return // a value not known here
		}
		// An empty value leaves the arguments (`exec $GOSU "$@"` when
		// not root): kept as no words.
		values = append(values, words)
	}
	if len(values) == 0 {
		return
	}
	for _, words := range values {
		if cmd.Exec && len(words) > 0 && words[0] == "exec" {
			return // `exec $c` with c="exec …": not a command the shell runs
		}
	}
	if cmd.Exec {
		// hedgedoc's `exec $GOSU "$@"` with GOSU="gosu hedgedoc" as root:
		// the value that switches user is what runs when started as root.
		for _, words := range values {
			if switchesUser(words) {
				cmd.nameWords(words)
				return
			}
		}
		return
	}
	if slices.ContainsFunc(values, func(w []string) bool { return len(w) == 0 }) {
		return
	}
	pick, allExec := values[0], true
	for _, words := range values {
		allExec = allExec && words[0] == "exec"
	}
	for _, words := range values {
		if switchesUser(words) {
			pick = words
			break
		}
	}
	if pick[0] == "exec" {
		if !allExec {
			return // an exec on one path only: leave the command as written
		}
		cmd.Exec = true
		pick = pick[1:]
	}
	if len(pick) == 0 { // `exec_cmd=exec`: the first argument is the program
		if len(cmd.Args) == 0 {
			return
		}
		cmd.Name, cmd.NameWord, cmd.Args = cmd.Args[0].Lit, cmd.Args[0], cmd.Args[1:]
		return
	}
	cmd.nameWords(pick)
}

// valueFields splits the value a variable is set to into the words an
// unquoted expansion of it makes, when they are known: a literal value,
// or one whose first word is literal and whose others are plain variable
// expansions (bitwarden's `gosu_cmd="gosu $USERNAME:$GROUPNAME"`). A word
// holding an expansion keeps its text and is not literal.
func valueFields(v *Word) ([]string, bool) {
	if v == nil {
		return nil, false
	}
	if v.Literal {
		return strings.Fields(v.Lit), true
	}
	text := v.Lit
	if len(text) >= 2 && text[0] == '"' && text[len(text)-1] == '"' {
		text = text[1 : len(text)-1]
	}
	if strings.ContainsAny(text, "\"'`\\") || strings.Contains(text, "$(") {
		return nil, false
	}
	fields := strings.Fields(text)
	if len(fields) == 0 || strings.Contains(fields[0], "$") {
		return nil, false
	}
	return fields, true
}

// nameWords puts words in place of the command's name, at its range; a
// word with an expansion in it is not literal.
func (c *Command) nameWords(pick []string) {
	at := c.NameWord.Range
	words := make([]*Word, len(pick))
	for i, w := range pick {
		words[i] = &Word{Lit: w, Literal: !strings.Contains(w, "$"), Range: at}
	}
	c.Name, c.NameWord = pick[0], words[0]
	c.Args = append(words[1:], c.Args...)
}
