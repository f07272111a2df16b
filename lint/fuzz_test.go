package lint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dlint-dev/dlint/internal/fuzzseed"

	"github.com/dlint-dev/dlint/rules"
)

// FuzzRun feeds the whole pipeline, from bytes on disk to findings: a
// Dockerfile, a compose file that builds it and an entrypoint script it
// copies. No input may make a rule or a parser fail (an internal error) or
// overrun the per-file bound, and every finding lies inside its file.
//
//	go test -run '^$' -fuzz '^FuzzRun$' -fuzztime 30s ./lint
func FuzzRun(f *testing.F) {
	const composeBuild = "services:\n  app:\n    build: .\n    ports: [\"8080:80\"]\n"
	const dockerfileWithScript = "FROM debian:12-slim\nCOPY entrypoint.sh /usr/local/bin/\nENTRYPOINT [\"entrypoint.sh\"]\nCMD [\"app\"]\n"
	seeds := func(keep func(string) bool) [][]byte {
		return fuzzseed.Files([]string{"../testdata", "../rules/testdata", "../../shared/corpus"}, keep, 256<<10)
	}
	for _, df := range seeds(func(n string) bool { return Classify(n) == KindDockerfile }) {
		f.Add(df, []byte(composeBuild), []byte("#!/bin/sh\nexec \"$@\"\n"))
	}
	for _, c := range seeds(func(n string) bool { return Classify(n) == KindCompose }) {
		f.Add([]byte("FROM alpine:3.20\nUSER root\n"), c, []byte(nil))
	}
	for _, s := range seeds(func(n string) bool { return strings.HasSuffix(n, ".sh") }) {
		f.Add([]byte(dockerfileWithScript), []byte(composeBuild), s)
	}
	// A script whose compose command names the compose file with an override.
	f.Add([]byte(dockerfileWithScript), []byte(composeBuild), []byte("#!/bin/sh\ncd \"$(dirname \"$0\")\"\ndocker compose -f compose.yaml -f compose.yaml up -d\n"))
	// ShellCheck is another program: fuzzing it through dlint would only
	// slow the fuzzing of dlint's own code down.
	var pool []*rules.Rule
	for _, r := range rules.All() {
		if r != rules.ShellCheck {
			pool = append(pool, r)
		}
	}
	f.Fuzz(func(t *testing.T, dockerfile, compose, script []byte) {
		dir := t.TempDir()
		for name, data := range map[string][]byte{"Dockerfile": dockerfile, "compose.yaml": compose, "entrypoint.sh": script} {
			if data == nil {
				continue
			}
			if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		res := Run(Options{Paths: []string{dir}, Rules: pool, NoConfig: true, Workers: 2})
		for _, e := range res.Errors {
			if strings.Contains(e.Msg, "internal error") || strings.Contains(e.Msg, "took longer") {
				t.Fatal(e.Error())
			}
		}
		for _, fd := range res.Findings {
			src := res.Sources[fd.Range.File]
			if src == nil {
				t.Fatalf("finding in a file with no source: %s %+v", fd.Rule.ID, fd.Range)
			}
			r, n := fd.Range, src.LineCount()
			if r.Start.Line < 1 || r.Start.Line > n+1 || r.End.Line < r.Start.Line || r.End.Line > n+1 || r.Start.Col < 1 || r.End.Col < 1 {
				t.Fatalf("%s: range %+v outside the file's %d lines", fd.Rule.ID, r, n)
			}
		}
	})
}
