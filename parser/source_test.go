package parser

import (
	"slices"
	"testing"
	"unicode/utf8"
)

func TestByteOffsetInvertsOffset(t *testing.T) {
	texts := []string{
		"FROM alpine\nUSER root\n",
		"FROM alpine\r\nRUN echo é && sudo x\r\n",
		"a\rb\r\nc\nlast",
		"héllo ✓ wörld\n\n",
		"bad \xff byte\n",
		"",
	}
	for _, text := range texts {
		s := NewSource("f", []byte(text))
		for off := 0; off <= len(s.Text); off++ {
			if off < len(s.Text) && (!utf8.RuneStart(s.Text[off]) || s.Text[off] == '\n' && off > 0 && s.Text[off-1] == '\r') {
				continue // inside a character or a CRLF: no position of its own
			}
			p := s.Offset(off)
			if got, ok := s.ByteOffset(p); got != off || !ok {
				t.Errorf("%q: ByteOffset(Offset(%d) = %v) = %d, %v", text, off, p, got, ok)
			}
		}
	}
}

func TestByteOffset(t *testing.T) {
	s := NewSource("f", []byte("\xef\xbb\xbfab\r\nçd\nlast"))
	cases := []struct {
		p    Pos
		want int
		ok   bool
	}{
		{Pos{1, 1}, 0, true},
		{Pos{1, 3}, 2, true},  // end of "ab", before CRLF
		{Pos{1, 4}, 0, false}, // into the line ending
		{Pos{2, 2}, 6, true},  // after the two-byte ç
		{Pos{3, 5}, 12, true}, // end of the text
		{Pos{4, 1}, 12, true}, // the line after a last line with no line ending
		{Pos{4, 2}, 0, false},
		{Pos{0, 1}, 0, false},
		{Pos{1, 0}, 0, false},
	}
	for _, c := range cases {
		got, ok := s.ByteOffset(c.p)
		if got != c.want || ok != c.ok {
			t.Errorf("ByteOffset(%v) = %d, %v; want %d, %v", c.p, got, ok, c.want, c.ok)
		}
	}
	// With a final newline the line after the last is an empty line.
	s = NewSource("f", []byte("a\n"))
	if got, ok := s.ByteOffset(Pos{2, 1}); got != 2 || !ok {
		t.Errorf("ByteOffset(2:1) of %q = %d, %v", s.Text, got, ok)
	}
	if _, ok := s.ByteOffset(Pos{3, 1}); ok {
		t.Errorf("ByteOffset(3:1) of %q is ok", s.Text)
	}
}

// Lines returns what Line returns for each line, inside the file or not.
func TestSourceLines(t *testing.T) {
	for _, text := range []string{"", "a", "a\nb", "a\r\nb\r\n", "a\rb\n\nc", "x\n\n"} {
		src := NewSource("f", []byte(text))
		for first := -1; first <= 5; first++ {
			for last := first - 1; last <= 6; last++ {
				got := src.Lines(first, last)
				if len(got) != max(last-first+1, 0) {
					t.Fatalf("%q Lines(%d, %d): %d lines", text, first, last, len(got))
				}
				for i, l := range got {
					if want := src.Line(first + i); l != want {
						t.Errorf("%q Lines(%d, %d)[%d] = %q, Line(%d) = %q", text, first, last, i, l, first+i, want)
					}
				}
			}
		}
	}
}

// blankRunes blanks the first n runes of valid and invalid UTF-8 alike.
func TestBlankRunes(t *testing.T) {
	for _, c := range []struct {
		in   string
		n    int
		want string
	}{
		{"RUN echo", 3, "    echo"},
		{"RUN\techo", 4, "   \techo"},
		{"RUN é x", 5, "       x"},
		{"ab", 5, "  "},
		{"ab", 0, "ab"},
		{"R\xffN x", 3, "      x"}, // U+FFFD: three bytes
		{"a\xff", 1, " \uFFFD"},
	} {
		if got := blankRunes(c.in, c.n); got != c.want {
			t.Errorf("blankRunes(%q, %d) = %q, want %q", c.in, c.n, got, c.want)
		}
	}
}

// An excerpt answers Line, Lines and LineCount for the lines it holds as
// the whole source does, whatever the line endings, and "" for the rest.
func TestSourceExcerpt(t *testing.T) {
	for _, text := range []string{"a\nbé\n\nd\ne\n", "a\r\nbé\r\n\r\nd\r\ne", "\xef\xbb\xbfa\rbé\r\rd\re\r"} {
		whole := NewSource("f", []byte(text))
		ex := whole.Excerpt([]int{4, 2, 2, 0, 99})
		if !ex.IsExcerpt() || whole.IsExcerpt() || ex.LineCount() != whole.LineCount() {
			t.Fatalf("%q: excerpt %v, %d lines, want %d", text, ex.IsExcerpt(), ex.LineCount(), whole.LineCount())
		}
		for n := 0; n <= 7; n++ {
			want := ""
			if n == 2 || n == 4 {
				want = whole.Line(n)
			}
			if got := ex.Line(n); got != want {
				t.Errorf("%q: Line(%d) = %q, want %q", text, n, got, want)
			}
			if held := n == 2 || n == 4 || n < 1 || n > whole.LineCount(); ex.Holds(n) != held || !whole.Holds(n) {
				t.Errorf("%q: Holds(%d) = %v", text, n, ex.Holds(n))
			}
		}
		if got := ex.Lines(1, 4); got[0] != "" || got[1] != "bé" || got[3] != "d" {
			t.Errorf("%q: Lines = %q", text, got)
		}
		if again := ex.Excerpt([]int{2, 3}); again.Line(2) != "bé" || again.Line(4) != "" || again.Holds(3) {
			t.Errorf("%q: excerpt of an excerpt: %q %q", text, again.Line(2), again.Line(4))
		}
		if p := ex.Offset(3); p != (Pos{Line: 1, Col: 1}) {
			t.Errorf("Offset on an excerpt = %v", p)
		}
	}
}

// The line index of a text without \r (found with IndexByte) is the one a
// byte-by-byte scan makes, and a \r or \r\n ends a line as \n does.
func TestNewSourceLineIndex(t *testing.T) {
	byteScan := func(text string) []int32 {
		lines := []int32{0}
		for i := 0; i < len(text); i++ {
			if text[i] == '\n' || text[i] == '\r' && (i+1 == len(text) || text[i+1] != '\n') {
				lines = append(lines, int32(i+1))
			}
		}
		return lines
	}
	for _, text := range []string{"", "a", "\n", "\n\n", "a\nb", "a\nb\n", "ab\n\ncd\n\n\n", "a\r\nb\rc\n", "\r", "x\r\n"} {
		got := NewSource("f", []byte(text)).lines
		if want := byteScan(text); !slices.Equal(got, want) {
			t.Errorf("%q: line starts %v, want %v", text, got, want)
		}
	}
}
