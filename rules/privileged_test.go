package rules_test

import (
	"strings"
	"testing"

	"github.com/dlint-dev/dlint/rules"
)

// An image whose one job needs --privileged (binfmt registration,
// Docker-in-Docker) is information: removing it would break the job.
func TestPrivilegedByPurpose(t *testing.T) {
	findings := lintFiles(t, map[string]string{
		"ci.sh":        "#!/bin/sh\ndocker run --privileged --rm tonistiigi/binfmt --install all\n",
		"compose.yaml": "services:\n  dind:\n    image: docker:27-dind\n    privileged: true\n  app:\n    image: example/app:1\n    privileged: true\n",
	}, rules.Privileged)
	if len(findings) != 3 {
		t.Fatalf("findings: %+v", findings)
	}
	for _, f := range findings {
		app := strings.Contains(f.Message, "'app'")
		if app != (f.Severity == rules.Error) || app == strings.Contains(f.Message, "run it only on a host you trust") {
			t.Errorf("%s:%d: %s %s", f.Range.File, f.Range.Start.Line, f.Severity, f.Message)
		}
	}
}
