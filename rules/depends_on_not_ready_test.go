package rules_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dlint-dev/dlint/lint"
	"github.com/dlint-dev/dlint/rules"
)

// The advice to add a healthcheck is hedged for an image dlint does not
// know, which may have a HEALTHCHECK of its own; for an official image,
// which has none, it is not.
func TestDependsOnNotReadyAdviceOnUnknownImage(t *testing.T) {
	dir := t.TempDir()
	compose := "services:\n  app:\n    image: example/app:1\n    depends_on: [db, pg]\n  db:\n    image: ghcr.io/immich-app/postgres:16\n  pg:\n    image: postgres:17\n"
	if err := os.WriteFile(filepath.Join(dir, "compose.yaml"), []byte(compose), 0o644); err != nil {
		t.Fatal(err)
	}
	res := lint.Run(lint.Options{Paths: []string{dir}, Rules: []*rules.Rule{rules.DependsOnNotReady}, NoConfig: true})
	if len(res.Findings) != 2 {
		t.Fatalf("findings: %+v", res.Findings)
	}
	for _, f := range res.Findings {
		hedged := strings.Contains(f.Message, "if its image has none")
		if strings.Contains(f.Message, "'db'") != hedged {
			t.Errorf("hedge wrong: %s", f.Message)
		}
	}
}
