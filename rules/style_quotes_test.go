package rules_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dlint-dev/dlint/lint"
	"github.com/dlint-dev/dlint/rules"
)

// TestStyleQuoteFixes applies the quoting fixes of unquoted-port and
// unquoted-environment-value and lints again: nothing is left, the file
// still loads, and the quoted text is the text as written.
func TestStyleQuoteFixes(t *testing.T) {
	for _, tt := range []struct {
		rule *rules.Rule
		want []string
	}{
		{rules.UnquotedPort, []string{`- "8080:80"`, `- "127.0.0.1:9000:9000/udp"`, `- "3000"`, `ports: ["5380:80", "53:53/udp"]`, `- 22:22`, `published: 8081`}},
		{rules.UnquotedEnvironmentValue, []string{`PHP_VERSION: "8.10"`, `UMASK: "0022"`, `WORKERS: "4"`, `DEBUG: "false"`, `FLAG: yes`}},
	} {
		t.Run(tt.rule.ID, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.CopyFS(dir, os.DirFS(filepath.Join("testdata", tt.rule.ID))); err != nil {
				t.Fatal(err)
			}
			check := []*rules.Rule{tt.rule, rules.ComposeInvalid}
			before := lint.Run(lint.Options{WholeSources: true, Paths: []string{dir}, Rules: check, Enable: check, NoConfig: true, Workers: 1})
			if len(before.Findings) == 0 {
				t.Fatal("no findings before the fixes")
			}
			if unfixed := applyFixes(t, before); unfixed != 0 {
				t.Errorf("%d findings without a fix", unfixed)
			}
			after := lint.Run(lint.Options{WholeSources: true, Paths: []string{dir}, Rules: check, Enable: check, NoConfig: true, Workers: 1})
			for _, e := range after.Errors {
				t.Errorf("after the fixes: %s", e)
			}
			for _, f := range after.Findings {
				t.Errorf("after the fixes: %s:%d: %s", f.Range.File, f.Range.Start.Line, f.Message)
			}
			data, err := os.ReadFile(filepath.Join(dir, "compose.yaml"))
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range tt.want {
				if !strings.Contains(string(data), want) {
					t.Errorf("fixed file lacks %s:\n%s", want, data)
				}
			}
		})
	}
}
