package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// A repository whose Dockerfile a compose service builds and whose
// entrypoint script the Dockerfile runs.
var preCommitRepo = map[string]string{
	"Dockerfile":   "FROM alpine:3.20\nCOPY entry.sh /entry.sh\nENTRYPOINT [\"/entry.sh\"]\n",
	"entry.sh":     "#!/bin/sh\nnginx -g 'daemon off;'\n",
	"compose.yaml": "services:\n  web:\n    build: .\n",
	"README.md":    "# app\n",
	// An override only a script's compose command names.
	"deploy.sh": "#!/bin/sh\ndocker compose -f compose.yaml -f ops.yml up -d\n",
	"ops.yml":   "services:\n  web:\n    privileged: true\n",
}

// TestPreCommitRealRun drives a real pre-commit (Debian's package) with
// the hook of .pre-commit-hooks.yaml, run as a local hook with a dlint
// built here: what a staged file gets does not depend on which other
// files are staged.
func TestPreCommitRealRun(t *testing.T) {
	if testing.Short() {
		t.Skip("builds dlint and runs pre-commit")
	}
	preCommit, err := exec.LookPath("pre-commit")
	if err != nil {
		t.Skip("pre-commit is not installed")
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	hook := readPreCommitHook(t)
	args, ok := strings.CutPrefix(hook.Entry, "dlint")
	if !ok {
		t.Fatalf("the hook's entry %q does not run dlint", hook.Entry)
	}
	bin := buildDlint(t, repoFile("."))

	repo := t.TempDir()
	home := t.TempDir()
	env := append(os.Environ(), "HOME="+home, "PRE_COMMIT_HOME="+filepath.Join(home, "pre-commit"),
		"GIT_CONFIG_NOSYSTEM=1", "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com",
		"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com", "NO_COLOR=1")
	run := func(name string, args ...string) (string, error) {
		t.Helper()
		cmd := exec.Command(name, args...)
		cmd.Dir = repo
		cmd.Env = env
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	must := func(name string, args ...string) {
		t.Helper()
		if out, err := run(name, args...); err != nil {
			t.Fatalf("%s %v: %v\n%s", name, args, err, out)
		}
	}
	// The hook as a consumer's config would run it, but with this dlint.
	local := map[string]any{"repos": []any{map[string]any{"repo": "local", "hooks": []any{map[string]any{
		"id": hook.ID, "name": hook.Name, "entry": bin + args, "language": "system",
		"pass_filenames": hook.PassFilenames == nil || *hook.PassFilenames,
		"require_serial": hook.RequireSerial, "files": hook.Files,
	}}}}}
	config, err := yaml.Marshal(local)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{".pre-commit-config.yaml": string(config)}
	for name, text := range preCommitRepo {
		files[name] = text
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(repo, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	must("git", "init", "--quiet")
	must("git", "add", "-A")
	must("git", "commit", "--quiet", "--no-verify", "-m", "init")

	const (
		asService = "service 'web' runs as root"      // the Dockerfile seen through compose
		alone     = "The final stage never sets USER" // the Dockerfile on its own
		noExec    = "entrypoint-script-missing-exec"
	)
	for _, tt := range []struct {
		name    string
		touch   []string
		want    []string
		notWant []string
		fails   bool
	}{
		{name: "the Dockerfile staged without its compose file", touch: []string{"Dockerfile"},
			want: []string{"Dockerfile:1:", asService}, notWant: []string{alone, noExec}, fails: true},
		{name: "the Dockerfile staged with its compose file", touch: []string{"Dockerfile", "compose.yaml"},
			want: []string{"Dockerfile:1:", asService}, notWant: []string{alone, noExec}, fails: true},
		{name: "only the entrypoint script", touch: []string{"entry.sh"},
			want: []string{"entry.sh:2:", noExec}, notWant: []string{asService, "Dockerfile:"}, fails: true},
		{name: "a file nothing runs", touch: []string{"README.md"}, notWant: []string{"Dockerfile:", "entry.sh:", "ops.yml:"}},
		{name: "only the override a script's compose command names", touch: []string{"ops.yml"},
			want: []string{"ops.yml:3:", "privileged"}, notWant: []string{"Dockerfile:", "entry.sh:"}, fails: true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			for _, name := range tt.touch {
				f, err := os.OpenFile(filepath.Join(repo, name), os.O_APPEND|os.O_WRONLY, 0)
				if err != nil {
					t.Fatal(err)
				}
				f.WriteString("\n")
				f.Close()
				must("git", "add", name)
			}
			defer must("git", "reset", "--quiet", "--hard")
			out, err := run(preCommit, "run")
			t.Logf("pre-commit run:\n%s", out)
			if (err != nil) != tt.fails {
				t.Errorf("pre-commit run failed = %v, want %v\n%s", err != nil, tt.fails, out)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(out, w) {
					t.Errorf("output has %q:\n%s", w, out)
				}
			}
		})
	}
}
