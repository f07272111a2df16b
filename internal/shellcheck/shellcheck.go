// Package shellcheck runs the ShellCheck binary on shell snippets (RUN
// bodies, entrypoint scripts) in as few processes as it can, and maps what
// ShellCheck says back to the positions of the files the snippets came from.
// It never fetches anything: without a binary there is nothing to run.
package shellcheck

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/dlint-dev/dlint/parser"
)

// Dialect is a value of ShellCheck's --shell. The empty dialect lets
// ShellCheck read the script's #! line.
type Dialect string

// The dialects dlint asks for.
const (
	Sh          Dialect = "sh"
	Dash        Dialect = "dash"
	Bash        Dialect = "bash"
	Ksh         Dialect = "ksh"
	Busybox     Dialect = "busybox" // ShellCheck 0.10 and newer
	FromShebang Dialect = ""
)

// Snippet is one piece of shell to check.
type Snippet struct {
	File    string // the file Pos places positions in
	Text    string
	Dialect Dialect
	// Pos maps a 1-based line and byte column of Text to File.
	Pos func(line, col int) parser.Pos
}

// Comment is one thing ShellCheck says about a snippet, at the snippet's
// file's own positions.
type Comment struct {
	Snippet int // index in the snippets checked
	Code    string
	Level   string // error, warning, info or style
	Message string
	Range   parser.Range

	line, col, endLine, endCol int // ShellCheck's own, in the snippet
}

// DefaultTimeout bounds one ShellCheck process, with perSnippetTime more
// for each snippet it is given: on a loaded 2-core machine a process of
// 991 snippets took more than a minute.
const (
	DefaultTimeout = 30 * time.Second
	perSnippetTime = 250 * time.Millisecond
)

// maxFilesPerProcess keeps a command line well under the kernel's limit,
// and a process's deadline reasonable.
const maxFilesPerProcess = 500

// MaxSnippetBytes is the largest snippet given to ShellCheck, whose time
// grows faster than the text (14 KB: 0.7 s, 140 KB: 7.7 s); no real RUN
// body or entrypoint script comes near it.
const MaxSnippetBytes = 64 << 10

// Checker runs one ShellCheck binary.
type Checker struct {
	Path    string
	Timeout time.Duration // 0: DefaultTimeout plus perSnippetTime a snippet
	// Processes bounds how many ShellCheck processes run at once; snippets
	// of one dialect are split among them (0: 1).
	Processes int

	versionOnce sync.Once
	version     [3]int
}

// Find returns the shellcheck on PATH, or "" when there is none.
func Find() string {
	p, err := exec.LookPath("shellcheck")
	if err != nil {
		return ""
	}
	return p
}

// ashHas are the "In POSIX sh, … is undefined" codes for what busybox ash
// implements: a ShellCheck older than 0.10, with no busybox dialect,
// checks ash's scripts as sh and reports them (checked with busybox 1.35:
// `set -o pipefail`, `${v:0:1}`, `source`, `[[ ]]`, `==` in test, `local`,
// `echo -e`, `${v//a/b}`).
var ashHas = map[string]bool{
	"SC3010": true, "SC3014": true, "SC3037": true, "SC3040": true,
	"SC3043": true, "SC3046": true, "SC3057": true, "SC3060": true,
}

var versionLine = regexp.MustCompile(`(?m)^version:\s*v?(\d+)\.(\d+)(?:\.(\d+))?`)

// supports reports whether the binary knows the dialect: busybox came in
// ShellCheck 0.10.
func (c *Checker) supports(d Dialect) bool {
	if d != Busybox {
		return true
	}
	c.versionOnce.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), c.timeout())
		defer cancel()
		out, err := exec.CommandContext(ctx, c.Path, "--version").Output()
		if err != nil {
			return
		}
		if m := versionLine.FindSubmatch(out); m != nil {
			for i := range 3 {
				c.version[i], _ = strconv.Atoi(string(m[i+1]))
			}
		}
	})
	return c.version[0] > 0 || c.version[1] >= 10
}

func (c *Checker) timeout() time.Duration { return c.timeoutFor(0) }

// timeoutFor is the deadline of a process given n snippets.
func (c *Checker) timeoutFor(n int) time.Duration {
	if c.Timeout > 0 {
		return c.Timeout
	}
	return DefaultTimeout + time.Duration(n)*perSnippetTime
}

// Check runs ShellCheck on the snippets: one process per dialect (more when
// Processes allows, or the snippets are many), each given many files. It
// returns the comments of every process that finished, and one error per
// process that did not (hung, crashed, unreadable output). The caller
// leaves out snippets over MaxSnippetBytes.
func (c *Checker) Check(snippets []Snippet) ([]Comment, []error) {
	if len(snippets) == 0 {
		return nil, nil
	}
	dir, err := os.MkdirTemp("", "dlint-shellcheck-")
	if err != nil {
		return nil, []error{fmt.Errorf("shellcheck: cannot make a temporary directory: %w", err)}
	}
	defer os.RemoveAll(dir) //nolint:errcheck // a leftover temp dir is harmless
	// Generated Dockerfiles repeat the same RUN bodies in every variant:
	// each text is checked once per dialect, its comments given to all.
	type key struct {
		d    Dialect
		text string
	}
	unique := map[key]int{} // index of the first snippet with the key
	same := make([]int, len(snippets))
	byDialect := map[Dialect][]int{}
	var order []Dialect
	for i, s := range snippets {
		d := s.Dialect
		if !c.supports(d) {
			d = Sh
		}
		k := key{d, s.Text}
		if first, ok := unique[k]; ok {
			same[i] = first
			continue
		}
		unique[k], same[i] = i, i
		if _, ok := byDialect[d]; !ok {
			order = append(order, d)
		}
		byDialect[d] = append(byDialect[d], i)
	}
	type batch struct {
		dialect Dialect
		indexes []int
	}
	var batches []batch
	procs := max(c.Processes, 1)
	for _, d := range order {
		idx := byDialect[d]
		per := (len(idx) + procs - 1) / procs
		// Splitting a few snippets costs more in start-up than it gains.
		per = min(max(per, 50), maxFilesPerProcess)
		for start := 0; start < len(idx); start += per {
			batches = append(batches, batch{d, idx[start:min(start+per, len(idx))]})
		}
	}
	paths := make([]string, len(snippets))
	for _, idx := range byDialect {
		for _, i := range idx {
			paths[i] = filepath.Join(dir, strconv.Itoa(i)+".sh")
			if err := os.WriteFile(paths[i], []byte(snippets[i].Text), 0o600); err != nil {
				return nil, []error{fmt.Errorf("shellcheck: cannot write a temporary file: %w", err)}
			}
		}
	}
	results := make([][]Comment, len(batches))
	errs := make([]error, len(batches))
	var wg sync.WaitGroup
	sem := make(chan struct{}, procs)
	for bi, b := range batches {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			files := make([]string, len(b.indexes))
			for i, si := range b.indexes {
				files[i] = paths[si]
			}
			out, err := c.run(b.dialect, files)
			if err != nil {
				errs[bi] = err
				return
			}
			results[bi], errs[bi] = decode(out, snippets, paths)
		}()
	}
	wg.Wait()
	byFirst := map[int][]Comment{}
	for _, r := range results {
		for _, cm := range r {
			byFirst[cm.Snippet] = append(byFirst[cm.Snippet], cm)
		}
	}
	var all []Comment
	for i, first := range same {
		for _, cm := range byFirst[first] {
			if snippets[i].Dialect == Busybox && ashHas[cm.Code] && !c.supports(Busybox) {
				continue // checked as sh, for a shell that has the feature
			}
			if i != first {
				cm.Snippet, cm.Range = i, snippets[i].mapRange(cm.line, cm.col, cm.endLine, cm.endCol)
			}
			all = append(all, cm)
		}
	}
	var failed []error
	for _, e := range errs {
		if e != nil {
			failed = append(failed, e)
		}
	}
	return all, failed
}

// run starts one ShellCheck on files and returns its JSON output.
func (c *Checker) run(d Dialect, files []string) ([]byte, error) {
	limit := c.timeoutFor(len(files))
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	args := []string{"--norc", "--format=json1"}
	if d != FromShebang {
		args = append(args, "--shell="+string(d))
	}
	args = append(args, "--")
	args = append(args, files...)
	cmd := exec.CommandContext(ctx, c.Path, args...)
	cmd.WaitDelay = time.Second // a child that keeps the pipe open must not hold the run
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	what := fmt.Sprintf("%d snippet", len(files))
	if len(files) != 1 {
		what += "s"
	}
	if ctx.Err() != nil {
		return nil, fmt.Errorf("%s did not finish within %s: its checks of %s are skipped", c.Path, limit, what)
	}
	var exit *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit) && exit.ExitCode() >= 1 && exit.ExitCode() <= 2 && stdout.Len() > 0:
		// 1: comments found; 2: some files could not be checked.
	default:
		msg := firstLine(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return nil, fmt.Errorf("%s failed (%s): its checks of %s are skipped", c.Path, msg, what)
	}
	return stdout.Bytes(), nil
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	line, _, _ := strings.Cut(s, "\n")
	return strings.TrimSpace(line)
}

// json1 is ShellCheck's --format=json1 output. Its columns count
// characters, a tab as one.
type json1 struct {
	Comments []struct {
		File      string `json:"file"`
		Line      int    `json:"line"`
		EndLine   int    `json:"endLine"`
		Column    int    `json:"column"`
		EndColumn int    `json:"endColumn"`
		Level     string `json:"level"`
		Code      int    `json:"code"`
		Message   string `json:"message"`
	} `json:"comments"`
}

func decode(out []byte, snippets []Snippet, paths []string) ([]Comment, error) {
	var doc json1
	if err := json.Unmarshal(out, &doc); err != nil {
		return nil, fmt.Errorf("shellcheck printed what dlint cannot read (%v): its checks are skipped", err)
	}
	index := make(map[string]int, len(paths))
	for i, p := range paths {
		index[p] = i
	}
	var comments []Comment
	for _, c := range doc.Comments {
		si, ok := index[c.File]
		if !ok {
			continue
		}
		comments = append(comments, Comment{
			Snippet: si, Code: fmt.Sprintf("SC%04d", c.Code), Level: c.Level, Message: c.Message,
			Range: snippets[si].mapRange(c.Line, c.Column, c.EndLine, c.EndColumn),
			line:  c.Line, col: c.Column, endLine: c.EndLine, endCol: c.EndColumn,
		})
	}
	return comments, nil
}

// mapRange maps ShellCheck's span in the snippet to the snippet's file.
func (s *Snippet) mapRange(line, col, endLine, endCol int) parser.Range {
	start, end := s.position(line, col), s.position(endLine, endCol)
	if end.Before(start) {
		end = start
	}
	return parser.Range{File: s.File, Start: start, End: end}
}

// position maps ShellCheck's line and character column in the snippet to
// the snippet's file.
func (s *Snippet) position(line, col int) parser.Pos {
	return s.Pos(max(line, 1), byteCol(s.Text, line, col))
}

// byteCol converts a 1-based character column of text's line into a 1-based
// byte column; a column past the end of the line stays past it.
func byteCol(text string, line, col int) int {
	for n := 1; n < line; n++ {
		i := strings.IndexByte(text, '\n')
		if i < 0 {
			text = ""
			break
		}
		text = text[i+1:]
	}
	if i := strings.IndexByte(text, '\n'); i >= 0 {
		text = text[:i]
	}
	b := 0
	for n := 1; n < col; n++ {
		if b >= len(text) {
			return len(text) + 1 + (col - n)
		}
		_, size := utf8.DecodeRuneInString(text[b:])
		b += size
	}
	return b + 1
}
