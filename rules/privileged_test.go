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
		"ci.sh": "#!/bin/sh\ndocker run --privileged --rm tonistiigi/binfmt --install all\n",
		"compose.yaml": "services:\n  dind:\n    image: docker:27-dind\n    privileged: true\n    command: [\"--tls=false\"]\n  app:\n    image: example/app:1\n    privileged: true\n" +
			"  swarm-init:\n    image: docker:27-dind\n    privileged: true\n    command: docker swarm init\n",
	}, rules.Privileged)
	if len(findings) != 4 {
		t.Fatalf("findings: %+v", findings)
	}
	for _, f := range findings {
		// swarm-init runs its own command in place of dockerd: no engine.
		app := strings.Contains(f.Message, "'app'") || strings.Contains(f.Message, "'swarm-init'")
		if app != (f.Severity == rules.Error) || app == strings.Contains(f.Message, "run it only on a host you trust") {
			t.Errorf("%s:%d: %s %s", f.Range.File, f.Range.Start.Line, f.Severity, f.Message)
		}
	}
}
