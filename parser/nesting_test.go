package parser

import (
	"errors"
	"strings"
	"testing"

	"mvdan.cc/sh/v3/syntax"
)

func TestShellNestingCountsWhatTheParserNests(t *testing.T) {
	for _, tc := range []struct {
		text string
		want int
	}{
		{"a && b || c | d", 0},
		{"(a)", 1},
		{"( (a) )", 2},
		{"echo $(a $(b))", 2},
		{`echo "$(a "$(b)")"`, 4},
		{"echo ${a:-${b}}", 2},
		{"if a; then if b; then c; fi; fi", 2},
		{"if a; then b; elif c; then d; elif e; then f; fi", 1},
		{"while a; do for x in y; do case $x in a) b;; esac; done; done", 3},
		{"f() { g() { a; }; }", 2},
		{"echo $((1 + (2 * 3)))", 4}, // $((, (, and the operators + and *
		{"[[ ! a && b ]]", 4},        // each byte of && counts
		{"f() g() h() { a; }", 3},
		{"echo `a \\`b\\``", 2},                  // a backquote nested in one, escaped once
		{"echo `a \\`b \\\\\\`c\\\\\\` \\``", 3}, // and twice more for the third level
		{"echo \"$\x00(a)\"", 2},                 // mvdan/sh skips NUL bytes
		{`cat <<<"$(a)"`, 2},                     // a here-string's word is a word
		{"echo \"${ a; }\"", 2},                  // bash's ${ cmd; } holds commands
		{"a >((b))", 2},                          // a process substitution holding a subshell
		{"echo \"$[\"\"]\"", 3},                  // bash's old $[ … ] arithmetic, with a string in it
		{"`\\\\'\\`\\``", 2},                     // in backquotes, \\ leaves a backslash that escapes the quote
		{"`\\\\`\\`\\``", 2},                     // an even run of backslashes before a backquote opens a level (fuzz find)
	} {
		if got := shellNestingMax(tc.text); got != tc.want {
			t.Errorf("shellNestingMax(%q) = %d, want %d", tc.text, got, tc.want)
		}
	}
}

func TestShellNestingIgnoresWhatIsNotNesting(t *testing.T) {
	// Each text closes what it opens, but only a scan that knows quotes,
	// comments, here-documents and case patterns sees it.
	for _, text := range []string{
		"echo '(((((' \"((((\" \\(\\(\\( $'\\'(((('",
		"echo ok # ((((((",
		"cat <<'E'\n((((\n$(\nE\necho done",
		"cat <<-E\n\t((((\n\tE\n",
		"case $x in a) b;; (c) d;; esac",
		"echo fi done esac } ]]",
		"echo {a,b} a{b,c}d",
		"echo $((1 << 2)); echo $(( 2#101 ))",
		"a=(1 2 3); echo ${#a[@]} ${a#x}",
	} {
		if got := shellNestingMax(text); got > 3 {
			t.Errorf("shellNestingMax(%q) = %d, want at most 3", text, got)
		}
	}
}

func TestShellNestingFindsFakeClosesUnderQuotes(t *testing.T) {
	// A `)` the parser reads as text must not cancel a real `(`: else deep
	// nesting would slip past the bound and overflow the parser's stack.
	for _, unit := range []string{
		"( echo ')' ",
		"( echo \")\" ",
		"( echo \\) ",
		"( # )\n",
		"( cat <<E\n)\nE\n",
		"if a; then echo fi; ",
		"{ echo }; ",
		"( case x in a) ;; esac; ",
	} {
		text := strings.Repeat(unit, 50)
		if got := shellNestingMax(text); got < 50 {
			t.Errorf("shellNestingMax(%q × 50) = %d, want at least 50", unit, got)
		}
	}
}

func TestParseShellRejectsDeepNestingWithItsLine(t *testing.T) {
	text := "echo start\n" + strings.Repeat("(\n", 5000) + "a" + strings.Repeat(")", 5000) + "\n"
	s := ParseShell(NewSource("entrypoint.sh", []byte(text)), text, nil)
	var ne *NestingError
	if !errors.As(s.Err, &ne) {
		t.Fatalf("Err = %v, want a *NestingError", s.Err)
	}
	if want := 2 + maxShellNesting; ne.Line != want {
		t.Errorf("line %d, want %d (where level %d opens)", ne.Line, want, maxShellNesting+1)
	}
	if len(s.Commands) != 0 {
		t.Errorf("%d commands from a script not parsed", len(s.Commands))
	}
	// At the bound itself the script parses.
	ok := strings.Repeat("( ", maxShellNesting) + "a" + strings.Repeat(")", maxShellNesting)
	if s := ParseShell(NewSource("x", []byte(ok)), ok, nil); s.Err != nil || len(s.Commands) != 1 {
		t.Errorf("nesting of %d: Err %v, %d commands", maxShellNesting, s.Err, len(s.Commands))
	}
}

func TestParseShellWalksLongChainsWithoutRecursion(t *testing.T) {
	// 300,000 links: a recursive walk of the left-leaning tree overflowed
	// the 1 GB stack and killed the run.
	const n = 300000
	for name, text := range map[string]string{
		"and":  "true" + strings.Repeat(" && a\\\n", n) + " && exec app\n",
		"or":   "exec app" + strings.Repeat(" || exit 1", n) + "\n",
		"pipe": "true" + strings.Repeat(" | a", n) + "| b $1\n",
		"elif": "if a; then b; " + strings.Repeat("elif a; then b; ", n) + "else echo $1; fi\n",
	} {
		t.Run(name, func(t *testing.T) {
			s := ParseShell(NewSource("x.sh", []byte(text)), text, nil)
			if s.Err != nil {
				t.Fatal(s.Err)
			}
			if len(s.Commands) < n {
				t.Errorf("%d commands, want at least %d", len(s.Commands), n)
			}
			if name != "and" && name != "or" && !s.UsesArgs {
				t.Error("UsesArgs not seen at the end of the chain")
			}
			if name == "and" || name == "or" {
				if len(s.Final) != 1 || s.Final[0].Name != "app" || !s.Final[0].Exec {
					t.Errorf("Final = %v, want the exec'd app", s.Final)
				}
			}
			if name == "pipe" && (!s.Commands[0].Piped || !s.Commands[len(s.Commands)-1].Piped) {
				t.Error("commands of the pipeline not marked Piped")
			}
		})
	}
}

func TestParseShellPositionsPastMvdanBits(t *testing.T) {
	// mvdan/sh keeps 14 bits of column and 18 of line; past them its
	// positions read 0. Positions come from the byte offset instead.
	long := "echo " + strings.Repeat("a", 16380) + " && sudo x\n"
	s := ParseShell(NewSource("x.sh", []byte(long)), long, nil)
	if s.Err != nil || len(s.Commands) != 2 {
		t.Fatalf("Err %v, %d commands", s.Err, len(s.Commands))
	}
	if got := s.Commands[1].NameRange.Start; got != (Pos{1, 16390}) {
		t.Errorf("sudo at %v, want 1:16390", got)
	}
	if got := s.Commands[0].Args[0].Range.End; got != (Pos{1, 16386}) {
		t.Errorf("long word ends at %v, want 1:16386", got)
	}
	many := strings.Repeat(":\n", 300000) + "sudo x\n"
	s = ParseShell(NewSource("x.sh", []byte(many)), many, nil)
	if s.Err != nil {
		t.Fatal(s.Err)
	}
	last := s.Commands[len(s.Commands)-1]
	if last.Name != "sudo" || last.NameRange.Start != (Pos{300001, 1}) {
		t.Errorf("last command %q at %v, want sudo at 300001:1", last.Name, last.NameRange.Start)
	}
}

// astNesting is the deepest nesting of the constructs shellNestingMax
// counts, in a parsed (small) program.
func astNesting(f *syntax.File) int {
	depth, deepest := 0, 0
	var stack []bool
	syntax.Walk(f, func(n syntax.Node) bool {
		if n == nil {
			if stack[len(stack)-1] {
				depth--
			}
			stack = stack[:len(stack)-1]
			return true
		}
		counts := false
		switch x := n.(type) {
		case *syntax.Subshell, *syntax.Block, *syntax.CmdSubst, *syntax.DblQuoted, *syntax.WhileClause,
			*syntax.ForClause, *syntax.CaseClause, *syntax.ArithmCmd, *syntax.ProcSubst, *syntax.TestClause:
			counts = true
		case *syntax.ParamExp:
			counts = !x.Short
		case *syntax.ArithmExp:
			counts = !x.Bracket
		}
		if counts {
			depth++
			deepest = max(deepest, depth)
		}
		stack = append(stack, counts)
		return true
	})
	return deepest
}

// checkNestingBound fails when the scan counts fewer levels than the parser
// builds: input that nests deeper than the scan sees could overflow the stack.
func checkNestingBound(t *testing.T, text string) {
	t.Helper()
	if len(text) > 4096 {
		return
	}
	scanned := shellNestingMax(text)
	if scanned > 200 {
		return // rejected before parsing
	}
	f, err := syntax.NewParser(syntax.Variant(syntax.LangBash)).Parse(strings.NewReader(text), "")
	if err != nil {
		return
	}
	if got := astNesting(f); got > scanned {
		t.Fatalf("the scan counts %d levels, the parser builds %d, in %q", scanned, got, text)
	}
}
