// Package report renders findings in dlint's output formats, one file per
// format.
package report

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/dlint-dev/dlint/parser"
	"github.com/dlint-dev/dlint/rules"
)

// FileError is a file that could not be read or parsed.
type FileError struct {
	Path string
	Line int
	Col  int
	Msg  string
}

// String renders the error as one line: "path:line: cannot parse: …".
func (e FileError) String() string {
	switch {
	case e.Line > 0 && e.Col > 0:
		return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Col, e.Msg)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Path, e.Msg)
}

// Input is everything a format may render.
type Input struct {
	Findings []rules.Finding
	Errors   []FileError
	Sources  map[string]*parser.Source
	Rules    []*rules.Rule // the rules that ran
	Files    int           // files read
	Version  string        // dlint's version
	Color    bool          // colour the text format
	Quiet    bool          // the text format: the findings only, no summary
	// Hidden counts the findings the run left out; the text summary says
	// so, that a clean report is not mistaken for a clean project.
	Hidden Hidden
	// SARIFCategory sets runs[].automationDetails.id.
	SARIFCategory string
	// WorkDir is the directory relative file paths are relative to; empty
	// means the current working directory.
	WorkDir string
	// Root is the directory that repository-relative paths (SARIF, GitHub
	// and GitLab) start from; empty means the git repository around
	// WorkDir, or WorkDir itself outside a repository.
	Root string
}

// Hidden counts the findings left out of a report, by what left them out.
type Hidden struct {
	Baseline int // recorded in the baseline
	Ignores  int // silenced by ignore comments
	Severity int // below the minimum severity
}

// Formatter writes one format.
type Formatter func(w io.Writer, in *Input) error

var formats = map[string]Formatter{
	"checkstyle": Checkstyle,
	"github":     GitHub,
	"gitlab":     GitLab,
	"json":       JSON,
	"sarif":      SARIF,
	"text":       Text,
}

// Lookup returns the formatter for a --format name.
func Lookup(name string) (Formatter, bool) {
	f, ok := formats[strings.ToLower(name)]
	return f, ok
}

// Names lists the format names.
func Names() []string {
	var out []string
	for n := range formats {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}
