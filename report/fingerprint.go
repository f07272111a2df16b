package report

import (
	"strings"

	"github.com/dlint-dev/dlint/internal/fingerprint"

	"github.com/dlint-dev/dlint/parser"
)

// findingFingerprints returns each finding's fingerprint (see package
// internal/fingerprint), with the repository-relative path inside it so
// that equal lines in two files stay apart.
func findingFingerprints(in *Input, relPath func(file string) string) []string {
	return fingerprint.Compute(in.Findings, in.Sources, relPath)
}

// lastLine is the last line a range touches: an exclusive end at column 1
// of a later line does not reach into that line.
func lastLine(r parser.Range) int {
	if r.End.Line > r.Start.Line && r.End.Col <= 1 {
		return r.End.Line - 1
	}
	return max(r.End.Line, r.Start.Line)
}

// regionText returns the text a range covers, or "" when it does not fit
// the source.
func regionText(src *parser.Source, r parser.Range) string {
	if src == nil || r.Start.Line < 1 {
		return ""
	}
	end := r.End
	if end.Line < r.Start.Line || (end.Line == r.Start.Line && end.Col < r.Start.Col) {
		end = r.Start
	}
	var b strings.Builder
	for n := r.Start.Line; n <= end.Line && n <= src.LineCount(); n++ {
		line := []rune(src.Line(n))
		from, to := 0, len(line)
		if n == r.Start.Line {
			from = min(max(r.Start.Col-1, 0), len(line))
		}
		if n == end.Line {
			to = min(max(end.Col-1, from), len(line))
		}
		if n > r.Start.Line {
			b.WriteByte('\n')
		}
		b.WriteString(string(line[from:to]))
	}
	return b.String()
}

func normalizeSpace(s string) string { return fingerprint.NormalizeLine(s) }
