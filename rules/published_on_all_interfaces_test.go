package rules_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dlint-dev/dlint/lint"
	"github.com/dlint-dev/dlint/rules"
)

// TestPublishedOnAllInterfacesFix applies every suggested fix to a copy of
// the testdata and lints it again: the fixed entries must be gone, and the
// edits must leave valid ports behind.
func TestPublishedOnAllInterfacesFix(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join("testdata", rules.PublishedOnAllInterfaces.ID)
	if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	check := []*rules.Rule{rules.PublishedOnAllInterfaces, rules.InvalidPort}
	before := lint.Run(lint.Options{WholeSources: true, Paths: []string{dir}, Rules: check, Workers: 1})
	for _, f := range before.Findings {
		if f.Rule.ID != rules.PublishedOnAllInterfaces.ID {
			t.Fatalf("testdata has a %s finding: %s", f.Rule.ID, f.Message)
		}
	}
	unfixed := applyFixes(t, before)
	after := lint.Run(lint.Options{WholeSources: true, Paths: []string{dir}, Rules: check, Workers: 1})
	for _, e := range after.Errors {
		t.Errorf("after the fixes: %s", e)
	}
	for _, f := range after.Findings {
		if f.Rule.ID == rules.InvalidPort.ID || f.Fix != nil {
			t.Errorf("after the fixes: %s:%d: %s", f.Range.File, f.Range.Start.Line, f.Message)
		}
	}
	t.Logf("before %d findings (%d without a fix), after %d", len(before.Findings), unfixed, len(after.Findings))
	if len(after.Findings) > unfixed {
		t.Errorf("after the fixes: %d findings, want at most the %d that had no fix", len(after.Findings), unfixed)
	}
}

// TestLoopbackKeepsInterpolatedHostPort: the advice and the fix bind a
// `${APP_PORT}:27017` entry to loopback without dropping the variable.
func TestLoopbackKeepsInterpolatedHostPort(t *testing.T) {
	dir := t.TempDir()
	compose := "services:\n  mongo:\n    image: mongo:8\n    ports:\n      - \"${APP_PORT}:27017\"\n"
	path := filepath.Join(dir, "compose.yaml")
	if err := os.WriteFile(path, []byte(compose), 0o644); err != nil {
		t.Fatal(err)
	}
	res := lint.Run(lint.Options{WholeSources: true, Paths: []string{dir}, Rules: []*rules.Rule{rules.PublishedOnAllInterfaces}, Workers: 1})
	if len(res.Findings) != 1 {
		t.Fatalf("findings: %v", res.Findings)
	}
	if msg := res.Findings[0].Message; !strings.Contains(msg, `"127.0.0.1:${APP_PORT}:27017"`) || !strings.Contains(msg, "port 27017 of mongo") {
		t.Errorf("message: %s", msg)
	}
	applyFixes(t, res)
	data, _ := os.ReadFile(path)
	if !strings.Contains(string(data), `- "127.0.0.1:${APP_PORT}:27017"`) {
		t.Errorf("fixed file:\n%s", data)
	}
}

// A container port alone, from a variable, binds to loopback with an empty
// host port: "127.0.0.1:${P}" would make the address the host port.
func TestLoopbackAdviceForContainerPortVariable(t *testing.T) {
	findings := lintFiles(t, map[string]string{"compose.yaml": "services:\n  db:\n    image: postgres:17\n    ports:\n      - ${POSTGRES_PORT:-5432}\n"}, rules.PublishedOnAllInterfaces)
	if len(findings) != 1 || !strings.Contains(findings[0].Message, `"127.0.0.1::${POSTGRES_PORT:-5432}"`) {
		t.Errorf("findings: %+v", findings)
	}
}

// TestRunLoopbackFix: a `-p` value of a run line is bound to loopback where
// it is written, in each file kind, quoted or not; a value dlint did not
// read as written gets advice but no edit.
func TestRunLoopbackFix(t *testing.T) {
	files := map[string]struct{ before, after string }{
		"deploy.sh": {
			"#!/bin/sh\ndocker run -d -p 5432:5432 postgres:16\ndocker run --publish=6379:6379 redis\ndocker run -dp27017:27017 mongo\n" +
				"docker run -p \"3306:3306\" mysql\ndocker run -p 0.0.0.0:9200:9200 elasticsearch:8.15.0\ndocker run -p 5432 postgres\n" +
				"docker run -p \\\n  11211:11211 memcached\ndocker run --publish=\"6380:6379\" redis\n",
			"#!/bin/sh\ndocker run -d -p 127.0.0.1:5432:5432 postgres:16\ndocker run --publish=127.0.0.1:6379:6379 redis\ndocker run -dp127.0.0.1:27017:27017 mongo\n" +
				"docker run -p \"127.0.0.1:3306:3306\" mysql\ndocker run -p 127.0.0.1:9200:9200 elasticsearch:8.15.0\ndocker run -p 127.0.0.1::5432 postgres\n" +
				"docker run -p \\\n  127.0.0.1:11211:11211 memcached\ndocker run --publish=\"6380:6379\" redis\n",
		},
		"Makefile": {
			"db:\n\t@docker run -d -p 5432:5432 postgres:16\n",
			"db:\n\t@docker run -d -p 127.0.0.1:5432:5432 postgres:16\n",
		},
		".github/workflows/ci.yml": {
			"on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          docker run -d -p 5432:5432 postgres:16\n",
			"on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          docker run -d -p 127.0.0.1:5432:5432 postgres:16\n",
		},
	}
	dir := t.TempDir()
	for name, f := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(f.before), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res := lint.Run(lint.Options{WholeSources: true, Paths: []string{dir}, Rules: []*rules.Rule{rules.PublishedOnAllInterfaces}, Workers: 1})
	if unfixed := applyFixes(t, res); unfixed != 1 {
		t.Errorf("%d findings without a fix, want 1 (the quoted --publish=\"…\")", unfixed)
	}
	for name, f := range files {
		data, _ := os.ReadFile(filepath.Join(dir, name))
		if string(data) != f.after {
			t.Errorf("%s fixed:\n%s\nwant:\n%s", name, data, f.after)
		}
	}
}

// In a Swarm stack the advice is not loopback, which the routing mesh
// ignores, and a loopback entry is no protection: both say so, unfixed.
func TestPublishedOnAllInterfacesInASwarmStack(t *testing.T) {
	findings := lintFiles(t, map[string]string{"docker-stack.yml": "services:\n  db:\n    image: postgres:17\n    ports:\n      - \"5432:5432\"\n      - \"127.0.0.1:5433:5432\"\n"}, rules.PublishedOnAllInterfaces)
	if len(findings) != 2 {
		t.Fatalf("findings: %v", findings)
	}
	for _, f := range findings {
		if f.Fix != nil || !strings.Contains(f.Message, "ignores a host IP") || strings.Contains(f.Message, "bind it to loopback") {
			t.Errorf("%d: %s (fix %v)", f.Range.Start.Line, f.Message, f.Fix)
		}
	}
	if !strings.Contains(findings[1].Message, "ignores the host IP 127.0.0.1") {
		t.Errorf("the loopback entry: %s", findings[1].Message)
	}
}
