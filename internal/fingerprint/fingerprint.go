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
// in for the line, without the services it names (a finding one more
// service shares keeps its fingerprint). pathOf names each file inside the
// fingerprint (e.g. its repository-relative path); nil leaves the path out,
// for callers that key findings by file themselves.
func Compute(findings []rules.Finding, sources map[string]*parser.Source, pathOf func(file string) string) []string {
	out := make([]string, len(findings))
	seen := map[string]int{}
	for i, f := range findings {
		text := lineText(f, sources)
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

// PerService returns, for each finding that names several services, the
// fingerprints its copies had when each service was a finding of its own
// (dlint before it merged them); nil for the other findings. Baselines
// written then hold one entry per service, and a merged finding stands for
// all of them. findings must be sorted, as for Compute.
func PerService(findings []rules.Finding, sources map[string]*parser.Source) [][]string {
	out := make([][]string, len(findings))
	seen := map[string]int{}
	for i, f := range findings {
		text := lineText(f, sources)
		key := ruleID(f) + "\x00" + f.Range.File + "\x00" + NormalizeLine(text)
		n, copies := seen[key], max(1, len(f.Services))
		seen[key] = n + copies
		if copies > 1 {
			for k := range copies {
				out[i] = append(out[i], Of(ruleID(f), "", text, n+k))
			}
		}
	}
	return out
}

// lineText is the text a finding's fingerprint is made of: its line, or
// its message without the services it names.
func lineText(f rules.Finding, sources map[string]*parser.Source) string {
	if src := sources[f.Range.File]; src != nil && f.Range.Start.Line >= 1 && f.Range.Start.Line <= src.LineCount() {
		return src.Line(f.Range.Start.Line)
	}
	return f.Template()
}
