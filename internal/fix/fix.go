// Package fix applies the text edits that rules attach to findings
// (rules.Fix) to the bytes of the files they were found in.
package fix

import (
	"bytes"
	"sort"
	"strings"

	"github.com/dlint-dev/dlint/parser"
	"github.com/dlint-dev/dlint/rules"
)

var bom = []byte("\xef\xbb\xbf")

// File is a file the fixes may edit: the Source its findings were computed
// against and its bytes now (on disk, or standard input).
type File struct {
	Source *parser.Source
	Data   []byte
}

// Result is what Apply did.
type Result struct {
	// Files holds the new bytes of each file that changed, by path.
	Files map[string][]byte
	// Fixed lists the findings whose fix was applied, or whose fix is
	// exactly one applied for another finding (two rules suggesting the
	// same change), in the order given.
	Fixed []rules.Finding
	// Stale lists, sorted, the files whose bytes no longer match their
	// Source: they changed after they were linted and are left alone.
	Stale []string
}

// edit is a rules.Edit resolved to byte offsets of one file's Source.Text.
type edit struct {
	file       string
	start, end int
	text       string
}

func (e edit) noop(src *parser.Source) bool { return string(src.Text[e.start:e.end]) == e.text }

// Apply applies the fixes of findings to files (by path) and returns the
// new bytes of the files that changed. Edits are byte-exact: everything
// outside their ranges is kept, a byte order mark, CRLF line endings and a
// missing final newline included (an edit's own line breaks follow the
// file's: "\n" becomes "\r\n" in a CRLF file).
//
// A fix is all or nothing: it is left out when one of its edits lies in a
// file not in files or stale, falls outside the text, overlaps another of
// its edits, or overlaps or touches an edit already taken from an earlier
// finding (linting again after writing brings it back, when it still
// applies), and when it would change nothing. Findings are taken in the
// order given.
func Apply(findings []rules.Finding, files map[string]File) Result {
	res := Result{Files: map[string][]byte{}}
	usable := map[string]bool{}
	for path, f := range files {
		if f.Source == nil {
			continue
		}
		if bytes.Equal(bytes.TrimPrefix(f.Data, bom), f.Source.Text) {
			usable[path] = true
		} else {
			res.Stale = append(res.Stale, path)
		}
	}
	sort.Strings(res.Stale)

	taken := map[string][]edit{} // by file, in the order taken
	for _, fd := range findings {
		edits, ok := resolve(fd, files, usable)
		if !ok {
			continue
		}
		switch {
		case allTaken(edits, taken):
			res.Fixed = append(res.Fixed, fd)
		case !conflicts(edits, taken):
			for _, e := range edits {
				taken[e.file] = append(taken[e.file], e)
			}
			res.Fixed = append(res.Fixed, fd)
		}
	}
	for path, edits := range taken {
		res.Files[path] = render(files[path], edits)
	}
	return res
}

// EditFile is the file an edit of fd's fix changes: its own, or fd's.
func EditFile(fd rules.Finding, e rules.Edit) string {
	if e.Range.File != "" {
		return e.Range.File
	}
	return fd.Range.File
}

// resolve turns the edits of fd's fix into byte offsets, or returns false
// when the fix cannot be applied as a whole.
func resolve(fd rules.Finding, files map[string]File, usable map[string]bool) ([]edit, bool) {
	if fd.Fix == nil || len(fd.Fix.Edits) == 0 {
		return nil, false
	}
	var out []edit
	changes := false
	for _, e := range fd.Fix.Edits {
		path := EditFile(fd, e)
		if !usable[path] {
			return nil, false
		}
		src := files[path].Source
		start, ok1 := src.ByteOffset(e.Range.Start)
		end, ok2 := src.ByteOffset(e.Range.End)
		if !ok1 || !ok2 || end < start {
			return nil, false
		}
		ed := edit{file: path, start: start, end: end, text: e.NewText}
		changes = changes || !ed.noop(src)
		out = append(out, ed)
	}
	if !changes {
		return nil, false
	}
	// A fix's own edits may touch, not overlap.
	sorted := append([]edit(nil), out...)
	sortEdits(sorted)
	for i := 1; i < len(sorted); i++ {
		a, b := sorted[i-1], sorted[i]
		if a.file == b.file && b.start < a.end {
			return nil, false
		}
	}
	return out, true
}

// allTaken reports whether every edit is one already taken.
func allTaken(edits []edit, taken map[string][]edit) bool {
	for _, e := range edits {
		found := false
		for _, t := range taken[e.file] {
			if t == e {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// conflicts reports whether an edit overlaps or touches one already taken:
// two insertions at one place, or a replacement and an insertion at its
// edge, have no order that is sure to be right.
func conflicts(edits []edit, taken map[string][]edit) bool {
	for _, e := range edits {
		for _, t := range taken[e.file] {
			if e.start <= t.end && t.start <= e.end {
				return true
			}
		}
	}
	return false
}

// sortEdits orders edits by file and start, keeping the given order of
// edits at one place.
func sortEdits(edits []edit) {
	sort.SliceStable(edits, func(i, j int) bool {
		if edits[i].file != edits[j].file {
			return edits[i].file < edits[j].file
		}
		return edits[i].start < edits[j].start
	})
}

// render applies non-overlapping edits to f.
func render(f File, edits []edit) []byte {
	edits = append([]edit(nil), edits...)
	sortEdits(edits)
	text := f.Source.Text
	crlf := usesCRLF(text)
	var buf bytes.Buffer
	buf.Grow(len(f.Data) + 64)
	if bytes.HasPrefix(f.Data, bom) {
		buf.Write(bom)
	}
	at := 0
	for _, e := range edits {
		buf.Write(text[at:e.start])
		newText := e.text
		if crlf {
			newText = toCRLF(newText)
		}
		buf.WriteString(newText)
		at = e.end
	}
	buf.Write(text[at:])
	return buf.Bytes()
}

// usesCRLF reports whether text's first line ends with CRLF.
func usesCRLF(text []byte) bool {
	i := bytes.IndexByte(text, '\n')
	return i > 0 && text[i-1] == '\r'
}

// toCRLF turns each bare "\n" of s into "\r\n".
func toCRLF(s string) string {
	if !strings.Contains(s, "\n") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' && (i == 0 || s[i-1] != '\r') {
			b.WriteByte('\r')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
