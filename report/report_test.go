package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dlint-dev/dlint/parser"
	"github.com/dlint-dev/dlint/rules"
)

var update = flag.Bool("update", false, "rewrite testdata/golden/*.golden")

// Test rules, fixed here so the golden files change only when a format
// does, never when a real rule's wording does.
var (
	testRootUser = &rules.Rule{
		ID: "root-user", Aliases: []string{"DL3002"}, Severity: rules.Warning,
		Tags:    []string{rules.TagSecurity, rules.TagDockerfile, rules.TagCompose},
		Summary: "The container runs as root",
		Doc: "## Why\nRoot in a container is root on the host's kernel.\n\n## Bad\n```dockerfile\n# runs as root\nUSER root\n```\n\n" +
			"## Good\n```dockerfile\nUSER 10001:10001\n```\n\n## Silence\n`# dlint ignore=root-user` above the line.",
	}
	testShellForm = &rules.Rule{
		ID: "shell-form-entrypoint", Severity: rules.Info,
		Tags:    []string{rules.TagPID1, rules.TagDockerfile},
		Summary: "A shell runs as PID 1 and does not forward signals",
		Doc:     "## Why\nThe shell swallows SIGTERM.\n\n## Bad\n```dockerfile\nENTRYPOINT app --serve\n```\n\n## Good\n```dockerfile\nENTRYPOINT [\"app\", \"--serve\"]\n```\n\n## Silence\n`# dlint ignore=shell-form-entrypoint`.",
	}
	testPrivileged = &rules.Rule{
		ID: "privileged", Severity: rules.Error,
		Tags:    []string{rules.TagSecurity, rules.TagCompose},
		Summary: "A service runs privileged",
		Doc:     "## Why\nA privileged container can take over the host.\n\n## Bad\n```yaml\nprivileged: true\n```\n\n## Good\n```yaml\ncap_add: [NET_ADMIN]\n```\n\n## Silence\n`# dlint ignore=privileged`.",
	}
	testUnused = &rules.Rule{
		ID: "style-only", Severity: rules.Style, Tags: []string{rules.TagBestPractice},
		Summary: "A rule that ran and found nothing",
		Doc:     "## Why\nIt is listed because it ran.\n\n## Bad\n```dockerfile\nFROM x\n```\n\n## Good\n```dockerfile\nFROM x\n```\n\n## Silence\nNothing to silence.",
	}
)

const (
	goldenDockerfile = "FROM debian:12-slim\nRUN useradd -u 10001 app\nUSER root\nENTRYPOINT app --serve\n"
	goldenCompose    = "services:\n  web:\n    image: nginx:1.27\n    privileged: true\n    user: root\n"
)

// goldenInput is a fixed run: findings in two files (one with a fix), one
// file that failed to parse, and messages with the characters each format
// must escape.
func goldenInput() *Input {
	df := parser.NewSource("Dockerfile", []byte(goldenDockerfile))
	cf := parser.NewSource("deploy/compose.yaml", []byte(goldenCompose))
	rng := func(file string, line, col, endCol int) parser.Range {
		return parser.Range{File: file, Start: parser.Pos{Line: line, Col: col}, End: parser.Pos{Line: line, Col: endCol}}
	}
	return &Input{
		Findings: []rules.Finding{
			{
				Rule: testRootUser, Severity: rules.Warning, Range: rng("Dockerfile", 3, 6, 10),
				Message: "USER root makes final stage 'app' run as root; add `USER 10001:10001` after installing packages",
				Fix: &rules.Fix{Description: "switch to UID 10001", Edits: []rules.Edit{
					{Range: rng("Dockerfile", 3, 6, 10), NewText: "10001:10001"},
				}, Unsafe: true},
			},
			{
				Rule: testShellForm, Severity: rules.Info, Range: rng("Dockerfile", 4, 12, 23),
				Message: "ENTRYPOINT in shell form runs `/bin/sh -c \"app --serve\"` as PID 1: 100% of SIGTERMs are lost, so use exec form",
			},
			{
				Rule: testPrivileged, Severity: rules.Error, Range: rng("deploy/compose.yaml", 4, 17, 21),
				Message: "service web runs privileged (`privileged: true`), which gives it every capability <and> all devices",
			},
			{
				Rule: testRootUser, Severity: rules.Warning, Range: rng("deploy/compose.yaml", 5, 11, 15),
				Message: "web runs as root (`user: root`);\nset `user: \"10001:10001\"`",
				// A fix that edits another file too.
				Fix: &rules.Fix{Description: "run as the image's user, UID 10001", Edits: []rules.Edit{
					{Range: parser.Range{File: "deploy/compose.yaml", Start: parser.Pos{Line: 5, Col: 1}, End: parser.Pos{Line: 6, Col: 1}}},
					{Range: rng("Dockerfile", 3, 6, 10), NewText: "10001:10001"},
				}, Unsafe: true},
			},
		},
		Errors: []FileError{
			{Path: "broken/Dockerfile", Line: 2, Col: 1, Msg: "cannot parse: unknown instruction: FRM"},
		},
		Sources:       map[string]*parser.Source{df.Path: df, cf.Path: cf},
		Rules:         []*rules.Rule{testPrivileged, testRootUser, testShellForm, testUnused},
		Files:         3,
		Version:       "1.2.3",
		SARIFCategory: "dlint/golden",
		WorkDir:       "/home/dev/repo/app",
		Root:          "/home/dev/repo",
	}
}

func render(t *testing.T, format string, in *Input) []byte {
	t.Helper()
	f, ok := Lookup(format)
	if !ok {
		t.Fatalf("format %q is not registered", format)
	}
	var buf bytes.Buffer
	if err := f(&buf, in); err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	return buf.Bytes()
}

// TestGolden renders the fixed input in every format and compares it with
// testdata/golden/<format>.golden; `go test ./report -update` rewrites them.
func TestGolden(t *testing.T) {
	if filepath.Separator != '/' {
		t.Skip("the golden paths are POSIX paths")
	}
	for _, format := range Names() {
		t.Run(format, func(t *testing.T) {
			got := render(t, format, goldenInput())
			if again := render(t, format, goldenInput()); !bytes.Equal(got, again) {
				t.Fatalf("%s output differs between two renderings of the same input", format)
			}
			path := filepath.Join("testdata", "golden", format+".golden")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run `go test ./report -update` to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s output differs from %s (run `go test ./report -update` if the change is intended)\n--- got ---\n%s", format, path, got)
			}
		})
	}
}

func TestEveryFormatParses(t *testing.T) {
	for _, format := range []string{"json", "sarif", "gitlab"} {
		var v any
		if err := json.Unmarshal(render(t, format, goldenInput()), &v); err != nil {
			t.Errorf("%s is not JSON: %v", format, err)
		}
	}
	var doc checkstyleDoc
	if err := xml.Unmarshal(render(t, "checkstyle", goldenInput()), &doc); err != nil {
		t.Fatalf("checkstyle is not XML: %v", err)
	}
	if len(doc.Files) != 3 {
		t.Errorf("checkstyle has %d files, want 3", len(doc.Files))
	}
	for _, f := range doc.Files {
		for _, e := range f.Errors {
			if f.Name == "deploy/compose.yaml" && e.Line == 5 && !strings.Contains(e.Message, "\n") {
				t.Errorf("checkstyle lost the newline of a message: %q", e.Message)
			}
		}
	}
}

func TestEmptyInput(t *testing.T) {
	for _, format := range Names() {
		in := &Input{WorkDir: "/r", Root: "/r", Version: "1.0.0"}
		out := render(t, format, in)
		switch format {
		case "github":
			if len(out) != 0 {
				t.Errorf("github: want no output for no findings, got %q", out)
			}
		case "json", "sarif", "gitlab":
			var v any
			if err := json.Unmarshal(out, &v); err != nil {
				t.Errorf("%s: %v", format, err)
			}
		}
	}
}

func TestGitHubEscaping(t *testing.T) {
	if got, want := escapeProperty("a%b:c,d\r\ne"), "a%25b%3Ac%2Cd%0D%0Ae"; got != want {
		t.Errorf("escapeProperty = %q, want %q", got, want)
	}
	if got, want := escapeData("50%: a,b\nc"), "50%25: a,b%0Ac"; got != want {
		t.Errorf("escapeData = %q, want %q", got, want)
	}
	out := string(render(t, "github", goldenInput()))
	for _, want := range []string{
		"::warning file=app/Dockerfile,line=3,col=6,endLine=3,endColumn=10,title=dlint (root-user)::USER root",
		"::notice file=app/Dockerfile,line=4,",
		"::error file=app/deploy/compose.yaml,line=4,",
		"::error file=app/broken/Dockerfile,line=2,col=1,title=dlint (file error)::cannot parse: unknown instruction: FRM\n",
		"100%25 of SIGTERMs",
		"(`user: root`);%0Aset",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("github output lacks %q:\n%s", want, out)
		}
	}
	if n := strings.Count(out, "\n"); n != 5 {
		t.Errorf("github output has %d lines, want 5 (one per finding and error)", n)
	}
}

func TestGitLab(t *testing.T) {
	var issues []gitlabIssue
	if err := json.Unmarshal(render(t, "gitlab", goldenInput()), &issues); err != nil {
		t.Fatal(err)
	}
	if len(issues) != 5 {
		t.Fatalf("got %d issues, want 5", len(issues))
	}
	seen := map[string]bool{}
	sev := map[string]string{}
	for _, is := range issues {
		if seen[is.Fingerprint] {
			t.Errorf("duplicate fingerprint %s", is.Fingerprint)
		}
		seen[is.Fingerprint] = true
		if strings.HasPrefix(is.Location.Path, "/") || is.Location.Lines.Begin < 1 {
			t.Errorf("bad location %+v", is.Location)
		}
		sev[is.CheckName] = is.Severity
	}
	for check, want := range map[string]string{"privileged": "blocker", "root-user": "major", "shell-form-entrypoint": "minor", "file-error": "critical"} {
		if sev[check] != want {
			t.Errorf("%s severity = %q, want %q", check, sev[check], want)
		}
	}
}

func TestPaths(t *testing.T) {
	p := paths{dir: "/repo/app", root: "/repo"}
	for _, tc := range []struct {
		path, rel string
		inside    bool
	}{
		{"Dockerfile", "app/Dockerfile", true},
		{"../compose.yaml", "compose.yaml", true},
		{"/repo/x/Dockerfile", "x/Dockerfile", true},
		{"/elsewhere/Dockerfile", "/elsewhere/Dockerfile", false},
		{"../../up/Dockerfile", "../../up/Dockerfile", false},
	} {
		rel, inside := p.rel(tc.path)
		if rel != tc.rel || inside != tc.inside {
			t.Errorf("rel(%q) = %q, %v; want %q, %v", tc.path, rel, inside, tc.rel, tc.inside)
		}
	}
	if got, want := relativeURI("a dir/Dockerfile"), "a%20dir/Dockerfile"; got != want {
		t.Errorf("relativeURI = %q, want %q", got, want)
	}
	if got, want := fileURI("/home/dev/my repo", true), "file:///home/dev/my%20repo/"; got != want {
		t.Errorf("fileURI = %q, want %q", got, want)
	}
}

func TestRepoRoot(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "a", "b")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if got := repoRoot(sub); got != sub {
		t.Errorf("outside a repository: repoRoot = %q, want the directory itself %q", got, sub)
	}
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	if got := repoRoot(sub); got != dir {
		t.Errorf("repoRoot = %q, want %q", got, dir)
	}
	in := &Input{WorkDir: sub}
	if p := newPaths(in); p.root != dir {
		t.Errorf("newPaths root = %q, want %q", p.root, dir)
	}
}

func TestRuleName(t *testing.T) {
	for id, want := range map[string]string{"root-user": "RootUser", "shell-form-entrypoint": "ShellFormEntrypoint", "x": "X"} {
		if got := RuleName(id); got != want {
			t.Errorf("RuleName(%q) = %q, want %q", id, got, want)
		}
	}
}

func TestDocHelpers(t *testing.T) {
	doc := testRootUser.Doc
	if got := docSection(doc, "Why"); got != "Root in a container is root on the host's kernel." {
		t.Errorf("docSection(Why) = %q", got)
	}
	// A "# comment" inside a code fence is not a heading.
	if got := docSection(doc, "Bad"); !strings.Contains(got, "# runs as root") {
		t.Errorf("docSection(Bad) = %q", got)
	}
	text := markdownToText(doc)
	if strings.Contains(text, "```") || !strings.Contains(text, "Why:") || !strings.Contains(text, "    USER root") {
		t.Errorf("markdownToText:\n%s", text)
	}
}

func TestPlural(t *testing.T) {
	for n, want := range map[int]string{0: "0 files", 1: "1 file", 2: "2 files"} {
		if got := Plural(n, "file"); got != want {
			t.Errorf("Plural(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestTextSummaryHidden(t *testing.T) {
	for _, c := range []struct {
		hidden Hidden
		want   string
	}{
		{Hidden{}, "no problems found in 2 files\n"},
		{Hidden{Baseline: 3, Ignores: 2}, "no problems found in 2 files; 3 hidden by the baseline, 2 by ignore comments\n"},
		{Hidden{Ignores: 1, Severity: 4}, "no problems found in 2 files; 1 hidden by an ignore comment, 4 below min-severity\n"},
		{Hidden{Severity: 1}, "no problems found in 2 files; 1 hidden below min-severity\n"},
	} {
		var b strings.Builder
		if err := Text(&b, &Input{Files: 2, Hidden: c.hidden}); err != nil {
			t.Fatal(err)
		}
		if b.String() != c.want {
			t.Errorf("%+v: got %q, want %q", c.hidden, b.String(), c.want)
		}
	}
}

// TestJSONStreamsTheEncodersDocument checks that JSON, which writes a
// finding at a time, writes what json.Encoder writes for the whole jsonDoc:
// with findings and errors, with either alone, and with neither.
func TestJSONStreamsTheEncodersDocument(t *testing.T) {
	full := goldenInput()
	for name, in := range map[string]*Input{
		"both":          full,
		"findings only": {Findings: full.Findings},
		"errors only":   {Errors: full.Errors},
		"neither":       {},
	} {
		doc := jsonDoc{Findings: []jsonFinding{}, Errors: []jsonError{}}
		for _, f := range in.Findings {
			doc.Findings = append(doc.Findings, toJSONFinding(f))
		}
		for _, e := range in.Errors {
			doc.Errors = append(doc.Errors, jsonError{File: e.Path, Line: e.Line, Column: e.Col, Message: e.Msg})
		}
		var want, got bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetIndent("", "  ")
		if err := enc.Encode(doc); err != nil {
			t.Fatal(err)
		}
		if err := JSON(&got, in); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%s: JSON wrote\n%s\njson.Encoder writes\n%s", name, got.String(), want.String())
		}
	}
}

// TestGitLabStreamsTheEncodersDocument checks that GitLab, which writes an
// issue at a time, writes what json.Encoder writes for the whole array of
// the issues it wrote.
func TestGitLabStreamsTheEncodersDocument(t *testing.T) {
	full := goldenInput()
	for name, in := range map[string]*Input{
		"both":          full,
		"findings only": {Findings: full.Findings},
		"neither":       {},
	} {
		var got, want bytes.Buffer
		if err := GitLab(&got, in); err != nil {
			t.Fatal(err)
		}
		issues := []gitlabIssue{}
		if err := json.Unmarshal(got.Bytes(), &issues); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(issues) != len(in.Findings)+len(in.Errors) {
			t.Errorf("%s: %d issues", name, len(issues))
		}
		enc := json.NewEncoder(&want)
		enc.SetIndent("", "  ")
		if err := enc.Encode(issues); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%s: GitLab wrote\n%s\njson.Encoder writes\n%s", name, got.String(), want.String())
		}
	}
}
