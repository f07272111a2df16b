package shellcheck

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/dlint-dev/dlint/parser"
)

func TestByteCol(t *testing.T) {
	text := "\techo $a\n  é echo $b\nxy"
	cases := []struct{ line, col, want int }{
		{1, 1, 1},   // the tab
		{1, 7, 7},   // $a: a tab is one column for json1
		{2, 10, 11}, // $b: é is one character, two bytes
		{3, 3, 3},   // just past the end
		{3, 5, 5},   // past the end stays past it
		{9, 1, 1},   // a line past the text
	}
	for _, c := range cases {
		if got := byteCol(text, c.line, c.col); got != c.want {
			t.Errorf("byteCol(line %d, col %d) = %d, want %d", c.line, c.col, got, c.want)
		}
	}
}

// A Dockerfile RUN continued over lines, with a tab and multi-byte text,
// as the parser hands it over: the snippet's line 1 is the file's line 3.
func TestDecodeMapsToFile(t *testing.T) {
	src := parser.NewSource("Dockerfile", []byte("FROM x\n# c\nRUN echo é \\\n\t$a\n"))
	text := "    echo é \\\n\t$a"
	s := Snippet{File: "Dockerfile", Text: text, Dialect: Sh, Pos: func(line, col int) parser.Pos {
		return parser.Pos{Line: line + 2, Col: src.RuneCol(line+2, col)}
	}}
	out := []byte(`{"comments":[{"file":"/t/0.sh","line":2,"endLine":2,"column":2,"endColumn":4,"level":"info","code":2086,"message":"Double quote"},
		{"file":"/t/0.sh","line":1,"endLine":1,"column":10,"endColumn":11,"level":"warning","code":1,"message":"x"},
		{"file":"/elsewhere.sh","line":1,"endLine":1,"column":1,"endColumn":2,"level":"error","code":2,"message":"y"}]}`)
	got, err := decode(out, []Snippet{s}, []string{"/t/0.sh"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("got %d comments, want 2 (a file not fed is left out): %+v", len(got), got)
	}
	want := parser.Range{File: "Dockerfile", Start: parser.Pos{Line: 4, Col: 2}, End: parser.Pos{Line: 4, Col: 4}}
	if got[0].Range != want || got[0].Code != "SC2086" || got[0].Level != "info" {
		t.Errorf("comment 0 = %+v, want SC2086 info at %v", got[0], want)
	}
	// Column 10 of `    echo é \` is the backslash: rune column 10 of the
	// Dockerfile line `RUN echo é \`, byte column 11.
	if got[1].Range.Start != (parser.Pos{Line: 3, Col: 10}) || got[1].Code != "SC0001" {
		t.Errorf("comment 1 = %+v, want SC0001 at 3:10", got[1])
	}
}

func TestDecodeBadOutput(t *testing.T) {
	if _, err := decode([]byte("not json"), nil, nil); err == nil {
		t.Error("decode of garbage succeeded")
	}
}

// fakeShellCheck writes an executable script standing for shellcheck.
func fakeShellCheck(t *testing.T, body string) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("needs a POSIX shell")
	}
	p := filepath.Join(t.TempDir(), "shellcheck")
	if err := os.WriteFile(p, []byte("#!/bin/sh\n"+body+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestCheckHungShellCheckTimesOut(t *testing.T) {
	c := &Checker{Path: fakeShellCheck(t, "exec sleep 30"), Timeout: 200 * time.Millisecond}
	done := make(chan struct{})
	var errs []error
	go func() {
		_, errs = c.Check([]Snippet{{Text: "echo", Dialect: Sh}})
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("Check did not return after its timeout")
	}
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "did not finish within") {
		t.Errorf("errors = %v, want one saying it did not finish", errs)
	}
}

func TestCheckCrashingShellCheck(t *testing.T) {
	c := &Checker{Path: fakeShellCheck(t, "echo 'internal error: boom' >&2; kill -SEGV $$")}
	comments, errs := c.Check([]Snippet{{Text: "echo", Dialect: Sh}})
	if len(comments) != 0 || len(errs) != 1 || strings.Contains(errs[0].Error(), "\n") {
		t.Fatalf("comments %v, errors %v: want none and one one-line error", comments, errs)
	}
	if !strings.Contains(errs[0].Error(), "boom") {
		t.Errorf("error %q does not carry shellcheck's message", errs[0])
	}
}

// Snippets go to one process per dialect while they are few.
func TestCheckBatchesByDialect(t *testing.T) {
	log := filepath.Join(t.TempDir(), "log")
	c := &Checker{Path: fakeShellCheck(t, `echo "$*" >> `+log+`; echo '{"comments":[]}'`), Processes: 2}
	var snippets []Snippet
	for i := range 10 {
		d := Sh
		if i%2 == 0 {
			d = Bash
		}
		snippets = append(snippets, Snippet{Text: fmt.Sprintf("echo %d", i), Dialect: d})
	}
	if _, errs := c.Check(snippets); len(errs) > 0 {
		t.Fatal(errs)
	}
	data, _ := os.ReadFile(log)
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d processes, want 2 (one per dialect):\n%s", len(lines), data)
	}
	for _, l := range lines {
		if strings.Count(l, ".sh") != 5 {
			t.Errorf("process got %q, want 5 files", l)
		}
	}
}

// The same text in the same dialect is checked once, and its comments go
// to every snippet that has it, at each one's own position.
func TestCheckOnceForSameText(t *testing.T) {
	log := filepath.Join(t.TempDir(), "log")
	c := &Checker{Path: fakeShellCheck(t, `echo "$*" >> `+log+`
printf '{"comments":['; sep=
for f in "$@"; do case $f in *.sh) printf '%s{"file":"%s","line":1,"endLine":1,"column":1,"endColumn":2,"level":"info","code":1,"message":"m"}' "$sep" "$f"; sep=,;; esac; done
printf ']}'`)}
	at := func(file string, line int) func(int, int) parser.Pos {
		return func(l, col int) parser.Pos { return parser.Pos{Line: l + line - 1, Col: col} }
	}
	snippets := []Snippet{
		{File: "a/Dockerfile", Text: "cd /x; make", Dialect: Dash, Pos: at("a", 5)},
		{File: "b/Dockerfile", Text: "cd /x; make", Dialect: Dash, Pos: at("b", 9)},
		{File: "c/Dockerfile", Text: "cd /x; make", Dialect: Bash, Pos: at("c", 2)},
	}
	comments, errs := c.Check(snippets)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var got []string
	for _, cm := range comments {
		got = append(got, fmt.Sprintf("%s:%d", cm.Range.File, cm.Range.Start.Line))
	}
	sort.Strings(got)
	if want := "a/Dockerfile:5 b/Dockerfile:9 c/Dockerfile:2"; strings.Join(got, " ") != want {
		t.Errorf("comments at %v, want %s", got, want)
	}
	data, _ := os.ReadFile(log)
	if n := strings.Count(string(data), ".sh"); n != 2 {
		t.Errorf("%d files given to shellcheck, want 2 (one per dialect):\n%s", n, data)
	}
}

func TestBusyboxNeedsShellCheck010(t *testing.T) {
	for _, c := range []struct {
		version string
		want    bool
	}{{"0.9.0", false}, {"0.10.0", true}, {"1.0.0", true}} {
		sc := &Checker{Path: fakeShellCheck(t, "echo 'ShellCheck - shell script analysis tool'; echo 'version: "+c.version+"'")}
		if got := sc.supports(Busybox); got != c.want {
			t.Errorf("version %s: busybox supported = %v, want %v", c.version, got, c.want)
		}
		if !sc.supports(Dash) {
			t.Errorf("version %s: dash not supported", c.version)
		}
	}
}
