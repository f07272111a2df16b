package lsp

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/dlint-dev/dlint/images"
	"github.com/dlint-dev/dlint/lint"
	"github.com/dlint-dev/dlint/parser"
	"github.com/dlint-dev/dlint/rules"
)

// hover shows the rule documentation of the findings under the cursor
// and, on a FROM line or an `image:` key, what dlint knows of the image.
func (s *Server) hover(p textDocumentPositionParams) *hover {
	path := uriToPath(p.TextDocument.URI)
	s.mu.Lock()
	f := s.current(path)
	var parts []string
	var shown []*rules.Rule
	if f != nil {
		at := textRange{Start: p.Position, End: p.Position}
		for _, fd := range f.findings {
			if !touches(f.rangeOf(fd.Range), at) || containsRule(shown, fd.Rule) {
				continue
			}
			shown = append(shown, fd.Rule)
			parts = append(parts, ruleDoc(fd.Rule))
		}
	}
	var src *parser.Source
	if d := s.docs[path]; d != nil {
		src = parser.NewSource(path, d.text)
	} else if f != nil {
		src = f.src
	}
	opts := s.opts.Lint
	s.mu.Unlock()

	if ref := imageAt(fileKind(path), src, p.Position.Line+1); ref != "" {
		parts = append(parts, imageDoc(path, ref, opts))
	}
	if len(parts) == 0 {
		return nil
	}
	return &hover{Contents: markupContent{Kind: "markdown", Value: strings.Join(parts, "\n\n---\n\n")}}
}

func containsRule(list []*rules.Rule, r *rules.Rule) bool {
	for _, x := range list {
		if x == r {
			return true
		}
	}
	return false
}

// ruleDoc is `dlint explain` as Markdown.
func ruleDoc(r *rules.Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "**%s** (%s): %s\n\n", r.ID, r.Severity, r.Summary)
	if len(r.Aliases) > 0 {
		fmt.Fprintf(&b, "Aliases: %s\n\n", strings.Join(r.Aliases, ", "))
	}
	b.WriteString(strings.TrimSpace(r.Doc))
	return b.String()
}

var (
	fromRe  = regexp.MustCompile(`(?i)^\s*FROM\s+(?:--\S+\s+)*([^\s#]+)(?:\s+AS\s+(\S+))?`)
	imageRe = regexp.MustCompile(`^\s*(?:-\s+)?image:\s*["']?([^"'\s#]+)`)
)

// imageAt returns the image a FROM instruction or compose `image:` key on
// line n names, or "": a variable makes it unknown, and a FROM may name an
// earlier stage.
func imageAt(kind lint.Kind, src *parser.Source, n int) string {
	if src == nil {
		return ""
	}
	var m []string
	switch kind {
	case lint.KindDockerfile:
		m = fromRe.FindStringSubmatch(src.Line(n))
		for l := 1; m != nil && l < n; l++ {
			if st := fromRe.FindStringSubmatch(src.Line(l)); st != nil && strings.EqualFold(st[2], m[1]) {
				return ""
			}
		}
	case lint.KindCompose:
		m = imageRe.FindStringSubmatch(src.Line(n))
	}
	if m == nil || strings.Contains(m[1], "$") || strings.EqualFold(m[1], "scratch") {
		return ""
	}
	return m[1]
}

// imageDoc is `dlint image` for ref, with the catalogue of the file's
// configuration. A FROM naming an earlier stage finds no entry and says so.
func imageDoc(path, ref string, opts lint.Options) string {
	var b strings.Builder
	pool := opts.Rules
	if pool == nil {
		pool = rules.All()
	}
	cat, errs := lint.ImageCatalog(filepath.Dir(path), opts.ConfigFile, opts.NoConfig, pool)
	if len(errs) > 0 {
		return fmt.Sprintf("dlint cannot read the image catalogue: %s", errs[0].Error())
	}
	r := parser.ParseImageRef(ref)
	b.WriteString("```text\n")
	if img, ok := cat.Lookup(r.Name(), r.Tag); ok {
		images.Describe(&b, ref, img)
	} else {
		images.DescribeUnknown(&b, ref)
	}
	b.WriteString("```")
	return b.String()
}
