package rules_test

import (
	"strings"
	"testing"

	"github.com/dlint-dev/dlint/rules"
)

// The advice to add a healthcheck is hedged for an image dlint does not
// know, which may have a HEALTHCHECK of its own; for an official image,
// which has none, it is not.
func TestDependsOnNotReadyAdviceOnUnknownImage(t *testing.T) {
	compose := "services:\n  app:\n    image: example/app:1\n    depends_on: [db, pg]\n  db:\n    image: ghcr.io/immich-app/postgres:16\n  pg:\n    image: postgres:17\n"
	findings := lintFiles(t, map[string]string{"compose.yaml": compose}, rules.DependsOnNotReady)
	if len(findings) != 2 {
		t.Fatalf("findings: %+v", findings)
	}
	for _, f := range findings {
		hedged := strings.Contains(f.Message, "if its image has none")
		if strings.Contains(f.Message, "'db'") != hedged {
			t.Errorf("hedge wrong: %s", f.Message)
		}
	}
}
