package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dlint-dev/dlint/report"
	"github.com/dlint-dev/dlint/rules"
)

var rulesDoc = filepath.Join("..", "..", "docs", "rules.md")

// TestRulesDocUpToDate fails when a rule changed and docs/rules.md was not
// regenerated.
func TestRulesDocUpToDate(t *testing.T) {
	want, err := render(rules.All())
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(rulesDoc)
	if err != nil {
		t.Fatalf("%v: run `go generate ./...` to create docs/rules.md", err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("docs/rules.md is stale: run `go generate ./...` and commit the result")
	}
}

// TestAnchorsMatchHelpURIs: every rule has a heading whose GitHub anchor is
// the fragment of the helpUri the SARIF report links to.
func TestAnchorsMatchHelpURIs(t *testing.T) {
	doc, err := render(rules.All())
	if err != nil {
		t.Fatal(err)
	}
	anchors := map[string]bool{}
	for _, line := range strings.Split(string(doc), "\n") {
		if strings.HasPrefix(line, "## ") {
			anchors[githubAnchor(strings.TrimPrefix(line, "## "))] = true
		}
	}
	for _, r := range rules.All() {
		_, frag, _ := strings.Cut(report.RuleDocURL(r.ID), "#")
		if !anchors[frag] {
			t.Errorf("rule %s: helpUri fragment #%s has no heading in docs/rules.md", r.ID, frag)
		}
	}
}

// githubAnchor is the slug GitHub gives a heading: lower case, spaces to
// hyphens, punctuation other than hyphens and underscores dropped.
func githubAnchor(heading string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(heading)) {
		switch {
		case r == ' ':
			b.WriteRune('-')
		case r == '-' || r == '_' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
		}
	}
	return b.String()
}

func TestDemoteHeadings(t *testing.T) {
	in := "## Why\ntext\n```dockerfile\n# a comment, not a heading\n```\n## Bad"
	want := "### Why\ntext\n```dockerfile\n# a comment, not a heading\n```\n### Bad"
	if got := demoteHeadings(in); got != want {
		t.Errorf("demoteHeadings:\n%s\nwant:\n%s", got, want)
	}
}

func TestRejectsClashingID(t *testing.T) {
	if _, err := render([]*rules.Rule{{ID: "why", Severity: rules.Info}}); err == nil {
		t.Error("a rule named like a doc section should be refused")
	}
}

func TestOptionsTable(t *testing.T) {
	type opts struct {
		Ports   []int  `yaml:"ports" doc:"ports that are fine | even published"`
		Level   string `yaml:"level,omitempty" doc:"how strict"`
		Ignored string `yaml:"-"`
		hidden  int
	}
	r := &rules.Rule{ID: "x", Options: func() any { return &opts{Level: "strict", hidden: 1} }}
	want := "| Option | Default | Description |\n|---|---|---|\n" +
		"| `ports` | none | ports that are fine \\| even published |\n" +
		"| `level` | `strict` | how strict |\n"
	if got := optionsTable(r); got != want {
		t.Errorf("optionsTable:\n%s\nwant:\n%s", got, want)
	}
	if got := optionsTable(&rules.Rule{ID: "y"}); got != "" {
		t.Errorf("a rule without options got a table: %q", got)
	}
}
