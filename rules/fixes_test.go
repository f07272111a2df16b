package rules_test

import (
	"os"
	"testing"

	"github.com/dlint-dev/dlint/internal/fix"
	"github.com/dlint-dev/dlint/lint"
)

// applyFixes writes the fixes of res's findings into their files, as one
// pass of `dlint --fix --unsafe-fixes` does, and returns how many findings
// had no fix. Every fix must apply: the test data keeps them apart.
func applyFixes(t *testing.T, res *lint.Result) (unfixed int) {
	t.Helper()
	files := map[string]fix.File{}
	offered := 0
	for _, fd := range res.Findings {
		if fd.Fix == nil {
			unfixed++
			continue
		}
		offered++
		for _, e := range fd.Fix.Edits {
			path := fix.EditFile(fd, e)
			if _, ok := files[path]; ok {
				continue
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			files[path] = fix.File{Source: res.Sources[path], Data: data}
		}
	}
	if offered == 0 {
		t.Fatal("no fix offered")
	}
	applied := fix.Apply(res.Findings, files)
	if len(applied.Fixed) != offered {
		t.Errorf("%d of %d fixes applied in one pass", len(applied.Fixed), offered)
	}
	for path, data := range applied.Files {
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return unfixed
}
