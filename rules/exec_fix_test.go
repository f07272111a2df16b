package rules_test

import (
	"path/filepath"
	"testing"

	"github.com/dlint-dev/dlint/lint"
	"github.com/dlint-dev/dlint/rules"
)

// TestExecFixSkipsExitTraps: `exec` in front of a script's last command is
// offered, except in a script with an EXIT trap, whose handler exec would
// skip, and before a command that may be a function or an alias.
func TestExecFixSkipsExitTraps(t *testing.T) {
	tests := []struct {
		rule    *rules.Rule
		dir     string
		wantFix bool
	}{
		{rules.EntrypointScriptMissingExec, "plain", true},
		{rules.EntrypointScriptMissingExec, "exit-trap", false},
		// exec goes only before an external program.
		{rules.EntrypointScriptMissingExec, "function-by-expansion", false},
		{rules.EntrypointScriptMissingExec, "alias", false},
		{rules.PrivilegeDropWithoutExec, "script", true},
		{rules.PrivilegeDropWithoutExec, "exit-trap", false},
	}
	for _, tt := range tests {
		path := filepath.Join("testdata", tt.rule.ID, tt.dir)
		res := lint.Run(lint.Options{Paths: []string{path}, Rules: []*rules.Rule{tt.rule}, NoConfig: true, Workers: 1})
		for _, e := range res.Errors {
			t.Errorf("%s: %s", path, e)
		}
		if len(res.Findings) == 0 {
			t.Errorf("%s: no finding", path)
		}
		for _, f := range res.Findings {
			if got := f.Fix != nil; got != tt.wantFix {
				t.Errorf("%s:%d: fix %v, want %v", f.Range.File, f.Range.Start.Line, got, tt.wantFix)
			}
		}
	}
}
