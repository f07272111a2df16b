package parser

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// compose-go reads an included file from disk, so the items dlint leaves
// out of a main file (a volume an unset variable blanks) would still stop
// the project when an included file has them. Such a file is given to
// compose-go as a copy without them, in a temporary directory, and its
// `include:` entry names the copy with the original's directory as the
// project directory: relative paths, the default .env and extends resolve
// as they did.

// includeCopies are the copies made for one load.
type includeCopies struct {
	dir string
	// byAbs holds the copy of each included file that needs one ("" for
	// one that needs none); byCopy maps a copy back to its file.
	byAbs  map[string]string
	byCopy map[string]*yamlFile
}

// rewriteIncludes points the entries of an `include:` mapping root (a fresh
// decoding of f) at copies of the files that need one.
func (l *composeLoader) rewriteIncludes(f *yamlFile, root *yaml.Node, depth int) bool {
	inc := mapGet(root, "include")
	if !inc.found() || inc.value.Kind != yaml.SequenceNode || depth > maxIncludeCopyDepth {
		return false
	}
	l.includes(f) // reads the included files into l.byAbs
	changed := false
	for i, item := range inc.value.Content {
		item = resolveAlias(item)
		var paths []*yaml.Node
		switch item.Kind {
		case yaml.ScalarNode:
			paths = []*yaml.Node{item}
		case yaml.MappingNode:
			if p := mapGet(item, "path"); p.found() {
				if p.value.Kind == yaml.ScalarNode {
					paths = []*yaml.Node{p.value}
				}
				paths = append(paths, seqItems(p.value)...)
			}
		}
		if len(paths) == 0 {
			continue
		}
		var firstDir string
		copied := false
		for j, pn := range paths {
			p := f.interpolate(pn.Value)
			if isRemoteResource(p) {
				continue
			}
			abs := absJoin(f.includeDir, p)
			if j == 0 {
				firstDir = filepath.Dir(abs)
			}
			if c := l.includeCopy(abs, depth); c != "" {
				*pn = yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Style: yaml.DoubleQuotedStyle, Value: escapeInterpolation(c)}
				copied = true
			}
		}
		if !copied {
			continue
		}
		changed = true
		dirNode := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Style: yaml.DoubleQuotedStyle, Value: escapeInterpolation(firstDir)}
		switch {
		case item.Kind == yaml.ScalarNode:
			inc.value.Content[i] = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: []*yaml.Node{
				{Kind: yaml.ScalarNode, Tag: "!!str", Value: "path"}, item,
				{Kind: yaml.ScalarNode, Tag: "!!str", Value: "project_directory"}, dirNode,
			}}
		case !mapGet(item, "project_directory").found():
			item.Content = append(item.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: "project_directory"}, dirNode)
		}
	}
	return changed
}

// maxIncludeCopyDepth bounds how deep includes are followed for copies.
const maxIncludeCopyDepth = 8

// includeCopy returns the path of the copy of the included file abs that
// compose-go reads instead, or "" when the file needs none.
func (l *composeLoader) includeCopy(abs string, depth int) string {
	if l.copies == nil {
		l.copies = &includeCopies{byAbs: map[string]string{}, byCopy: map[string]*yamlFile{}}
	}
	if c, ok := l.copies.byAbs[abs]; ok {
		return c
	}
	l.copies.byAbs[abs] = "" // an include cycle ends here
	g := l.byAbs[abs]
	if g == nil {
		return ""
	}
	docs := decodeDocs(g.src.Text)
	changed := false
	for _, doc := range docs {
		if len(doc.Content) == 0 {
			continue
		}
		root := doc.Content[0]
		for _, svc := range mapKeys(g.servicesOf(root)) {
			if l.dropBadItems(g, svc.value) {
				changed = true
			}
		}
		if l.rewriteIncludes(g, root, depth+1) {
			changed = true
		}
	}
	if !changed {
		return ""
	}
	text, ok := encodeDocs(docs)
	if !ok {
		return ""
	}
	if l.copies.dir == "" {
		dir, err := os.MkdirTemp("", "dlint-include-")
		if err != nil {
			return ""
		}
		l.copies.dir = dir
	}
	// A directory per copy keeps the file's own name, which compose-go's
	// messages show.
	sub := filepath.Join(l.copies.dir, strconv.Itoa(len(l.copies.byCopy)))
	c := filepath.Join(sub, filepath.Base(abs))
	if os.Mkdir(sub, 0o700) != nil || os.WriteFile(c, text, 0o600) != nil {
		return ""
	}
	l.copies.byAbs[abs] = c
	l.copies.byCopy[c] = g
	return c
}

// removeCopies deletes the copies once the project is loaded.
func (l *composeLoader) removeCopies() {
	if l.copies != nil && l.copies.dir != "" {
		_ = os.RemoveAll(l.copies.dir)
	}
}

// escapeInterpolation writes s so that compose's interpolation reads it
// back as it is.
func escapeInterpolation(s string) string { return strings.ReplaceAll(s, "$", "$$") }

// encodeDocs writes YAML documents back to text.
func encodeDocs(docs []*yaml.Node) ([]byte, bool) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	for _, doc := range docs {
		if err := enc.Encode(doc); err != nil {
			return nil, false
		}
	}
	if enc.Close() != nil {
		return nil, false
	}
	return buf.Bytes(), true
}
