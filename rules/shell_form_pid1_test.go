package rules_test

import (
	"strings"
	"testing"

	"github.com/dlint-dev/dlint/rules"
)

// Every bash execs a lone simple `-c` command, whatever its version: no
// finding for `bash -c /scenario/test.sh` on an image dlint does not
// know. A list there is exec'd by bash 5.1 on, which the image may have:
// a guess, no finding. A pipeline no bash execs: reported.
func TestShellFormPID1LoneCommandOfAnyBash(t *testing.T) {
	findings := lintFiles(t, map[string]string{"compose.yaml": "services:\n  lone:\n    image: example/kafka-tests:1\n    entrypoint: [\"/bin/bash\", \"-c\"]\n    command: [\"/scenario/test.sh\"]\n" +
		"  list:\n    image: example/kafka-tests:1\n    entrypoint: [\"/bin/bash\", \"-c\"]\n    command: [\"cd /scenario && ./test.sh\"]\n" +
		"  piped:\n    image: example/kafka-tests:1\n    entrypoint: [\"/bin/bash\", \"-c\"]\n    command: [\"cd /scenario && ./test.sh | tee log\"]\n"}, rules.ShellFormPID1)
	if len(findings) != 1 || findings[0].Range.Start.Line != 13 {
		t.Errorf("findings: %+v", findings)
	}
}

// A loop as PID 1 cannot be exec'd: the advice is a TERM trap or an init.
func TestShellFormPID1Loop(t *testing.T) {
	findings := lintFiles(t, map[string]string{
		"compose.yaml": "services:\n  logspam:\n    image: alpine:3.20\n    command: [\"sh\", \"-c\", \"i=0; while true; do echo $$i; i=$$((i+1)); sleep 1; done\"]\n",
		"Dockerfile":   "FROM debian:12-slim\nCMD while true; do date; sleep 60; done\n",
	}, rules.ShellFormPID1)
	if len(findings) != 2 {
		t.Fatalf("findings: %+v", findings)
	}
	for _, f := range findings {
		if !strings.Contains(f.Message, "trap 'exit 0' TERM") || strings.Contains(f.Message, "write `exec") || f.Fix != nil {
			t.Errorf("%s:%d: %s", f.Range.File, f.Range.Start.Line, f.Message)
		}
	}
}
