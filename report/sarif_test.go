package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/dlint-dev/dlint/parser"
	"github.com/dlint-dev/dlint/rules"
)

// schemaPath is the SARIF 2.1.0 schema shipped beside the repository.
var schemaPath = filepath.Join("..", "..", "shared", "schemas", "sarif-schema-2.1.0.json")

func TestSARIFSchema(t *testing.T) {
	raw, err := os.ReadFile(schemaPath)
	if err != nil {
		t.Skipf("SARIF schema not available: %v", err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	const url = "https://json.schemastore.org/sarif-2.1.0.json"
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile(url)
	if err != nil {
		t.Fatal(err)
	}
	noErrors := goldenInput()
	noErrors.Errors = nil
	outside := goldenInput()
	outside.Findings[0].Range.File = "/elsewhere/Dockerfile"
	outside.SARIFCategory = ""
	outside.Version = "devel"
	for name, in := range map[string]*Input{"golden": goldenInput(), "no errors": noErrors, "outside root": outside, "empty": {}} {
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(render(t, "sarif", in)))
		if err != nil {
			t.Fatal(err)
		}
		if err := schema.Validate(inst); err != nil {
			t.Errorf("%s: SARIF does not validate: %v", name, err)
		}
	}
}

// sarifLog is the part of a SARIF log the tests read.
type sarifLog struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []struct {
		Tool struct {
			Driver struct {
				Name            string `json:"name"`
				SemanticVersion string `json:"semanticVersion"`
				InformationURI  string `json:"informationUri"`
				Rules           []struct {
					ID               string `json:"id"`
					Name             string `json:"name"`
					ShortDescription struct{ Text string }
					FullDescription  struct{ Text string }
					Help             struct{ Text, Markdown string }
					HelpURI          string `json:"helpUri"`
					Default          struct {
						Level string `json:"level"`
					} `json:"defaultConfiguration"`
					Properties map[string]any `json:"properties"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		OriginalURIBaseIDs map[string]struct {
			URI string `json:"uri"`
		} `json:"originalUriBaseIds"`
		Results []struct {
			RuleID    string `json:"ruleId"`
			RuleIndex int    `json:"ruleIndex"`
			Level     string `json:"level"`
			Message   struct{ Text string }
			Locations []struct {
				Physical struct {
					Artifact struct {
						URI       string `json:"uri"`
						URIBaseID string `json:"uriBaseId"`
					} `json:"artifactLocation"`
					Region struct {
						StartLine, StartColumn, EndLine, EndColumn int
					} `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
			PartialFingerprints map[string]string `json:"partialFingerprints"`
			Fixes               []struct {
				ArtifactChanges []struct {
					ArtifactLocation struct {
						URI string `json:"uri"`
					} `json:"artifactLocation"`
					Replacements []struct {
						DeletedRegion struct {
							StartLine, StartColumn, EndLine, EndColumn int
						} `json:"deletedRegion"`
						InsertedContent struct{ Text string } `json:"insertedContent"`
					} `json:"replacements"`
				} `json:"artifactChanges"`
			} `json:"fixes"`
		} `json:"results"`
		Invocations []struct {
			ExecutionSuccessful bool `json:"executionSuccessful"`
			Notifications       []struct {
				Level   string `json:"level"`
				Message struct{ Text string }
			} `json:"toolExecutionNotifications"`
		} `json:"invocations"`
		AutomationDetails struct {
			ID string `json:"id"`
		} `json:"automationDetails"`
	} `json:"runs"`
}

func readSARIF(t *testing.T, in *Input) sarifLog {
	t.Helper()
	var log sarifLog
	if err := json.Unmarshal(render(t, "sarif", in), &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("got %d runs, want 1", len(log.Runs))
	}
	return log
}

func TestSARIFContent(t *testing.T) {
	log := readSARIF(t, goldenInput())
	if log.Version != "2.1.0" || log.Schema == "" {
		t.Errorf("version %q, $schema %q", log.Version, log.Schema)
	}
	run := log.Runs[0]
	d := run.Tool.Driver
	if d.Name != "dlint" || d.SemanticVersion != "1.2.3" || d.InformationURI == "" {
		t.Errorf("driver = %q %q %q", d.Name, d.SemanticVersion, d.InformationURI)
	}
	if len(d.Rules) != 4 {
		t.Fatalf("got %d rules, want the 4 that ran", len(d.Rules))
	}
	for _, r := range d.Rules {
		if (r.Name == "") != (r.ID == "privileged") || r.ShortDescription.Text == "" || r.FullDescription.Text == "" || r.Help.Text == "" || r.Help.Markdown == "" || r.Default.Level == "" {
			t.Errorf("rule %s lacks a field: %+v", r.ID, r)
		}
		if r.HelpURI != "https://github.com/dlint-dev/dlint/blob/main/docs/rules.md#"+r.ID {
			t.Errorf("rule %s helpUri = %q", r.ID, r.HelpURI)
		}
		if r.Properties["precision"] != "high" || r.Properties["tags"] == nil {
			t.Errorf("rule %s properties = %v", r.ID, r.Properties)
		}
		_, hasScore := r.Properties["security-severity"]
		if wantScore := r.ID == "root-user" || r.ID == "privileged"; hasScore != wantScore {
			t.Errorf("rule %s: security-severity present = %v, want %v", r.ID, hasScore, wantScore)
		}
	}
	if got := d.Rules[0].Properties["security-severity"]; got != "8.0" {
		t.Errorf("error-level security rule scores %v, want 8.0", got)
	}
	if got := run.OriginalURIBaseIDs["%SRCROOT%"].URI; got != "file:///home/dev/repo/" {
		t.Errorf("%%SRCROOT%% = %q", got)
	}
	if len(run.Results) != 4 {
		t.Fatalf("got %d results, want 4", len(run.Results))
	}
	seen := map[string]bool{}
	for _, r := range run.Results {
		if d.Rules[r.RuleIndex].ID != r.RuleID {
			t.Errorf("result %s has ruleIndex %d, which is %s", r.RuleID, r.RuleIndex, d.Rules[r.RuleIndex].ID)
		}
		loc := r.Locations[0].Physical
		if loc.Artifact.URIBaseID != "%SRCROOT%" || strings.HasPrefix(loc.Artifact.URI, "/") {
			t.Errorf("result %s location %+v is not repository-relative", r.RuleID, loc.Artifact)
		}
		fp := r.PartialFingerprints[fingerprintKey]
		if fp == "" || seen[fp] {
			t.Errorf("result %s fingerprint %q missing or repeated", r.RuleID, fp)
		}
		seen[fp] = true
		if !strings.HasSuffix(r.Message.Text, ".") {
			t.Errorf("message %q does not end with a period", r.Message.Text)
		}
	}
	first := run.Results[0]
	if first.Locations[0].Physical.Artifact.URI != "app/Dockerfile" || first.Level != "warning" {
		t.Errorf("first result = %+v", first)
	}
	reg := first.Locations[0].Physical.Region
	if reg.StartLine != 3 || reg.StartColumn != 6 || reg.EndLine != 3 || reg.EndColumn != 10 {
		t.Errorf("first region = %+v, want 3:6-3:10", reg)
	}
	if len(first.Fixes) != 1 || first.Fixes[0].ArtifactChanges[0].Replacements[0].InsertedContent.Text != "10001:10001" {
		t.Errorf("fix = %+v", first.Fixes)
	}
	if run.Results[1].Level != "note" || run.Results[2].Level != "error" {
		t.Errorf("levels = %s, %s; want note, error", run.Results[1].Level, run.Results[2].Level)
	}
	inv := run.Invocations[0]
	if inv.ExecutionSuccessful || len(inv.Notifications) != 1 || inv.Notifications[0].Level != "error" {
		t.Errorf("invocation = %+v", inv)
	}
	if run.AutomationDetails.ID != "dlint/golden" {
		t.Errorf("automationDetails.id = %q", run.AutomationDetails.ID)
	}

	ok := goldenInput()
	ok.Errors = nil
	if inv := readSARIF(t, ok).Runs[0].Invocations[0]; !inv.ExecutionSuccessful || len(inv.Notifications) != 0 {
		t.Errorf("a clean run: invocation = %+v", inv)
	}
}

// TestFingerprintStable: an unrelated edit above a finding moves it, but
// its fingerprint stays; two identical lines get different fingerprints.
func TestFingerprintStable(t *testing.T) {
	rule := testRootUser
	// fingerprintsOf fingerprints the findings of rules on every USER line.
	fingerprintsOf := func(path, text string, rs ...*rules.Rule) []string {
		src := parser.NewSource(path, []byte(text))
		in := &Input{Sources: map[string]*parser.Source{path: src}}
		for n := 1; n <= src.LineCount(); n++ {
			if strings.HasPrefix(src.Line(n), "USER") {
				for _, r := range rs {
					in.Findings = append(in.Findings, rules.Finding{Rule: r, Range: src.LineRange(n, n), Message: "m"})
				}
			}
		}
		return findingFingerprints(in, func(f string) string { return f })
	}
	before := fingerprintsOf("Dockerfile", "FROM a AS one\nUSER root\nFROM b\nUSER root\n", rule)
	after := fingerprintsOf("Dockerfile", "# syntax=docker/dockerfile:1\nFROM a AS one\nRUN echo hello\n\nUSER   root\nFROM b\nUSER root\n", rule)
	if len(before) != 2 || len(after) != 2 {
		t.Fatalf("found %d and %d findings, want 2 and 2", len(before), len(after))
	}
	if before[0] == before[1] {
		t.Errorf("identical lines share a fingerprint: %s", before[0])
	}
	for i := range before {
		if before[i] != after[i] {
			t.Errorf("finding %d: fingerprint changed from %s to %s after unrelated edits", i, before[i], after[i])
		}
	}
	two := fingerprintsOf("Dockerfile", "FROM a AS one\nUSER root\n", rule, testPrivileged)
	if two[0] == two[1] {
		t.Errorf("two rules on one line share a fingerprint")
	}
	if other := fingerprintsOf("other/Dockerfile", "FROM a AS one\nUSER root\n", rule); other[0] == two[0] {
		t.Errorf("two files share a fingerprint")
	}
}

func TestSARIFOutsideRoot(t *testing.T) {
	in := goldenInput()
	in.Findings = in.Findings[:1]
	in.Findings[0].Range.File = "/elsewhere/Dockerfile"
	in.Findings[0].Fix = nil
	loc := readSARIF(t, in).Runs[0].Results[0].Locations[0].Physical.Artifact
	if loc.URI != "file:///elsewhere/Dockerfile" || loc.URIBaseID != "" {
		t.Errorf("a file outside the root: location %+v, want an absolute file URI", loc)
	}
}

func TestAutomationID(t *testing.T) {
	for in, want := range map[string]string{"": "", "dlint": "dlint/", "dlint/": "dlint/", "docker/prod/2024-05-01": "docker/prod/2024-05-01", "\tx\t": "x/"} {
		if got := automationID(in); got != want {
			t.Errorf("automationID(%q) = %q, want %q", in, got, want)
		}
	}
}

// An edit that names no file changes the finding's own file.
func TestSARIFFixEditInFindingsFile(t *testing.T) {
	in := goldenInput()
	f := &in.Findings[0]
	edit := f.Fix.Edits[0]
	edit.Range.File = ""
	f.Fix = &rules.Fix{Description: f.Fix.Description, Edits: []rules.Edit{edit}}
	res := readSARIF(t, in).Runs[0].Results[0]
	want := res.Locations[0].Physical.Artifact.URI
	if changes := res.Fixes[0].ArtifactChanges; len(changes) != 1 || changes[0].ArtifactLocation.URI != want {
		t.Errorf("artifact changes: %+v, want one for %s", changes, want)
	}
}

// TestSARIFStreamsTheWholeLog checks that SARIF, which writes a result at a
// time, writes the log that encoding it as one document writes: with
// results and errors, with either alone, with neither, and with a result
// whose rule is not among those that ran.
func TestSARIFStreamsTheWholeLog(t *testing.T) {
	full := goldenInput()
	stray := goldenInput()
	stray.Rules = stray.Rules[:1]
	for name, in := range map[string]*Input{
		"both":          full,
		"findings only": {Findings: full.Findings, Sources: full.Sources, Rules: full.Rules, Root: full.Root, WorkDir: full.WorkDir},
		"errors only":   {Errors: full.Errors, Rules: full.Rules},
		"neither":       {},
		"stray rule":    stray,
	} {
		b, log := newSARIFLog(in)
		for i, f := range in.Findings {
			log.Runs[0].Results = append(log.Runs[0].Results, b.result(f, b.fingerprints[i]))
		}
		var want, got bytes.Buffer
		doc, err := sarifTree(log)
		if err != nil {
			t.Fatal(err)
		}
		if err := encodeSARIF(&want, "", doc); err != nil {
			t.Fatal(err)
		}
		if err := SARIF(&got, in); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%s: SARIF wrote\n%s\nthe whole log is\n%s", name, got.String(), want.String())
		}
	}
}
