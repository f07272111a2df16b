package parser

import (
	"path"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/dlint-dev/dlint/images"
)

// Expansion bounds. A value longer than buildkit's longest line can only
// come from expanding variables into each other.
const (
	maxExpandedBytes   = maxLineBytes + 1 // one value
	maxExpansionBudget = 16 << 20         // all that one file's expansions add
)

// tooLargeValue stands for a variable whose value was too large to expand:
// it reads as unset, so what uses it is unresolved, not wrong.
const tooLargeValue = "\x00dlint: too large to expand\x00"

type envGetter map[string]string

// Get returns k's value; expansions read it through boundedEnv, which
// knows tooLargeValue.
func (e envGetter) Get(k string) (string, bool) { v, ok := e[k]; return v, ok }

// boundedEnv hands out variables to buildkit's lexer until their lengths
// pass left; then over is set and the expansion is abandoned.
type boundedEnv struct {
	env  interface{ Get(string) (string, bool) }
	left int
	over bool
}

func (e *boundedEnv) Get(k string) (string, bool) {
	v, ok := e.env.Get(k)
	if v == tooLargeValue {
		e.over = true
		return "", false
	}
	if e.left -= len(v); e.left < 0 {
		e.over = true
		return "", ok
	}
	return v, ok
}

func (e *boundedEnv) Keys() []string {
	if k, ok := e.env.(interface{ Keys() []string }); ok {
		return k.Keys()
	}
	return nil
}

func (e envGetter) Keys() []string {
	keys := make([]string, 0, len(e))
	for k := range e {
		keys = append(keys, k)
	}
	return keys
}

// envChain is a persistent list of variable assignments, newest first: an
// instruction keeps the list in effect when it runs without a copy.
type envChain struct {
	key, value string
	next       *envChain
}

// with returns the list with key set to value.
func (c *envChain) with(key, value string) *envChain {
	return &envChain{key: key, value: value, next: c}
}

// Get returns the newest value of k.
func (c *envChain) Get(k string) (string, bool) {
	for ; c != nil; c = c.next {
		if c.key == k {
			return c.value, true
		}
	}
	return "", false
}

// Keys lists the variables set, each once.
func (c *envChain) Keys() []string {
	seen := map[string]bool{}
	var keys []string
	for ; c != nil; c = c.next {
		if !seen[c.key] {
			seen[c.key] = true
			keys = append(keys, c.key)
		}
	}
	return keys
}

func cleanPath(p string) string { return path.Clean(p) }

// posixShell reports whether the stage's shell-form instructions run in a
// shell that mvdan/sh understands (not cmd or PowerShell). The default
// /bin/sh -c is cmd /S /C on a Windows image, and a file that sets the
// escape to a backtick is most often written for one: there the default
// is trusted only on a base known to be Linux. A SHELL naming a POSIX
// shell is one either way.
func (b *dfBuilder) posixShell() bool {
	if !IsShell(b.stage.EffectiveShell()[0]) {
		return false
	}
	return b.df.Escape == '\\' || b.stage.setsShell() || linuxBase(b.stage)
}

// setsShell reports whether the stage or one it builds on has a SHELL.
func (s *Stage) setsShell() bool {
	for _, st := range s.Ancestors() {
		if st.Shell != nil {
			return true
		}
	}
	return false
}

// linuxBase reports whether the stage chain starts from an image known to
// be Linux: a `--platform=linux/…` FROM, or an image the shipped catalogue
// knows with a POSIX /bin/sh. The parse sees neither .dlint.yaml nor the
// repository's own images: a base only they know reads as unknown.
func linuxBase(s *Stage) bool {
	anc := s.Ancestors()
	root := anc[len(anc)-1]
	if p := strings.ToLower(root.Platform); p == "linux" || strings.HasPrefix(p, "linux/") {
		return true
	}
	if !root.BaseResolved || root.Base.Repository == "" {
		return false
	}
	img, ok := images.Default().Lookup(root.Base.Name(), root.Base.Tag)
	if !ok {
		return false
	}
	switch img.Shell {
	case images.ShellDash, images.ShellAsh, images.ShellBash, images.ShellOldBash:
		return true
	}
	return false
}

func (b *dfBuilder) execSpec(in *Instruction, argv []string, shellForm bool) *ExecSpec {
	spec := &ExecSpec{Exec: !shellForm, Argv: argv, Range: in.ArgsRange(), Instr: in}
	if shellForm {
		if b.posixShell() {
			spec.Script = b.shellFormScript(in)
		}
	} else {
		spec.Script = b.execFormScript(in, argv)
	}
	in.Script = spec.Script
	return spec
}

func (b *dfBuilder) runScript(in *Instruction, argv []string, shellForm bool) *Script {
	if !shellForm {
		return b.execFormScript(in, argv)
	}
	if !b.posixShell() {
		return nil
	}
	return b.shellFormScript(in)
}

// shellFormScript parses the shell text of an instruction in place: the
// keyword and flags are blanked so that lines and columns in the script are
// those of the Dockerfile.
func (b *dfBuilder) shellFormScript(in *Instruction) *Script {
	src := b.df.Source
	first, last := in.Range.Start.Line, in.Range.End.Line
	lines := src.Lines(first, last)
	blankContinuedFlags(lines, in.Range.Start.Col-1+len([]rune(in.Keyword)), in.Flags, b.df.Escape)
	argStart := in.ArgsRange().Start.Col
	lines[0] = blankRunes(lines[0], argStart-1)
	if in.Keyword == "HEALTHCHECK" {
		// HEALTHCHECK [options] CMD command: the script starts after CMD.
		rest := []rune(lines[0])
		idx := strings.Index(strings.ToUpper(string(rest)), "CMD")
		if idx >= 0 {
			lines[0] = blankRunes(lines[0], len([]rune(string(rest)[:idx]))+3)
		}
	}
	if hd, ok := heredocOnly(in, lines[0]); ok {
		if !IsShellShebang(hd.Content) {
			return nil
		}
		lines[0] = ""
		// Blank everything after the body: the terminator and other heredocs.
		bodyLines := strings.Count(strings.TrimSuffix(hd.Content, "\n"), "\n") + 1
		for i := 1 + bodyLines; i < len(lines); i++ {
			lines[i] = ""
		}
	} else if len(in.Heredocs) == 0 {
		joinContinuationComments(lines, b.df.Escape)
		if !shellContinuations(lines, b.df.Escape) {
			return nil
		}
	} else if b.df.Escape != '\\' {
		return nil // the lines before the bodies would need the same care
	}
	offset := first - 1
	return ParseShell(src, strings.Join(lines, "\n"), func(line, col int) Pos {
		return byteColToPos(src, line+offset, col)
	})
}

// heredocOnly reports whether the instruction's command is just a
// here-document (`RUN <<EOF`), whose body buildkit runs as the script.
func heredocOnly(in *Instruction, firstLine string) (Heredoc, bool) {
	if len(in.Heredocs) == 0 {
		return Heredoc{}, false
	}
	f := strings.Fields(firstLine)
	if len(f) == 0 || !strings.HasPrefix(f[0], "<<") {
		return Heredoc{}, false
	}
	for _, w := range f {
		if !strings.HasPrefix(w, "<<") {
			return Heredoc{}, false
		}
	}
	return in.Heredocs[0], true
}

// joinContinuationComments turns comment and blank lines inside a continued
// instruction into bare continuations, as buildkit drops them.
func joinContinuationComments(lines []string, escape rune) {
	cont := false
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if i > 0 && cont && (t == "" || strings.HasPrefix(t, "#")) {
			if i < len(lines)-1 {
				lines[i] = `\`
			} else {
				lines[i] = ""
			}
			continue
		}
		cont = strings.HasSuffix(strings.TrimRight(l, " \t"), string(escape))
	}
}

// shellContinuations rewrites each line buildkit continues (its escape
// rune last, perhaps followed by blanks, and not itself escaped) to end in
// a bare backslash, which the shell reads as the same continuation: to sh
// a backtick starts a command substitution, and a backslash before blanks
// escapes a blank. Columns before the escape do not move. It reports false
// when sh could not read the lines as buildkit joins them: a backslash
// just before a backtick continuation escapes the next line's first rune.
func shellContinuations(lines []string, escape rune) bool {
	for i, l := range lines {
		t := strings.TrimRight(l, " \t")
		if !strings.HasSuffix(t, string(escape)) {
			continue
		}
		body := t[:len(t)-utf8.RuneLen(escape)]
		if strings.HasSuffix(body, string(escape)) {
			continue // an escaped escape rune: not a continuation
		}
		if escape != '\\' && strings.HasSuffix(body, `\`) {
			return false
		}
		if i == len(lines)-1 {
			lines[i] = body // continued into the end of the file
			continue
		}
		if escape == '\\' {
			lines[i] = t // body and its backslash, without a copy
		} else {
			lines[i] = body + `\`
		}
	}
	return true
}

// blankContinuedFlags blanks the flags ArgsRange leaves when they go on
// over continuation lines (`RUN --mount=a \` then `--mount=b \` then the
// command): the shell must not see them as a command. at is the rune index
// on the first line just after the keyword.
func blankContinuedFlags(lines []string, at int, flags []string, escape rune) {
	rest := flags
	li, ci := 0, at
	for len(rest) > 0 && li < len(lines) {
		line := []rune(lines[li])
		for ci < len(line) && (line[ci] == ' ' || line[ci] == '\t') {
			ci++
		}
		if ci == len(line) || line[ci] == escape && strings.TrimSpace(string(line[ci+1:])) == "" {
			if ci < len(line) {
				lines[li] = blankRuneRange(lines[li], ci, ci+1)
			}
			li, ci = li+1, 0
			continue
		}
		if !strings.HasPrefix(string(line[ci:]), rest[0]) {
			return
		}
		n := len([]rune(rest[0]))
		lines[li] = blankRuneRange(lines[li], ci, ci+n)
		ci += n
		rest = rest[1:]
	}
}

// blankRuneRange blanks the runes [from, to) of s as blankRunes does.
func blankRuneRange(s string, from, to int) string {
	var sb strings.Builder
	for i, r := range []rune(s) {
		if i >= from && i < to && r != '\t' {
			sb.WriteString(strings.Repeat(" ", utf8.RuneLen(r)))
			continue
		}
		sb.WriteRune(r)
	}
	return sb.String()
}

func blankRunes(s string, n int) string {
	// Each rune becomes as many spaces as it has bytes, so byte columns in
	// the script stay those of the source line.
	if utf8.ValidString(s) {
		var sb strings.Builder
		sb.Grow(len(s))
		i := 0
		for off, r := range s {
			if i == n {
				sb.WriteString(s[off:])
				break
			}
			if r == '\t' {
				sb.WriteByte('\t')
			} else {
				sb.WriteString(spaces[:utf8.RuneLen(r)])
			}
			i++
		}
		return sb.String()
	}
	// Invalid UTF-8 reads as U+FFFD, as the rune conversion below has
	// always made it.
	var sb strings.Builder
	for i, r := range []rune(s) {
		if i < n && r != '\t' {
			sb.WriteString(strings.Repeat(" ", utf8.RuneLen(r)))
			continue
		}
		sb.WriteRune(r)
	}
	return sb.String()
}

const spaces = "    "

// execFormScript makes a one-command script of an exec-form array, so rules
// see `["sudo", …]` or `["sh", "-c", "…"]` like any other command.
func (b *dfBuilder) execFormScript(in *Instruction, argv []string) *Script {
	src := b.df.Source
	words := make([]Range, len(argv))
	tokens := make([]*jsonString, len(argv))
	at := in.ArgsRange().Start
	for i, a := range argv {
		tok := findJSONString(src, at, in.Range.End.Line, a)
		words[i] = in.ArgsRange()
		if tok != nil {
			words[i] = tok.rng
			at = tok.rng.End
		}
		tokens[i] = tok
	}
	return ExecFormScript(src, argv, words, func(i int) PosMapper {
		if tokens[i] == nil {
			return nil
		}
		return tokens[i].pos
	})
}

// jsonString is a JSON string literal as written in the source, with the
// source column of each byte of its decoded value, so positions inside an
// exec-form `sh -c` script land on the right character whatever escapes
// (\", \u0026) the file uses.
type jsonString struct {
	rng        Range
	cols       []int // 1-based source column of each decoded byte
	lineStarts []int // byte offsets in the value where its lines start
}

// pos maps a 1-based line and byte column of the decoded value to the file.
func (t *jsonString) pos(line, col int) Pos {
	off := len(t.cols)
	if line-1 < len(t.lineStarts) {
		off = min(t.lineStarts[line-1]+col-1, len(t.cols))
	}
	if off == len(t.cols) {
		return Pos{Line: t.rng.End.Line, Col: t.rng.End.Col - 1} // the closing quote
	}
	return Pos{Line: t.rng.Start.Line, Col: t.cols[off]}
}

// findJSONString finds the first JSON string literal at or after from (up
// to line last) whose value is want.
func findJSONString(src *Source, from Pos, last int, want string) *jsonString {
	for n := from.Line; n <= last; n++ {
		line := []rune(src.Line(n))
		i := 0
		if n == from.Line {
			i = max(from.Col-1, 0)
		}
		for ; i < len(line); i++ {
			if line[i] != '"' {
				continue
			}
			value, cols, end, ok := decodeJSONString(line, i)
			if !ok {
				continue
			}
			if value == want {
				t := &jsonString{rng: Range{File: src.Path, Start: Pos{n, i + 1}, End: Pos{n, end + 2}}, cols: cols, lineStarts: []int{0}}
				for j := 0; j < len(value); j++ {
					if value[j] == '\n' {
						t.lineStarts = append(t.lineStarts, j+1)
					}
				}
				return t
			}
			i = end
		}
	}
	return nil
}

// decodeJSONString decodes the string literal whose opening quote is at
// line[open]. It returns the value, the 1-based column of each byte of it,
// and the index of the closing quote.
func decodeJSONString(line []rune, open int) (string, []int, int, bool) {
	var sb strings.Builder
	var cols []int
	emit := func(r rune, col int) {
		n := sb.Len()
		sb.WriteRune(r)
		for ; n < sb.Len(); n++ {
			cols = append(cols, col+1)
		}
	}
	for i := open + 1; i < len(line); i++ {
		switch r := line[i]; r {
		case '"':
			return sb.String(), cols, i, true
		case '\\':
			if i+1 >= len(line) {
				return "", nil, 0, false
			}
			col := i
			i++
			switch e := line[i]; e {
			case '"', '\\', '/':
				emit(e, col)
			case 'b':
				emit('\b', col)
			case 'f':
				emit('\f', col)
			case 'n':
				emit('\n', col)
			case 'r':
				emit('\r', col)
			case 't':
				emit('\t', col)
			case 'u':
				r, width, ok := decodeJSONEscapeU(line[i+1:])
				if !ok {
					return "", nil, 0, false
				}
				emit(r, col)
				i += width
			default:
				return "", nil, 0, false
			}
		default:
			emit(r, i)
		}
	}
	return "", nil, 0, false
}

// decodeJSONEscapeU decodes the hex digits after `\u` (and a low surrogate
// that follows a high one). width is how many runes it consumed.
func decodeJSONEscapeU(rest []rune) (rune, int, bool) {
	hex := func(rs []rune) (rune, bool) {
		if len(rs) < 4 {
			return 0, false
		}
		v, err := strconv.ParseUint(string(rs[:4]), 16, 32)
		return rune(v), err == nil
	}
	r, ok := hex(rest)
	if !ok {
		return 0, 0, false
	}
	if utf16.IsSurrogate(r) && len(rest) >= 10 && rest[4] == '\\' && rest[5] == 'u' {
		if lo, ok := hex(rest[6:]); ok {
			if pair := utf16.DecodeRune(r, lo); pair != utf8.RuneError {
				return pair, 10, true
			}
		}
	}
	if utf16.IsSurrogate(r) {
		r = utf8.RuneError
	}
	return r, 4, true
}
