package rules_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dlint-dev/dlint/lint"
	"github.com/dlint-dev/dlint/rules"
)

// Findings on a `docker run` line give their advice in its flags, not in
// compose keys.
func TestRunLineAdviceUsesFlags(t *testing.T) {
	dir := t.TempDir()
	script := "#!/bin/sh\ndocker run -d --network host --cap-add NET_ADMIN example/vpn:1\n"
	if err := os.WriteFile(filepath.Join(dir, "run.sh"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	res := lint.Run(lint.Options{Paths: []string{filepath.Join(dir, "run.sh")}, Rules: []*rules.Rule{rules.HostNamespace, rules.DangerousCapability}, NoConfig: true})
	if len(res.Findings) != 2 {
		t.Fatalf("findings: %+v", res.Findings)
	}
	for _, f := range res.Findings {
		if strings.Contains(f.Message, "network_mode") || strings.Contains(f.Message, "`ports:`") || strings.Contains(f.Message, "cap_drop") {
			t.Errorf("compose wording on a run line: %s", f.Message)
		}
	}
}
