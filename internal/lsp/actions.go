package lsp

import (
	"fmt"
	"strings"

	"github.com/dlint-dev/dlint/internal/fix"
	"github.com/dlint-dev/dlint/lint"
	"github.com/dlint-dev/dlint/parser"
	"github.com/dlint-dev/dlint/rules"
)

// codeActions offers, for each finding under the range: its fix (unsafe
// ones say so), and comments that ignore its rule on that line or in the
// file; and for the file, one action that applies every safe fix.
func (s *Server) codeActions(p codeActionParams) []codeAction {
	path := uriToPath(p.TextDocument.URI)
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []codeAction{}
	f := s.current(path)
	if f == nil {
		return out // not linted yet, or changed since: the next lint brings them
	}
	wants := func(kind string) bool {
		if len(p.Context.Only) == 0 {
			return true
		}
		for _, k := range p.Context.Only {
			if kind == k || strings.HasPrefix(kind, k+".") {
				return true
			}
		}
		return false
	}
	kind := fileKind(path)
	seen := map[string]bool{}
	add := func(a codeAction) {
		if !seen[a.Title] {
			seen[a.Title] = true
			out = append(out, a)
		}
	}
	if wants(kindQuickFix) {
		for _, fd := range f.findings {
			if !touches(f.rangeOf(fd.Range), p.Range) {
				continue
			}
			diag := []diagnostic{f.diagnostic(fd)}
			if fd.Fix != nil {
				if edit := s.workspaceEdit(fd, fd.Fix.Edits); edit != nil {
					title := "dlint: " + fd.Fix.Description
					if fd.Fix.Unsafe {
						title += " (unsafe: changes what the container does, review it)"
					}
					add(codeAction{Title: title, Kind: kindQuickFix, Diagnostics: diag, IsPreferred: !fd.Fix.Unsafe, Edit: edit})
				}
			}
			line := lint.IgnoreEdit(f.src, kind, fd.Range.Start.Line, fd.Rule.ID)
			add(codeAction{Title: fmt.Sprintf("dlint: ignore %s on this line", fd.Rule.ID), Kind: kindQuickFix, Diagnostics: diag, Edit: s.workspaceEdit(fd, []rules.Edit{line})})
			file := lint.GlobalIgnoreEdit(f.src, kind, fd.Rule.ID)
			add(codeAction{Title: fmt.Sprintf("dlint: ignore %s in this file", fd.Rule.ID), Kind: kindQuickFix, Diagnostics: diag, Edit: s.workspaceEdit(fd, []rules.Edit{file})})
		}
	}
	if wants(kindFixAll) {
		if a := s.fixAll(f); a != nil {
			out = append(out, *a)
		}
	}
	return out
}

// workspaceEdit converts edits of fd's fix, which may reach other files
// (the compose file of a Dockerfile finding), or returns nil when one of
// those files changed since the lint.
func (s *Server) workspaceEdit(fd rules.Finding, edits []rules.Edit) *workspaceEdit {
	we := &workspaceEdit{Changes: map[string][]textEdit{}}
	for _, e := range edits {
		path := absPath(fix.EditFile(fd, e))
		f := s.current(path)
		if f == nil {
			return nil
		}
		uri := s.snap.uri(path)
		we.Changes[uri] = append(we.Changes[uri], textEdit{Range: f.rangeOf(e.Range), NewText: e.NewText})
	}
	return we
}

// fixAll applies every safe fix whose edits stay in the file, as the CLI's
// --fix would in one pass, and replaces the whole text with the result.
func (s *Server) fixAll(f *fileResult) *codeAction {
	var safe []rules.Finding
	for _, fd := range f.findings {
		if fd.Fix == nil || fd.Fix.Unsafe {
			continue
		}
		inFile := true
		for _, e := range fd.Fix.Edits {
			if absPath(fix.EditFile(fd, e)) != f.path {
				inFile = false
			}
		}
		if inFile {
			safe = append(safe, fd)
		}
	}
	if len(safe) == 0 {
		return nil
	}
	shown := safe[0].Range.File
	for i := range safe { // fix.Apply finds files by the path the findings show
		safe[i].Range.File = shown
	}
	res := fix.Apply(safe, map[string]fix.File{shown: {Source: f.src, Data: f.src.Text}})
	fixed, ok := res.Files[shown]
	if !ok {
		return nil
	}
	end := parser.Pos{Line: f.src.LineCount() + 1, Col: 1}
	if len(f.src.Text) > 0 && f.src.Text[len(f.src.Text)-1] != '\n' {
		last := f.src.Line(f.src.LineCount())
		end = parser.Pos{Line: f.src.LineCount(), Col: len([]rune(last)) + 1}
	}
	r := f.rangeOf(parser.Range{Start: parser.Pos{Line: 1, Col: 1}, End: end})
	r.Start = textPosition{}
	if f.bom {
		r.Start.Character = 1 // keep the mark
	}
	title := fmt.Sprintf("dlint: fix all %d safe problems in this file", len(res.Fixed))
	if len(res.Fixed) == 1 {
		title = "dlint: fix the safe problem in this file"
	}
	return &codeAction{Title: title, Kind: kindFixAll, Edit: &workspaceEdit{Changes: map[string][]textEdit{
		s.snap.uri(f.path): {{Range: r, NewText: string(fixed)}},
	}}}
}

// fileKind is how a file's ignore comments are written.
func fileKind(path string) lint.Kind {
	if k := lint.Classify(path); k != lint.KindUnknown {
		return k
	}
	return lint.KindRuns
}
