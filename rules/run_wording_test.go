package rules_test

import (
	"strings"
	"testing"

	"github.com/dlint-dev/dlint/rules"
)

// Findings on a `docker run` line give their advice in its flags, not in
// compose keys.
func TestRunLineAdviceUsesFlags(t *testing.T) {
	script := "#!/bin/sh\ndocker run -d --network host --cap-add NET_ADMIN example/vpn:1\n"
	findings := lintFiles(t, map[string]string{"run.sh": script}, rules.HostNamespace, rules.DangerousCapability)
	if len(findings) != 2 {
		t.Fatalf("findings: %+v", findings)
	}
	for _, f := range findings {
		if strings.Contains(f.Message, "network_mode") || strings.Contains(f.Message, "`ports:`") || strings.Contains(f.Message, "cap_drop") {
			t.Errorf("compose wording on a run line: %s", f.Message)
		}
	}
}
