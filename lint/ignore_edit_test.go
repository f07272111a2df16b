package lint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dlint-dev/dlint/parser"
	"github.com/dlint-dev/dlint/rules"
)

// applyEdit returns text with e applied.
func applyEdit(t *testing.T, text string, e rules.Edit) string {
	t.Helper()
	src := parser.NewSource("f", []byte(text))
	start, ok1 := src.ByteOffset(e.Range.Start)
	end, ok2 := src.ByteOffset(e.Range.End)
	if !ok1 || !ok2 {
		t.Fatalf("edit %+v outside the text", e)
	}
	return text[:start] + e.NewText + text[end:]
}

// findingOf lints root and returns the first finding of ruleID in file.
func findingOf(t *testing.T, root, file, ruleID string) *rules.Finding {
	t.Helper()
	res := Run(Options{Paths: []string{root}})
	for i, f := range res.Findings {
		if f.Rule.ID == ruleID && filepath.Base(f.Range.File) == file {
			return &res.Findings[i]
		}
	}
	return nil
}

// The comment IgnoreEdit writes silences the finding, and only that rule.
func TestIgnoreEditSilencesFinding(t *testing.T) {
	cases := []struct {
		file, text, rule, other string
		kind                    Kind
	}{
		{"Dockerfile", "FROM debian:12\nMAINTAINER x\nRUN apt-get update && \\\n    apt-get install curl\nUSER 1000\n", "apt-get-missing-yes", "maintainer-deprecated", KindDockerfile},
		{"compose.yaml", "services:\n  app:\n    image: nginx:1.27\n    privileged: true\n    network_mode: host\n", "privileged", "host-namespace", KindCompose},
		{"run.sh", "#!/bin/sh\ndocker run \\\n  --privileged \\\n  nginx:1.27\ndocker run --network host nginx:1.27\n", "privileged", "host-namespace", KindRuns},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			root := composeTree(t, map[string]string{c.file: c.text})
			fd := findingOf(t, root, c.file, c.rule)
			if fd == nil || findingOf(t, root, c.file, c.other) == nil {
				t.Fatalf("test file has no %s or %s finding", c.rule, c.other)
			}
			for _, global := range []bool{false, true} {
				src := parser.NewSource(fd.Range.File, []byte(c.text))
				e := IgnoreEdit(src, c.kind, fd.Range.Start.Line, c.rule)
				if global {
					e = GlobalIgnoreEdit(src, c.kind, c.rule)
				}
				edited := applyEdit(t, c.text, e)
				if err := os.WriteFile(filepath.Join(root, c.file), []byte(edited), 0o644); err != nil {
					t.Fatal(err)
				}
				if fd := findingOf(t, root, c.file, c.rule); fd != nil {
					t.Errorf("global=%v: still reported after the edit:\n%s", global, edited)
				}
				if findingOf(t, root, c.file, c.other) == nil {
					t.Errorf("global=%v: %s silenced too:\n%s", global, c.other, edited)
				}
				if res := Run(Options{Paths: []string{root}}); len(res.Errors) > 0 {
					t.Errorf("global=%v: edit broke the file: %v\n%s", global, res.Errors[0], edited)
				}
			}
		})
	}
}

func TestIgnoreEditPlacement(t *testing.T) {
	df := "# syntax=docker/dockerfile:1\nFROM debian:12\n  # dlint ignore=root-user\n  RUN apt-get update && \\\n    apt-get install curl\n"
	src := parser.NewSource("Dockerfile", []byte(df))
	got := applyEdit(t, df, IgnoreEdit(src, KindDockerfile, 5, "apt-get-missing-yes"))
	if want := "  # dlint ignore=root-user,apt-get-missing-yes\n  RUN"; !strings.Contains(got, want) {
		t.Errorf("not added to the comment above:\n%s", got)
	}
	got = applyEdit(t, df, GlobalIgnoreEdit(src, KindDockerfile, "sudo"))
	if !strings.HasPrefix(got, "# syntax=docker/dockerfile:1\n# dlint global ignore=sudo\nFROM") {
		t.Errorf("global comment not below the directives:\n%s", got)
	}
	sh := "#!/bin/sh\r\necho hi"
	src = parser.NewSource("run.sh", []byte(sh))
	if got := applyEdit(t, sh, GlobalIgnoreEdit(src, KindRuns, "sudo")); got != "#!/bin/sh\r\n# dlint global ignore=sudo\r\necho hi" {
		t.Errorf("script global: %q", got)
	}
}
