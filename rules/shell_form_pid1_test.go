package rules_test

import (
	"testing"

	"github.com/dlint-dev/dlint/rules"
)

// Every bash execs a lone simple `-c` command, whatever its version: no
// finding for `bash -c /scenario/test.sh` on an image dlint does not
// know; a list of commands there still is one, hedged.
func TestShellFormPID1LoneCommandOfAnyBash(t *testing.T) {
	findings := lintFiles(t, map[string]string{"compose.yaml": "services:\n  lone:\n    image: example/kafka-tests:1\n    entrypoint: [\"/bin/bash\", \"-c\"]\n    command: [\"/scenario/test.sh\"]\n" +
		"  list:\n    image: example/kafka-tests:1\n    entrypoint: [\"/bin/bash\", \"-c\"]\n    command: [\"cd /scenario && ./test.sh\"]\n"}, rules.ShellFormPID1)
	if len(findings) != 1 || findings[0].Range.Start.Line != 9 {
		t.Errorf("findings: %+v", findings)
	}
}
