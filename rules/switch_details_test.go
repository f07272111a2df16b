package rules_test

import (
	"fmt"
	"testing"

	"github.com/dlint-dev/dlint/rules"
)

// TestUserSwitchDetails checks the severity and fixes of sudo and
// su-privilege-drop: a user switch at build time is an info without a fix
// (removing sudo would run the command as root), an escalation or a
// run-time hand-over stays a warning.
func TestUserSwitchDetails(t *testing.T) {
	tests := []struct {
		rule, path string
		want       map[string][]string // "file:line" → details, in column order
	}{
		{"sudo", "switch.Dockerfile", map[string][]string{
			"switch.Dockerfile:6":  {"info"},
			"switch.Dockerfile:8":  {"info"},
			"switch.Dockerfile:10": {"info"},
			"switch.Dockerfile:12": {"info"},
			"switch.Dockerfile:15": {"warning"},
			"switch.Dockerfile:18": {"info"},
			"switch.Dockerfile:22": {"warning"},
			"switch.Dockerfile:28": {"info"},
			"switch.Dockerfile:30": {"warning fix=@30:5"},
		}},
		{"sudo", "root.Dockerfile", map[string][]string{
			"root.Dockerfile:3": {"warning fix=@3:5"},
			"root.Dockerfile:5": {"warning fix=@5:6"},
			"root.Dockerfile:8": {"warning"},
		}},
		{"su-privilege-drop", "script", map[string][]string{
			"docker-entrypoint.sh:5":  {"warning"},
			"docker-entrypoint.sh:10": {"warning"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.rule+"/"+tt.path, func(t *testing.T) {
			got := detailsByLine(t, rules.Lookup(rules.All(), tt.rule), tt.path)
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("got  %v\nwant %v", got, tt.want)
			}
		})
	}
}
