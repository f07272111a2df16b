package lint

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/dlint-dev/dlint/parser"
	"github.com/dlint-dev/dlint/rules"
)

// Inline suppressions. A comment `# dlint ignore=rule-a,rule-b` silences
// those rules on what follows it: a Dockerfile instruction, a compose key or
// list item (with everything below it), or a script line. `# dlint global
// ignore=…` silences them in the whole file. For migration, Dockerfiles also
// honour hadolint's `# hadolint [global|stage] ignore=DL3002` and BuildKit's
// `# check=skip=JSONArgsRecommended` (as a file directive, or in the comments
// above one instruction), through each rule's aliases; a peer code that
// several dlint rules have as an alias silences all of them.

// pragmaForm is the tool a suppression comment is written for.
type pragmaForm int

const (
	formDlint pragmaForm = iota
	formHadolint
	formCheck
)

// pragma is one suppression comment.
type pragma struct {
	file     string
	line     int // the comment's line
	col      int // column of its '#'
	endCol   int // one past its last character
	text     string
	form     pragmaForm
	global   bool
	stage    bool   // hadolint's `stage ignore=`: the build stage below
	from, to int    // lines silenced; to == 0 when the comment is above nothing
	target   string // what it silences, for messages: "instruction", "key", "line"
	names    []pragmaName
}

// pragmaName is one rule named by a pragma.
type pragmaName struct {
	name    string   // as written
	ruleIDs []string // the rules it names; none for a code dlint does not know
	// peerReports is set for a hadolint or BuildKit code whose own check
	// reports what the comment covers (rules.PeerReports): that tool still
	// needs the ignore, even where dlint's rules find nothing.
	peerReports bool
	// code limits the name to one code of its rule (SC2086 of shellcheck).
	code        string
	col, endCol int
	used        bool
}

// silences reports whether the name silences a finding of rule id with
// code (the code of an outside checker, or "").
func (n *pragmaName) silences(id, code string) bool {
	return n.names(id) && (n.code == "" || n.code == code)
}

// names reports whether the name stands for rule id.
func (n *pragmaName) names(id string) bool {
	for _, r := range n.ruleIDs {
		if r == id {
			return true
		}
	}
	return false
}

// fileSuppressions are the pragmas of one file.
type fileSuppressions struct {
	kind    Kind // KindDockerfile, KindCompose or KindUnknown for a script
	pragmas []*pragma
}

// silences reports whether a finding of ruleID starting on line is
// silenced, and marks the pragmas that silence it as used.
func (s *fileSuppressions) silences(ruleID, code string, line int) bool {
	if s == nil {
		return false
	}
	hit := false
	for _, p := range s.pragmas {
		if !p.global && (p.to == 0 || line < p.from || line > p.to) {
			continue
		}
		for i := range p.names {
			if p.names[i].silences(ruleID, code) {
				p.names[i].used = true
				hit = true
			}
		}
	}
	return hit
}

// mayHavePragmas is a fast test that lets most files skip the scan.
func mayHavePragmas(text []byte) bool {
	if bytes.Contains(text, []byte("dlint")) || bytes.Contains(text, []byte("hadolint")) {
		return true
	}
	// `# check=` keys are case-insensitive.
	for i := bytes.IndexByte(text, '='); i >= 0; {
		if i >= 5 && bytes.EqualFold(text[i-5:i], []byte("check")) {
			return true
		}
		next := bytes.IndexByte(text[i+1:], '=')
		if next < 0 {
			break
		}
		i += 1 + next
	}
	return false
}

// ruleLookup resolves a rule name (ID or alias) to the IDs of the rules it
// stands for.
type ruleLookup func(name string) []string

func newRuleLookup(pool []*rules.Rule) ruleLookup {
	all := rules.All()
	return func(name string) []string {
		if r, _ := rules.LookupCode(all, name); r != nil {
			return []string{r.ID}
		}
		found := rules.LookupAlias(pool, name)
		if len(found) == 0 {
			found = rules.LookupAlias(all, name)
		}
		var ids []string
		for _, r := range found {
			ids = append(ids, r.ID)
		}
		return ids
	}
}

// newPragmaName makes the pragma name written as text. A name of one
// code of an outside checker (SC2086) silences that code only, and is
// never reported unused: whether the checker runs depends on the machine,
// and hadolint runs ShellCheck itself.
func newPragmaName(text string, ids []string, col, endCol int) pragmaName {
	n := pragmaName{name: text, ruleIDs: ids, col: col, endCol: endCol}
	if r, code := rules.LookupCode(rules.All(), text); r != nil && len(ids) == 1 && ids[0] == r.ID {
		n.code, n.peerReports = code, true
	}
	return n
}

// pragmaError is a malformed `# dlint` comment.
type pragmaError struct {
	col int
	msg string
}

// parseComment reads a comment (text starts at its '#', at column col of
// line) as a pragma. It returns nil, nil for an ordinary comment.
func parseComment(text string, col int, forms []pragmaForm, lookup ruleLookup) (*pragma, *pragmaError) {
	body := strings.TrimPrefix(text, "#")
	off := 1 // bytes of text before body
	trimmed := strings.TrimLeft(body, " \t")
	off += len(body) - len(trimmed)
	word, _, _ := strings.Cut(trimmed, " ")
	word, _, _ = strings.Cut(word, "\t")
	colAt := func(byteOff int) int { return col + utf8.RuneCountInString(text[:byteOff]) }
	p := &pragma{col: col, endCol: col + utf8.RuneCountInString(strings.TrimRight(text, " \t")), text: strings.TrimRight(text, " \t")}
	for _, form := range forms {
		switch form {
		case formDlint, formHadolint:
			tool := "dlint"
			if form == formHadolint {
				tool = "hadolint"
			}
			if word != tool {
				continue
			}
			p.form = form
			after := strings.TrimLeft(trimmed[len(word):], " \t")
			if form == formHadolint && strings.HasPrefix(after, "stage") {
				// hadolint 2.15: `# hadolint stage ignore=` above a FROM.
				p.stage = true
				after = strings.TrimLeft(strings.TrimPrefix(after, "stage"), " \t")
			}
			if !strings.HasPrefix(after, "ignore") && !strings.HasPrefix(after, "global") {
				w, _, _ := strings.Cut(after, " ")
				if form == formDlint && strings.Contains(w, "=") {
					return nil, &pragmaError{colAt(off), fmt.Sprintf("unknown dlint comment %q: want `# dlint ignore=rule-a,rule-b` or `# dlint global ignore=rule-a`", strings.TrimSpace(trimmed))}
				}
				return nil, nil // prose that mentions the tool
			}
			if !p.stage && strings.HasPrefix(after, "global") {
				p.global = true
				after = strings.TrimLeft(strings.TrimPrefix(after, "global"), " \t")
			}
			if !strings.HasPrefix(after, "ignore") {
				if form == formHadolint {
					return nil, nil
				}
				return nil, &pragmaError{colAt(off), "`# dlint global` must be followed by `ignore=rule-a,rule-b`"}
			}
			after = strings.TrimLeft(strings.TrimPrefix(after, "ignore"), " \t")
			if !strings.HasPrefix(after, "=") {
				if form == formHadolint {
					return nil, nil
				}
				return nil, &pragmaError{colAt(off), "`# dlint ignore` names no rule: write `# dlint ignore=rule-a,rule-b`"}
			}
			after = strings.TrimPrefix(after, "=")
			listStart := len(text) - len(after)
			names := splitRuleList(after, listStart)
			if len(names) == 0 {
				if form == formHadolint {
					return nil, nil
				}
				return nil, &pragmaError{colAt(listStart), "`# dlint ignore=` names no rule: write `# dlint ignore=rule-a,rule-b`"}
			}
			for _, n := range names {
				ids := lookup(n.text)
				if len(ids) == 0 && form == formDlint {
					return nil, &pragmaError{colAt(n.off), fmt.Sprintf("unknown rule %q in `# dlint ignore` (see 'dlint rules')", n.text)}
				}
				p.names = append(p.names, newPragmaName(n.text, ids, colAt(n.off), colAt(n.off+len(n.text))))
			}
			return p, nil
		case formCheck:
			if !strings.HasPrefix(strings.ToLower(trimmed), "check=") {
				continue
			}
			p.form = formCheck
			value := trimmed[len("check="):]
			value, _, _ = strings.Cut(value, " ")
			valueStart := off + len("check=")
			for _, part := range strings.SplitN(value, ";", 3) {
				key, list, ok := strings.Cut(part, "=")
				partStart := valueStart + strings.Index(value, part)
				if !ok || !strings.EqualFold(strings.TrimSpace(key), "skip") {
					continue
				}
				for _, n := range splitRuleList(list, partStart+len(key)+1) {
					if strings.EqualFold(n.text, "all") {
						continue // BuildKit's own checks, not dlint's
					}
					p.names = append(p.names, newPragmaName(n.text, lookup(n.text), colAt(n.off), colAt(n.off+len(n.text))))
				}
			}
			if len(p.names) == 0 {
				return nil, nil
			}
			return p, nil
		}
	}
	return nil, nil
}

type listItem struct {
	text string
	off  int // byte offset in the comment
}

var ruleNameRe = regexp.MustCompile(`^[A-Za-z0-9_.-]+`)

// splitRuleList reads `a,b, c` at the start of s (which begins at byte off
// of the comment); what follows the list is a free-form reason.
func splitRuleList(s string, off int) []listItem {
	var out []listItem
	pos := 0
	for {
		for pos < len(s) && (s[pos] == ' ' || s[pos] == '\t') {
			pos++
		}
		m := ruleNameRe.FindString(s[pos:])
		if m == "" {
			return out
		}
		out = append(out, listItem{text: m, off: off + pos})
		pos += len(m)
		next := pos
		for next < len(s) && (s[next] == ' ' || s[next] == '\t') {
			next++
		}
		if next >= len(s) || s[next] != ',' {
			return out
		}
		pos = next + 1
	}
}

// commentStart returns the byte index of a full-line comment's '#', or -1.
func commentStart(line string) int {
	trimmed := strings.TrimLeft(line, " \t\ufeff")
	if !strings.HasPrefix(trimmed, "#") {
		return -1
	}
	return len(line) - len(trimmed)
}

func runeCol(line string, byteIdx int) int { return utf8.RuneCountInString(line[:byteIdx]) + 1 }

// directiveRe is BuildKit's parser directive syntax (`# key=value`).
var directiveRe = regexp.MustCompile(`^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$`)

// readPragma parses the comment that starts at byte idx of line l as one of
// forms. It returns nil and no error for an ordinary comment, and a
// FileError for a malformed pragma.
func readPragma(src *parser.Source, l, idx int, target string, lookup ruleLookup, forms ...pragmaForm) (*pragma, *FileError) {
	line := src.Line(l)
	p, perr := parseComment(line[idx:], runeCol(line, idx), forms, lookup)
	if perr != nil {
		return nil, &FileError{Path: src.Path, Line: l, Col: perr.col, Msg: "invalid ignore comment: " + perr.msg}
	}
	if p != nil {
		p.file, p.line, p.target = src.Path, l, target
	}
	return p, nil
}

// dockerfilePragmas finds the pragmas of a Dockerfile. A comment between
// two instructions silences the instruction below it; a `# check=`
// directive in the leading directive block applies to the whole file.
func dockerfilePragmas(df *parser.Dockerfile, lookup ruleLookup) ([]*pragma, []*FileError) {
	src := df.Source
	var out []*pragma
	var errs []*FileError
	owner := make([]int, src.LineCount()+2) // line → 1 + index of the instruction holding it
	for i, in := range df.Instructions {
		for l := max(in.Range.Start.Line, 1); l <= in.Range.End.Line && l < len(owner); l++ {
			owner[l] = i + 1
		}
	}
	directives := true
	checkSeen := map[int]bool{} // instruction index → a check= comment already counted
	next := 0                   // index of the first instruction starting after the current line
	for l := 1; l <= src.LineCount(); l++ {
		for next < len(df.Instructions) && df.Instructions[next].Range.Start.Line <= l {
			next++
		}
		if owner[l] != 0 {
			directives = false
			continue
		}
		line := src.Line(l)
		idx := commentStart(line)
		if idx < 0 {
			directives = false
			continue
		}
		text := line[idx:]
		isDirective := directives && directiveRe.MatchString(strings.TrimSpace(text))
		if directives && !isDirective {
			directives = false
		}
		p, ferr := readPragma(src, l, idx, "instruction", lookup, formDlint, formHadolint, formCheck)
		if ferr != nil {
			errs = append(errs, ferr)
		}
		if p == nil {
			continue
		}
		switch {
		case p.form == formCheck && isDirective:
			p.global = true
		case p.global:
		case next < len(df.Instructions):
			in := df.Instructions[next]
			if p.form == formCheck {
				if checkSeen[next] {
					continue // BuildKit reads only the first check= comment above an instruction
				}
				checkSeen[next] = true
			}
			p.from, p.to = in.Range.Start.Line, in.Range.End.Line
			if p.stage {
				p.target = "stage"
				p.to = stageEnd(df, next)
			}
		}
		if p.form != formDlint {
			notePeerReports(df, p)
		}
		out = append(out, p)
	}
	return out, errs
}

// notePeerReports marks the names of a hadolint or BuildKit pragma whose
// own check reports an instruction the pragma covers.
func notePeerReports(df *parser.Dockerfile, p *pragma) {
	for i := range p.names {
		n := &p.names[i]
		for _, in := range df.Instructions {
			covered := p.global || p.to > 0 && in.Range.Start.Line >= p.from && in.Range.Start.Line <= p.to
			if covered && rules.PeerReports(n.name, in) {
				n.peerReports = true
				break
			}
		}
	}
}

// stageEnd returns the last line of the build stage that instruction i
// belongs to (a FROM starts one): hadolint's stage ignore reaches from the
// instruction below the comment to the next FROM.
func stageEnd(df *parser.Dockerfile, i int) int {
	end := df.Instructions[i].Range.End.Line
	for j := i + 1; j < len(df.Instructions) && df.Instructions[j].Keyword != "FROM"; j++ {
		end = max(end, df.Instructions[j].Range.End.Line)
	}
	return end
}

// scriptPragmas finds the pragmas of a shell script: a full-line comment
// silences the next line that is not blank or a comment, with its
// continuation lines.
func scriptPragmas(src *parser.Source, lookup ruleLookup) ([]*pragma, []*FileError) {
	var out []*pragma
	var errs []*FileError
	n := src.LineCount()
	for l := 1; l <= n; l++ {
		line := src.Line(l)
		idx := commentStart(line)
		if idx < 0 || l == 1 && strings.HasPrefix(line, "#!") {
			continue
		}
		p, ferr := readPragma(src, l, idx, "line", lookup, formDlint)
		if ferr != nil {
			errs = append(errs, ferr)
		}
		if p == nil {
			continue
		}
		if !p.global {
			if t := nextCodeLine(src, l, func(s string) bool { return commentStart(s) >= 0 }); t > 0 {
				end := t
				for end < n && strings.HasSuffix(strings.TrimRight(src.Line(end), " \t"), "\\") {
					end++
				}
				p.from, p.to = t, end
			}
		}
		out = append(out, p)
	}
	return out, errs
}

// nextCodeLine returns the first line after l that is neither blank nor a
// comment, or 0.
func nextCodeLine(src *parser.Source, l int, isComment func(string) bool) int {
	for t := l + 1; t <= src.LineCount(); t++ {
		s := src.Line(t)
		if strings.TrimSpace(s) == "" || isComment(s) {
			continue
		}
		return t
	}
	return 0
}

// span is the lines of a YAML node with everything below it.
type span struct{ from, to int }

// composePragmas finds the pragmas of a compose file: a comment silences
// the key or list item below it (or on its line, for a trailing comment)
// with everything nested under it.
func composePragmas(src *parser.Source, lookup ruleLookup) ([]*pragma, []*FileError) {
	outermost, comments := composeSpans(src)
	n := src.LineCount()
	isComment := func(s string) bool { return commentStart(s) >= 0 }
	var out []*pragma
	var errs []*FileError
	for l := 1; l <= n; l++ {
		line := src.Line(l)
		idx := commentStart(line)
		trailing := false
		if idx < 0 {
			idx = trailingComment(line, comments)
			trailing = true
		}
		if idx < 0 || !comments[strings.TrimSpace(line[idx:])] {
			continue
		}
		p, ferr := readPragma(src, l, idx, "key", lookup, formDlint)
		if ferr != nil {
			errs = append(errs, ferr)
		}
		if p == nil {
			continue
		}
		if !p.global {
			t := l
			if !trailing {
				t = nextCodeLine(src, l, isComment)
			}
			if s, ok := outermost[t]; ok && t > 0 {
				p.from, p.to = s.from, s.to
			} else if trailing {
				p.from, p.to = l, l
			}
		}
		out = append(out, p)
	}
	return out, errs
}

// composeSpans returns, by line, the outermost key or list item starting
// there with the lines below it that it covers, and the text of every
// comment the YAML parser saw.
func composeSpans(src *parser.Source) (map[int]span, map[string]bool) {
	dec := yaml.NewDecoder(bytes.NewReader(src.Text))
	comments := map[string]bool{}
	var spans []span // every key and list item, outermost first per line
	n := src.LineCount()
	var docs []*yaml.Node
	for {
		var doc yaml.Node
		if err := dec.Decode(&doc); err != nil {
			break // the end, or a syntax error reported by the compose loader
		}
		docs = append(docs, &doc)
	}
	for i, doc := range docs {
		end := n
		if i+1 < len(docs) {
			end = docs[i+1].Line - 1
		}
		collectComments(doc, comments)
		for _, c := range doc.Content {
			collectSpans(c, end, &spans)
		}
	}
	outermost := map[int]span{}
	for _, s := range spans {
		if cur, ok := outermost[s.from]; !ok || s.to > cur.to {
			outermost[s.from] = s
		}
	}
	return outermost, comments
}

// trailingComment returns the byte index of a comment after YAML content on
// line, confirmed by the parser's own comments, or -1.
func trailingComment(line string, comments map[string]bool) int {
	for i := 1; i < len(line); i++ {
		if line[i] == '#' && (line[i-1] == ' ' || line[i-1] == '\t') && comments[strings.TrimSpace(line[i:])] {
			return i
		}
	}
	return -1
}

func collectComments(n *yaml.Node, out map[string]bool) {
	if n == nil {
		return
	}
	for _, c := range []string{n.HeadComment, n.LineComment, n.FootComment} {
		for _, line := range strings.Split(c, "\n") {
			if line = strings.TrimSpace(line); line != "" {
				out[line] = true
			}
		}
	}
	for _, c := range n.Content {
		collectComments(c, out)
	}
}

// collectSpans records the lines of each key (with its value) and each list
// item below n; end is the last line n may cover. A node ends where its next
// sibling starts.
func collectSpans(n *yaml.Node, end int, out *[]span) {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			key, value := n.Content[i], n.Content[i+1]
			to := end
			if i+2 < len(n.Content) {
				to = max(key.Line, n.Content[i+2].Line-1)
			}
			*out = append(*out, span{key.Line, to})
			collectSpans(value, to, out)
		}
	case yaml.SequenceNode:
		for i, item := range n.Content {
			to := end
			if i+1 < len(n.Content) {
				to = max(item.Line, n.Content[i+1].Line-1)
			}
			*out = append(*out, span{item.Line, to})
			collectSpans(item, to, out)
		}
	}
}
