package rules_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dlint-dev/dlint/lint"
	"github.com/dlint-dev/dlint/rules"
)

// findingDetail is what the `# want:` harness does not check: severity and
// the suggested fix, as "severity" or "severity fix=<new text>@line:col".
func findingDetail(f rules.Finding) string {
	s := f.Severity.String()
	if f.Fix != nil {
		for _, e := range f.Fix.Edits {
			s += fmt.Sprintf(" fix=%s@%d:%d", e.NewText, e.Range.Start.Line, e.Range.Start.Col)
		}
	}
	return s
}

// detailsByLine lints one testdata path with one rule and returns
// findingDetail of each finding, keyed by "file:line".
func detailsByLine(t *testing.T, rule *rules.Rule, path string) map[string][]string {
	t.Helper()
	res := lint.Run(lint.Options{Paths: []string{filepath.Join("testdata", rule.ID, path)}, Rules: []*rules.Rule{rule}, Workers: 1})
	for _, e := range res.Errors {
		t.Fatalf("unexpected error: %s", e)
	}
	got := map[string][]string{}
	for _, f := range res.Findings {
		key := fmt.Sprintf("%s:%d", filepath.Base(f.Range.File), f.Range.Start.Line)
		got[key] = append(got[key], findingDetail(f))
	}
	return got
}

// TestPID1Details checks the severity and fixes of the PID 1 and EXPOSE
// rules on their testdata.
func TestPID1Details(t *testing.T) {
	tests := []struct {
		rule, path string
		want       map[string][]string // "file:line" → details, in column order
	}{
		{"shell-form-pid1", "shell-cmd.Dockerfile", map[string][]string{
			"shell-cmd.Dockerfile:6": {`warning fix=["gunicorn", "--bind", "0.0.0.0:8000", "app:wsgi"]@6:5`},
		}},
		// An && chain is no single command: no fix.
		{"shell-form-pid1", "continued-shell-cmd.Dockerfile", map[string][]string{"continued-shell-cmd.Dockerfile:4": {"warning"}}},
		{"shell-form-pid1", "tini-sh-c.Dockerfile", map[string][]string{"tini-sh-c.Dockerfile:5": {"info"}}},
		// The same CMD, run by a service with `init: true` (info) and by
		// none: the compose view decides, so only the info remains.
		{"shell-form-pid1", "compose-init", map[string][]string{
			"Dockerfile:5":   {`info fix=["gunicorn", "app:wsgi"]@5:5`},
			"compose.yaml:9": {"warning"},
		}},
		// An array that is not JSON fails at start: error, with the
		// array it was meant to be as the fix when that is clear.
		{"shell-form-pid1", "broken-json-single-quotes.Dockerfile", map[string][]string{
			"broken-json-single-quotes.Dockerfile:5": {`error fix=["node", "server.js"]@5:5`},
		}},
		{"shell-form-pid1", "broken-json-trailing-comma.Dockerfile", map[string][]string{
			"broken-json-trailing-comma.Dockerfile:4": {`error fix=["gunicorn", "app:app"]@4:12`},
		}},
		{"shell-form-pid1", "broken-json-escape.Dockerfile", map[string][]string{"broken-json-escape.Dockerfile:5": {"error"}}},
		{"shell-form-cmd-with-entrypoint", "broken-json.Dockerfile", map[string][]string{
			"broken-json.Dockerfile:6": {`warning fix=["server.js"]@6:5`},
		}},
		// With a CMD, converting ENTRYPOINT would start passing it on.
		{"entrypoint-ignores-cmd", "bad-with-cmd.Dockerfile", map[string][]string{"bad-with-cmd.Dockerfile:4": {"info"}}},
		{"entrypoint-script-missing-exec", "plain", map[string][]string{"docker-entrypoint.sh:5": {"warning fix=exec @5:1"}}},
		{"entrypoint-script-missing-exec", "wait-no-trap", map[string][]string{"run.sh:5": {"warning"}}},
		{"expose-invalid", "bad.Dockerfile", map[string][]string{
			"bad.Dockerfile:3":  {"error fix=80@3:8"},
			"bad.Dockerfile:5":  {"error", "error"},
			"bad.Dockerfile:7":  {"error fix=80@7:8"},
			"bad.Dockerfile:9":  {"error", "error"},
			"bad.Dockerfile:11": {"error"},
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

// A `command:` handed to the ENTRYPOINT of an image dlint cannot see, run
// by a shell it does not know, is a guess twice over: info, and it says
// the ENTRYPOINT may be an init.
func TestShellFormPID1OnUnseenImageIsInfo(t *testing.T) {
	compose := "services:\n  app:\n    image: example/app:1\n    command: sh -c \"trap 'echo bye' TERM; /entrypoint.sh run\"\n"
	findings := lintFiles(t, map[string]string{"compose.yaml": compose}, rules.ShellFormPID1)
	if len(findings) != 1 || findings[0].Severity != rules.Info || !strings.Contains(findings[0].Message, "unless the ENTRYPOINT of image `example/app:1` is an init") {
		t.Errorf("findings: %+v", findings)
	}
}

// A shell that ends with `wait` keeps its background jobs from SIGTERM:
// the message names the jobs, not `wait`.
func TestShellFormPID1NamesTheJobsWaitedFor(t *testing.T) {
	compose := "services:\n  db:\n    image: mongo:7\n    entrypoint: [\"bash\", \"-c\", \"mongod --replSet rs0 & sleep 5; mongosh --eval 'rs.initiate()'; wait\"]\n"
	findings := lintFiles(t, map[string]string{"compose.yaml": compose}, rules.ShellFormPID1)
	if len(findings) != 1 || !strings.Contains(findings[0].Message, "ends with `wait` for `mongod`") || strings.Contains(findings[0].Message, "reaches `wait`") {
		t.Errorf("findings: %+v", findings)
	}
}
