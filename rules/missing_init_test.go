package rules_test

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/dlint-dev/dlint/lint"
	"github.com/dlint-dev/dlint/rules"
)

// TestMissingInitSeverity checks what the `# want:` harness does not:
// node as PID 1 is information (the app may handle SIGTERM), npm and
// background jobs are warnings, and no finding carries a fix.
func TestMissingInitSeverity(t *testing.T) {
	tests := []struct {
		path string
		want map[string][]string // "file:line" → details
	}{
		{"node-server.Dockerfile", map[string][]string{"node-server.Dockerfile:5": {"info"}}},
		{"npm-start.Dockerfile", map[string][]string{"npm-start.Dockerfile:8": {"warning"}}},
		{"gosu-node", map[string][]string{"Dockerfile:9": {"info"}}},
		{"background-cron", map[string][]string{"entrypoint.sh:5": {"warning"}}},
		{"compose-yarn", map[string][]string{"compose.yaml:8": {"warning"}, "compose.yaml:13": {"warning"}, "compose.yaml:25": {"warning"}}},
		{"compose-private-image", map[string][]string{"compose.yaml:7": {"info"}, "compose.yaml:13": {"warning"}, "compose.yaml:18": {"warning"}, "compose.yaml:27": {"warning"}}},
		{"private-base.Dockerfile", map[string][]string{"private-base.Dockerfile:7": {"info"}}},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			res := lint.Run(lint.Options{Paths: []string{filepath.Join("testdata", "missing-init", tt.path)}, Rules: []*rules.Rule{rules.MissingInit}, Workers: 1})
			for _, e := range res.Errors {
				t.Fatalf("unexpected error: %s", e)
			}
			got := map[string][]string{}
			for _, f := range res.Findings {
				key := fmt.Sprintf("%s:%d", filepath.Base(f.Range.File), f.Range.Start.Line)
				got[key] = append(got[key], findingDetail(f))
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("got  %v\nwant %v", got, tt.want)
			}
		})
	}
}
