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
	before := lint.Run(lint.Options{Paths: []string{dir}, Rules: check, Workers: 1})
	for _, f := range before.Findings {
		if f.Rule.ID != rules.PublishedOnAllInterfaces.ID {
			t.Fatalf("testdata has a %s finding: %s", f.Rule.ID, f.Message)
		}
	}
	unfixed := applyFixes(t, before)
	after := lint.Run(lint.Options{Paths: []string{dir}, Rules: check, Workers: 1})
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
	res := lint.Run(lint.Options{Paths: []string{dir}, Rules: []*rules.Rule{rules.PublishedOnAllInterfaces}, Workers: 1})
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
