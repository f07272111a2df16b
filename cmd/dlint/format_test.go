package main

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/dlint-dev/dlint/report"
	"github.com/dlint-dev/dlint/rules"
)

// manyFindings writes n Dockerfiles that each run as root, so a run
// reports n findings and every format's output is far above 64 KiB.
func manyFindings(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	for i := range n {
		sub := filepath.Join(dir, fmt.Sprintf("svc%04d", i))
		if err := os.Mkdir(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		df := fmt.Sprintf("FROM debian:12-slim\nRUN useradd -u 10001 app%d\nUSER root\nCMD [\"/usr/local/bin/app\", \"--id=%d\"]\n", i, i)
		if err := os.WriteFile(filepath.Join(sub, "Dockerfile"), []byte(df), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// countFindings parses a whole document in format and counts its findings;
// it fails on anything truncated.
func countFindings(t *testing.T, format string, out []byte) int {
	t.Helper()
	switch format {
	case "json":
		var doc struct{ Findings []json.RawMessage }
		if err := json.Unmarshal(out, &doc); err != nil {
			t.Fatalf("json output (%d bytes) does not parse: %v", len(out), err)
		}
		return len(doc.Findings)
	case "sarif":
		var doc struct {
			Runs []struct{ Results []json.RawMessage }
		}
		if err := json.Unmarshal(out, &doc); err != nil || len(doc.Runs) != 1 {
			t.Fatalf("sarif output (%d bytes) does not parse: %v", len(out), err)
		}
		return len(doc.Runs[0].Results)
	case "gitlab":
		var issues []json.RawMessage
		if err := json.Unmarshal(out, &issues); err != nil {
			t.Fatalf("gitlab output (%d bytes) does not parse: %v", len(out), err)
		}
		return len(issues)
	case "checkstyle":
		var doc struct {
			Files []struct {
				Errors []struct{} `xml:"error"`
			} `xml:"file"`
		}
		if err := xml.Unmarshal(out, &doc); err != nil {
			t.Fatalf("checkstyle output (%d bytes) does not parse: %v", len(out), err)
		}
		n := 0
		for _, f := range doc.Files {
			n += len(f.Errors)
		}
		return n
	case "github":
		return strings.Count(string(out), "::warning ")
	case "text":
		if !bytes.HasSuffix(out, []byte("in 400 files\n")) {
			t.Fatalf("text output lacks its closing summary: …%q", out[max(0, len(out)-200):])
		}
		return strings.Count(string(out), "warning [root-user]")
	}
	t.Fatalf("no parser for format %q", format)
	return 0
}

// TestLargeOutputThroughPipe runs Main with standard output on an os.Pipe,
// as `dlint … | jq` does, and checks every format arrives whole: some
// linters lose everything past 64 KiB when stdout is a pipe.
func TestLargeOutputThroughPipe(t *testing.T) {
	const n = 400
	dir := manyFindings(t, n)
	for _, format := range report.Names() {
		t.Run(format, func(t *testing.T) {
			r, w, err := os.Pipe()
			if err != nil {
				t.Fatal(err)
			}
			done := make(chan []byte)
			go func() {
				data, _ := io.ReadAll(r)
				r.Close()
				done <- data
			}()
			var stderr bytes.Buffer
			code := Main([]string{"--no-color", "--format", format, dir}, nil, w, &stderr)
			w.Close()
			out := <-done
			if code != exitFindings {
				t.Fatalf("exit status %d, want %d; stderr: %s", code, exitFindings, stderr.String())
			}
			if format != "github" && len(out) <= 64<<10 {
				t.Fatalf("%s output is only %d bytes; the test needs more than 64 KiB", format, len(out))
			}
			if got := countFindings(t, format, out); got != n {
				t.Errorf("%s: %d findings arrived through the pipe, want %d", format, got, n)
			}
		})
	}
}

// TestLargeOutputThroughPipeSubprocess does the same with a separate dlint
// process (the test binary, which testscript.Main puts on PATH as dlint),
// so the pipe is the real standard output of a process that exits.
func TestLargeOutputThroughPipeSubprocess(t *testing.T) {
	bin, err := exec.LookPath("dlint")
	if err != nil {
		t.Skipf("no dlint on PATH: %v", err)
	}
	const n = 400
	dir := manyFindings(t, n)
	for _, format := range []string{"sarif", "json", "gitlab"} {
		cmd := exec.Command(bin, "--format", format, ".")
		cmd.Dir = dir
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		out, err := io.ReadAll(stdout)
		if err != nil {
			t.Fatal(err)
		}
		err = cmd.Wait()
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != exitFindings {
			t.Fatalf("%s: dlint exited with %v, want status %d", format, err, exitFindings)
		}
		if got := countFindings(t, format, out); got != n {
			t.Errorf("%s: %d findings arrived through the pipe, want %d", format, got, n)
		}
	}
}

// TestOutputFile: --output writes the whole report to a file and nothing
// to standard output.
func TestOutputFile(t *testing.T) {
	dir := manyFindings(t, 50)
	out := filepath.Join(t.TempDir(), "dlint.sarif")
	var stdout, stderr bytes.Buffer
	if code := Main([]string{"--format", "sarif", "--output", out, "--sarif-category", "docker/", dir}, nil, &stdout, &stderr); code != exitFindings {
		t.Fatalf("exit status %d; stderr: %s", code, stderr.String())
	}
	if stdout.Len() != 0 {
		t.Errorf("stdout is not empty with --output: %q", stdout.String())
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if got := countFindings(t, "sarif", data); got != 50 {
		t.Errorf("%d results, want 50", got)
	}
	if !bytes.Contains(data, []byte(`"id": "docker/"`)) {
		t.Errorf("--sarif-category did not set automationDetails.id")
	}
}

// TestSARIFOfEveryRuleValidates lints every rule's testdata and the example
// project, so each rule's findings and fixes pass through the SARIF
// writer, and validates the log against the SARIF 2.1.0 schema.
func TestSARIFOfEveryRuleValidates(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "schemas", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Skipf("SARIF schema not available: %v", err)
	}
	schemaDoc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("sarif.json", schemaDoc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("sarif.json")
	if err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	Main([]string{"--format", "sarif", "--enable", strings.Join(allRuleIDs(), ","), "../../rules/testdata", "../../testdata/examples"}, nil, &stdout, &stderr)
	if countFindings(t, "sarif", stdout.Bytes()) == 0 {
		t.Fatalf("no results; stderr: %s", stderr.String())
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(stdout.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(inst); err != nil {
		t.Errorf("SARIF does not validate: %v", err)
	}
}

func allRuleIDs() []string {
	var ids []string
	for _, r := range rules.All() {
		ids = append(ids, r.ID)
	}
	return ids
}
