// Package parser turns Dockerfiles, compose files and shell scripts into the
// plain model that dlint's rules read. No rule touches a parsing library.
package parser

import (
	"bytes"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// Pos is a 1-based line and column. Columns count characters (runes), not
// bytes, so a finding lines up under the text a person sees.
type Pos struct {
	Line int `json:"line"`
	Col  int `json:"column"`
}

// Before reports whether p comes before q in a file.
func (p Pos) Before(q Pos) bool {
	return p.Line < q.Line || p.Line == q.Line && p.Col < q.Col
}

// Range is a span in one file. End is exclusive: End.Col is one past the
// last character, as SARIF expects.
type Range struct {
	File  string
	Start Pos
	End   Pos
}

// IsZero reports whether the range carries no position.
func (r Range) IsZero() bool { return r.Start.Line == 0 }

// Source is the text of one file with an index of its line starts.
type Source struct {
	Path  string // path as shown to the user
	Text  []byte
	lines []int32 // byte offset of the start of each line (files are at most 16 MiB)
	// ascii is set when Text is all ASCII, so byte and rune columns agree.
	asciiOnce sync.Once
	ascii     bool
	// excerpt is set on a Source made by Excerpt: Text and lines are
	// empty and only the lines it holds can be read.
	excerpt *excerpt
}

// excerpt is the text of some lines of a file: a report's snippets.
type excerpt struct {
	count int     // LineCount of the whole file
	nums  []int32 // line numbers held, ascending
	offs  []int32 // start of each in text, and the end of the last
	text  string  // the lines, without their line endings, end to end
}

// ReportContextLines is how many lines around a finding a report shows
// (SARIF's context region): an excerpt for a report holds them.
const ReportContextLines = 2

// Excerpt returns a Source holding only the lines keep lists (1-based,
// any order, out-of-range numbers ignored): Line, Lines and LineCount
// answer for them as s does, other lines read as "". It is what a report
// needs of a file with a few findings, without the rest of its text;
// positions cannot be converted in it (Offset, ByteOffset), so nothing
// that edits the file may use it.
func (s *Source) Excerpt(keep []int) *Source {
	nums := make([]int, 0, len(keep))
	for _, n := range keep {
		if s.Holds(n) && n >= 1 && n <= s.LineCount() {
			nums = append(nums, n)
		}
	}
	sort.Ints(nums)
	nums = slices.Compact(nums)
	// Sized exactly, in three allocations: an excerpt lives to the end of
	// the run, and the garbage of growing it would sit among what lives.
	size := 0
	for _, n := range nums {
		size += len(s.lineBytes(n))
	}
	index := make([]int32, 2*len(nums)+1)
	ex := &excerpt{count: s.LineCount(), nums: index[:len(nums):len(nums)], offs: index[len(nums):]}
	var b strings.Builder
	b.Grow(size)
	for i, n := range nums {
		ex.nums[i] = int32(n)
		ex.offs[i] = int32(b.Len())
		b.Write(s.lineBytes(n))
	}
	ex.offs[len(nums)] = int32(b.Len())
	ex.text = b.String()
	return &Source{Path: s.Path, excerpt: ex}
}

// IsExcerpt reports whether s holds only some lines of its file (Excerpt).
func (s *Source) IsExcerpt() bool { return s != nil && s.excerpt != nil }

// HeldLines returns the line numbers an excerpt holds, ascending; nil
// for a whole Source.
func (s *Source) HeldLines() []int {
	if s.excerpt == nil {
		return nil
	}
	out := make([]int, len(s.excerpt.nums))
	for i, n := range s.excerpt.nums {
		out[i] = int(n)
	}
	return out
}

// Holds reports whether Line(n) gives the text of line n of the file:
// always for a whole Source, for an excerpt only for the lines it holds
// and those past the end.
func (s *Source) Holds(n int) bool {
	if s.excerpt == nil {
		return true
	}
	if n < 1 || n > s.excerpt.count {
		return true
	}
	_, ok := s.excerpt.find(n)
	return ok
}

func (e *excerpt) find(n int) (int, bool) {
	i := sort.Search(len(e.nums), func(i int) bool { return int(e.nums[i]) >= n })
	return i, i < len(e.nums) && int(e.nums[i]) == n
}

func (e *excerpt) line(n int) string {
	if i, ok := e.find(n); ok {
		return e.text[e.offs[i]:e.offs[i+1]]
	}
	return ""
}

// RuneCol converts a 1-based byte column of line n into a rune column,
// without copying the line: a script of one 2 MB line has as many words.
func (s *Source) RuneCol(n, byteCol int) int {
	if n < 1 || n > len(s.lines) {
		return max(byteCol, 1)
	}
	start := s.lineStart(n - 1)
	end := len(s.Text)
	if n < len(s.lines) {
		end = s.lineStart(n)
	}
	line := bytes.TrimSuffix(bytes.TrimSuffix(s.Text[start:end], []byte("\n")), []byte("\r"))
	byteCol = min(max(byteCol, 1), len(line)+1)
	s.asciiOnce.Do(func() { s.ascii = isASCII(s.Text) })
	if s.ascii {
		return byteCol
	}
	return utf8.RuneCount(line[:byteCol-1]) + 1
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// NewSource indexes text. CRLF and lone CR both end a line, so positions
// stay right whatever the line endings. A leading UTF-8 byte order mark is
// dropped: editors do not show it or count it in columns, and buildkit
// ignores it.
func NewSource(path string, text []byte) *Source {
	text = bytes.TrimPrefix(text, []byte("\xef\xbb\xbf"))
	// Sized up front: the index lives to the end of the run, and append's
	// spare capacity would too.
	lines := make([]int32, 1, bytes.Count(text, []byte("\n"))+1)
	s := &Source{Path: path, Text: text, lines: lines}
	if bytes.IndexByte(text, '\r') < 0 { // most files: lines end at \n alone
		for start := 0; ; {
			i := bytes.IndexByte(text[start:], '\n')
			if i < 0 {
				return s
			}
			start += i + 1
			s.lines = append(s.lines, int32(start))
		}
	}
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\n':
			s.lines = append(s.lines, int32(i+1))
		case '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				continue
			}
			s.lines = append(s.lines, int32(i+1))
		}
	}
	return s
}

// lineStart returns the byte offset where line i+1 starts.
func (s *Source) lineStart(i int) int { return int(s.lines[i]) }

// LineCount returns the number of lines in the file.
func (s *Source) LineCount() int {
	if s.excerpt != nil {
		return s.excerpt.count
	}
	n := len(s.lines)
	if n > 1 && s.lineStart(n-1) == len(s.Text) {
		n-- // a trailing newline does not start a line
	}
	return n
}

// Line returns line n (1-based) without its line ending, or "" when out of range.
func (s *Source) Line(n int) string {
	if s != nil && s.excerpt != nil {
		return s.excerpt.line(n)
	}
	return string(s.lineBytes(n))
}

// lineBytes is Line without the copy: the caller must not keep or change it.
func (s *Source) lineBytes(n int) []byte {
	if s != nil && s.excerpt != nil {
		return []byte(s.excerpt.line(n))
	}
	if s == nil || n < 1 || n > len(s.lines) {
		return nil
	}
	start := s.lineStart(n - 1)
	end := len(s.Text)
	if n < len(s.lines) {
		end = s.lineStart(n)
	}
	line := s.Text[start:end]
	line = bytes.TrimSuffix(line, []byte("\n"))
	return bytes.TrimSuffix(line, []byte("\r"))
}

// Lines returns lines first to last (1-based), each as Line returns it,
// sharing one copy of their text instead of a copy each.
func (s *Source) Lines(first, last int) []string {
	out := make([]string, max(last-first+1, 0))
	if s != nil && s.excerpt != nil {
		for n := max(first, 1); n <= last; n++ {
			out[n-first] = s.excerpt.line(n)
		}
		return out
	}
	lo, hi := max(first, 1), last
	if s != nil {
		hi = min(last, len(s.lines))
	}
	if s == nil || lo > hi {
		return out
	}
	base, end := s.lineStart(lo-1), len(s.Text)
	if hi < len(s.lines) {
		end = s.lineStart(hi)
	}
	text := string(s.Text[base:end])
	for n := lo; n <= hi; n++ {
		start, stop := s.lineStart(n-1)-base, end-base
		if n < len(s.lines) {
			stop = s.lineStart(n) - base
		}
		line := strings.TrimSuffix(text[start:stop], "\n")
		out[n-first] = strings.TrimSuffix(line, "\r")
	}
	return out
}

// Offset converts a byte offset into a position.
func (s *Source) Offset(off int) Pos {
	if len(s.lines) == 0 {
		return Pos{Line: 1, Col: 1} // an excerpt: no offsets
	}
	i := sort.Search(len(s.lines), func(i int) bool { return s.lineStart(i) > off }) - 1
	if i < 0 {
		i = 0
	}
	return Pos{Line: i + 1, Col: utf8.RuneCount(s.Text[s.lineStart(i):min(off, len(s.Text))]) + 1}
}

// ByteOffset converts a position into a byte offset of Text, the inverse
// of Offset. Col may be one past the last character of the line, not into
// its line ending; the start of the line after the last one is the end of
// the text. ok is false for a position outside the text.
func (s *Source) ByteOffset(p Pos) (off int, ok bool) {
	last := len(s.lines)
	if last == 0 {
		return 0, false // not made by NewSource
	}
	if p.Line == last+1 && p.Col == 1 && s.lineStart(last-1) < len(s.Text) {
		return len(s.Text), true // after a last line with no line ending
	}
	if p.Line < 1 || p.Line > last || p.Col < 1 {
		return 0, false
	}
	off = s.lineStart(p.Line - 1)
	end := len(s.Text)
	if p.Line < last {
		end = s.lineStart(p.Line)
	}
	line := bytes.TrimSuffix(bytes.TrimSuffix(s.Text[off:end], []byte("\n")), []byte("\r"))
	for col := 1; col < p.Col; col++ {
		if len(line) == 0 {
			return 0, false
		}
		_, size := utf8.DecodeRune(line)
		off, line = off+size, line[size:]
	}
	return off, true
}

// LineRange covers the whole text of lines first..last, trimmed of leading
// and trailing blanks, so an underline sits under the text.
func (s *Source) LineRange(first, last int) Range {
	if last < first {
		last = first
	}
	startLine := s.lineBytes(first)
	startCol := utf8.RuneCount(startLine) - utf8.RuneCount(bytes.TrimLeft(startLine, " \t")) + 1
	endLine := s.lineBytes(last)
	endCol := utf8.RuneCount(bytes.TrimRight(endLine, " \t\\`")) + 1
	if last == first && endCol <= startCol {
		endCol = startCol + 1
	}
	return Range{File: s.Path, Start: Pos{first, startCol}, End: Pos{last, endCol}}
}

// FindInLine returns the range of the first occurrence of word in line n at
// or after column fromCol, or ok=false when it is not there.
func (s *Source) FindInLine(n, fromCol int, word string) (Range, bool) {
	if word == "" {
		return Range{}, false
	}
	line := []rune(s.Line(n))
	if fromCol < 1 {
		fromCol = 1
	}
	if fromCol > len(line)+1 {
		return Range{}, false
	}
	idx := strings.Index(string(line[fromCol-1:]), word)
	if idx < 0 {
		return Range{}, false
	}
	col := fromCol + utf8.RuneCountInString(string(line[fromCol-1:])[:idx])
	return Range{File: s.Path, Start: Pos{n, col}, End: Pos{n, col + utf8.RuneCountInString(word)}}, true
}

// Find searches lines first..last for word and returns its range; when it is
// absent the whole span is returned, so a finding always has a position.
func (s *Source) Find(first, last int, word string) Range {
	for n := first; n <= last; n++ {
		if r, ok := s.FindInLine(n, 1, word); ok {
			return r
		}
	}
	return s.LineRange(first, last)
}
