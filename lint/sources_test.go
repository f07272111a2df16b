package lint

import (
	"path/filepath"
	"strings"
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
	r.restoreNeeded([]rules.Finding{{Rule: rules.All()[0], Range: parser.Range{File: path, Start: parser.Pos{Line: 2, Col: 1}}}})
	if src := r.sources[path]; src == nil || src.Line(2) != "COPY --chown=65532:65532 app /app" {
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

// A source with findings is cut down to the lines their report reads:
// each finding's lines say what the whole file says, with and without
// KeepSources; with WholeSources (--fix) or KeepSources it stays whole.
func TestRunExcerptsSourcesForTheReport(t *testing.T) {
	long := "FROM ubuntu:24.04\n" + strings.Repeat("# filler\n", 40) + "RUN apt-get install -y curl\n" + strings.Repeat("# filler\n", 40) + "CMD [\"sleep\", \"1\"]\n"
	// unused/: a finding, and an ignore comment unused-ignore reports.
	unused := "FROM ubuntu:24.04\n" + strings.Repeat("# filler\n", 10) + "# dlint ignore=missing-user\nLABEL a=b\n" + strings.Repeat("# filler\n", 10) + "CMD [\"sleep\", \"1\"]\n"
	root := writeTree(t, map[string]string{"a/Dockerfile": long, "ignored/Dockerfile": ignoredDockerfile, "unused/Dockerfile": unused})
	whole := Run(Options{Paths: []string{root}, Rules: rules.All(), NoConfig: true, KeepSources: true, ReportUnusedIgnores: true})
	cut := Run(Options{Paths: []string{root}, Rules: rules.All(), NoConfig: true, ReportUnusedIgnores: true})
	sawUnused := false
	for _, f := range cut.Findings {
		sawUnused = sawUnused || f.Rule.ID == rules.UnusedIgnore.ID && f.Range.Start.Line == 12
	}
	if !sawUnused {
		t.Error("unused/Dockerfile: no unused-ignore finding at line 12")
	}
	path := filepath.Join(root, "a", "Dockerfile")
	if src := cut.Sources[path]; !src.IsExcerpt() || src.LineCount() != whole.Sources[path].LineCount() {
		t.Fatalf("a/Dockerfile: excerpt %v, want one of %d lines", src.IsExcerpt(), whole.Sources[path].LineCount())
	}
	if len(cut.Findings) == 0 || len(cut.Findings) != len(whole.Findings) {
		t.Fatalf("%d findings, %d with KeepSources", len(cut.Findings), len(whole.Findings))
	}
	for _, f := range cut.Findings {
		for _, n := range appendReportLines(nil, f.Range) {
			if got, want := cut.Sources[f.Range.File].Line(n), whole.Sources[f.Range.File].Line(n); got != want {
				t.Errorf("%s:%d: excerpt has %q, the file %q", f.Range.File, n, got, want)
			}
		}
	}
	if cut.Sources[path].Line(20) != "" {
		t.Error("a line no finding reads is kept")
	}
	for _, opts := range []Options{{WholeSources: true}, {KeepSources: true}} {
		opts.Paths, opts.Rules, opts.NoConfig = []string{root}, rules.All(), true
		if src := Run(opts).Sources[path]; src == nil || src.IsExcerpt() || string(src.Text) != long {
			t.Errorf("WholeSources %v KeepSources %v: source not whole", opts.WholeSources, opts.KeepSources)
		}
	}
}

// A finding that lands in an excerpt on a line it does not hold has the
// file read again; one on a line it holds does not.
func TestRestoreNeededExcerpt(t *testing.T) {
	text := "FROM scratch\n" + strings.Repeat("# filler\n", 20) + "USER 65532\n"
	root := writeTree(t, map[string]string{"Dockerfile": text})
	path := filepath.Join(root, "Dockerfile")
	r := newRunner(Options{Paths: []string{root}, Rules: rules.All(), NoConfig: true})
	ex := parser.NewSource(path, []byte(text)).Excerpt([]int{1, 2, 3})
	r.sources[path] = ex
	at := func(line int) []rules.Finding {
		return []rules.Finding{{Rule: rules.All()[0], Range: parser.Range{File: path, Start: parser.Pos{Line: line, Col: 1}, End: parser.Pos{Line: line, Col: 2}}}}
	}
	r.restoreNeeded(at(1))
	if r.sources[path] != ex {
		t.Fatal("read again for a line the excerpt holds")
	}
	r.restoreNeeded(at(22))
	if src := r.sources[path]; src.Line(22) != "USER 65532" {
		t.Fatalf("not read again for line 22: %q", src.Line(22))
	}
	r.opts.WholeSources = true // --fix: read again whole
	r.sources[path] = ex
	r.restoreNeeded(at(22))
	if src := r.sources[path]; src.IsExcerpt() || string(src.Text) != text {
		t.Fatalf("WholeSources: not read again whole: excerpt %v", src.IsExcerpt())
	}
}

// An entrypoint script's ignore comments are read when it is parsed; the
// run keeps of its text only the lines its findings are reported on: one
// of a service's check, and an unused-ignore found at the end.
func TestScriptKeepsSuppressionsNotText(t *testing.T) {
	dockerfile := "FROM debian:12-slim\nCOPY entrypoint.sh /entrypoint.sh\nUSER 10001\nENTRYPOINT [\"/entrypoint.sh\"]\nCMD [\"app\"]\n"
	script := "#!/bin/sh\n# dlint ignore=entrypoint-script-missing-exec\necho starting\n" + strings.Repeat("# filler\n", 20) + "\"$@\"\n"
	root := writeTree(t, map[string]string{"Dockerfile": dockerfile, "entrypoint.sh": script})
	path := filepath.Join(root, "entrypoint.sh")
	res := Run(Options{Paths: []string{root}, Rules: rules.All(), NoConfig: true, ReportUnusedIgnores: true})
	var lines []int
	for _, f := range res.Findings {
		if f.Range.File == path {
			lines = append(lines, f.Range.Start.Line)
		}
	}
	if len(lines) != 2 || lines[0] != 2 || lines[1] != 24 {
		t.Fatalf("findings in entrypoint.sh at %v, want the unused ignore (2) and the missing exec (24)", lines)
	}
	src := res.Sources[path]
	if !src.IsExcerpt() || src.Line(2) != "# dlint ignore=entrypoint-script-missing-exec" || src.Line(24) != `"$@"` || src.Line(10) != "" {
		t.Errorf("entrypoint.sh: excerpt %v, lines 2 %q, 24 %q, 10 %q", src.IsExcerpt(), src.Line(2), src.Line(24), src.Line(10))
	}
	// Silenced: the suppression read at parse time still applies.
	script = "#!/bin/sh\n# dlint ignore=entrypoint-script-missing-exec\n\"$@\"\n"
	root = writeTree(t, map[string]string{"Dockerfile": dockerfile, "entrypoint.sh": script})
	res = Run(Options{Paths: []string{root}, Rules: rules.All(), NoConfig: true})
	if res.Hidden.Ignores != 1 {
		t.Errorf("Hidden.Ignores = %d, want 1", res.Hidden.Ignores)
	}
	for _, f := range res.Findings {
		if f.Range.File == filepath.Join(root, "entrypoint.sh") {
			t.Errorf("silenced finding reported: %s", f.Rule.ID)
		}
	}
}
