package lint

import (
	"path/filepath"
	"testing"

	"github.com/dlint-dev/dlint/parser"
	"github.com/dlint-dev/dlint/rules"
)

const (
	cleanDockerfile      = "FROM scratch\nCOPY --chown=65532:65532 app /app\nUSER 65532:65532\nENTRYPOINT [\"/app\"]\n"
	runsAsRootDockerfile = "FROM ubuntu:24.04\nCMD [\"sleep\", \"1\"]\n"
	ignoredDockerfile    = "FROM scratch\nCOPY --chown=65532:65532 app /app\n# dlint ignore=missing-user\nUSER 65532:65532\nENTRYPOINT [\"/app\"]\n"
)

// A Dockerfile linted on its own with nothing to report is let go once
// checked, and still counted; one with a finding, or with ignore comments
// (unused-ignore may report them), keeps its source for the report.
func TestRunDropsSourcesNothingNeeds(t *testing.T) {
	root := writeTree(t, map[string]string{
		"clean/Dockerfile":   cleanDockerfile,
		"root/Dockerfile":    runsAsRootDockerfile,
		"ignored/Dockerfile": ignoredDockerfile,
	})
	res := Run(Options{Paths: []string{root}, Rules: rules.All(), NoConfig: true})
	if res.Files != 3 {
		t.Errorf("Files = %d, want 3", res.Files)
	}
	if res.Sources[filepath.Join(root, "clean", "Dockerfile")] != nil {
		t.Error("the source of a Dockerfile without findings is kept")
	}
	for _, dir := range []string{"root", "ignored"} {
		if res.Sources[filepath.Join(root, dir, "Dockerfile")] == nil {
			t.Errorf("%s/Dockerfile: source dropped", dir)
		}
	}
	if len(res.Findings) == 0 {
		t.Fatal("no findings: the test Dockerfiles no longer say what they should")
	}
	for _, f := range res.Findings {
		if res.Sources[f.Range.File] == nil {
			t.Errorf("%s: a finding's file has no source", f.Range.File)
		}
	}

	kept := Run(Options{Paths: []string{root}, Rules: rules.All(), NoConfig: true, KeepSources: true})
	if len(kept.Sources) != 3 || kept.Files != 3 {
		t.Errorf("KeepSources: %d sources, %d files; want 3 and 3", len(kept.Sources), kept.Files)
	}
}

// A dropped source that a finding needs after all is read again.
func TestRestoreDroppedSource(t *testing.T) {
	root := writeTree(t, map[string]string{"Dockerfile": cleanDockerfile, "other/Dockerfile": cleanDockerfile})
	path, other := filepath.Join(root, "Dockerfile"), filepath.Join(root, "other", "Dockerfile")
	r := newRunner(Options{Paths: []string{root}, Rules: rules.All(), NoConfig: true})
	r.dropped = map[string]bool{path: true, other: true}
	r.restoreDropped([]rules.Finding{{Rule: rules.All()[0], Range: parser.Range{File: path}}})
	if src := r.sources[path]; src == nil || string(src.Text) != cleanDockerfile {
		t.Fatalf("source not read again: %v", src)
	}
	if r.sources[other] != nil || !r.dropped[other] {
		t.Error("a source no finding needs was read again")
	}
	if res := r.result(); res.Files != 2 {
		t.Errorf("Files = %d, want 2", res.Files)
	}
}

// Files under one configuration share one fileSettings.
func TestSettingsShared(t *testing.T) {
	root := writeTree(t, map[string]string{".dlint.yaml": "min-severity: warning\n", "a/Dockerfile": cleanDockerfile, "b/Dockerfile": cleanDockerfile})
	r := newRunner(Options{Paths: []string{root}, Rules: rules.All()})
	a, b := r.configs.settings(filepath.Join(root, "a", "Dockerfile")), r.configs.settings(filepath.Join(root, "b", "Dockerfile"))
	if a != b || a.minSeverity != rules.Warning {
		t.Errorf("settings of a and b: %p (min %v), %p", a, a.minSeverity, b)
	}
}
