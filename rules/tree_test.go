package rules_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/dlint-dev/dlint/lint"
	"github.com/dlint-dev/dlint/rules"
)

// lintFiles writes files (slash-separated paths under a temporary
// directory) and lints the directory with the rules alone.
func lintFiles(t *testing.T, files map[string]string, pool ...*rules.Rule) []rules.Finding {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return lint.Run(lint.Options{Paths: []string{dir}, Rules: pool, NoConfig: true}).Findings
}
