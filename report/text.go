package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/fatih/color"

	"github.com/dlint-dev/dlint/parser"
	"github.com/dlint-dev/dlint/rules"
)

type palette struct {
	sev      map[rules.Severity]*color.Color
	pos, dim *color.Color
	rule     *color.Color
}

func newPalette(enabled bool) palette {
	mk := func(attrs ...color.Attribute) *color.Color {
		c := color.New(attrs...)
		if enabled {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
		return c
	}
	return palette{
		sev: map[rules.Severity]*color.Color{
			rules.Error:   mk(color.FgRed, color.Bold),
			rules.Warning: mk(color.FgYellow, color.Bold),
			rules.Info:    mk(color.FgCyan, color.Bold),
			rules.Style:   mk(color.FgMagenta),
		},
		pos:  mk(color.Bold),
		dim:  mk(color.Faint),
		rule: mk(color.Faint),
	}
}

// Text writes findings for a person at a terminal: the position, severity,
// rule and message, then the source line with the span underlined, and a
// closing summary (not with Quiet).
func Text(w io.Writer, in *Input) error {
	bw := bufio.NewWriter(w)
	p := newPalette(in.Color)
	files := map[string]bool{}
	counts := map[rules.Severity]int{}
	for _, f := range in.Findings {
		files[f.Range.File] = true
		counts[f.Severity]++
		r := f.Range
		fmt.Fprintf(bw, "%s %s %s %s\n",
			p.pos.Sprintf("%s:%d:%d:", parser.PrintablePath(r.File), r.Start.Line, r.Start.Col),
			p.sev[f.Severity].Sprint(f.Severity.String()),
			p.rule.Sprintf("[%s]", f.Rule.ID),
			f.Message)
		writeSnippet(bw, p, in, f)
	}
	if !in.Quiet {
		fmt.Fprintln(bw, summary(in, counts, len(files)))
	}
	return bw.Flush()
}

func writeSnippet(w io.Writer, p palette, in *Input, f rules.Finding) {
	src := in.Sources[f.Range.File]
	if src == nil {
		return
	}
	r := f.Range
	line := src.Line(r.Start.Line)
	if line == "" && r.Start.Line > src.LineCount() {
		return
	}
	num := fmt.Sprint(r.Start.Line)
	gutter := strings.Repeat(" ", len(num))
	fmt.Fprintf(w, "%s %s\n", p.dim.Sprintf("%s |", num), line)
	runes := []rune(line)
	start := min(max(r.Start.Col-1, 0), len(runes))
	end := len(runes)
	if r.End.Line == r.Start.Line {
		end = min(max(r.End.Col-1, start+1), len(runes))
	}
	// Keep tabs so the caret lines up under the text.
	var pad strings.Builder
	for _, c := range runes[:start] {
		if c == '\t' {
			pad.WriteRune('\t')
		} else {
			pad.WriteByte(' ')
		}
	}
	width := max(end-start, 1)
	if start == len(runes) {
		width = 1
	}
	marks := "^" + strings.Repeat("~", width-1)
	fmt.Fprintf(w, "%s %s%s\n", p.dim.Sprintf("%s |", gutter), pad.String(), p.sev[f.Severity].Sprint(marks))
}

func summary(in *Input, counts map[rules.Severity]int, files int) string {
	total := len(in.Findings)
	if total == 0 {
		s := fmt.Sprintf("no problems found in %s", Plural(in.Files, "file")) + hiddenSummary(in.Hidden)
		if len(in.Errors) > 0 {
			s += fmt.Sprintf("; %s could not be read or parsed", Plural(len(in.Errors), "file"))
		}
		return s
	}
	var parts []string
	for _, s := range rules.Severities {
		if n := counts[s]; n > 0 {
			name := s.String()
			if s == rules.Info || s == rules.Style {
				parts = append(parts, fmt.Sprintf("%d %s", n, name))
				continue
			}
			parts = append(parts, Plural(n, name))
		}
	}
	out := fmt.Sprintf("%s (%s) in %s", Plural(total, "problem"), strings.Join(parts, ", "), Plural(files, "file")) + hiddenSummary(in.Hidden)
	if len(in.Errors) > 0 {
		out += fmt.Sprintf("; %s could not be read or parsed", Plural(len(in.Errors), "file"))
	}
	return out
}

// hiddenSummary says how many findings were left out and by what:
// "; 3 hidden by the baseline, 2 by ignore comments, 1 below min-severity".
func hiddenSummary(h Hidden) string {
	ignores := "by ignore comments"
	if h.Ignores == 1 {
		ignores = "by an ignore comment"
	}
	var parts []string
	for _, c := range []struct {
		n   int
		how string
	}{{h.Baseline, "by the baseline"}, {h.Ignores, ignores}, {h.Severity, "below min-severity"}} {
		switch {
		case c.n == 0:
		case len(parts) == 0:
			parts = append(parts, fmt.Sprintf("%d hidden %s", c.n, c.how))
		default:
			parts = append(parts, fmt.Sprintf("%d %s", c.n, c.how))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "; " + strings.Join(parts, ", ")
}

// Plural counts n of word, a noun whose plural takes an s: "1 file",
// "2 files". The summary of --fix uses it too.
func Plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
