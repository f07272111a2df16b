package rules_test

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/dlint-dev/dlint/lint"
	"github.com/dlint-dev/dlint/rules"
)

// TestMissingUserSeverity: a server whose master process stays root by
// design (nginx, php-fpm, httpd) is information; an app that runs as root
// is a warning.
func TestMissingUserSeverity(t *testing.T) {
	for path, want := range map[string]string{
		"php-fpm-app.Dockerfile":      "info",
		"nginx-custom-cmd.Dockerfile": "info",
		"nginx.Dockerfile":            "info",
		"bad.Dockerfile":              "warning",
	} {
		res := lint.Run(lint.Options{Paths: []string{filepath.Join("testdata", "missing-user", path)}, Rules: []*rules.Rule{rules.MissingUser}, Workers: 1})
		if len(res.Errors) > 0 || len(res.Findings) != 1 {
			t.Errorf("%s: errors %v, findings %v", path, res.Errors, res.Findings)
			continue
		}
		if got := fmt.Sprint(res.Findings[0].Severity); got != want {
			t.Errorf("%s: severity %s, want %s (%s)", path, got, want, res.Findings[0].Message)
		}
	}
}
