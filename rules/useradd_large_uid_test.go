package rules_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dlint-dev/dlint/lint"
	"github.com/dlint-dev/dlint/rules"
)

// TestUseraddLargeUIDFix applies every suggested fix to a copy of the
// testdata and lints it again: the files still parse and no finding is
// left, so each fix adds a --no-log-init that useradd sees.
func TestUseraddLargeUIDFix(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join("testdata", rules.UseraddLargeUID.ID)
	if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	check := []*rules.Rule{rules.UseraddLargeUID}
	before := lint.Run(lint.Options{WholeSources: true, Paths: []string{dir}, Rules: check, NoConfig: true, Workers: 1})
	for _, f := range before.Findings {
		if f.Fix == nil {
			t.Errorf("%s:%d: no fix for %s", filepath.Base(f.Range.File), f.Range.Start.Line, f.Message)
		}
	}
	applyFixes(t, before)
	after := lint.Run(lint.Options{WholeSources: true, Paths: []string{dir}, Rules: check, NoConfig: true, Workers: 1})
	for _, e := range after.Errors {
		t.Errorf("after the fixes: %s", e)
	}
	for _, f := range after.Findings {
		t.Errorf("after the fixes: %s:%d: %s", filepath.Base(f.Range.File), f.Range.Start.Line, f.Message)
	}
	fixed, err := os.ReadFile(filepath.Join(dir, "Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`RUN useradd --no-log-init -u 123456 app1`,
		`RUN /usr/sbin/useradd --no-log-init -r -u 999999`,
		`RUN ["useradd", "--no-log-init", "-u", "1000000", "app9"]`,
	} {
		if !strings.Contains(string(fixed), want) {
			t.Errorf("fixed Dockerfile lacks %q:\n%s", want, fixed)
		}
	}
}

// TestUseraddLargeUIDSize: the message gives the size the UID costs.
func TestUseraddLargeUIDSize(t *testing.T) {
	res := lint.Run(lint.Options{WholeSources: true, Paths: []string{filepath.Join("testdata", rules.UseraddLargeUID.ID, "Dockerfile")}, Rules: []*rules.Rule{rules.UseraddLargeUID}, NoConfig: true})
	want := map[int]string{3: "about 40 MB", 5: "about 324 MB", 15: "about 324 GB"}
	for _, f := range res.Findings {
		if w, ok := want[f.Range.Start.Line]; ok && !strings.Contains(f.Message, w) {
			t.Errorf("line %d: %q lacks %q", f.Range.Start.Line, f.Message, w)
		}
		delete(want, f.Range.Start.Line)
	}
	for line := range want {
		t.Errorf("no finding on line %d", line)
	}
}
