package lint

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/dlint-dev/dlint/parser"
	"github.com/dlint-dev/dlint/rules"
)

// IgnoreEdit returns the edit that silences ruleID for a finding that
// starts on line of src, a file of kind (KindUnknown and KindRuns are
// scripts): a `# dlint ignore=` comment above the Dockerfile instruction,
// compose key or list item, or script line that holds the finding,
// indented like it, or the rule added to such a comment already there.
func IgnoreEdit(src *parser.Source, kind Kind, line int, ruleID string) rules.Edit {
	at := ignoreTargetLine(src, kind, line)
	if prev := src.Line(at - 1); at > 1 {
		if m := dlintIgnoreRe.FindStringSubmatchIndex(prev); m != nil {
			col := runeCol(prev, m[3])
			return rules.Edit{Range: parser.Range{File: src.Path, Start: parser.Pos{Line: at - 1, Col: col}, End: parser.Pos{Line: at - 1, Col: col}}, NewText: "," + ruleID}
		}
	}
	text := src.Line(at)
	indent := text[:len(text)-len(strings.TrimLeft(text, " \t"))]
	return insertLine(src, at, indent+"# dlint ignore="+ruleID)
}

// GlobalIgnoreEdit returns the edit that silences ruleID in the whole of
// src: a `# dlint global ignore=` comment at the top, below a script's
// shebang and a Dockerfile's parser directives, which must stay first.
func GlobalIgnoreEdit(src *parser.Source, kind Kind, ruleID string) rules.Edit {
	at := 1
	n := src.LineCount()
	switch kind {
	case KindDockerfile:
		for at <= n && directiveRe.MatchString(strings.TrimSpace(src.Line(at))) {
			at++
		}
	case KindCompose:
	default:
		if strings.HasPrefix(src.Line(1), "#!") {
			at = 2
		}
	}
	return insertLine(src, at, "# dlint global ignore="+ruleID)
}

// dlintIgnoreRe is a whole-line `# dlint ignore=` comment; group 1 ends
// where another rule can be added to its list.
var dlintIgnoreRe = regexp.MustCompile(`^\s*#\s*dlint\s+ignore=[A-Za-z0-9_.,-]*?([A-Za-z0-9_.-])\s*$`)

// insertLine inserts text as a new line before line at (after the last
// line when at is past it), with the file's own line ending.
func insertLine(src *parser.Source, at int, text string) rules.Edit {
	eol := "\n"
	if bytes.Contains(src.Text, []byte("\r\n")) {
		eol = "\r\n"
	}
	n := src.LineCount()
	if at > n {
		// After the last line: end it first when it has no line ending.
		last := src.Line(n)
		end := parser.Pos{Line: n, Col: runeCol(last, len(last))}
		prefix := ""
		if len(src.Text) > 0 && !bytes.HasSuffix(src.Text, []byte("\n")) {
			prefix = eol
		} else {
			end = parser.Pos{Line: n + 1, Col: 1}
		}
		return rules.Edit{Range: parser.Range{File: src.Path, Start: end, End: end}, NewText: prefix + text + eol}
	}
	pos := parser.Pos{Line: at, Col: 1}
	return rules.Edit{Range: parser.Range{File: src.Path, Start: pos, End: pos}, NewText: text + eol}
}

// ignoreTargetLine is the line a `# dlint ignore=` comment must be right
// above to cover line: where the instruction, key or list item, or
// continued script line holding it starts.
func ignoreTargetLine(src *parser.Source, kind Kind, line int) int {
	switch kind {
	case KindDockerfile:
		df, err := parser.ParseDockerfile(src.Path, src.Text)
		if err != nil {
			return line
		}
		for _, in := range df.Instructions {
			if in.Range.Start.Line <= line && line <= in.Range.End.Line {
				return in.Range.Start.Line
			}
		}
		return line
	case KindCompose:
		outermost, _ := composeSpans(src)
		best := 0
		for from, s := range outermost {
			if from <= line && line <= s.to && from > best {
				best = from
			}
		}
		if best == 0 {
			return line
		}
		return best
	}
	for line > 1 && strings.HasSuffix(strings.TrimRight(src.Line(line-1), " \t"), "\\") {
		line--
	}
	return line
}
