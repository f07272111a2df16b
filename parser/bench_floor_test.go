package parser

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/moby/buildkit/frontend/dockerfile/instructions"
	bkparser "github.com/moby/buildkit/frontend/dockerfile/parser"
	"mvdan.cc/sh/v3/syntax"
)

// The parse floor of Dockerfiles: buildkit's parser alone, and with
// mvdan.cc/sh parsing each RUN, against dlint's whole model
// (BenchmarkParseDockerfile, BenchmarkParseCorpusDockerfiles). Most of
// buildkit's own time is the regular expression it runs on every line to
// find a continuation (twice on a line that continues); dlint calls Parse
// once per Dockerfile and runs its own directive expression only on the
// leading comment block, so that cost is buildkit's, not dlint's.

func corpusDockerfiles(b testing.TB) [][]byte {
	b.Helper()
	corpus := filepath.Join("..", "..", "shared", "corpus")
	if _, err := os.Stat(corpus); err != nil {
		b.Skip("../shared/corpus is absent")
	}
	var out [][]byte
	_ = filepath.WalkDir(corpus, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasPrefix(d.Name(), "Dockerfile") {
			if data, err := os.ReadFile(p); err == nil {
				if _, err := bkparser.Parse(bytes.NewReader(data)); err == nil {
					out = append(out, data)
				}
			}
		}
		return nil
	})
	return out
}

func totalBytes(files [][]byte) (n int64) {
	for _, f := range files {
		n += int64(len(f))
	}
	return n
}

// BenchmarkBuildkitParseCorpus is buildkit's parser alone on every
// Dockerfile of ../shared/corpus.
func BenchmarkBuildkitParseCorpus(b *testing.B) {
	files := corpusDockerfiles(b)
	b.SetBytes(totalBytes(files))
	for b.Loop() {
		for _, f := range files {
			if _, err := bkparser.Parse(bytes.NewReader(f)); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkParseFloorCorpus is buildkit's parser and a shell parse of each
// RUN: what any linter of these files must do.
func BenchmarkParseFloorCorpus(b *testing.B) {
	files := corpusDockerfiles(b)
	b.SetBytes(totalBytes(files))
	for b.Loop() {
		for _, f := range files {
			res, err := bkparser.Parse(bytes.NewReader(f))
			if err != nil {
				b.Fatal(err)
			}
			for _, n := range res.AST.Children {
				parseRunShell(n)
			}
		}
	}
}

// BenchmarkParseFloorInstructionsCorpus adds buildkit's own parse of each
// instruction into its typed command (flags, stage names), which dlint's
// model is built from: the floor of a linter that reads buildkit's
// instructions rather than its raw nodes.
func BenchmarkParseFloorInstructionsCorpus(b *testing.B) {
	files := corpusDockerfiles(b)
	b.SetBytes(totalBytes(files))
	for b.Loop() {
		for _, f := range files {
			res, err := bkparser.Parse(bytes.NewReader(f))
			if err != nil {
				b.Fatal(err)
			}
			for _, n := range res.AST.Children {
				_, _ = instructions.ParseInstructionWithLinter(n, quietLinter)
				parseRunShell(n)
			}
		}
	}
}

// BenchmarkParseCorpusDockerfiles is dlint's whole Dockerfile model on the
// same files.
func BenchmarkParseCorpusDockerfiles(b *testing.B) {
	files := corpusDockerfiles(b)
	b.SetBytes(totalBytes(files))
	for b.Loop() {
		for _, f := range files {
			if _, err := ParseDockerfile("Dockerfile", f); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkModelOverFloorCorpus runs a floor pass and a model pass over
// the corpus by turns and reports the ratio of their times: on a shared
// host, load that comes and goes slows both alike, where separate
// benchmarks minutes apart compare different loads. "min-ratio" compares
// the fastest pass of each.
func BenchmarkModelOverFloorCorpus(b *testing.B) {
	files := corpusDockerfiles(b)
	var floor, model, minFloor, minModel time.Duration
	for b.Loop() {
		start := time.Now()
		for _, f := range files {
			res, err := bkparser.Parse(bytes.NewReader(f))
			if err != nil {
				b.Fatal(err)
			}
			for _, n := range res.AST.Children {
				parseRunShell(n)
			}
		}
		mid := time.Now()
		for _, f := range files {
			if _, err := ParseDockerfile("Dockerfile", f); err != nil {
				b.Fatal(err)
			}
		}
		f, m := mid.Sub(start), time.Since(mid)
		floor, model = floor+f, model+m
		if minFloor == 0 || f < minFloor {
			minFloor = f
		}
		if minModel == 0 || m < minModel {
			minModel = m
		}
	}
	b.ReportMetric(float64(model)/float64(floor), "ratio")
	b.ReportMetric(float64(minModel)/float64(minFloor), "min-ratio")
}

// BenchmarkBuildkitContinuationRegexp is the expression buildkit runs on
// every line (as it builds it for the default escape token), on the lines
// of the corpus's Dockerfiles: its share of BenchmarkBuildkitParseCorpus.
func BenchmarkBuildkitContinuationRegexp(b *testing.B) {
	files := corpusDockerfiles(b)
	re := continuationRegexp()
	var lines [][]byte
	for _, f := range files {
		lines = append(lines, bytes.Split(f, []byte("\n"))...)
	}
	b.SetBytes(totalBytes(files))
	for b.Loop() {
		for _, l := range lines {
			if re.Match(l) {
				re.ReplaceAll(l, []byte("$1"))
			}
		}
	}
}

// continuationRegexp is buildkit's line-continuation expression for the
// escape token `\` (parser.go, setEscapeToken).
func continuationRegexp() *regexp.Regexp {
	return regexp.MustCompile(`([^\\])\\[ \t]*$|^\\[ \t]*$`)
}

// parseRunShell parses the shell text of a shell-form RUN node with
// mvdan/sh, as the floor benchmarks do for every RUN.
func parseRunShell(n *bkparser.Node) {
	if !strings.EqualFold(n.Value, "run") || n.Next == nil || n.Attributes["json"] {
		return
	}
	var words []string
	for a := n.Next; a != nil; a = a.Next {
		words = append(words, a.Value)
	}
	_, _ = syntax.NewParser().Parse(strings.NewReader(strings.Join(words, " ")), "")
}
