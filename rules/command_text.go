package rules

import (
	"strings"
	"unicode/utf8"

	"github.com/dlint-dev/dlint/parser"
)

// spanText returns the text of a range that lies on one line, or "".
func spanText(src *parser.Source, r parser.Range) string {
	if src == nil || r.Start.Line != r.End.Line || r.Start.Line == 0 {
		return ""
	}
	line := []rune(src.Line(r.Start.Line))
	if r.Start.Col < 1 || r.End.Col-1 > len(line) || r.End.Col <= r.Start.Col {
		return ""
	}
	return string(line[r.Start.Col-1 : r.End.Col-1])
}

// commandNameRange is the range of the command's own name: for
// `exec [-a x] gosu …` the model points at `exec`, this finds `gosu`.
func commandNameRange(s *parser.Script, cmd *parser.Command) parser.Range {
	r := cmd.NameRange
	if !cmd.Exec || s == nil || spanText(s.Source, r) != "exec" {
		return r
	}
	if found, ok := s.Source.FindInLine(r.End.Line, r.End.Col, cmd.Name); ok {
		return found
	}
	return r
}

// commandText shows a command in a message, shortened when long:
// `gosu app "$@"`.
func shownCommand(cmd *parser.Command) string {
	const maxLen = 48
	var sb strings.Builder
	sb.WriteString(cmd.Name)
	for _, a := range cmd.Args {
		w := a.Lit
		if a.Literal && (w == "" || strings.ContainsAny(w, " \t\"'$`\\;&|<>()")) {
			w = "'" + strings.ReplaceAll(w, "'", `'\''`) + "'"
		}
		if utf8.RuneCountInString(sb.String())+1+utf8.RuneCountInString(w) > maxLen {
			sb.WriteString(" …")
			break
		}
		sb.WriteString(" ")
		sb.WriteString(w)
	}
	return sb.String()
}

// optionValue returns the value of option short/long in args: "-u 1000",
// "-u1000", "--uid 1000", "--uid=1000". The empty name never matches.
func cmdOptionValue(args []*parser.Word, short, long string) (string, bool) {
	for i, a := range args {
		v := a.Lit
		switch {
		case v == "--":
			return "", false
		case short != "" && v == short || long != "" && v == long:
			if i+1 < len(args) {
				return args[i+1].Lit, true
			}
			return "", false
		case long != "" && strings.HasPrefix(v, long+"="):
			return strings.TrimPrefix(v, long+"="), true
		case short != "" && len(short) == 2 && strings.HasPrefix(v, short) && len(v) > 2 && !strings.HasPrefix(v, "--"):
			return v[2:], true
		}
	}
	return "", false
}
