package rules_test

import (
	"strings"
	"testing"

	"github.com/dlint-dev/dlint/rules"
)

// SIGKILL as the stop signal is a warning, and information in a test's
// compose file, whose containers hold throwaway data; the advice names
// the way to shorten the wait where the container is started.
func TestStopSignalSeverityAndAdvice(t *testing.T) {
	compose := "services:\n  db:\n    image: postgres:17\n    stop_signal: SIGKILL\n"
	findings := lintFiles(t, map[string]string{
		"compose.yaml":       compose,
		"tests/compose.yaml": compose,
		"run.sh":             "#!/bin/sh\ndocker run -d --stop-signal 9 example/app\n",
	}, rules.StopSignal)
	if len(findings) != 3 {
		t.Fatalf("findings: %+v", findings)
	}
	for _, f := range findings {
		want, advice := rules.Warning, "`stop_grace_period: 3s`"
		switch {
		case strings.Contains(f.Range.File, "/tests/"):
			want = rules.Info
		case strings.HasSuffix(f.Range.File, "run.sh"):
			advice = "`docker stop -t 3`"
		}
		if f.Severity != want || !strings.Contains(f.Message, advice) {
			t.Errorf("%s: %s %s", f.Range.File, f.Severity, f.Message)
		}
	}
}
