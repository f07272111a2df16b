package rules_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/dlint-dev/dlint/lint"
	"github.com/dlint-dev/dlint/rules"
)

// TestRootUserFix: `USER 10001:10001` is offered only where no RUN runs as
// the root USER it replaces, since an install step would then fail.
func TestRootUserFix(t *testing.T) {
	dir := filepath.Join("testdata", rules.RootUser.ID)
	res := lint.Run(lint.Options{Paths: []string{dir}, Rules: []*rules.Rule{rules.RootUser}, NoConfig: true, Workers: 1})
	seen := map[string]bool{}
	for _, f := range res.Findings {
		name := filepath.Base(f.Range.File)
		seen[name] = true
		// A compose `user:` has no fix.
		wantFix := strings.Contains(name, "Dockerfile") && !strings.HasPrefix(name, "run-after")
		if got := f.Fix != nil; got != wantFix {
			t.Errorf("%s:%d: fix %v, want %v", name, f.Range.Start.Line, got, wantFix)
		}
	}
	for _, name := range []string{"bad.Dockerfile", "run-after.Dockerfile", "run-after-stage.Dockerfile", "run-after-onbuild.Dockerfile"} {
		if !seen[name] {
			t.Errorf("no finding in %s", name)
		}
	}
}
