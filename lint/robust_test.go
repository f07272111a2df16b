package lint

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dlint-dev/dlint/parser"
	"github.com/dlint-dev/dlint/rules"
)

// rootUserTree holds two Dockerfiles that each run as root.
func rootUserTree(t *testing.T) string {
	return writeTree(t, map[string]string{
		"a/Dockerfile": "FROM alpine:3.20\nUSER root\n",
		"b/Dockerfile": "FROM alpine:3.20\nUSER root\n",
	})
}

// fileErrors renders a result's errors relative to root.
func fileErrors(root string, res *Result) []string {
	var out []string
	for _, e := range res.Errors {
		out = append(out, strings.ReplaceAll(e.Error(), root+string(filepath.Separator), ""))
	}
	return out
}

// findingFiles lists the files with a finding of rule, relative to root.
func findingFiles(root string, res *Result, rule *rules.Rule) []string {
	var out []string
	for _, f := range res.Findings {
		if f.Rule == rule {
			rel, _ := filepath.Rel(root, f.Range.File)
			out = append(out, filepath.ToSlash(rel))
		}
	}
	return out
}

func TestRulePanicIsReportedPerFile(t *testing.T) {
	root := rootUserTree(t)
	boom := &rules.Rule{ID: "boom", Severity: rules.Warning, Check: func(p *rules.Pass) {
		if p.Dockerfile != nil && strings.HasSuffix(p.Dockerfile.Source.Path, filepath.Join("a", "Dockerfile")) {
			var m map[string]int
			m["x"]++ //nolint:staticcheck // a nil map write: a real runtime panic is the point
		}
	}}
	res := Run(Options{Paths: []string{root}, Rules: []*rules.Rule{boom, rules.RootUser}, NoConfig: true})
	errs := fileErrors(root, res)
	if len(errs) != 1 || !strings.HasPrefix(errs[0], "a/Dockerfile: internal error while running rule boom: assignment to entry in nil map") {
		t.Errorf("errors = %q, want one internal error for a/Dockerfile", errs)
	}
	// The other rules still ran on the same file, and on the other file.
	if got := findingFiles(root, res, rules.RootUser); strings.Join(got, " ") != "a/Dockerfile b/Dockerfile" {
		t.Errorf("root-user findings in %q, want both files", got)
	}
}

func TestParsePanicIsReportedPerFile(t *testing.T) {
	root := rootUserTree(t)
	defer func(f func(string, []byte) (*parser.Dockerfile, error)) { parseDockerfileFunc = f }(parseDockerfileFunc)
	real := parseDockerfileFunc
	parseDockerfileFunc = func(path string, data []byte) (*parser.Dockerfile, error) {
		if strings.HasSuffix(path, filepath.Join("a", "Dockerfile")) {
			panic("parser bug")
		}
		return real(path, data)
	}
	res := Run(Options{Paths: []string{root}, Rules: []*rules.Rule{rules.RootUser}, NoConfig: true})
	errs := fileErrors(root, res)
	if len(errs) != 1 || errs[0] != "a/Dockerfile: internal error while parsing: parser bug (please report this with the file)" {
		t.Errorf("errors = %q", errs)
	}
	if got := findingFiles(root, res, rules.RootUser); strings.Join(got, " ") != "b/Dockerfile" {
		t.Errorf("root-user findings in %q, want b/Dockerfile", got)
	}
}

func TestComposeLoadPanicIsReported(t *testing.T) {
	root := writeTree(t, map[string]string{
		"app/compose.yaml": "services:\n  web:\n    image: nginx\n",
		"b/Dockerfile":     "FROM alpine:3.20\nUSER root\n",
	})
	defer func(f func(string, []*parser.Source, map[string]string) (*parser.ComposeProject, error)) {
		loadComposeFunc = f
	}(loadComposeFunc)
	loadComposeFunc = func(string, []*parser.Source, map[string]string) (*parser.ComposeProject, error) {
		panic("loader bug")
	}
	res := Run(Options{Paths: []string{root}, Rules: []*rules.Rule{rules.RootUser}, NoConfig: true})
	errs := fileErrors(root, res)
	if len(errs) != 1 || errs[0] != "app/compose.yaml: internal error while loading the compose project: loader bug (please report this with the file)" {
		t.Errorf("errors = %q", errs)
	}
	if got := findingFiles(root, res, rules.RootUser); strings.Join(got, " ") != "b/Dockerfile" {
		t.Errorf("root-user findings in %q, want b/Dockerfile", got)
	}
}

// A file whose parse never ends is reported once the per-file bound has
// passed, and the run finishes with the other files. The parse here blocks
// until the test ends, so the outcome does not depend on the machine's speed.
func TestFileTimeoutSkipsAHangingParse(t *testing.T) {
	root := rootUserTree(t)
	release := make(chan struct{})
	defer close(release)
	defer func(f func(string, []byte) (*parser.Dockerfile, error)) { parseDockerfileFunc = f }(parseDockerfileFunc)
	real := parseDockerfileFunc
	parseDockerfileFunc = func(path string, data []byte) (*parser.Dockerfile, error) {
		if strings.HasSuffix(path, filepath.Join("a", "Dockerfile")) {
			<-release
		}
		return real(path, data)
	}
	res := Run(Options{Paths: []string{root}, Rules: []*rules.Rule{rules.RootUser}, NoConfig: true, FileTimeout: 50 * time.Millisecond})
	errs := fileErrors(root, res)
	want := "a/Dockerfile: parsing took longer than 50ms; skipped (a pathological input or a dlint bug: please report it with the file)"
	if len(errs) != 1 || errs[0] != want {
		t.Errorf("errors = %q, want %q", errs, want)
	}
	if got := findingFiles(root, res, rules.RootUser); strings.Join(got, " ") != "b/Dockerfile" {
		t.Errorf("root-user findings in %q, want b/Dockerfile", got)
	}
}

func TestFileTimeoutSkipsAHangingRule(t *testing.T) {
	root := rootUserTree(t)
	release := make(chan struct{})
	defer close(release)
	stuck := &rules.Rule{ID: "stuck", Severity: rules.Warning, Check: func(p *rules.Pass) {
		if p.Dockerfile != nil && strings.HasSuffix(p.Dockerfile.Source.Path, filepath.Join("b", "Dockerfile")) {
			<-release
		}
	}}
	res := Run(Options{Paths: []string{root}, Rules: []*rules.Rule{rules.RootUser, stuck}, NoConfig: true, FileTimeout: 50 * time.Millisecond})
	errs := fileErrors(root, res)
	want := "b/Dockerfile: checking took longer than 50ms; skipped (a pathological input or a dlint bug: please report it with the file)"
	if len(errs) != 1 || errs[0] != want {
		t.Errorf("errors = %q, want %q", errs, want)
	}
	// The findings of a unit that overran are dropped with it.
	if got := findingFiles(root, res, rules.RootUser); strings.Join(got, " ") != "a/Dockerfile" {
		t.Errorf("root-user findings in %q, want a/Dockerfile", got)
	}
}

// A compose file that includes or extends a FIFO or a device must not
// block the run on reading it.
func TestComposeIncludeOfSpecialFile(t *testing.T) {
	root := writeTree(t, map[string]string{
		"inc/compose.yaml": "include:\n  - pipe.yaml\nservices:\n  web:\n    image: nginx\n",
		"ext/compose.yaml": "services:\n  web:\n    extends:\n      file: /dev/zero\n      service: base\n",
		"b/Dockerfile":     "FROM alpine:3.20\nUSER root\n",
	})
	if err := syscall.Mkfifo(filepath.Join(root, "inc", "pipe.yaml"), 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	res := Run(Options{Paths: []string{root}, Rules: []*rules.Rule{rules.RootUser}, NoConfig: true, FileTimeout: 20 * time.Second})
	got := strings.Join(fileErrors(root, res), "\n")
	want := "ext/compose.yaml: cannot parse: /dev/zero: not a regular file\ninc/compose.yaml: cannot parse: pipe.yaml: not a regular file"
	if got != want {
		t.Errorf("errors:\n%s\nwant:\n%s", got, want)
	}
	if got := findingFiles(root, res, rules.RootUser); strings.Join(got, " ") != "b/Dockerfile" {
		t.Errorf("root-user findings in %q, want b/Dockerfile", got)
	}
}

// TestComposeDeepShell: a compose command nested past dlint's bound is an
// error line naming the file and line; the project's other findings stay.
func TestComposeDeepShell(t *testing.T) {
	deep := strings.Repeat("(", 1200) + "true" + strings.Repeat(")", 1200)
	files := map[string]string{
		"compose.yaml": "services:\n  app:\n    image: alpine:3.21\n    command: [\"sh\", \"-c\", \"" + deep + "\"]\n  tools:\n    image: alpine:3.21\n    privileged: true\n",
	}
	got, errs := lintTree(t, files, ruleSet(t, "privileged"), Options{})
	if len(errs) != 1 || !strings.HasPrefix(errs[0], "compose.yaml:4: cannot parse the shell of service 'app': shell constructs nest more than 1000 levels deep") {
		t.Errorf("errors: %q", errs)
	}
	sameList(t, "findings", got, []string{"compose.yaml:7 privileged"})
}

// A compiled program copied in and started, or lying executable in the
// tree, is not a shell script: reading it as one reports nonsense.
func TestCompiledProgramsAreNotScripts(t *testing.T) {
	deep := strings.Repeat("(", 1200) + "true" + strings.Repeat(")", 1200) + "\n"
	elf := "\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00" + deep
	big := strings.Repeat("echo hello\n", 300_000) // 3.3 MB, over the 2 MiB default
	files := map[string]string{
		"Dockerfile":   "FROM debian:12-slim\nCOPY app script /usr/local/bin/\nUSER 1000\nCMD [\"/usr/local/bin/app\"]\n",
		"Dockerfile.2": "FROM debian:12-slim\nCOPY script /usr/local/bin/\nUSER 1000\nCMD [\"/usr/local/bin/script\"]\n",
		"app":          elf,
		"script":       "#!/bin/sh\n" + deep,
		"bin/tool":     "\x7fELF\x02\x01\x01\x00" + big,
		"bin/big":      "#!/bin/sh\n" + big,
	}
	root := writeTree(t, files)
	for _, name := range []string{"bin/tool", "bin/big"} {
		if err := os.Chmod(filepath.Join(root, name), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	res := Run(Options{Paths: []string{root}, Rules: ruleSet(t, "root-user"), NoConfig: true})
	sameList(t, "errors", errorLines(root, res), []string{
		"bin/big: cannot read: file is 3.1 MiB, larger than the 2 MiB dlint reads; raise the limit with --max-file-size",
		"script:2: cannot parse: shell constructs nest more than 1000 levels deep (subshells, $( ), ${ }, quotes, if/while/case); dlint does not parse such a script; split it into functions or smaller scripts",
	})
}
