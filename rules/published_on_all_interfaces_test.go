package rules_test

import (
	"os"
	"path/filepath"
	"sort"
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
	edits := map[string][]rules.Edit{}
	unfixed := 0
	for _, f := range before.Findings {
		if f.Rule.ID != rules.PublishedOnAllInterfaces.ID {
			t.Fatalf("testdata has a %s finding: %s", f.Rule.ID, f.Message)
		}
		if f.Fix == nil {
			unfixed++
			continue
		}
		for _, e := range f.Fix.Edits {
			edits[e.Range.File] = append(edits[e.Range.File], e)
		}
	}
	if len(edits) == 0 {
		t.Fatal("no fix offered")
	}
	for file, es := range edits {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(data), "\n")
		// Apply from the end so earlier positions stay valid.
		sort.Slice(es, func(i, j int) bool {
			a, b := es[i].Range.Start, es[j].Range.Start
			return a.Line > b.Line || a.Line == b.Line && a.Col > b.Col
		})
		for _, e := range es {
			if e.Range.Start.Line != e.Range.End.Line {
				t.Fatalf("%s: multi-line edit %+v", file, e)
			}
			line := []rune(lines[e.Range.Start.Line-1])
			start, end := e.Range.Start.Col-1, e.Range.End.Col-1
			lines[e.Range.Start.Line-1] = string(line[:start]) + e.NewText + string(line[end:])
		}
		if err := os.WriteFile(file, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
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
