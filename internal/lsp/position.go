package lsp

import (
	"net/url"
	"path/filepath"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/dlint-dev/dlint/parser"
)

// dlint counts columns in characters (runes), the protocol in UTF-16 code
// units: a character outside the Basic Multilingual Plane (an emoji) is one
// column to dlint and two to the editor.

// toPosition converts a dlint position in src into a protocol position.
func toPosition(src *parser.Source, p parser.Pos) Position {
	line := src.Line(p.Line)
	units, runes := 0, 0
	for _, r := range line {
		if runes >= p.Col-1 {
			break
		}
		runes++
		units += utf16Len(r)
	}
	return Position{Line: max(p.Line-1, 0), Character: units}
}

// fromPosition converts a protocol position in src into a dlint one. A
// character past the end of the line is the end of the line.
func fromPosition(src *parser.Source, p Position) parser.Pos {
	line := src.Line(p.Line + 1)
	units, col := 0, 1
	for _, r := range line {
		if units >= p.Character {
			break
		}
		units += utf16Len(r)
		col++
	}
	return parser.Pos{Line: p.Line + 1, Col: col}
}

func toRange(src *parser.Source, r parser.Range) Range {
	start := toPosition(src, r.Start)
	end := start
	if r.End.Line > 0 {
		end = toPosition(src, r.End)
	}
	return Range{Start: start, End: end}
}

func utf16Len(r rune) int {
	if n := utf16.RuneLen(r); n > 0 {
		return n
	}
	return 1 // an invalid byte reads as U+FFFD
}

// utf16Count is the length of s in UTF-16 code units.
func utf16Count(s string) int {
	n := 0
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		n += utf16Len(r)
		s = s[size:]
	}
	return n
}

// before reports whether a comes before b.
func before(a, b Position) bool {
	return a.Line < b.Line || a.Line == b.Line && a.Character < b.Character
}

// touches reports whether two ranges overlap or meet: a cursor at either
// end of a finding is on it.
func touches(a, b Range) bool {
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
