package rules_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dlint-dev/dlint/lint"
	"github.com/dlint-dev/dlint/rules"
)

// TestBase60PortFix quotes every reported item and lints again: nothing is
// left, and the quoted ports are the same ports.
func TestBase60PortFix(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join("testdata", rules.Base60Port.ID)
	if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	check := []*rules.Rule{rules.Base60Port, rules.InvalidPort}
	before := lint.Run(lint.Options{WholeSources: true, Paths: []string{dir}, Rules: check, Workers: 1})
	if len(before.Findings) == 0 {
		t.Fatal("no findings before the fixes")
	}
	if unfixed := applyFixes(t, before); unfixed != 0 {
		t.Errorf("%d findings without a fix", unfixed)
	}
	after := lint.Run(lint.Options{WholeSources: true, Paths: []string{dir}, Rules: check, Workers: 1})
	for _, e := range after.Errors {
		t.Errorf("after the fixes: %s", e)
	}
	for _, f := range after.Findings {
		t.Errorf("after the fixes: %s:%d: %s", f.Range.File, f.Range.Start.Line, f.Message)
	}
	data, err := os.ReadFile(filepath.Join(dir, "compose.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`- "2222:22"`, `ports: ["53:53", "53:53/udp"]`, `- "22:22"`} {
		if !strings.Contains(string(data), want) {
			t.Errorf("fixed file lacks %s:\n%s", want, data)
		}
	}
}
