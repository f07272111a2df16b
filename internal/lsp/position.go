package lsp

import (
	"net/url"
	"path/filepath"
	"strings"
	"unicode/utf16"

	"github.com/dlint-dev/dlint/parser"
)

// dlint counts columns in characters (runes), the protocol in UTF-16 code
// units: a character outside the Basic Multilingual Plane (an emoji) is one
// column to dlint and two to the editor.

// toPosition converts a dlint position in src into a protocol position.
func toPosition(src *parser.Source, p parser.Pos) textPosition {
	line := src.Line(p.Line)
	units, runes := 0, 0
	for _, r := range line {
		if runes >= p.Col-1 {
			break
		}
		runes++
		units += utf16Len(r)
	}
	return textPosition{Line: max(p.Line-1, 0), Character: units}
}

func toRange(src *parser.Source, r parser.Range) textRange {
	start := toPosition(src, r.Start)
	end := start
	if r.End.Line > 0 {
		end = toPosition(src, r.End)
	}
	return textRange{Start: start, End: end}
}

func utf16Len(r rune) int {
	if n := utf16.RuneLen(r); n > 0 {
		return n
	}
	return 1 // an invalid byte reads as U+FFFD
}

// before reports whether a comes before b.
func before(a, b textPosition) bool {
	return a.Line < b.Line || a.Line == b.Line && a.Character < b.Character
}

// touches reports whether two ranges overlap or meet: a cursor at either
// end of a finding is on it.
func touches(a, b textRange) bool {
	return !before(a.End, b.Start) && !before(b.End, a.Start)
}

// uriToPath turns a file URI into a clean absolute path, or "" when it
// names no local file.
func uriToPath(uri string) string {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "file" {
		return ""
	}
	p := u.Path
	if len(p) >= 3 && p[0] == '/' && p[2] == ':' { // file:///C:/…
		p = p[1:]
	}
	return filepath.Clean(filepath.FromSlash(p))
}

// pathToURI turns an absolute path into a file URI.
func pathToURI(p string) string {
	p = filepath.ToSlash(p)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}
