package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/dlint-dev/dlint/lint"
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

// TestPreCommitHook: the hook runs dlint on exactly the files dlint's own
// discovery recognises by name.
func TestPreCommitHook(t *testing.T) {
	data, err := os.ReadFile(repoFile(".pre-commit-hooks.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var hooks []struct {
		ID            string `yaml:"id"`
		Entry         string `yaml:"entry"`
		Language      string `yaml:"language"`
		Files         string `yaml:"files"`
		PassFilenames *bool  `yaml:"pass_filenames"`
	}
	if err := yaml.Unmarshal(data, &hooks); err != nil {
		t.Fatal(err)
	}
	if len(hooks) != 1 || hooks[0].ID != "dlint" || hooks[0].Entry != "dlint" || hooks[0].Language != "golang" {
		t.Fatalf("hooks = %+v, want one golang hook dlint running dlint", hooks)
	}
	if p := hooks[0].PassFilenames; p != nil && !*p {
		t.Errorf("the hook must pass file names")
	}
	// pre-commit matches with Python's re.search on slash-separated paths;
	// this pattern uses nothing Go's RE2 reads differently.
	files, err := regexp.Compile(hooks[0].Files)
	if err != nil {
		t.Fatal(err)
	}
	names := []string{
		"Dockerfile", "dockerfile", "DOCKERFILE", "Containerfile", "containerfile",
		"Dockerfile.dev", "Dockerfile.", "Containerfile.prod", "dockerfile.dev", "DockerFile.dev",
		"api.Dockerfile", "api.dockerfile", "x.Containerfile", ".dockerfile", "Dockerfile.j2",
		"compose.yaml", "compose.yml", "Compose.YAML", "compose.prod.yaml", "compose.override.yml",
		"docker-compose.yml", "docker-compose.prod.yaml", "Docker-Compose.yml", "docker-compose-dev.yml",
		"compose.json", "compose.yaml.bak", "mycompose.yaml", "compose-dev.yml", "docker-compose",
		"notes.md", "Dockerfiles", "xDockerfile", "main.go", "values.yaml", "dockerfile.yaml",
	}
	for _, name := range names {
		for _, dir := range []string{"", "services/api/"} {
			path := dir + name
			want := lint.Classify(path) != lint.KindUnknown
			if got := files.MatchString(path); got != want {
				t.Errorf("files pattern matches %q = %v, but dlint discovers it = %v", path, got, want)
			}
		}
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
			Uses string            `yaml:"uses"`
			Run  string            `yaml:"run"`
			With map[string]string `yaml:"with"`
		} `yaml:"steps"`
	} `yaml:"runs"`
}

var inputRef = regexp.MustCompile(`inputs\.([A-Za-z0-9_-]+)`)

// TestAction: a composite action that sets up Go, installs dlint at the
// action's own ref, writes SARIF and can upload it; it refers only to
// inputs it declares, and the example workflow passes only those.
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
	for _, s := range action.Runs.Steps {
		if s.Uses != "" {
			uses = append(uses, s.Uses)
		}
	}
	sort.Strings(uses)
	if strings.Join(uses, " ") != "actions/setup-go@v5 github/codeql-action/upload-sarif@v3" {
		t.Errorf("action uses %v", uses)
	}
	for _, want := range []string{"github.action_ref", "go install \"github.com/dlint-dev/dlint/cmd/dlint@", "--format sarif"} {
		if !bytes.Contains(data, []byte(want)) {
			t.Errorf("action.yml lacks %q", want)
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
			if job.Permissions["security-events"] != "write" {
				t.Errorf("job %s uploads SARIF without `security-events: write`", name)
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
