package rules_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/dlint-dev/dlint/lint"
	"github.com/dlint-dev/dlint/rules"
)

// TestLabelRulesNeedSchema: the label rules that read label-schema report
// nothing without it, and the same files do report with it (their
// testdata's .dlint.yaml), so the option is what makes them act.
func TestLabelRulesNeedSchema(t *testing.T) {
	for _, rule := range []*rules.Rule{rules.LabelMissing, rules.LabelEmpty, rules.LabelValueType, rules.LabelNotInSchema} {
		dir := filepath.Join("testdata", rule.ID)
		bad := filepath.Join(dir, "bad.Dockerfile")
		run := func(withSchema bool) int {
			opts := lint.Options{Paths: []string{bad}, Rules: []*rules.Rule{rule}, Enable: []*rules.Rule{rule}, NoConfig: true, Workers: 1}
			if withSchema {
				opts.NoConfig, opts.ConfigFile = false, filepath.Join(dir, ".dlint.yaml")
			}
			res := lint.Run(opts)
			if len(res.Errors) > 0 {
				t.Fatalf("%s: %v", rule.ID, res.Errors)
			}
			return len(res.Findings)
		}
		if _, err := os.Stat(bad); err != nil {
			t.Fatal(err)
		}
		if n := run(false); n != 0 {
			t.Errorf("%s: %d findings without label-schema, want none", rule.ID, n)
		}
		if n := run(true); n == 0 {
			t.Errorf("%s: no finding with label-schema set", rule.ID)
		}
	}
}
