package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"

	"github.com/rogpeppe/go-internal/diff"

	"github.com/dlint-dev/dlint/internal/fix"
	"github.com/dlint-dev/dlint/lint"
	"github.com/dlint-dev/dlint/parser"
	"github.com/dlint-dev/dlint/report"
	"github.com/dlint-dev/dlint/rules"
)

// maxFixPasses bounds --fix: a fix can make room for another (two edits
// that touch wait for the next pass), and two rules could undo each other.
const maxFixPasses = 10

// writeFixedFile writes a fixed file; tests replace it to make it fail.
var writeFixedFile = fix.WriteFile

// fixer runs --fix on files: lint, apply the fixes of the reported
// findings, write the files, and lint again while fixes still apply.
type fixer struct {
	stderr      io.Writer
	unsafe      bool            // apply unsafe fixes too (--unsafe-fixes)
	fixed       int             // problems fixed
	files       map[string]bool // files written, by path
	warned      map[string]bool // files already warned about
	unwritable  map[string]bool // files not written (a write failed, or found the file changed): left alone
	writeFailed bool
	// With --diff, the fixed texts stay in overlay (by absolute path),
	// which the next lint reads instead of the disk, and original holds
	// each file as it was on disk (by the path linted): nothing is written.
	overlay  map[string][]byte
	original map[string][]byte
	first    *lint.Result // the lint before any fix
}

// checkFixArgs rejects standard input mixed with files: the fixed text of
// "-" goes to standard output, alone.
func checkFixArgs(opts lint.Options) error {
	for _, p := range opts.Paths {
		if p == "-" && (len(opts.Paths) > 1 || len(opts.ComposeMerge) > 0) {
			return errors.New(`--fix: standard input ("-") is fixed on its own, with no other path`)
		}
	}
	return nil
}

// fixStdinOnly reports whether --fix reads standard input, whose fixed
// text goes to standard output.
func fixStdinOnly(opts lint.Options) bool {
	return len(opts.Paths) == 1 && opts.Paths[0] == "-"
}

// fixFiles lints and fixes the files opts names until no fix applies, and
// returns the result of the last lint: what remains.
// With diff, nothing is written: the fixes are made in memory (see
// fixer.diff).
func fixFiles(opts lint.Options, unsafe, diff bool, stderr io.Writer) (*lint.Result, *fixer) {
	fx := &fixer{stderr: stderr, unsafe: unsafe, files: map[string]bool{}, warned: map[string]bool{}, unwritable: map[string]bool{}}
	if diff {
		fx.overlay, fx.original = map[string][]byte{}, map[string][]byte{}
		opts.Overlay = fx.overlay
	}
	res := lint.Run(opts)
	fx.first = res
	for pass := 0; pass < maxFixPasses && fx.pass(res); pass++ {
		res = lint.Run(opts)
	}
	return res, fx
}

// diff writes a unified diff of the fixes --diff made in memory, file by
// file in the order of their paths, with git's a/ and b/ prefixes so that
// `git apply` or `patch -p1` can apply it.
func (fx *fixer) diff(w io.Writer) error {
	paths := make([]string, 0, len(fx.original))
	for path := range fx.original {
		paths = append(paths, path)
	}
	sort.Strings(paths)
	for _, path := range paths {
		name := filepath.ToSlash(path)
		fixed := fx.overlay[absPath(path)]
		if _, err := w.Write(diff.Diff("a/"+name, fx.original[path], "b/"+name, fixed)); err != nil {
			return err
		}
	}
	return nil
}

// readForFix reads the file at path to fix it: with --diff, the text the
// fixes so far made of it.
func (fx *fixer) readForFix(path string, src *parser.Source) ([]byte, error) {
	if fx.overlay != nil {
		if data, ok := fx.overlay[absPath(path)]; ok {
			return data, nil
		}
	}
	return fix.ReadFile(path, src)
}

// writeFixed writes the fixes of the file at path, which held read; with
// --diff it only keeps them for the next lint and the diff.
func (fx *fixer) writeFixed(path string, read, data []byte) error {
	if fx.overlay == nil {
		return writeFixedFile(path, read, data)
	}
	if _, ok := fx.original[path]; !ok {
		fx.original[path] = read
	}
	fx.overlay[absPath(path)] = data
	return nil
}

func absPath(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return path
}

// pass applies the fixes of res once and reports whether a file was
// written.
func (fx *fixer) pass(res *lint.Result) bool {
	files := map[string]fix.File{}
	tried := map[string]bool{}
	byTarget := map[string]bool{} // real paths of the files in files
	findings := applicable(res.Findings, fx.unsafe)
	for _, fd := range findings {
		for _, e := range fd.Fix.Edits {
			path := fix.EditFile(fd, e)
			if tried[path] || fx.unwritable[path] {
				continue
			}
			tried[path] = true
			src := res.Sources[path]
			if src == nil {
				continue // not a file dlint read: nothing to write to
			}
			data, err := fx.readForFix(path, src)
			switch {
			case errors.Is(err, fs.ErrNotExist):
				fx.warn(path, "not fixed: "+missingFileWhy(path))
				continue
			case err != nil:
				fx.warn(path, "not fixed: "+err.Error())
				continue
			}
			// Two names of one file (a symlink and its target) would each
			// be edited from the same bytes: fix it under the first name,
			// and the others after linting again.
			target, err := filepath.EvalSymlinks(path)
			if err == nil {
				target, err = filepath.Abs(target)
			}
			if err != nil || byTarget[target] {
				continue
			}
			byTarget[target] = true
			files[path] = fix.File{Source: src, Data: data}
		}
	}
	if len(files) == 0 {
		return false
	}
	applied := fix.Apply(findings, files)
	for _, path := range applied.Stale {
		fx.warn(path, "changed since dlint read it; not fixed")
	}
	paths := make([]string, 0, len(applied.Files))
	for path := range applied.Files {
		paths = append(paths, path)
	}
	sort.Strings(paths)
	wrote := false
	for _, path := range paths {
		err := fx.writeFixed(path, files[path].Data, applied.Files[path])
		switch {
		case errors.Is(err, fix.ErrChanged):
			// Being edited: leave it to its editor for the rest of the run.
			fx.warn(path, "changed since dlint read it; not fixed")
			fx.unwritable[path] = true
			continue
		case err != nil:
			fmt.Fprintf(fx.stderr, "dlint: %s: cannot write the fixes: %v\n", path, err)
			fx.unwritable[path], fx.writeFailed = true, true
			continue
		}
		fx.files[path], wrote = true, true
	}
	for _, fd := range applied.Fixed {
		if fx.allWritten(fd) {
			fx.fixed++
		}
	}
	return wrote
}

// allWritten reports whether every file fd's fix edits was written.
func (fx *fixer) allWritten(fd rules.Finding) bool {
	for _, e := range fd.Fix.Edits {
		if fx.unwritable[fix.EditFile(fd, e)] {
			return false
		}
	}
	return true
}

// missingFileWhy says why the file at path, which dlint linted, is not on
// disk. A dockerfile_inline that is not a literal block in its compose file
// has a name of its own (compose.yaml#services.NAME.build.dockerfile_inline)
// but no file: its text is a YAML string, which --fix does not rewrite.
func missingFileWhy(path string) string {
	compose, key, ok := strings.Cut(path, "#services.")
	if !ok || !strings.HasSuffix(key, ".build.dockerfile_inline") {
		return "no such file on disk"
	}
	return "this Dockerfile is a dockerfile_inline string in " + compose + ", not a file; make the fix there by hand, " +
		"or write the string as a literal block (`dockerfile_inline: |`) so that --fix can edit it"
}

func (fx *fixer) warn(path, msg string) {
	if !fx.warned[path] {
		fx.warned[path] = true
		fmt.Fprintf(fx.stderr, "dlint: %s: %s\n", path, msg)
	}
}

// summary is the line --fix ends with; res is what remains.
func (fx *fixer) summary(res *lint.Result) string {
	line := fixSummary(fx.fixed, report.Plural(len(fx.files), "file"), unsafeLeft(res, fx.unsafe))
	if fx.overlay != nil && fx.fixed > 0 {
		line = strings.Replace(line, "dlint: fixed ", "dlint: would fix ", 1) + "; nothing written (--diff)"
	}
	return line
}

// fixSummary is the line --fix ends with: fixed problems in where, and
// how many unsafe fixes were left for review.
func fixSummary(fixed int, where string, unsafeLeft int) string {
	line := "dlint: nothing fixed"
	if fixed > 0 {
		line = fmt.Sprintf("dlint: fixed %s in %s", report.Plural(fixed, "problem"), where)
	}
	if unsafeLeft > 0 {
		more := "1 more fix"
		if unsafeLeft > 1 {
			more = fmt.Sprintf("%d more fixes", unsafeLeft)
		}
		line += "; " + more + " would change what a container does (a user, a port's reach): review and apply with --unsafe-fixes"
	}
	return line
}

// applicable keeps the findings whose fix --fix may apply: the safe ones,
// and with --unsafe-fixes the unsafe ones too.
func applicable(findings []rules.Finding, unsafe bool) []rules.Finding {
	var out []rules.Finding
	for _, fd := range findings {
		if fd.Fix != nil && (unsafe || !fd.Fix.Unsafe) {
			out = append(out, fd)
		}
	}
	return out
}

// unsafeLeft counts the remaining findings whose fix was held back as
// unsafe.
func unsafeLeft(res *lint.Result, unsafe bool) int {
	n := 0
	for _, fd := range res.Findings {
		if !unsafe && fd.Fix != nil && fd.Fix.Unsafe {
			n++
		}
	}
	return n
}

// fixStdin lints standard input and applies its fixes in memory until none
// applies. It returns the result of the last lint, the fixed text, and the
// number of problems fixed. When nothing applied or the input could not be
// linted (too large, say), the text is the input itself, in full: what was
// read, then the rest of stdin. Fixes that edit other files are left out:
// nothing is written to disk.
func fixStdin(opts lint.Options, unsafe bool, stdin io.Reader) (*lint.Result, io.Reader, int, error) {
	var data []byte
	if stdin != nil {
		var err error
		// lint.Run applies the size limit; past the cap it only needs to
		// see that the input is too large.
		if data, err = io.ReadAll(io.LimitReader(stdin, lint.MaxFileSizeCap+1)); err != nil {
			return nil, nil, 0, fmt.Errorf("cannot read standard input: %w", err)
		}
	}
	name := opts.StdinFilename
	if name == "" {
		name = "<stdin>"
	}
	lintText := func() *lint.Result {
		if stdin != nil {
			opts.Stdin = bytes.NewReader(data)
		}
		return lint.Run(opts)
	}
	res, fixed := lintText(), 0
	for pass := 0; pass < maxFixPasses && len(data) <= lint.MaxFileSizeCap; pass++ {
		src := res.Sources[name]
		if src == nil {
			break
		}
		applied := fix.Apply(applicable(res.Findings, unsafe), map[string]fix.File{name: {Source: src, Data: data}})
		text, ok := applied.Files[name]
		if !ok {
			break
		}
		data, fixed = text, fixed+len(applied.Fixed)
		res = lintText()
	}
	if fixed == 0 && stdin != nil {
		return res, io.MultiReader(bytes.NewReader(data), stdinRest{stdin}), 0, nil
	}
	return res, bytes.NewReader(data), fixed, nil
}

// stdinRest is the part of standard input fixStdin did not read.
type stdinRest struct{ r io.Reader }

func (s stdinRest) Read(p []byte) (int, error) {
	n, err := s.r.Read(p)
	if err != nil && err != io.EOF {
		err = fmt.Errorf("cannot read standard input: %w", err)
	}
	return n, err
}
