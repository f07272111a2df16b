package rules_test

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/dlint-dev/dlint/internal/shellcheck"
	"github.com/dlint-dev/dlint/lint"
	"github.com/dlint-dev/dlint/rules"
)

// wantRe matches an expectation comment: `# want: rule-a rule-b`. It marks
// the next line that is not blank or a comment as the line where each named
// rule must report.
var wantRe = regexp.MustCompile(`^\s*#\s*want:\s*(.+)$`)

// inlineWantRe matches a comment that carries an expectation after other
// text, `# dlint ignore=sudo want: unused-ignore`: the finding is expected
// on the comment's own line.
var inlineWantRe = regexp.MustCompile(`^\s*#.*?\S\s+want:\s*(.+)$`)

type lineKey struct {
	file string
	line int
}

// TestRules lints each rules/testdata/<rule-id>/ directory with that rule
// alone and checks the findings against the `# want:` comments: every
// expected finding is reported and nothing else is.
func TestRules(t *testing.T) {
	all := rules.All()
	for _, rule := range all {
		t.Run(rule.ID, func(t *testing.T) {
			if rule == rules.ShellCheck && shellcheck.Find() == "" {
				t.Skip("no shellcheck on PATH (.ci/run installs Debian's); lint's TestShellCheckAbsent covers its absence")
			}
			dir := filepath.Join("testdata", rule.ID)
			if _, err := os.Stat(dir); err != nil {
				t.Fatalf("rule %s has no testdata directory %s", rule.ID, dir)
			}
			want, files := readWants(t, dir, rule.ID)
			if len(want) == 0 {
				t.Errorf("%s: no `# want: %s` comment: add a file that must trigger the rule", dir, rule.ID)
			}
			if len(files) == 0 {
				t.Errorf("%s: every file triggers the rule: add a file that must not", dir)
			}
			opts := lint.Options{Paths: []string{dir}, Rules: []*rules.Rule{rule}, Enable: []*rules.Rule{rule}, NoConfig: true, Workers: 2}
			if cfg := filepath.Join(dir, ".dlint.yaml"); fileExists(cfg) {
				// A rule that reads project settings (trusted-registries)
				// keeps them in its testdata's own .dlint.yaml.
				opts.NoConfig, opts.ConfigFile = false, cfg
			}
			if rule == rules.UnusedIgnore {
				// Ignores are unused only against the findings of the
				// rules they name, so those rules run too.
				opts.Rules = all
			}
			res := lint.Run(opts)
			for _, e := range res.Errors {
				t.Errorf("unexpected error: %s", e)
			}
			got := map[lineKey]int{}
			for _, f := range res.Findings {
				if f.Rule != rule {
					continue
				}
				k := lineKey{filepath.ToSlash(f.Range.File), f.Range.Start.Line}
				got[k]++
				if got[k] > want[k] {
					t.Errorf("%s:%d:%d: unexpected %s finding: %s", k.file, k.line, f.Range.Start.Col, rule.ID, f.Message)
				}
				checkMessage(t, f)
			}
			for k, n := range want {
				if got[k] < n {
					t.Errorf("%s:%d: expected %d %s finding(s), got %d", k.file, k.line, n, rule.ID, got[k])
				}
			}
		})
	}
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func checkMessage(t *testing.T, f rules.Finding) {
	t.Helper()
	if f.Message == "" || strings.HasSuffix(f.Message, ".") && strings.Count(f.Message, ".") == 1 && len(f.Message) < 20 {
		t.Errorf("%s:%d: finding message %q is too terse", f.Range.File, f.Range.Start.Line, f.Message)
	}
	if strings.Contains(f.Message, "\x1f") {
		t.Errorf("%s:%d: finding message %q holds an unrendered template mark (report it with ReportAbout)", f.Range.File, f.Range.Start.Line, f.Message)
	}
	if f.Range.End.Line < f.Range.Start.Line || f.Range.End.Line == f.Range.Start.Line && f.Range.End.Col <= f.Range.Start.Col {
		t.Errorf("%s:%d:%d: finding has an empty or inverted range %+v", f.Range.File, f.Range.Start.Line, f.Range.Start.Col, f.Range)
	}
}

// readWants collects the expected findings of rule in dir, and the files
// that expect none of them.
func readWants(t *testing.T, dir, ruleID string) (map[lineKey]int, []string) {
	t.Helper()
	want := map[lineKey]int{}
	var clean []string
	err := filepath.Walk(dir, func(path string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		var pending []string
		n, found := 0, false
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			n++
			line := sc.Text()
			if m := wantRe.FindStringSubmatch(line); m != nil {
				pending = append(pending, strings.Fields(m[1])...)
				continue
			}
			if m := inlineWantRe.FindStringSubmatch(line); m != nil {
				for _, id := range strings.Fields(m[1]) {
					if id == ruleID {
						want[lineKey{filepath.ToSlash(path), n}]++
						found = true
					}
				}
				continue
			}
			trimmed := strings.TrimSpace(line)
			if trimmed == "" || strings.HasPrefix(trimmed, "#") {
				continue
			}
			for _, id := range pending {
				if id == ruleID {
					want[lineKey{filepath.ToSlash(path), n}]++
					found = true
				}
			}
			pending = nil
		}
		if !found {
			clean = append(clean, path)
		}
		return sc.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	return want, clean
}

// TestRuleMetadata checks what `dlint rules`, `dlint explain` and the
// generated docs rely on.
func TestRuleMetadata(t *testing.T) {
	idRe := regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)
	names := map[string]string{}
	for _, r := range rules.All() {
		if !idRe.MatchString(r.ID) {
			t.Errorf("rule ID %q is not kebab-case", r.ID)
		}
		// IDs are unique; an alias may be shared (a peer code that covers
		// several dlint rules) but never be another rule's ID.
		key := strings.ToLower(r.ID)
		if other, dup := names[key]; dup {
			t.Errorf("%s: name %q is also used by %s", r.ID, r.ID, other)
		}
		names[key] = r.ID

		if r.Summary == "" || r.Check == nil || len(r.Tags) == 0 {
			t.Errorf("%s: missing summary, check or tags", r.ID)
		}
		for _, section := range []string{"## Why", "## Bad", "## Good", "## Silence"} {
			if !strings.Contains(r.Doc, section) {
				t.Errorf("%s: doc lacks a %q section", r.ID, section)
			}
		}
		if r.Severity < rules.Error || r.Severity > rules.Style {
			t.Errorf("%s: invalid severity %d", r.ID, r.Severity)
		}
	}
	ids := make([]string, 0, len(names))
	for _, r := range rules.All() {
		ids = append(ids, r.ID)
	}
	if !sort.StringsAreSorted(ids) {
		t.Errorf("rules.All() is not sorted by ID: %v", ids)
	}
	_ = fmt.Sprint
}

// TestAliasesAreNotIDs: a suppression name means one thing, a rule ID or a
// peer code.
func TestAliasesAreNotIDs(t *testing.T) {
	ids := map[string]bool{}
	for _, r := range rules.All() {
		ids[strings.ToLower(r.ID)] = true
	}
	for _, r := range rules.All() {
		for _, a := range r.Aliases {
			if ids[strings.ToLower(a)] {
				t.Errorf("%s: alias %q is a rule ID", r.ID, a)
			}
		}
	}
}
