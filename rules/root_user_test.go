package rules_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/dlint-dev/dlint/lint"
	"github.com/dlint-dev/dlint/rules"
)

// TestRootUserFix: `USER 10001:10001` is offered only where no RUN runs as
// the root USER it replaces, since an install step would then fail.
func TestRootUserFix(t *testing.T) {
	dir := filepath.Join("testdata", rules.RootUser.ID)
	res := lint.Run(lint.Options{Paths: []string{dir}, Rules: []*rules.Rule{rules.RootUser}, NoConfig: true, Workers: 1})
	seen := map[string]bool{}
	for _, f := range res.Findings {
		name := filepath.Base(f.Range.File)
		seen[name] = true
		// A compose `user:` has no fix.
		wantFix := strings.Contains(name, "Dockerfile") && !strings.HasPrefix(name, "run-after")
		if got := f.Fix != nil; got != wantFix {
			t.Errorf("%s:%d: fix %v, want %v", name, f.Range.Start.Line, got, wantFix)
		}
	}
	for _, name := range []string{"bad.Dockerfile", "run-after.Dockerfile", "run-after-stage.Dockerfile", "run-after-onbuild.Dockerfile"} {
		if !seen[name] {
			t.Errorf("no finding in %s", name)
		}
	}
}

// A compose `user: root` for cron is root by the daemon's design
// (information), one beside the Docker socket is told how to open it
// without root, and a privileged service is left to rule privileged.
func TestRootUserComposeReasons(t *testing.T) {
	findings := lintFiles(t, map[string]string{"compose.yaml": "services:\n  cron:\n    image: alpine:3.20\n    user: root\n    command: [\"crond\", \"-f\"]\n" +
		"  collector:\n    image: otel/opentelemetry-collector-contrib:0.110.0\n    user: 0:0\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro\n" +
		"  profiler:\n    image: grafana/beyla:1.8\n    user: root\n    privileged: true\n"}, rules.RootUser)
	got := map[string]rules.Finding{}
	for _, f := range findings {
		got[strings.Fields(f.Message)[1]] = f
	}
	if f := got["'cron'"]; f.Severity != rules.Info || !strings.Contains(f.Message, "by its design") || !strings.Contains(f.Message, "supercronic") {
		t.Errorf("cron: %+v", f)
	}
	if f := got["'collector'"]; f.Severity != rules.Warning || !strings.Contains(f.Message, "group_add") {
		t.Errorf("collector: %+v", f)
	}
	if f, ok := got["'profiler'"]; ok {
		t.Errorf("privileged profiler reported: %+v", f)
	}
}

// USER root on a server whose master stays root by design (php's apache)
// is information with no fix: USER 10001 would break it (phpmyadmin).
func TestRootUserMasterByDesign(t *testing.T) {
	findings := lintFiles(t, map[string]string{"Dockerfile": "FROM php:8.3-apache\nRUN docker-php-ext-install mysqli\nUSER root\n"}, rules.RootUser)
	if len(findings) != 1 || findings[0].Severity != rules.Info || findings[0].Fix != nil || !strings.Contains(findings[0].Message, "by its design") {
		t.Errorf("findings: %+v", findings)
	}
}
