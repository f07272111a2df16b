package lint

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dlint-dev/dlint/rules"
)

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestBaseline records findings, then edits the files: lines inserted above
// a finding, a finding moved to another place, a new finding, a fixed one.
func TestBaseline(t *testing.T) {
	pool := ruleSet(t, "root-user", "sudo", "unused-ignore")
	root := writeTree(t, map[string]string{
		"app/Dockerfile":  "FROM debian:12-slim\nRUN sudo make install\nRUN sudo make test\nUSER root\nCMD [\"app\"]\n",
		"tool/Dockerfile": "FROM debian:12-slim\nRUN sudo true\nUSER 10001\n",
	})
	baseline := filepath.Join(root, ".dlint-baseline.json")
	run := func(opts Options) *Result {
		t.Helper()
		opts.Paths, opts.Rules, opts.NoConfig = []string{root}, pool, true
		res := Run(opts)
		if len(res.Errors) > 0 {
			t.Fatalf("errors: %v", errorLines(root, res))
		}
		return res
	}
	first := run(Options{})
	if len(first.Findings) != 4 {
		t.Fatalf("want 4 findings to record, got %v", summary(root, first))
	}
	var buf bytes.Buffer
	if err := WriteBaseline(&buf, first, root); err != nil {
		t.Fatal(err)
	}
	writeFile(t, baseline, buf.String())
	if !strings.Contains(buf.String(), `"file":"app/Dockerfile"`) {
		t.Errorf("paths are not relative to the baseline's directory:\n%s", buf.String())
	}

	sameList(t, "unchanged", summary(root, run(Options{Baseline: baseline})), nil)

	// Lines inserted above, the instructions re-indented and reordered.
	writeFile(t, filepath.Join(root, "app", "Dockerfile"),
		"# syntax=docker/dockerfile:1\nFROM debian:12-slim\nARG VERSION=1\n\nRUN   sudo make test\nRUN sudo make install\n\nUSER root\nCMD [\"app\"]\n")
	sameList(t, "moved", summary(root, run(Options{Baseline: baseline})), nil)

	// A new finding on a new line is reported; a copy of a recorded line is
	// reported once (the recorded one is matched by its occurrence).
	writeFile(t, filepath.Join(root, "tool", "Dockerfile"), "FROM debian:12-slim\nRUN sudo true\nRUN sudo apt-get install -y curl\nRUN sudo true\nUSER 10001\n")
	sameList(t, "new", summary(root, run(Options{Baseline: baseline})), []string{"tool/Dockerfile:3 sudo warning", "tool/Dockerfile:4 sudo warning"})

	// The root-user finding is fixed: its entry is stale, reported only
	// with --report-unused-ignores, on the baseline file.
	writeFile(t, filepath.Join(root, "app", "Dockerfile"), "FROM debian:12-slim\nRUN sudo make install\nRUN sudo make test\nUSER 10001\nCMD [\"app\"]\n")
	writeFile(t, filepath.Join(root, "tool", "Dockerfile"), "FROM debian:12-slim\nRUN sudo true\nUSER 10001\n")
	sameList(t, "fixed", summary(root, run(Options{Baseline: baseline})), nil)
	res := run(Options{Baseline: baseline, ReportUnusedIgnores: true})
	sameList(t, "stale", summary(root, res), []string{".dlint-baseline.json:6 unused-ignore info"})
	if len(res.Findings) == 1 {
		msg := res.Findings[0].Message
		if !strings.Contains(msg, "root-user in app/Dockerfile (recorded at line 4)") {
			t.Errorf("stale message: %s", msg)
		}
		if res.Sources[res.Findings[0].Range.File] == nil {
			t.Error("the baseline's source is missing, so no snippet can be shown")
		}
	}
	// Entries of files this run did not lint are not stale.
	res = Run(Options{Paths: []string{filepath.Join(root, "tool")}, Rules: pool, NoConfig: true, Baseline: baseline, ReportUnusedIgnores: true})
	sameList(t, "other files", summary(root, res), nil)
	// Nor are entries of rules that did not run.
	res = run(Options{Baseline: baseline, ReportUnusedIgnores: true, Disable: ruleSet(t, "root-user")})
	sameList(t, "rule off", summary(root, res), nil)
	// Recorded findings are what a new baseline holds: the run before
	// --baseline filtering.
	if len(res.Recorded) != 3 {
		t.Errorf("recorded: %d", len(res.Recorded))
	}
}

func TestParseBaselineErrors(t *testing.T) {
	cases := map[string]string{
		`[]`:                             "b.json:1:2: invalid baseline: want a JSON object",
		`{"version": 2, "findings": []}`: "version 2 is not supported",
		`{"findings": []}`:               "no version",
		`{"version": 1, "extra": 1}`:     `unknown key extra`,
		"{\"version\": 1,\n \"findings\": [{\"rule\": \"root-user\"}]}":                            "b.json:2:", // needs file and fingerprint
		`{"version": 1, "findings": [{"rule": "a", "file": "b", "fingerprint": "c", "color": 1}]}`: `unknown field "color"`,
	}
	for text, want := range cases {
		_, err := ParseBaseline("b.json", []byte(text))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s:\n got %v\nwant …%s…", text, err, want)
		}
	}
	b, err := ParseBaseline("b.json", []byte("{\"version\": 1, \"findings\": []}"))
	if err != nil || len(b.Entries) != 0 {
		t.Errorf("empty baseline: %v", err)
	}
	res := Run(Options{Paths: []string{t.TempDir()}, Baseline: filepath.Join(t.TempDir(), "none.json"), Rules: []*rules.Rule{rules.RootUser}})
	if len(res.Errors) != 1 || !strings.Contains(res.Errors[0].Msg, "cannot read baseline") {
		t.Errorf("missing baseline: %v", res.Errors)
	}
}

func TestBaselineRoundTrip(t *testing.T) {
	b := &Baseline{Entries: []*BaselineEntry{
		{Rule: "root-user", File: "a/Dockerfile", Line: 3, Fingerprint: "f1", Message: "m \"quoted\""},
		{Rule: "sudo", File: "b/Dockerfile", Line: 9, Fingerprint: "f2"},
	}}
	var buf bytes.Buffer
	if _, err := b.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := ParseBaseline("x.json", buf.Bytes())
	if err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	if len(back.Entries) != 2 || back.Entries[0].at != 4 || back.Entries[1].at != 5 || back.Entries[0].Message != `m "quoted"` {
		t.Errorf("round trip:\n%s\n%+v %+v", buf.String(), back.Entries[0], back.Entries[1])
	}
	var empty bytes.Buffer
	if _, err := (&Baseline{}).WriteTo(&empty); err != nil || empty.String() != "{\n  \"version\": 1,\n  \"findings\": []\n}\n" {
		t.Errorf("empty: %q %v", empty.String(), err)
	}
}
