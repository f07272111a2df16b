package report

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/dlint-dev/dlint/parser"
	"github.com/dlint-dev/dlint/rules"
)

// fingerprints gives each finding an identity that survives unrelated
// edits: it hashes the rule, the repository-relative path and the
// whitespace-normalised text of the offending lines and token, never a
// line number, and counts identical findings in file order so that two
// equal lines in one file stay apart.
type fingerprints struct {
	seen map[string]int
}

func newFingerprints() *fingerprints { return &fingerprints{seen: map[string]int{}} }

// of returns the hash and the 1-based occurrence of f among findings with
// the same hash. Findings must come in report order.
func (fp *fingerprints) of(f rules.Finding, relPath string, src *parser.Source) (string, int) {
	h := sha256.New()
	for _, part := range []string{f.Rule.ID, relPath, findingText(f, src)} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	sum := hex.EncodeToString(h.Sum(nil)[:16])
	fp.seen[sum]++
	return sum, fp.seen[sum]
}

// sarif renders the partialFingerprints value: "hash:occurrence", the
// shape GitHub uses for its own line hashes.
func (fp *fingerprints) sarif(f rules.Finding, relPath string, src *parser.Source) string {
	sum, n := fp.of(f, relPath, src)
	return fmt.Sprintf("%s:%d", sum, n)
}

// findingText is what a finding is about, in text: its lines and its
// token, whitespace-normalised. Without the source, the message stands in.
func findingText(f rules.Finding, src *parser.Source) string {
	r := f.Range
	if src == nil || r.Start.Line < 1 || r.Start.Line > src.LineCount() {
		return normalizeSpace(f.Message)
	}
	last := lastLine(r)
	var lines []string
	for n := r.Start.Line; n <= last && n <= src.LineCount(); n++ {
		lines = append(lines, normalizeSpace(src.Line(n)))
	}
	return strings.Join(lines, "\n") + "\x00" + normalizeSpace(regionText(src, r))
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

func normalizeSpace(s string) string { return strings.Join(strings.Fields(s), " ") }
