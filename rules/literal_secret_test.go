package rules_test

import (
	"testing"

	"github.com/dlint-dev/dlint/rules"
)

// A test harness's compose file holds throwaway passwords: information.
func TestLiteralSecretInTestFile(t *testing.T) {
	for file, want := range map[string]rules.Severity{"compose.yaml": rules.Warning, "testing/compose.yaml": rules.Info, "docker-compose.test.yml": rules.Info} {
		findings := lintFiles(t, map[string]string{file: "services:\n  db:\n    image: mariadb:11\n    environment:\n      MARIADB_ROOT_PASSWORD: my-secret-pw\n"}, rules.LiteralSecret)
		if len(findings) != 1 || findings[0].Severity != want {
			t.Errorf("%s: %+v", file, findings)
		}
	}
}
