package parser

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// yamlFile is one compose file read a second time as a YAML node tree, so
// that loaded values can be placed at the line and column that wrote them:
// compose-go keeps no positions.
type yamlFile struct {
	src  *Source
	abs  string       // absolute path, as compose-go names the file
	docs []*yaml.Node // the top-level mapping of each document
	env  map[string]string
	// legacy is set for a Compose v1 file: its services are the top-level
	// keys (see isLegacyLayout).
	legacy bool
	// extendsDir is the directory `extends.file` is resolved against:
	// compose-go uses the project directory for the files it is given and
	// the file's own directory for a file reached through extends.
	extendsDir string
	// includeDir is the project directory of the file's includes.
	includeDir string
	// included caches the files of the `include:` entries.
	included     []includeGroup
	includesRead bool
	// includeErr is an include whose env file cannot be read safely.
	includeErr *ParseError
}

// parseYAMLFile reads src into node trees. The error is YAML's own.
func parseYAMLFile(src *Source, abs string) (*yamlFile, error) {
	f := &yamlFile{src: src, abs: abs}
	dec := yaml.NewDecoder(strings.NewReader(string(src.Text)))
	for {
		var doc yaml.Node
		err := dec.Decode(&doc)
		if err != nil {
			if err.Error() == "EOF" {
				break
			}
			return f, err
		}
		if err := aliasCycle(&doc, map[*yaml.Node]bool{}, 0); err != nil {
			return f, err
		}
		if expanded, written := aliasGrowth(&doc); expanded-written > maxAliasGrowth {
			return f, &ParseError{Line: doc.Line, Msg: fmt.Sprintf("anchors and merge keys expand this document to %d values from the %d written; dlint stops above %d more", expanded, written, maxAliasGrowth)}
		}
		if doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
			if root := resolveAlias(doc.Content[0]); root.Kind == yaml.MappingNode {
				f.docs = append(f.docs, root)
			}
		}
	}
	return f, nil
}

// aliasCycle finds an alias inside the node it names (`a: &a {<<: *a}`),
// which YAML allows and compose can only reject after a long walk.
func aliasCycle(n *yaml.Node, open map[*yaml.Node]bool, depth int) error {
	if n == nil || depth > 1000 {
		return nil
	}
	if n.Kind == yaml.AliasNode {
		if open[n.Alias] {
			return &ParseError{Line: n.Line, Col: n.Column, Msg: fmt.Sprintf("alias *%s is used inside the node it names, which makes a cycle", n.Value)}
		}
		return nil
	}
	open[n] = true
	defer delete(open, n)
	for _, c := range n.Content {
		if err := aliasCycle(c, open, depth+1); err != nil {
			return err
		}
	}
	return nil
}

// resolveAlias follows an alias to the node it names.
func resolveAlias(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 100; i++ {
		n = n.Alias
	}
	return n
}

// yamlEntry is a key found in a mapping: its key and value nodes.
type yamlEntry struct {
	key, value *yaml.Node
}

func (e yamlEntry) found() bool { return e.key != nil }

// mapGet finds key in mapping m. Keys written in m win over those merged in
// with `<<: *anchor` (or a list of anchors, earlier ones first), and the
// entry found is the one inside the anchor, where the value is written.
func mapGet(m *yaml.Node, key string) yamlEntry {
	return mapGetDepth(resolveAlias(m), key, 0)
}

// MappingValue is the value of key in the YAML mapping m, through aliases
// and merge keys as mapGet finds it; nil when m has no such key.
func MappingValue(m *yaml.Node, key string) *yaml.Node { return mapGet(m, key).value }

func mapGetDepth(m *yaml.Node, key string, depth int) yamlEntry {
	if m == nil || m.Kind != yaml.MappingNode || depth > 20 {
		return yamlEntry{}
	}
	var merges []*yaml.Node
	for i := 0; i+1 < len(m.Content); i += 2 {
		k := m.Content[i]
		if k.Value == "<<" && k.Tag == "!!merge" {
			merges = append(merges, m.Content[i+1])
			continue
		}
		if k.Value == key {
			return yamlEntry{key: k, value: resolveAlias(m.Content[i+1])}
		}
	}
	for _, mv := range merges {
		mv = resolveAlias(mv)
		switch mv.Kind {
		case yaml.MappingNode:
			if e := mapGetDepth(mv, key, depth+1); e.found() {
				return e
			}
		case yaml.SequenceNode:
			for _, item := range mv.Content {
				if e := mapGetDepth(resolveAlias(item), key, depth+1); e.found() {
					return e
				}
			}
		}
	}
	return yamlEntry{}
}

// mapKeys lists the keys of m, merged keys included, each once.
func mapKeys(m *yaml.Node) []yamlEntry {
	var out []yamlEntry
	seen := map[string]bool{}
	var walk func(m *yaml.Node, depth int)
	walk = func(m *yaml.Node, depth int) {
		m = resolveAlias(m)
		if m == nil || depth > 20 {
			return
		}
		if m.Kind == yaml.SequenceNode {
			for _, item := range m.Content {
				walk(item, depth+1)
			}
			return
		}
		if m.Kind != yaml.MappingNode {
			return
		}
		var merges []*yaml.Node
		for i := 0; i+1 < len(m.Content); i += 2 {
			k := m.Content[i]
			if k.Value == "<<" && k.Tag == "!!merge" {
				merges = append(merges, m.Content[i+1])
				continue
			}
			if !seen[k.Value] {
				seen[k.Value] = true
				out = append(out, yamlEntry{key: k, value: resolveAlias(m.Content[i+1])})
			}
		}
		for _, mv := range merges {
			walk(mv, depth+1)
		}
	}
	walk(m, 0)
	return out
}

// top finds a top-level key; a later document overrides an earlier one.
func (f *yamlFile) top(key string) yamlEntry {
	for i := len(f.docs) - 1; i >= 0; i-- {
		if e := mapGet(f.docs[i], key); e.found() {
			return e
		}
	}
	return yamlEntry{}
}

// service finds services.<name> in the file.
func (f *yamlFile) service(name string) yamlEntry {
	for i := len(f.docs) - 1; i >= 0; i-- {
		if e := mapGet(f.servicesOf(f.docs[i]), name); e.found() {
			return e
		}
	}
	return yamlEntry{}
}

// seqItems returns the items of a sequence (aliases resolved).
func seqItems(n *yaml.Node) []*yaml.Node {
	n = resolveAlias(n)
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	out := make([]*yaml.Node, len(n.Content))
	for i, c := range n.Content {
		out[i] = resolveAlias(c)
	}
	return out
}

// locatePath walks a dotted path such as `services.web.ports.0` (as
// compose-go names it in errors) from the document roots and returns the
// deepest entry that exists, and whether the whole path was found. Keys
// that contain dots are matched too.
func (f *yamlFile) locatePath(dotted string) (yamlEntry, bool) {
	parts := strings.Split(dotted, ".")
	var best yamlEntry
	bestDepth := -1
	for _, doc := range f.docs {
		e, depth := locateParts(doc, parts)
		if depth > bestDepth && e.found() {
			best, bestDepth = e, depth
		}
	}
	return best, bestDepth == len(parts)
}

func locateParts(n *yaml.Node, parts []string) (yamlEntry, int) {
	var cur yamlEntry
	done := 0
	for done < len(parts) {
		n = resolveAlias(n)
		if n == nil {
			break
		}
		progressed := false
		switch n.Kind {
		case yaml.MappingNode:
			// The longest run of parts that names a key: keys may hold dots.
			for j := len(parts); j > done; j-- {
				if e := mapGet(n, strings.Join(parts[done:j], ".")); e.found() {
					cur, n, done, progressed = e, e.value, j, true
					break
				}
			}
		case yaml.SequenceNode:
			idx := strings.Trim(parts[done], "[]")
			if i, ok := atoi(idx); ok && i < len(n.Content) {
				item := n.Content[i]
				cur, n, done, progressed = yamlEntry{key: item, value: resolveAlias(item)}, item, done+1, true
			}
		}
		if !progressed {
			break
		}
	}
	return cur, done
}

func atoi(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// nodeStart is the 1-based position of a node.
func nodeStart(n *yaml.Node) Pos { return Pos{Line: n.Line, Col: n.Column} }

// nodeRange is the span of a node in the source: a scalar's text with its
// quotes, or a collection from its first line to the end of its last.
func (f *yamlFile) nodeRange(n *yaml.Node) Range {
	if n == nil || n.Line == 0 {
		return Range{File: f.src.Path, Start: Pos{1, 1}, End: Pos{1, 2}}
	}
	start := nodeStart(n)
	end := f.nodeEnd(n)
	if end.Line < start.Line || end.Line == start.Line && end.Col <= start.Col {
		end = Pos{start.Line, start.Col + 1}
	}
	return Range{File: f.src.Path, Start: start, End: end}
}

// entryRange spans a key and its value when the value is a scalar on the
// key's line (`privileged: true`), else the key alone.
func (f *yamlFile) entryRange(e yamlEntry) Range {
	if !e.found() {
		return f.nodeRange(nil)
	}
	r := f.nodeRange(e.key)
	if v := e.value; v != nil && (v.Kind == yaml.ScalarNode || v.Style&yaml.FlowStyle != 0) && v.Line == e.key.Line && v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) == 0 {
		vr := f.nodeRange(v)
		if vr.End.Line == r.Start.Line {
			r.End = vr.End
		}
	}
	return r
}

func (f *yamlFile) nodeEnd(n *yaml.Node) Pos {
	line := []rune(f.src.Line(n.Line))
	col := n.Column // 1-based
	switch n.Kind {
	case yaml.ScalarNode:
		return Pos{n.Line, scalarEndCol(line, col, n)}
	case yaml.AliasNode:
		return Pos{n.Line, min(col+1+utf8.RuneCountInString(n.Value), len(line)+1)}
	}
	last := lastLine(n, 0)
	text := f.src.Line(last)
	return Pos{last, utf8.RuneCountInString(trimLineEnd(text)) + 1}
}

// lastLine is the last line a collection's descendants start on.
func lastLine(n *yaml.Node, depth int) int {
	l := n.Line
	if depth > 50 {
		return l
	}
	for _, c := range n.Content {
		if cl := lastLine(c, depth+1); cl > l {
			l = cl
		}
	}
	return l
}

// trimLineEnd drops a trailing comment and blanks.
func trimLineEnd(s string) string {
	if i := strings.Index(s, " #"); i >= 0 {
		s = s[:i]
	}
	return strings.TrimRight(s, " \t")
}

// scalarEndCol finds where a scalar's text ends on its first line.
func scalarEndCol(line []rune, col int, n *yaml.Node) int {
	i := col - 1
	if i < 0 || i >= len(line) {
		return col + 1
	}
	rest := line[i:]
	switch {
	case n.Style&yaml.DoubleQuotedStyle != 0 && rest[0] == '"':
		for j := 1; j < len(rest); j++ {
			switch rest[j] {
			case '\\':
				j++
			case '"':
				return col + j + 1
			}
		}
		return col + len([]rune(trimLineEnd(string(rest))))
	case n.Style&yaml.SingleQuotedStyle != 0 && rest[0] == '\'':
		for j := 1; j < len(rest); j++ {
			if rest[j] == '\'' {
				if j+1 < len(rest) && rest[j+1] == '\'' {
					j++
					continue
				}
				return col + j + 1
			}
		}
		return col + len([]rune(trimLineEnd(string(rest))))
	case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		return col + len([]rune(trimLineEnd(string(rest))))
	}
	if v := []rune(n.Value); len(v) > 0 && len(v) <= len(rest) && string(rest[:len(v)]) == n.Value {
		return col + len(v)
	}
	// A plain scalar folded over several lines, or one written with a tag.
	text := trimLineEnd(string(rest))
	if n.Style&yaml.FlowStyle == 0 {
		if j := strings.IndexAny(text, ",]}"); j > 0 && strings.ContainsAny(string(line[:i]), "[{") {
			text = text[:j]
		}
	}
	return col + max(1, len([]rune(text)))
}

// textMapper places positions inside text, a value read from the YAML at
// or after (line, col), back in the source: each line of text is searched
// for in the source lines from there on. Lines that cannot be found map to
// the start, so a position is always inside the value.
func textMapper(src *Source, line, col int, text string) PosMapper {
	type place struct {
		line, col int
		ok        bool
	}
	lines := strings.Split(text, "\n")
	places := make([]place, len(lines))
	searchLine, searchCol := line, col
	for i, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		for n := searchLine; n <= src.LineCount() && n <= searchLine+3; n++ {
			from := 1
			if n == searchLine {
				from = searchCol
			}
			if r, ok := src.FindInLine(n, from, l); ok {
				places[i] = place{r.Start.Line, r.Start.Col, true}
				searchLine, searchCol = n+1, 1
				break
			}
		}
	}
	start := Pos{line, col}
	return func(l, c int) Pos {
		if l < 1 || l > len(places) || !places[l-1].ok {
			return start
		}
		p := places[l-1]
		text := lines[l-1]
		if c-1 > len(text) {
			c = len(text) + 1
		}
		return Pos{p.line, p.col + utf8.RuneCountInString(text[:max(0, c-1)])}
	}
}

// lineRange spans from p to the end of its line's text, at least one
// column.
func (f *yamlFile) lineRange(p Pos) Range {
	end := utf8.RuneCountInString(trimLineEnd(f.src.Line(p.Line))) + 1
	if end <= p.Col {
		end = p.Col + 1
	}
	return Range{File: f.src.Path, Start: p, End: Pos{p.Line, end}}
}

// maxAliasGrowth bounds how many nodes anchors, aliases and merge keys
// may add to a file when compose-go expands them: its cost grows with
// the expanded document, which chained merges make quadratic in the text.
const maxAliasGrowth = 200_000

// aliasGrowth measures the document as compose-go will expand it: the
// number of nodes with every alias replaced by what it names (memoised,
// so the walk is linear in the text), minus the nodes written.
func aliasGrowth(doc *yaml.Node) (expanded, written int) {
	memo := map[*yaml.Node]int{}
	var size func(n *yaml.Node, depth int) int
	size = func(n *yaml.Node, depth int) int {
		if n == nil || depth > 10000 {
			return 0
		}
		if v, ok := memo[n]; ok {
			return v
		}
		memo[n] = 0 // a cycle counts nothing more
		total := 1
		if n.Kind == yaml.AliasNode {
			total += size(n.Alias, depth+1)
		} else {
			for _, c := range n.Content {
				total += size(c, depth+1)
				if total > 1<<40 {
					break
				}
			}
		}
		memo[n] = total
		return total
	}
	var count func(n *yaml.Node, depth int) int
	count = func(n *yaml.Node, depth int) int {
		if n == nil || depth > 10000 {
			return 0
		}
		c := 1
		for _, k := range n.Content {
			c += count(k, depth+1)
		}
		return c
	}
	return size(doc, 0), count(doc, 0)
}
