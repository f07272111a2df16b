package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// repoFile is a file at the repository root.
func repoFile(name string) string { return filepath.Join("..", "..", name) }

// TestOwnDockerfileIsClean: dlint's own image passes dlint.
func TestOwnDockerfileIsClean(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := Main([]string{"--format", "json", "--fail-level", "style", repoFile("Dockerfile")}, nil, &stdout, &stderr)
	var doc struct {
		Findings []struct {
			Line    int
			Rule    string
			Message string
		}
		Errors []struct{ Message string }
	}
	if err := json.Unmarshal(stdout.Bytes(), &doc); err != nil {
		t.Fatalf("%v; stdout: %s; stderr: %s", err, stdout.String(), stderr.String())
	}
	for _, f := range doc.Findings {
		t.Errorf("Dockerfile:%d: [%s] %s", f.Line, f.Rule, f.Message)
	}
	for _, e := range doc.Errors {
		t.Errorf("Dockerfile: %s", e.Message)
	}
	if code != exitOK {
		t.Errorf("exit status %d, want 0", code)
	}
}

// preCommitHook is the part of .pre-commit-hooks.yaml the tests read.
type preCommitHook struct {
	ID            string   `yaml:"id"`
	Name          string   `yaml:"name"`
	Entry         string   `yaml:"entry"`
	Language      string   `yaml:"language"`
	Files         string   `yaml:"files"`
	Types         []string `yaml:"types"`
	PassFilenames *bool    `yaml:"pass_filenames"`
	RequireSerial bool     `yaml:"require_serial"`
}

func readPreCommitHook(t *testing.T) preCommitHook {
	t.Helper()
	data, err := os.ReadFile(repoFile(".pre-commit-hooks.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var hooks []preCommitHook
	if err := yaml.Unmarshal(data, &hooks); err != nil {
		t.Fatal(err)
	}
	if len(hooks) != 1 {
		t.Fatalf("hooks = %+v, want one", hooks)
	}
	return hooks[0]
}

// TestPreCommitHook: the hook passes the staged files to dlint, which
// lints the repository for context and reports the findings in them; as
// any file may be an entrypoint script, no pattern narrows the files.
func TestPreCommitHook(t *testing.T) {
	hook := readPreCommitHook(t)
	if hook.ID != "dlint" || hook.Entry != "dlint --context ." || hook.Language != "golang" {
		t.Errorf("hook = %+v, want a golang hook dlint running `dlint --context .`", hook)
	}
	if p := hook.PassFilenames; p != nil && !*p {
		t.Errorf("the hook must pass file names")
	}
	if hook.Files != "" || len(hook.Types) > 0 {
		t.Errorf("the hook narrows the files (files %q, types %v): an entrypoint script may have any name", hook.Files, hook.Types)
	}
	if !hook.RequireSerial {
		t.Errorf("the hook is not require_serial: each of several processes would lint the repository again")
	}
}

// actionFile is the part of action.yml and workflows the tests read.
type actionFile struct {
	Inputs map[string]struct {
		Default string `yaml:"default"`
	} `yaml:"inputs"`
	Runs struct {
		Using string `yaml:"using"`
		Steps []struct {
			ID   string            `yaml:"id"`
			Uses string            `yaml:"uses"`
			Run  string            `yaml:"run"`
			If   string            `yaml:"if"`
			With map[string]string `yaml:"with"`
		} `yaml:"steps"`
	} `yaml:"runs"`
}

var (
	inputRef      = regexp.MustCompile(`inputs\.([A-Za-z0-9_-]+)`)
	stepOutputRef = regexp.MustCompile(`steps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)`)
)

// TestAction: a composite action that installs dlint (a cached release
// binary, or go install with Go's caches), writes SARIF and can upload it;
// it refers only to inputs and step outputs that exist, and the example
// workflow grants the permissions code scanning needs and passes only
// declared inputs.
func TestAction(t *testing.T) {
	data, err := os.ReadFile(repoFile("action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var action actionFile
	if err := yaml.Unmarshal(data, &action); err != nil {
		t.Fatal(err)
	}
	if action.Runs.Using != "composite" {
		t.Errorf("runs.using = %q, want composite", action.Runs.Using)
	}
	for _, m := range inputRef.FindAllStringSubmatch(string(data), -1) {
		if _, ok := action.Inputs[m[1]]; !ok {
			t.Errorf("action.yml uses undeclared input %q", m[1])
		}
	}
	for _, in := range []string{"paths", "args", "sarif-file", "upload-sarif", "category"} {
		if _, ok := action.Inputs[in]; !ok {
			t.Errorf("action.yml lacks input %q", in)
		}
	}
	var uses []string
	ids := map[string]bool{}
	for _, s := range action.Runs.Steps {
		if s.Uses != "" {
			uses = append(uses, s.Uses)
		}
		if s.ID != "" {
			ids[s.ID] = true
		}
	}
	sort.Strings(uses)
	if strings.Join(uses, " ") != "actions/cache@v4 actions/cache@v4 actions/setup-go@v5 github/codeql-action/upload-sarif@v4" {
		t.Errorf("action uses %v", uses)
	}
	// Every step output the action reads comes from a step it has; the
	// outputs of the script's steps are ones the script writes.
	script, err := os.ReadFile(repoFile("scripts/action.sh"))
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range stepOutputRef.FindAllStringSubmatch(string(data), -1) {
		id, name := m[1], m[2]
		switch {
		case !ids[id]:
			t.Errorf("action.yml reads an output of step %q, which it does not have", id)
		case id != "go-cache" && !bytes.Contains(script, []byte("output "+name+" ")):
			t.Errorf("action.yml reads steps.%s.outputs.%s, which scripts/action.sh never writes", id, name)
		}
	}
	for _, sub := range []string{"resolve", "install", "run"} {
		if !bytes.Contains(data, []byte(`bash "$GITHUB_ACTION_PATH/scripts/action.sh" `+sub)) {
			t.Errorf("action.yml does not run scripts/action.sh %s", sub)
		}
	}
	for _, s := range action.Runs.Steps {
		switch {
		case strings.HasPrefix(s.Uses, "github/codeql-action/upload-sarif@"):
			if !strings.Contains(s.If, "steps.run.outputs.sarif-written == 'true'") {
				t.Errorf("the SARIF upload runs even when no SARIF was written (if: %s)", s.If)
			}
		case strings.HasPrefix(s.Uses, "actions/setup-go@"):
			if !strings.Contains(s.If, "steps.resolve.outputs.kind == 'go'") {
				t.Errorf("Go is set up even for a release binary (if: %s)", s.If)
			}
		}
	}

	wf, err := os.ReadFile(repoFile("docs/examples/github-workflow.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var workflow struct {
		Jobs map[string]struct {
			Permissions map[string]string `yaml:"permissions"`
			Steps       []struct {
				Uses string            `yaml:"uses"`
				With map[string]string `yaml:"with"`
			} `yaml:"steps"`
		} `yaml:"jobs"`
	}
	if err := yaml.Unmarshal(wf, &workflow); err != nil {
		t.Fatal(err)
	}
	usesAction := false
	for name, job := range workflow.Jobs {
		for _, s := range job.Steps {
			if !strings.HasPrefix(s.Uses, "dlint-dev/dlint@") {
				continue
			}
			usesAction = true
			for perm, want := range map[string]string{"security-events": "write", "contents": "read", "actions": "read"} {
				if job.Permissions[perm] != want {
					t.Errorf("job %s does not grant `%s: %s`", name, perm, want)
				}
			}
			for k := range s.With {
				if _, ok := action.Inputs[k]; !ok {
					t.Errorf("the example workflow passes unknown input %q", k)
				}
			}
		}
	}
	if !usesAction {
		t.Error("the example workflow does not use dlint-dev/dlint")
	}
}

// pinnedRef finds the refs the docs' examples pin dlint at: the action's
// `uses: dlint-dev/dlint@REF` and a pre-commit `rev: REF`.
var pinnedRef = regexp.MustCompile(`(?m)^[\s-]*(?:uses:\s*dlint-dev/dlint@|rev:\s*)([^\s#]+)`)

// TestDocsPinOnlyTaggedReleases: an example that pins a release tag names
// one the repository has (releases are made from tags); a branch or a
// commit builds from source and is fine. A copied example that pins a
// release nobody published fails at its first run.
func TestDocsPinOnlyTaggedReleases(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	root := repoFile(".")
	if err := exec.Command("git", "-C", root, "rev-parse", "--git-dir").Run(); err != nil {
		t.Skip("not a git checkout")
	}
	out, err := exec.Command("git", "-C", root, "tag", "--list", "v*").Output()
	if err != nil {
		t.Fatal(err)
	}
	tags := map[string]bool{}
	for _, tag := range strings.Fields(string(out)) {
		tags[tag] = true
	}
	files, _ := filepath.Glob(repoFile("docs/*.md"))
	examples, _ := filepath.Glob(repoFile("docs/examples/*"))
	files = append(append(files, repoFile("README.md")), examples...)
	pins := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range pinnedRef.FindAllStringSubmatch(string(data), -1) {
			pins++
			if ref := m[1]; releaseTag.MatchString(ref) && !tags[ref] {
				t.Errorf("%s pins dlint at %s, which is not a tag of this repository (no such release): pin main until it is published", f, ref)
			}
		}
	}
	if pins == 0 {
		t.Error("found no pinned ref in the docs: the pattern is out of date")
	}
}

var releaseTag = regexp.MustCompile(`^v[0-9]+\.[0-9]+\.[0-9]+`)
