// Package fingerprint identifies a finding by what it is about rather than
// by where it is, so that it is recognised after unrelated edits move it:
// the rule, the text of the line it starts on (with whitespace collapsed)
// and, for findings of one rule on identical lines of a file, their order.
// Baselines match on it; SARIF and GitLab reports carry it.
package fingerprint

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"

	"github.com/dlint-dev/dlint/parser"
	"github.com/dlint-dev/dlint/rules"
)

// Version names the fingerprint scheme; a change to how fingerprints are
// computed must change it.
const Version = "v1"

// NormalizeLine collapses runs of whitespace to one space and trims the
// ends, so re-indenting a line keeps its fingerprint.
func NormalizeLine(line string) string {
	return strings.Join(strings.Fields(line), " ")
}

// Compute returns one fingerprint per finding, in the order of findings,
// which must be sorted (by file, position, rule, as lint returns them).
// The occurrence index counts earlier findings with the same rule, file and
// line text. sources gives each file's text; without it the message stands
// in for the line. pathOf names each file inside the fingerprint (e.g. its
// repository-relative path); nil leaves the path out, for callers that key
// findings by file themselves.
func Compute(findings []rules.Finding, sources map[string]*parser.Source, pathOf func(file string) string) []string {
	out := make([]string, len(findings))
	seen := map[string]int{}
	for i, f := range findings {
		text := f.Message
		if src := sources[f.Range.File]; src != nil && f.Range.Start.Line >= 1 && f.Range.Start.Line <= src.LineCount() {
			text = src.Line(f.Range.Start.Line)
		}
		path := ""
		if pathOf != nil {
			path = pathOf(f.Range.File)
		}
		key := ruleID(f) + "\x00" + f.Range.File + "\x00" + NormalizeLine(text)
		n := seen[key]
		seen[key] = n + 1
		out[i] = Of(ruleID(f), path, text, n)
	}
	return out
}

// Of is the fingerprint of a finding of rule in the file named path ("" to
// leave it out) on a line with text, the occurrence-th such finding in that
// file (from 0).
func Of(rule, path, text string, occurrence int) string {
	h := sha256.New()
	for _, part := range []string{rule, path, NormalizeLine(text), strconv.Itoa(occurrence)} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

func ruleID(f rules.Finding) string {
	if f.Rule == nil {
		return ""
	}
	return f.Rule.ID
}
