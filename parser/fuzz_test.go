package parser

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/dlint-dev/dlint/internal/fuzzseed"
)

// Fuzz targets: no input makes a parser panic or hang, and what they build
// holds together (positions inside the file). Run one with
//
//	go test -run '^$' -fuzz '^FuzzParseDockerfile$' -fuzztime 30s ./parser
//
// Seeds are the repository's test data and, when it is there,
// ../shared/corpus; a crasher found is kept in testdata/fuzz/<Target>/ and
// runs as a regression test with the other tests.

// seedFiles returns the seeds below the repository's test data and the
// shared corpus whose base name keep accepts.
func seedFiles(keep func(base string) bool) [][]byte {
	return fuzzseed.Files([]string{"../testdata", "../rules/testdata", "testdata", "../../shared/corpus"}, keep, 1<<20)
}

func isDockerfileName(base string) bool {
	lower := strings.ToLower(base)
	return strings.HasPrefix(lower, "dockerfile") || strings.HasSuffix(lower, ".dockerfile") || strings.HasPrefix(lower, "containerfile")
}

func isComposeName(base string) bool {
	lower := strings.ToLower(base)
	return (strings.HasPrefix(lower, "compose") || strings.HasPrefix(lower, "docker-compose")) &&
		(strings.HasSuffix(lower, ".yaml") || strings.HasSuffix(lower, ".yml"))
}

func isScriptName(base string) bool {
	return strings.HasSuffix(base, ".sh")
}

// inRange checks that r lies inside src (End may be one past a line).
func inRange(t *testing.T, src *Source, r Range, what string) {
	t.Helper()
	if r.IsZero() {
		return
	}
	n := src.LineCount()
	if r.Start.Line < 1 || r.Start.Line > n+1 || r.End.Line < r.Start.Line || r.End.Line > n+1 || r.Start.Col < 1 || r.End.Col < 1 {
		t.Fatalf("%s: range %+v outside the file's %d lines", what, r, n)
	}
}

func FuzzParseDockerfile(f *testing.F) {
	for _, data := range seedFiles(isDockerfileName) {
		f.Add(data)
	}
	f.Add([]byte("FROM alpine\nRUN <<EOF\necho\nEOF\n"))
	f.Add([]byte("\xef\xbb\xbfFROM a\r\nUSER ${U:-0}\rCMD sh -c 'exec \"$@\"'\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		df, err := ParseDockerfile("Dockerfile", data)
		if err != nil {
			if _, ok := err.(*ParseError); !ok {
				t.Fatalf("error of type %T, want *ParseError: %v", err, err)
			}
			return
		}
		src := df.Source
		for _, in := range df.Instructions {
			inRange(t, src, in.Range, in.Keyword)
			inRange(t, src, in.KeywordRange(), in.Keyword+" keyword")
			inRange(t, src, in.ArgsRange(), in.Keyword+" arguments")
			for _, a := range in.Args {
				inRange(t, src, in.Find(a), in.Keyword+" argument")
			}
			walkScript(t, in.Script)
			in.KeywordText()
		}
		for _, c := range df.BuildkitChecks {
			if c.Instr == nil {
				t.Fatalf("buildkit check %s without an instruction", c.Rule)
			}
		}
		for _, v := range df.MetaVars {
			df.VarsIn(v.Value)
		}
		for _, st := range df.Stages {
			df.DefaultBase(st)
			df.UndeclaredInFrom(st.BaseName)
			df.UndeclaredInFrom(st.Platform)
			st.EffectiveUser().IsRoot()
			st.EffectiveShell()
			st.EffectiveExpose()
			st.RootBase()
			for _, spec := range []*ExecSpec{st.EffectiveEntrypoint(), st.EffectiveCmd()} {
				if spec != nil {
					inRange(t, src, spec.Range, "exec spec")
					walkScript(t, spec.Script)
				}
			}
		}
	})
}

// walkScript touches everything a rule may read of a script.
func walkScript(t *testing.T, s *Script) {
	t.Helper()
	if s == nil {
		return
	}
	for _, c := range s.Commands {
		c.Base()
		inRange(t, s.Source, c.Range, "command")
		for _, w := range c.Args {
			inRange(t, s.Source, w.Range, "word")
		}
	}
}

func FuzzParseShell(f *testing.F) {
	for _, data := range seedFiles(isScriptName) {
		f.Add(data)
	}
	f.Add([]byte("#!/bin/sh\nset -e\nif [ \"$1\" = x ]; then exec gosu app \"$@\"; fi\nexec \"$@\"\n"))
	f.Add([]byte("f() { f; }\nf\ncase $x in a) exec su -c 'x' app;; esac\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		walkScript(t, ParseScriptFile("entrypoint.sh", data))
		checkNestingBound(t, string(data))
		src := NewSource("Dockerfile", data)
		walkScript(t, ParseShell(src, string(src.Text), nil))
	})
}

func FuzzLoadCompose(f *testing.F) {
	for _, data := range seedFiles(isComposeName) {
		f.Add(data)
	}
	f.Add([]byte("services:\n  web:\n    build: .\n    ports: [\"${P:-80}:80\", \"9000-9001:9000-9001/udp\"]\n    extends: base\n  base:\n    image: x\n"))
	f.Add([]byte("x: &a [*a]\n"))
	// Merge keys once stalled the target for ~100 s an input (see
	// testdata/fuzz/FuzzLoadCompose for the regression seeds).
	f.Add([]byte("x: &n\n  <<: *n\n  a: b\x7f"))
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		src := NewSource(filepath.Join(dir, "compose.yaml"), data)
		p, err := LoadCompose(dir, []*Source{src}, map[string]string{"P": "8080"})
		if err != nil {
			if _, ok := err.(*ParseError); !ok {
				t.Fatalf("error of type %T, want *ParseError: %v", err, err)
			}
		}
		if p == nil {
			return
		}
		for _, s := range p.Services {
			if s.Range.File == src.Path {
				inRange(t, src, s.Range, "service")
			}
			for _, port := range s.Ports {
				if port.Range.File == src.Path {
					inRange(t, src, port.Range, "port")
				}
			}
		}
	})
}
