package rules_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/dlint-dev/dlint/lint"
	"github.com/dlint-dev/dlint/rules"
)

// label=disable for a service that mounts the Docker socket: relabelling
// with :z is no way out there, and the message does not advise it.
func TestLabelDisableForHostSocketAdvisesNoRelabel(t *testing.T) {
	path := filepath.Join("testdata", "security-opt-unconfined", "compose.yaml")
	res := lint.Run(lint.Options{Paths: []string{path}, Rules: []*rules.Rule{rules.SecurityOptUnconfined}, NoConfig: true})
	found := false
	for _, f := range res.Findings {
		if strings.Contains(f.Message, "'watchdog'") {
			found = true
			if !strings.Contains(f.Message, "/var/run/docker.sock") || strings.Contains(f.Message, "relabel them") {
				t.Errorf("message: %s", f.Message)
			}
		}
	}
	if !found {
		t.Error("no finding for watchdog")
	}
}
