package lint

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/dlint-dev/dlint/images"
	"github.com/dlint-dev/dlint/internal/shellcheck"
	"github.com/dlint-dev/dlint/parser"
	"github.com/dlint-dev/dlint/rules"
)

// wantFindings fails the test unless got is want, in order.
func wantFindings(t *testing.T, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// needShellCheck skips a test that needs the real shellcheck binary.
func needShellCheck(t *testing.T) {
	t.Helper()
	if shellcheck.Find() == "" {
		t.Skip("no shellcheck on PATH (.ci/run installs Debian's)")
	}
}

// scFindings lints dir with rule shellcheck only and returns its findings
// as "file:line:col CODE".
func scFindings(t *testing.T, dir string, extra ...string) ([]string, *Result) {
	t.Helper()
	sel, err := rules.ParseSelectors(rules.All(), append([]string{"shellcheck"}, extra...))
	if err != nil {
		t.Fatal(err)
	}
	res := Run(Options{Paths: []string{dir}, Selection: &rules.Selection{HasSelect: true, Select: sel}})
	for _, e := range res.Errors {
		t.Errorf("error: %v", e)
	}
	var out []string
	for _, f := range res.Findings {
		rel, _ := filepath.Rel(dir, f.Range.File)
		out = append(out, fmt.Sprintf("%s:%d:%d %s", rel, f.Range.Start.Line, f.Range.Start.Col, f.Code))
	}
	sort.Strings(out)
	return out, res
}

func TestShellCheckPositions(t *testing.T) {
	needShellCheck(t)
	dir := writeTree(t, map[string]string{
		// A continuation with a comment line inside, a tab, multi-byte text
		// before the finding, and flags over two lines.
		"cont/Dockerfile": "FROM debian:12\n" +
			"RUN --mount=type=cache,target=/a \\\n" +
			"    --mount=type=cache,target=/b \\\n" +
			"    echo 'é€' \\\n" +
			"# a comment buildkit drops\n" +
			"\t&& cd /x; make\n",
		// A heredoc that is the whole command, with a #! line, and one fed
		// to cat inside a command.
		"heredoc/Dockerfile": "FROM debian:12\n" +
			"RUN <<EOF\n" +
			"#!/bin/bash\n" +
			"cd /x; make\n" +
			"EOF\n" +
			"RUN cat <<EOF > /etc/x.conf && cd /y; make\n" +
			"a=1\n" +
			"EOF\n",
	})
	got, _ := scFindings(t, dir)
	want := []string{
		"cont/Dockerfile:6:5 SC2164",     // `cd /x` after the tab: rune column 5
		"heredoc/Dockerfile:4:1 SC2164",  // the heredoc body's own line
		"heredoc/Dockerfile:6:32 SC2164", // after the heredoc operator
	}
	wantFindings(t, got, want)
}

func TestShellCheckDialect(t *testing.T) {
	needShellCheck(t)
	dir := writeTree(t, map[string]string{
		// dash has no [[ ]]: SC3010 on Debian's /bin/sh.
		"dash/Dockerfile": "FROM debian:12\nRUN [[ -n \"$HOME\" ]] && echo ok\n",
		// bash has it.
		"bash/Dockerfile": "FROM debian:12\nSHELL [\"/bin/bash\", \"-c\"]\nRUN [[ -n \"$HOME\" ]] && echo ok\n",
		// PowerShell stages are not shell ShellCheck knows.
		"windows/Dockerfile": "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL [\"powershell\", \"-Command\"]\nRUN [[ -n x ]]; cd C:\\x; make\n",
		// A script's #! line decides.
		"script/Dockerfile":    "FROM debian:12\nCOPY entrypoint.sh /entrypoint.sh\nENTRYPOINT [\"/entrypoint.sh\"]\n",
		"script/entrypoint.sh": "#!/bin/bash\nif [[ -n \"$1\" ]]; then echo $(( 1 + 1 )); fi\ncd /x; exec \"$@\"\n",
	})
	got, _ := scFindings(t, dir)
	want := []string{
		"dash/Dockerfile:2:5 SC3010",
		"script/entrypoint.sh:3:1 SC2164",
	}
	wantFindings(t, got, want)
}

// An entrypoint script runs in the container's environment: Docker sets
// HOSTNAME and HOME, the image its ENV, the service its environment; a
// variable none of them sets is still undefined in dash.
func TestShellCheckScriptKnowsTheContainerEnvironment(t *testing.T) {
	needShellCheck(t)
	dir := writeTree(t, map[string]string{
		"Dockerfile":    "FROM debian:12\nENV OSTYPE=linux\nCOPY entrypoint.sh /entrypoint.sh\nUSER 1000\nENTRYPOINT [\"/entrypoint.sh\"]\n",
		"compose.yaml":  "services:\n  app:\n    build: .\n    environment:\n      UID: \"1000\"\n",
		"entrypoint.sh": "#!/bin/sh\necho \"$HOSTNAME $HOME $OSTYPE $UID $EUID\"\nexec \"$@\"\n",
	})
	got, _ := scFindings(t, dir)
	want := []string{"entrypoint.sh:2:36 SC3028"} // $EUID only
	wantFindings(t, got, want)
}

// The variables a sourced file sets are assigned: the file is found by
// its image path, or by a `# shellcheck source=SCRIPTDIR/…` directive
// where the path is computed at run time.
func TestShellCheckScriptKnowsWhatItSources(t *testing.T) {
	needShellCheck(t)
	dir := writeTree(t, map[string]string{
		"Dockerfile":         "FROM debian:12\nCOPY root/ /docker/\nUSER 1000\nENTRYPOINT [\"/docker/entrypoint.sh\"]\n",
		"root/helpers.sh":    "#!/bin/bash\ndeclare -g color_clear=\"x\"\n",
		"root/entrypoint.sh": "#!/bin/bash\n: \"${ROOT:=/docker}\"\n# shellcheck source=SCRIPTDIR/helpers.sh\nsource \"${ROOT}/helpers.sh\"\necho \"$color_clear $color_unset\"\nexec \"$@\"\n",
	})
	got, _ := scFindings(t, dir)
	want := []string{"root/entrypoint.sh:5:20 SC2154"} // $color_unset only
	wantFindings(t, got, want)
}

// `rm -rf "$DIR"/*` cannot remove / when the Dockerfile sets DIR to a
// value: SC2115 is dropped there, kept for an ARG with no value.
func TestShellCheckRemoveOfAValuedVariable(t *testing.T) {
	needShellCheck(t)
	dir := writeTree(t, map[string]string{
		"Dockerfile": "FROM debian:12\nENV SONARQUBE_HOME=/opt/sonarqube\nARG EMPTY\nRUN rm -rf ${SONARQUBE_HOME}/bin/* && rm -rf \"$EMPTY\"/*\n",
	})
	got, _ := scFindings(t, dir)
	wantFindings(t, got, []string{"Dockerfile:4:46 SC2115"})
}

// hadolint's `# hadolint shell=powershell` says the RUNs are PowerShell
// (a Windows base's SHELL dlint cannot see): ShellCheck is not run on them.
func TestShellCheckPowerShellPragma(t *testing.T) {
	needShellCheck(t)
	run := "RUN echo $null >> C:/x.txt; Copy-Item $env:JENKINS_WAR C:/y\n"
	dir := writeTree(t, map[string]string{
		"ps/Dockerfile": "# hadolint shell=powershell\nFROM bats-jenkins\n" + run,
		"sh/Dockerfile": "FROM bats-jenkins\n" + run,
	})
	got, _ := scFindings(t, dir)
	for _, g := range got {
		if strings.HasPrefix(g, "ps/") {
			t.Errorf("ShellCheck ran on PowerShell: %s", g)
		}
	}
	if len(got) == 0 {
		t.Error("no findings for the sh Dockerfile: the test proves nothing")
	}
}

// A function a trap runs is reachable: ShellCheck's SC2317 on its body is
// dropped; other findings in it are kept.
func TestShellCheckTrapHandlerIsReachable(t *testing.T) {
	needShellCheck(t)
	dir := writeTree(t, map[string]string{
		"Dockerfile":    "FROM debian:12\nCOPY entrypoint.sh /entrypoint.sh\nUSER 1000\nENTRYPOINT [\"/entrypoint.sh\"]\n",
		"entrypoint.sh": "#!/bin/sh\nPID=\"\"\ncleanup() {\n  if [ -n \"$PID\" ]; then\n    kill -9 \"$PID\" 2>/dev/null || true\n    cd /tmp; rm -f x\n  fi\n}\ntrap cleanup EXIT INT TERM\ncd /app || exit 1\nsleep 1 &\nPID=$!\nwait \"$PID\"\nexit 0\n",
	})
	got, _ := scFindings(t, dir)
	for _, g := range got {
		if strings.HasSuffix(g, "SC2317") {
			t.Errorf("unreachable in a trap handler: %s", g)
		}
	}
	if !slices.Contains(got, "entrypoint.sh:6:5 SC2164") {
		t.Errorf("findings: %v; want the handler's own SC2164 kept", got)
	}
}

func TestShellCheckIgnoresByCode(t *testing.T) {
	needShellCheck(t)
	df := "FROM debian:12\n" +
		"# dlint ignore=SC2164\n" +
		"RUN cd /x; for f in $(ls /y); do echo \"$f\"; done\n" +
		"# hadolint ignore=SC2045\n" +
		"RUN cd /x; for f in $(ls /y); do echo \"$f\"; done\n" +
		"RUN echo $PKGS\n"
	dir := writeTree(t, map[string]string{"Dockerfile": df})
	got, _ := scFindings(t, dir)
	want := []string{"Dockerfile:3:21 SC2045", "Dockerfile:5:5 SC2164"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("with pragmas:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// SC2086 is off until selected; a selected code comes back.
	got, _ = scFindings(t, dir, "SC2086")
	if !strings.Contains(strings.Join(got, " "), "Dockerfile:6:10 SC2086") {
		t.Errorf("--select SC2086 did not bring SC2086 back: %v", got)
	}
	// .dlint.yaml ignores a code, leaving the others.
	writeFile(t, filepath.Join(dir, ".dlint.yaml"), "ignore: [SC2045]\n")
	got, _ = scFindings(t, dir)
	if strings.Join(got, " ") != "Dockerfile:5:5 SC2164" {
		t.Errorf("with ignore: [SC2045] in .dlint.yaml: %v", got)
	}
}

// Without a shellcheck binary nothing is reported and nothing fails; a
// verbose note says the checks were skipped.
func TestShellCheckAbsent(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	dir := writeTree(t, map[string]string{"Dockerfile": "FROM debian:12\nRUN cd /x; make\n"})
	got, res := scFindings(t, dir)
	if len(got) != 0 || len(res.Errors) != 0 {
		t.Errorf("findings %v, errors %v: want none", got, res.Errors)
	}
	if len(res.Notes) != 1 || !res.Notes[0].Verbose || !strings.Contains(res.Notes[0].Msg, "skipped") {
		t.Errorf("notes = %+v, want one verbose note that the checks were skipped", res.Notes)
	}
}

// A shellcheck that fails costs its own findings only, with one note.
func TestShellCheckCrashKeepsOtherFindings(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "shellcheck")
	if err := os.WriteFile(bin, []byte("#!/bin/sh\necho 'out of memory' >&2\nexit 9\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	dir := writeTree(t, map[string]string{"Dockerfile": "FROM debian:12\nRUN cd /x; make\nCMD [\"app\"]\n"})
	res := Run(Options{Paths: []string{dir}, ShellCheck: bin})
	if len(res.Errors) != 0 {
		t.Errorf("errors %v: a failing shellcheck is no file error", res.Errors)
	}
	if len(res.Notes) != 1 || res.Notes[0].Verbose || !strings.Contains(res.Notes[0].Msg, "out of memory") {
		t.Errorf("notes = %+v, want one note with shellcheck's message", res.Notes)
	}
	if len(res.Findings) == 0 {
		t.Error("the other rules' findings are lost")
	}
}

func TestDialectOf(t *testing.T) {
	kind := func(s images.Shell) func(string) images.Shell { return func(string) images.Shell { return s } }
	cases := []struct {
		argv0 string
		sh    images.Shell
		want  shellcheck.Dialect
		ok    bool
	}{
		{"/bin/sh", images.ShellDash, shellcheck.Dash, true},
		{"/bin/sh", images.ShellAsh, shellcheck.Busybox, true},
		{"/bin/sh", images.ShellBash, shellcheck.Bash, true},
		{"/bin/sh", images.ShellUnknown, shellcheck.Sh, true},
		{"/bin/sh", images.ShellNone, "", false},
		{"/bin/bash", images.ShellDash, shellcheck.Bash, true},
		{"zsh", images.ShellDash, "", false},
		{"powershell", images.ShellWindows, "", false},
	}
	for _, c := range cases {
		got, ok := dialectOf(c.argv0, kind(c.sh))
		if got != c.want || ok != c.ok {
			t.Errorf("dialectOf(%q, %q) = %q, %v; want %q, %v", c.argv0, c.sh, got, ok, c.want, c.ok)
		}
	}
	if d, ok := scriptDialect("#!/usr/bin/env bash\n", kind(images.ShellDash)); d != shellcheck.Bash || !ok {
		t.Errorf("env bash script: %q %v", d, ok)
	}
	if d, ok := scriptDialect("#!/usr/bin/env python3\n", kind(images.ShellDash)); ok {
		t.Errorf("python script checked as %q", d)
	}
	if d, _ := scriptDialect("#!/bin/sh\n", kind(images.ShellAsh)); d != shellcheck.Busybox {
		t.Errorf("sh script on Alpine: %q", d)
	}
}

// A snippet too large for ShellCheck's time is left out, with a verbose
// note naming it; the others are still checked.
func TestShellCheckSkipsHugeSnippets(t *testing.T) {
	needShellCheck(t)
	huge := "FROM debian:12\nRUN true \\\n" + strings.Repeat("&& echo padding \\\n", 5000) + "&& cd /x; make\n"
	dir := writeTree(t, map[string]string{"huge/Dockerfile": huge, "small/Dockerfile": "FROM debian:12\nRUN cd /x; make\n"})
	got, res := scFindings(t, dir)
	if strings.Join(got, " ") != "small/Dockerfile:2:5 SC2164" {
		t.Errorf("findings %v, want the small file's only", got)
	}
	if len(res.Notes) != 1 || !res.Notes[0].Verbose || !strings.Contains(res.Notes[0].Msg, "huge/Dockerfile:2") {
		t.Errorf("notes = %+v, want one verbose note naming huge/Dockerfile:2", res.Notes)
	}
}

// The `sh -c` strings of exec forms are checked inside the JSON string, at
// the columns the file writes them, whatever escapes come first.
func TestShellCheckExecFormPositions(t *testing.T) {
	needShellCheck(t)
	dir := writeTree(t, map[string]string{
		"exec/Dockerfile": "FROM debian:12\n" +
			"RUN [\"sh\", \"-c\", \"echo \\\"\\u00e9\\\" \\u0026\\u0026 cd /x; make\"]\n" +
			"CMD [\"/bin/bash\", \"-ec\", \\\n" +
			"     \"for f in $(ls /y); do echo \\\"$f\\\"; done; cd /z; make\"]\n",
		// A string dlint cannot find in the file (a line continuation in
		// the middle of it) is not checked: its positions are not known.
		"split/Dockerfile": "FROM debian:12\nRUN [\"sh\", \"-c\", \"cd /x; \\\n make\"]\n",
	})
	got, _ := scFindings(t, dir)
	want := []string{
		"exec/Dockerfile:2:48 SC2164", // after \", \u00e9 (6 characters for one) and \u0026\u0026
		"exec/Dockerfile:4:16 SC2045", // -e: no SC2164 for the cd
	}
	wantFindings(t, got, want)
}

// instructionSnippet gives ShellCheck the text a shell runs and maps its
// positions back, through the JSON string and past the `set -e` line a
// shell's -e adds; no binary is needed.
func TestInstructionSnippet(t *testing.T) {
	df, err := parser.ParseDockerfile("Dockerfile", []byte("FROM debian:12\n"+
		"RUN [\"sh\", \"-ec\", \"a\\\\b \\\"x\\\"; cd /y\"]\n"+
		"SHELL [\"/bin/bash\", \"-o\", \"errexit\", \"-c\"]\n"+
		"RUN echo a && \\\n    cd /z\n"+
		"CMD [\"app\", \"-c\", \"cd /x\"]\n"))
	if err != nil {
		t.Fatal(err)
	}
	st := df.Stages[0]
	var got []shellcheck.Snippet
	for _, in := range st.Instructions {
		if sn, ok := instructionSnippet(st, in); ok {
			got = append(got, sn)
		}
	}
	if len(got) != 2 {
		t.Fatalf("snippets = %d, want 2 (no SHELL, no exec form without a shell)", len(got))
	}
	exec := got[0]
	if exec.Text != "set -e\n"+`a\b "x"; cd /y` || exec.Dialect != shellcheck.Sh {
		t.Errorf("exec-form snippet = %q (%s)", exec.Text, exec.Dialect)
	}
	// `cd` is byte 10 of the script's line, and column 32 of the file:
	// `\\` and `\"` are two characters in the JSON for one in the script.
	if p := exec.Pos(2, 10); p != (parser.Pos{Line: 2, Col: 32}) {
		t.Errorf("cd maps to %+v", p)
	}
	if p := exec.Pos(2, 15); p != (parser.Pos{Line: 2, Col: 37}) {
		t.Errorf("the end of the script maps to %+v, want the closing quote", p)
	}
	if p := exec.Pos(1, 3); p != (parser.Pos{Line: 2, Col: 20}) {
		t.Errorf("the added `set -e` line maps to %+v, want the start of the string", p)
	}
	run := got[1]
	if !strings.HasPrefix(run.Text, "set -e\n") || run.Dialect != shellcheck.Bash {
		t.Errorf("SHELL -o errexit: snippet = %q (%s)", run.Text, run.Dialect)
	}
	if p := run.Pos(3, 5); p != (parser.Pos{Line: 5, Col: 5}) {
		t.Errorf("cd /z maps to %+v", p)
	}
}

func TestErrexit(t *testing.T) {
	for _, tt := range []struct {
		opts []string
		want bool
	}{
		{[]string{"-c"}, false},
		{[]string{"-ec"}, true},
		{[]string{"-e", "-c"}, true},
		{[]string{"-Eeuo", "pipefail", "-c"}, true},
		{[]string{"-xo", "pipefail", "-c"}, false},
		{[]string{"-o", "errexit", "-c"}, true},
		{[]string{"-e", "+o", "errexit", "-c"}, false},
		{[]string{"-e", "+e", "-c"}, false},
		{[]string{"--verbose", "-c"}, false},
	} {
		if got := errexit(tt.opts); got != tt.want {
			t.Errorf("errexit(%q) = %v, want %v", tt.opts, got, tt.want)
		}
	}
}
