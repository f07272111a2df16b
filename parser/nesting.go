package parser

import (
	"fmt"
	"strings"
)

// maxShellNesting bounds how deeply shell constructs may nest. mvdan/sh's
// parser recurses once per level and needs about 3.5 KB of stack for each:
// 300,000 nested `(` overflow Go's 1 GB stack, which kills the whole run,
// not one goroutine. Real scripts nest a few levels; 1,000 costs 3.5 MB.
const maxShellNesting = 1000

// NestingError is shell text whose constructs nest deeper than dlint parses.
type NestingError struct {
	Line  int // 1-based line of the text where the bound is crossed
	Depth int
}

func (e *NestingError) Error() string {
	return fmt.Sprintf("shell constructs nest more than %d levels deep (subshells, $( ), ${ }, quotes, if/while/case); dlint does not parse such a script; split it into functions or smaller scripts", e.Depth)
}

// shellNestingDepth scans text the way the shell lexer does, without
// recursion, and returns the first line where the nesting of subshells,
// groups, substitutions, quotes and compound commands passes limit (0 when
// it never does). It errs on the side of counting: a bracket it cannot tell
// apart from a quoted one is an opening, while only a close it is sure of
// (outside quotes, comments and here-documents; a keyword in command
// position) ends a level.
func shellNestingDepth(text string, limit int) int {
	s := nestScanner{text: withoutNUL(text), line: 1, cmdPos: true, openPos: true}
	return s.run(limit)
}

// shellNestingMax returns the deepest nesting the scan counts in text.
func shellNestingMax(text string) int {
	s := nestScanner{text: withoutNUL(text), line: 1, cmdPos: true, openPos: true}
	s.run(len(text) + 1)
	return s.max
}

// withoutNUL drops NUL bytes, which mvdan/sh's lexer skips as if they
// were not there (`$\x00(a)` is a command substitution).
func withoutNUL(text string) string {
	if strings.IndexByte(text, 0) < 0 {
		return text
	}
	return strings.ReplaceAll(text, "\x00", "")
}

// Kinds of nesting levels on the scanner's stack.
const (
	nestParen   = '(' // ( … ), $( … ), <( … ), f( )
	nestGroup   = '{' // { …; }
	nestFunsub  = 'f' // ${ …; }: its } may touch the rest of the word
	nestParam   = '$' // ${ … }
	nestDquote  = '"'
	nestBquote  = '`'
	nestArith   = 'A' // $(( … )), (( … ))
	nestArithP  = 'a' // a parenthesis inside arithmetic
	nestArithB  = 'B' // $[ … ], bash's old arithmetic expansion
	nestArithK  = 'k' // a bracket inside arithmetic (an array index)
	nestIf      = 'i'
	nestLoop    = 'l' // while, until, for, select … done
	nestCase    = 'c'
	nestTest    = 't' // [[ … ]]
	nestHereDoc = 'H' // body of an unquoted here-document: expansions apply
	nestHereLit = 'h' // body of a quoted here-document: literal
)

// metachars end a word and start no other (blanks, newlines, operators);
// wordEnds adds what starts a quote, an expansion, an escape or a comment.
var metachars, wordEnds = byteSet(" \t\r\n;&|()<>"), byteSet(" \t\r\n;&|()<>'\"`$\\#")

func byteSet(chars string) (set [256]bool) {
	for i := 0; i < len(chars); i++ {
		set[chars[i]] = true
	}
	return set
}

// skipBlanks returns the index of the first byte at or after i that is not
// a space or a tab.
func skipBlanks(text string, i int) int {
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	return i
}

type hereDoc struct {
	delim             string
	quoted, stripTabs bool
}

type nestScanner struct {
	text  string
	i     int
	line  int
	stack []byte
	docs  []hereDoc // here-documents whose bodies start at the next newline
	// open here-documents, innermost last, parallel to their stack entries
	bodies []hereDoc
	// wordStart: the next byte starts a word (a `#` there is a comment).
	wordStart bool
	// cmdPos: a keyword here would be read as one (strict, for closes);
	// openPos is the lenient version used for openings.
	cmdPos, openPos bool
	// ops counts operators in the open arithmetic and [[ ]] expressions;
	// funcs the function headers read since the last body.
	ops, funcs int
	max        int // the deepest depth seen
}

func (s *nestScanner) top() byte {
	if len(s.stack) == 0 {
		return 0
	}
	return s.stack[len(s.stack)-1]
}

func (s *nestScanner) push(k byte) { s.stack = append(s.stack, k) }

func (s *nestScanner) pop() {
	s.stack = s.stack[:len(s.stack)-1]
	if !slicesContainsAny(s.stack, nestArith, nestArithB, nestTest) {
		s.ops = 0
	}
}

// inTest reports whether a [[ ]] expression is open: its && and || chain
// like the commands' do.
func (s *nestScanner) inTest() bool { return s.ops > 0 || slicesContainsAny(s.stack, nestTest) }

func slicesContainsAny(stack []byte, kinds ...byte) bool {
	for _, k := range stack {
		for _, want := range kinds {
			if k == want {
				return true
			}
		}
	}
	return false
}

// codeLike reports whether the innermost level reads commands.
func (s *nestScanner) codeLike() bool {
	switch s.top() {
	case 0, nestParen, nestGroup, nestFunsub, nestBquote, nestIf, nestLoop, nestCase, nestTest:
		return true
	}
	return false
}

// depth is how deep the parser may be: the open levels, the operators of
// the arithmetic or [[ ]] expression being read (`!`, `**`, `=` and `?:`
// nest to the right, one call per operator) and a run of function
// headers (`f() g() h()` nests each in the next).
func (s *nestScanner) depth() int { return len(s.stack) + s.ops + s.funcs }

func (s *nestScanner) run(limit int) int {
	s.wordStart = true
	for s.i < len(s.text) {
		s.max = max(s.max, s.depth())
		if s.depth() > limit {
			return s.line
		}
		if s.i == 0 || s.text[s.i-1] == '\n' {
			if s.hereDocLine() {
				continue
			}
		}
		c := s.text[s.i]
		switch s.top() {
		case nestHereLit:
			s.i++
		case nestHereDoc:
			s.expansionByte(c)
		case nestDquote:
			if c == '"' {
				s.pop()
				s.i++
				continue
			}
			s.expansionByte(c)
		case nestParam:
			s.paramByte(c)
		case nestArith, nestArithP, nestArithB, nestArithK:
			s.arithByte(c)
		default:
			s.codeByte(c)
		}
	}
	s.max = max(s.max, s.depth())
	if s.depth() > limit {
		return s.line
	}
	return 0
}

// hereDocLine handles the start of a line inside a here-document body: the
// line that ends it pops the level. It reports whether it consumed the line.
func (s *nestScanner) hereDocLine() bool {
	k := s.top()
	if (k != nestHereDoc && k != nestHereLit) || len(s.bodies) == 0 {
		return false
	}
	d := s.bodies[len(s.bodies)-1]
	end := strings.IndexByte(s.text[s.i:], '\n')
	line := s.text[s.i:]
	if end >= 0 {
		line = line[:end]
	}
	cmp := strings.TrimSuffix(line, "\r")
	if d.stripTabs {
		cmp = strings.TrimLeft(cmp, "\t")
	}
	if cmp != d.delim {
		return false
	}
	s.pop()
	s.bodies = s.bodies[:len(s.bodies)-1]
	s.i += len(line)
	if end >= 0 {
		s.i++
		s.line++
	}
	return true
}

// newline counts a line and starts the bodies of pending here-documents.
func (s *nestScanner) newline() {
	s.line++
	s.i++
	if len(s.docs) > 0 && s.codeLike() {
		for j := len(s.docs) - 1; j >= 0; j-- {
			d := s.docs[j]
			if d.quoted {
				s.push(nestHereLit)
			} else {
				s.push(nestHereDoc)
			}
			s.bodies = append(s.bodies, d)
		}
		s.docs = s.docs[:0]
	}
}

// expansion handles `$(`, `$((`, `${` and a backquote at s.i; it reports
// whether there was one.
func (s *nestScanner) expansion(c byte) bool {
	rest := s.text[s.i:]
	switch {
	case strings.HasPrefix(rest, "$(("):
		s.push(nestArith)
		s.i += 3
	case strings.HasPrefix(rest, "$["):
		s.push(nestArithB)
		s.i += 2
	case strings.HasPrefix(rest, "$("):
		s.push(nestParen)
		s.i += 2
		s.wordStart, s.cmdPos, s.openPos = true, true, true
	case strings.HasPrefix(rest, "${") && len(rest) > 2 && strings.IndexByte(" \t\n|", rest[2]) >= 0:
		// bash's `${ cmd; }` and `${| cmd; }`: commands, closed by a `}`
		// in command position, as a group is.
		s.push(nestFunsub)
		s.i += 2
		s.wordStart, s.cmdPos, s.openPos = true, true, true
	case strings.HasPrefix(rest, "${"):
		s.push(nestParam)
		s.i += 2
	case c == '`':
		if s.top() == nestBquote {
			s.pop()
		} else {
			s.push(nestBquote)
			s.wordStart, s.cmdPos, s.openPos = true, true, true
		}
		s.i++
	default:
		return false
	}
	return true
}

// expansionByte reads a byte in double quotes or a here-document body.
func (s *nestScanner) expansionByte(c byte) {
	switch {
	case c == '\\':
		s.backslash()
	case c == '\n':
		s.newline()
	case s.expansion(c):
	default:
		s.i++
	}
}

// backslash reads a backslash at s.i. Inside backquotes, a backslash
// escapes a backquote that opens or closes a nested substitution: a level-L
// backquote is written after 2^(L-1)-1 backslashes, so the run before it
// says which level it belongs to.
func (s *nestScanner) backslash() {
	depth := bytesCount(s.stack, nestBquote)
	if depth == 0 {
		s.skipEscaped()
		return
	}
	n := 0
	for s.i+n < len(s.text) && s.text[s.i+n] == '\\' {
		n++
	}
	if s.i+n >= len(s.text) || s.text[s.i+n] != '`' {
		s.skipEscaped()
		return
	}
	level := 1
	for run := n; run%2 == 1; run /= 2 {
		level++
	}
	switch {
	case n%2 == 0 || level == depth+1:
		// An even run (escaped backslashes, then a backquote) is read by
		// mvdan/sh as a nested opening too: count it as one.
		s.push(nestBquote)
		s.wordStart, s.cmdPos, s.openPos = true, true, true
	case level == depth && s.top() == nestBquote:
		s.pop()
		s.wordStart, s.cmdPos, s.openPos = false, false, false
	}
	s.i += n + 1
}

func bytesCount(stack []byte, k byte) int {
	n := 0
	for _, b := range stack {
		if b == k {
			n++
		}
	}
	return n
}

func (s *nestScanner) skipEscaped() {
	s.i++
	if s.i < len(s.text) {
		if s.text[s.i] == '\n' {
			s.line++
		}
		s.i++
	}
}

// skipSingleQuoted skips '…' (or $'…' with its backslash escapes) at s.i.
func (s *nestScanner) skipSingleQuoted(escapes bool) {
	s.i++ // the opening quote
	if bytesCount(s.stack, nestBquote) > 0 {
		// Inside backquotes the shell finds the closing backquote before
		// it reads quotes, and a backslash the unescaping leaves may
		// escape the quote (`\\'`): read on as code, counting too much
		// rather than too little.
		return
	}
	for s.i < len(s.text) {
		switch s.text[s.i] {
		case '\'':
			s.i++
			return
		case '\\':
			if escapes {
				s.skipEscaped()
				continue
			}
		case '\n':
			s.line++
		}
		s.i++
	}
}

func (s *nestScanner) paramByte(c byte) {
	switch {
	case c == '}':
		s.pop()
		s.i++
	case c == '\\':
		s.backslash()
	case c == '\'':
		s.skipSingleQuoted(false)
	case c == '"':
		s.push(nestDquote)
		s.i++
	case c == '\n':
		s.newline()
	case s.expansion(c):
	default:
		s.i++
	}
}

func (s *nestScanner) arithByte(c byte) {
	switch {
	case c == '(':
		s.push(nestArithP)
		s.i++
	case c == '[':
		s.push(nestArithK)
		s.i++
	case c == ']':
		if k := s.top(); k == nestArithK || k == nestArithB {
			s.pop()
		}
		s.i++
	case c == ')':
		if s.top() == nestArithP {
			s.pop()
			s.i++
		} else if s.top() == nestArith && strings.HasPrefix(s.text[s.i:], "))") {
			s.pop()
			s.i += 2
			s.wordStart, s.cmdPos, s.openPos = false, false, false
		} else {
			s.i++
		}
	case c == '\\':
		s.backslash()
	case c == '\'':
		s.skipSingleQuoted(false)
	case c == '"':
		s.push(nestDquote)
		s.i++
	case c == '\n':
		s.newline()
	case s.expansion(c):
	case strings.IndexByte("=*?!+-<>&|^%/~:,", c) >= 0:
		s.ops++
		s.i++
	default:
		s.i++
	}
}

// codeByte reads a byte where the shell reads commands.
func (s *nestScanner) codeByte(c byte) {
	switch c {
	case ' ', '\t', '\r':
		s.i++
		s.wordStart = true
		return
	case '\n':
		s.newline()
		s.wordStart, s.cmdPos, s.openPos = true, true, true
		return
	case ';', '&', '|':
		if s.inTest() {
			s.ops++
		}
		s.i++
		s.funcs = 0
		s.wordStart, s.cmdPos, s.openPos = true, true, true
		return
	case '#':
		if s.wordStart {
			end := strings.IndexByte(s.text[s.i:], '\n')
			if end < 0 {
				s.i = len(s.text)
			} else {
				s.i += end
			}
			return
		}
	case '(':
		if strings.HasPrefix(s.text[s.i:], "((") {
			s.push(nestArith)
			s.i += 2
			return
		}
		if j := skipBlanks(s.text, s.i+1); j < len(s.text) && s.text[j] == ')' {
			s.funcs++ // a function header: its body follows
			s.i = j + 1
			s.wordStart, s.cmdPos, s.openPos = true, true, true
			return
		}
		s.push(nestParen)
		s.i++
		s.funcs = 0
		s.wordStart, s.cmdPos, s.openPos = true, true, true
		return
	case ')':
		if s.top() == nestParen {
			s.pop()
		}
		s.i++
		s.wordStart, s.cmdPos, s.openPos = true, true, true
		return
	case '<', '>':
		rest := s.text[s.i:]
		switch {
		case strings.HasPrefix(rest[1:], "("):
			// <( … ) and >( … ): process substitution, commands inside.
			s.push(nestParen)
			s.i += 2
			s.funcs = 0
			s.wordStart, s.cmdPos, s.openPos = true, true, true
			return
		case strings.HasPrefix(rest, "<<<"):
			s.i += 3 // a here-string: its word follows, read as any word
		case strings.HasPrefix(rest, "<<"):
			s.hereDocStart()
			return
		default:
			s.i++
		}
		s.wordStart = true
		s.cmdPos = false // a redirection's target follows; openPos stays
		return
	case '\\':
		s.wordStart, s.cmdPos, s.openPos = false, false, false
		s.backslash()
		return
	case '\'':
		s.skipSingleQuoted(false)
		s.wordStart, s.cmdPos, s.openPos = false, false, false
		return
	case '"':
		s.push(nestDquote)
		s.i++
		s.wordStart, s.cmdPos, s.openPos = false, false, false
		return
	case '$':
		if strings.HasPrefix(s.text[s.i:], "$'") {
			s.i++
			s.skipSingleQuoted(true)
			s.wordStart, s.cmdPos, s.openPos = false, false, false
			return
		}
	}
	if s.wordStart && c != '$' && c != '`' {
		s.word() // resets funcs unless a header follows
		return
	}
	s.funcs = 0
	s.wordStart, s.cmdPos, s.openPos = false, false, false
	if !s.expansion(c) {
		s.i++ // `$` of $# or $1: a `#` after it starts no comment
	}
}

// word reads a plain word at the start of a word and acts on the reserved
// words that open or close a level.
func (s *nestScanner) word() {
	j := s.i
	for j < len(s.text) && !wordEnds[s.text[j]] {
		j++
	}
	if j == s.i {
		s.i++
		s.wordStart = false
		return
	}
	w := s.text[s.i:j]
	s.i = j
	s.wordStart = false
	if k := skipBlanks(s.text, j); k >= len(s.text) || s.text[k] != '(' {
		s.funcs = 0 // not the name of a function header
	}
	atEnd := j >= len(s.text) || metachars[s.text[j]]
	cmdPos, openPos := s.cmdPos, s.openPos
	s.cmdPos, s.openPos = false, false
	if w == "}" && cmdPos && s.top() == nestFunsub {
		s.pop() // `${ a; }"…"` ends at the }, whatever follows it
		return
	}
	if !atEnd {
		return // the word goes on with quotes or an expansion
	}
	switch w {
	case "{":
		if openPos {
			s.push(nestGroup)
		}
	case "if":
		if openPos {
			s.push(nestIf)
		}
	case "while", "until", "for", "select":
		if openPos {
			s.push(nestLoop)
		}
	case "case":
		if openPos {
			s.push(nestCase)
		}
	case "[[":
		if openPos {
			s.push(nestTest)
		}
	case "]]":
		if s.top() == nestTest {
			s.pop()
		}
		return
	case "!":
		if s.inTest() {
			s.ops++
		}
	case "}":
		s.closeIf(cmdPos, nestGroup)
		return
	case "fi":
		s.closeIf(cmdPos, nestIf)
		return
	case "done":
		s.closeIf(cmdPos, nestLoop)
		return
	case "esac":
		s.closeIf(cmdPos, nestCase)
		return
	case "then", "do", "else", "elif", "in", "time", "function":
	default:
		// After an assignment a keyword is not one, but openings are
		// counted all the same: counting too much is safe.
		s.openPos = openPos && strings.Contains(w, "=")
		return
	}
	if cmdPos || openPos {
		s.cmdPos, s.openPos = true, true
	}
}

func (s *nestScanner) closeIf(cmdPos bool, k byte) {
	if cmdPos && s.top() == k {
		s.pop()
	}
}

// hereDocStart reads `<<` or `<<-` and the delimiter word after it.
func (s *nestScanner) hereDocStart() {
	s.i += 2
	d := hereDoc{}
	if s.i < len(s.text) && s.text[s.i] == '-' {
		d.stripTabs = true
		s.i++
	}
	for s.i < len(s.text) && (s.text[s.i] == ' ' || s.text[s.i] == '\t') {
		s.i++
	}
	var sb strings.Builder
	for s.i < len(s.text) {
		c := s.text[s.i]
		if metachars[c] {
			break
		}
		switch c {
		case '\'', '"':
			d.quoted = true
			end := strings.IndexByte(s.text[s.i+1:], c)
			if end < 0 {
				s.i = len(s.text)
				break
			}
			val := s.text[s.i+1 : s.i+1+end]
			s.line += strings.Count(val, "\n")
			sb.WriteString(val)
			s.i += end + 2
		case '\\':
			d.quoted = true
			if s.i+1 < len(s.text) {
				sb.WriteByte(s.text[s.i+1])
			}
			s.i += 2
		default:
			sb.WriteByte(c)
			s.i++
		}
	}
	s.i = min(s.i, len(s.text))
	d.delim = sb.String()
	s.docs = append(s.docs, d)
	s.wordStart, s.cmdPos = true, false
}
