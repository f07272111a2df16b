package parser

import (
	"strings"
	"testing"
)

func mustParseDockerfile(t *testing.T, text string) *Dockerfile {
	t.Helper()
	df, err := ParseDockerfile("Dockerfile", []byte(text))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	return df
}

// textAt returns the source text a single-line range covers.
func textAt(df *Dockerfile, r Range) string {
	line := []rune(df.Source.Line(r.Start.Line))
	if r.End.Line != r.Start.Line || r.Start.Col < 1 || r.End.Col-1 > len(line) || r.End.Col <= r.Start.Col {
		return ""
	}
	return string(line[r.Start.Col-1 : r.End.Col-1])
}

func instr(t *testing.T, df *Dockerfile, keyword string, n int) *Instruction {
	t.Helper()
	for _, in := range df.Instructions {
		if in.Keyword == keyword {
			if n == 0 {
				return in
			}
			n--
		}
	}
	t.Fatalf("no %s instruction #%d", keyword, n)
	return nil
}

func TestHeredocRun(t *testing.T) {
	df := mustParseDockerfile(t, `FROM alpine
RUN <<EOF
set -eu
apk add --no-cache curl
exec true
EOF
CMD ["app"]
`)
	s := instr(t, df, "RUN", 0).Script
	if s == nil || s.Err != nil || len(s.Commands) != 3 {
		t.Fatalf("heredoc body not parsed as the script: %+v", s)
	}
	apk := s.Commands[1]
	if apk.Name != "apk" || apk.Range.Start != (Pos{4, 1}) || textAt(df, apk.NameRange) != "apk" {
		t.Errorf("apk at %+v (%q)", apk.Range, textAt(df, apk.NameRange))
	}
	if got := finalNames(s); got != "exec true" {
		t.Errorf("Final = %q", got)
	}
}

func TestHeredocWithCommand(t *testing.T) {
	// `RUN cat <<EOF > file`: the command line is the script, the heredoc
	// is its input.
	df := mustParseDockerfile(t, "FROM alpine\nRUN cat <<EOF > /etc/motd\nhello\nEOF\n")
	s := instr(t, df, "RUN", 0).Script
	if s == nil || s.Err != nil || len(s.Commands) != 1 || s.Commands[0].Name != "cat" {
		t.Fatalf("want one cat command: %+v", s)
	}
}

func TestContinuationsWithComments(t *testing.T) {
	df := mustParseDockerfile(t, `FROM debian:12
RUN apt-get update && \
    # install the tools
    apt-get install -y curl \
        ca-certificates && \

    rm -rf /var/lib/apt/lists/*
`)
	s := instr(t, df, "RUN", 0).Script
	if s == nil || s.Err != nil {
		t.Fatalf("script not parsed: %+v", s)
	}
	var names []string
	for _, c := range s.Commands {
		names = append(names, c.Name)
	}
	if strings.Join(names, " ") != "apt-get apt-get rm" {
		t.Fatalf("commands = %v", names)
	}
	install := s.Commands[1]
	if install.NameRange.Start != (Pos{4, 5}) || textAt(df, install.NameRange) != "apt-get" {
		t.Errorf("install at %+v", install.NameRange)
	}
	if got := install.ArgValues(); len(got) != 4 || got[3] != "ca-certificates" {
		t.Errorf("install args = %q", got)
	}
	rm := s.Commands[2]
	if rm.NameRange.Start != (Pos{7, 5}) || textAt(df, rm.NameRange) != "rm" {
		t.Errorf("rm at %+v", rm.NameRange)
	}
}

func TestShellFormCmdPositions(t *testing.T) {
	df := mustParseDockerfile(t, "FROM alpine\nCMD   set -e; \\\n  exec gosu app \"$@\"\n")
	spec := df.Final().Cmd
	if spec == nil || spec.Exec || spec.Script == nil {
		t.Fatalf("shell-form CMD not modelled: %+v", spec)
	}
	if spec.Range.Start != (Pos{2, 7}) || spec.Range.End.Line != 3 {
		t.Errorf("CMD args range = %+v", spec.Range)
	}
	if got := finalNames(spec.Script); got != "exec gosu" {
		t.Errorf("Final = %q", got)
	}
	if r := spec.Script.Final[0].NameRange; r.Start != (Pos{3, 3}) || textAt(df, r) != "exec" {
		t.Errorf("exec at %+v", r)
	}
}

func TestExecFormShellC(t *testing.T) {
	df := mustParseDockerfile(t, `FROM alpine
CMD ["sh", "-c", "echo \"start\" && exec app --x \"$@\" \u0026\u0026 true"]
ENTRYPOINT ["/bin/sh", "-ec", \
    "trap 'kill $p' TERM; app & p=$!; wait $p"]
`)
	cmd := instr(t, df, "CMD", 0).Script
	sh := cmd.Final[0]
	if !sh.Exec || sh.Inline == nil {
		t.Fatalf("exec-form sh -c not parsed: %+v", sh)
	}
	if textAt(df, sh.NameRange) != `"sh"` {
		t.Errorf("sh word at %+v (%q)", sh.NameRange, textAt(df, sh.NameRange))
	}
	var echo, app *Command
	for _, c := range sh.Inline.Commands {
		switch c.Name {
		case "echo":
			echo = c
		case "app":
			app = c
		}
	}
	if echo == nil || textAt(df, echo.Range) != `echo \"start\"` {
		t.Errorf("echo range %+v covers %q", echo.Range, textAt(df, echo.Range))
	}
	if app == nil || !app.Exec || textAt(df, app.NameRange) != "exec" {
		t.Errorf("exec app at %+v", app)
	}
	if app.Parent != sh {
		t.Error("inline command's Parent should be the sh command")
	}

	ep := df.Final().Entrypoint
	inner := ep.Script.Final[0].Inline
	if inner == nil || finalNames(inner) != "wait" || !inner.Traps("TERM") || !inner.HasBackground() {
		t.Fatalf("entrypoint script split over lines not parsed: %+v", inner)
	}
	wait := inner.Final[0]
	if wait.NameRange.Start.Line != 4 || textAt(df, wait.NameRange) != "wait" {
		t.Errorf("wait at %+v (%q)", wait.NameRange, textAt(df, wait.NameRange))
	}
}

func TestEntrypointCmdInheritance(t *testing.T) {
	df := mustParseDockerfile(t, `FROM alpine AS base
ENTRYPOINT ["/entrypoint.sh"]
CMD ["serve"]

FROM base AS keeps
RUN true

FROM base AS resets
ENTRYPOINT ["/other"]

FROM base AS sets-both
CMD ["worker"]
ENTRYPOINT ["/x"]
`)
	check := func(name, wantEP, wantCmd string) {
		t.Helper()
		st := df.StageByName(name)
		argv := func(s *ExecSpec) string {
			if s == nil {
				return ""
			}
			return strings.Join(s.Argv, " ")
		}
		if got := argv(st.EffectiveEntrypoint()); got != wantEP {
			t.Errorf("%s: entrypoint %q, want %q", name, got, wantEP)
		}
		if got := argv(st.EffectiveCmd()); got != wantCmd {
			t.Errorf("%s: cmd %q, want %q", name, got, wantCmd)
		}
	}
	check("keeps", "/entrypoint.sh", "serve")
	check("resets", "/other", "")
	// A CMD set in the same stage survives an ENTRYPOINT that follows it.
	check("sets-both", "/x", "worker")
}

func TestNonPOSIXShell(t *testing.T) {
	df := mustParseDockerfile(t, "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL [\"powershell\", \"-Command\"]\nCMD Write-Host hi\n")
	if s := df.Final().Cmd.Script; s != nil {
		t.Errorf("a PowerShell CMD must not be parsed as POSIX shell: %+v", s)
	}
}

func TestExpose(t *testing.T) {
	df := mustParseDockerfile(t, `FROM alpine
ARG PORTS="80 443/udp"
ARG UNSET
EXPOSE $PORTS 8080:80 ${UNSET} 70000 53/UDP
`)
	type port struct {
		raw, value, spec string
		err              bool
	}
	var got []port
	for _, p := range df.Final().Expose {
		got = append(got, port{p.Raw, p.Value, p.Spec.String(), p.Err != nil})
		if p.Raw != "" && textAt(df, p.Range) != p.Raw {
			t.Errorf("port %q at %+v covers %q", p.Raw, p.Range, textAt(df, p.Range))
		}
	}
	want := []port{
		{"$PORTS", "80", "80/tcp", false},
		{"$PORTS", "443/udp", "443/udp", false},
		{"8080:80", "8080:80", "0/", true},
		{"${UNSET}", "${UNSET}", "0/", false}, // unresolved: not judged
		{"70000", "70000", "0/", true},
		{"53/UDP", "53/UDP", "53/udp", false},
	}
	if len(got) != len(want) {
		t.Fatalf("ports = %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("port %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestParseExposePortForms(t *testing.T) {
	valid := map[string]string{
		"80": "80/tcp", "80/tcp": "80/tcp", "443/TCP": "443/tcp", "53/udp": "53/udp",
		"9/sctp": "9/sctp", "8000-8010": "8000-8010/tcp", "080": "80/tcp", "80/": "80/tcp",
	}
	for in, want := range valid {
		spec, err := ParseExposePort(in)
		if err != nil || spec.String() != want {
			t.Errorf("ParseExposePort(%q) = %v, %v; want %s", in, spec, err, want)
		}
	}
	invalid := map[string]string{
		"80:80":        "host port or address",
		"127.0.0.1:80": "host port or address",
		"0":            "outside 1-65535",
		"65536":        "outside 1-65535",
		"99999999999":  "outside 1-65535",
		"80/http":      `unknown protocol "http"`,
		"80/tcp/udp":   "unknown protocol",
		"abc":          "not a port number",
		"+80":          "not a port number",
		"90-80":        "ends before it starts",
		"80-":          "lacks its end",
		"":             "missing port number",
	}
	for in, want := range invalid {
		_, err := ParseExposePort(in)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseExposePort(%q) error = %v, want it to contain %q", in, err, want)
		}
	}
}

func TestStageDisplayNameKeepsCase(t *testing.T) {
	df := mustParseDockerfile(t, "FROM golang:1.22 as Build\nFROM Build AS Final\nCOPY --from=BUILD /a /b\nFROM scratch\n")
	if got := df.Stages[0].DisplayName(); got != "Build" {
		t.Errorf("stage 0 DisplayName = %q, want Build", got)
	}
	if st := df.Stages[1]; st.Name != "final" || st.DisplayName() != "Final" || st.Parent != df.Stages[0] {
		t.Errorf("stage 1: Name %q, DisplayName %q, parent %v", st.Name, st.DisplayName(), st.Parent)
	}
	if got := df.Stages[2].DisplayName(); got != "#2" {
		t.Errorf("unnamed stage DisplayName = %q, want #2", got)
	}
}

// buildkit's linter runs while dlint converts instructions: its warnings
// are kept with the instruction they are about, the parser's empty
// continuation line too.
func TestBuildkitChecks(t *testing.T) {
	df := mustParseDockerfile(t, `FROM alpine:3 as Build
# not the name
ARG X=1
RUN echo a \

    b
FROM alpine:3 AS ok
`)
	got := map[string]int{}
	for _, c := range df.BuildkitChecks {
		got[c.Rule] = c.Instr.Range.Start.Line
	}
	want := map[string]int{"StageNameCasing": 1, "FromAsCasing": 1, "NoEmptyContinuation": 4, "InvalidDefinitionDescription": 3}
	for rule, line := range want {
		if got[rule] != line {
			t.Errorf("%s: got line %d, want %d (all: %v)", rule, got[rule], line, got)
		}
	}
	if len(got) != len(want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

// A file that sets the escape to a backtick on a Linux base runs its RUN
// in /bin/sh like any other: the backtick continuations are read as sh
// reads buildkit's joined text, at the columns of the file.
func TestBacktickEscapeOnLinux(t *testing.T) {
	df := mustParseDockerfile(t, "# escape=`\nFROM debian:12\nRUN apt-get update && `\n    # the tools\n    apt-get install -y `  \n      curl `\n      ca-certificates && echo C:\\x\n")
	s := instr(t, df, "RUN", 0).Script
	if s == nil || s.Err != nil {
		t.Fatalf("script not parsed: %+v", s)
	}
	if got := commandNames(s); got != "apt-get apt-get echo" {
		t.Fatalf("commands = %q", got)
	}
	install := s.Commands[1]
	if install.NameRange.Start != (Pos{5, 5}) || textAt(df, install.NameRange) != "apt-get" {
		t.Errorf("install at %+v", install.NameRange)
	}
	args := install.ArgValues()
	if strings.Join(args, " ") != "install -y curl ca-certificates" {
		t.Errorf("install args = %q", args)
	}
	if r := install.Args[3].Range; r.Start != (Pos{7, 7}) || textAt(df, r) != "ca-certificates" {
		t.Errorf("ca-certificates at %+v", r)
	}
	if got := s.Commands[2].ArgValues(); len(got) != 1 || got[0] != `C:x` {
		t.Errorf("echo args = %q: a backslash means to sh what it always does", got)
	}
}

// The default shell of a file with a backtick escape is trusted only on a
// base known to be Linux: Windows images run cmd, and an unknown base in
// such a file most likely is one.
func TestBacktickEscapeShell(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		parsed     bool
	}{
		{"windows", "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN cd C:\\app && nmake\n", false},
		{"windows-powershell", "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL [\"powershell\", \"-Command\"]\nRUN apt-get install curl; `\n  echo x\n", false},
		{"unknown-base", "# escape=`\nFROM registry.example.com/buildtools:1\nRUN cd C:\\app && nmake\n", false},
		{"unresolved-base", "# escape=`\nARG BASE\nFROM ${BASE}\nRUN apt-get install curl\n", false},
		{"python-windows-tag", "# escape=`\nFROM python:3.12-windowsservercore-ltsc2022\nRUN pip install x\n", false},
		{"alpine", "# escape=`\nFROM alpine:3.20\nRUN apk add curl\n", true},
		{"linux-platform", "# escape=`\nFROM --platform=linux/amd64 registry.example.com/buildtools:1\nRUN apt-get install curl\n", true},
		{"posix-shell", "# escape=`\nFROM registry.example.com/buildtools:1\nSHELL [\"/bin/bash\", \"-c\"]\nRUN apt-get install curl\n", true},
		{"child-stage", "# escape=`\nFROM debian:12 AS base\nFROM base\nRUN apt-get install curl\n", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			df := mustParseDockerfile(t, tt.text)
			if s := instr(t, df, "RUN", 0).Script; (s != nil) != tt.parsed {
				t.Errorf("RUN parsed as POSIX shell = %v, want %v", s != nil, tt.parsed)
			}
		})
	}
}

// CMD, ENTRYPOINT and HEALTHCHECK shell forms follow the same shell.
func TestBacktickEscapeShellForms(t *testing.T) {
	df := mustParseDockerfile(t, "# escape=`\nFROM alpine:3.20\nHEALTHCHECK CMD wget -q -O- `\n  http://localhost/ || exit 1\nCMD set -e; `\n  exec app\n")
	if s := instr(t, df, "HEALTHCHECK", 0).Script; s == nil || commandNames(s) != "wget exit" {
		t.Errorf("HEALTHCHECK script = %+v", s)
	}
	spec := df.Final().Cmd
	if spec.Script == nil || finalNames(spec.Script) != "exec app" {
		t.Fatalf("CMD script = %+v", spec.Script)
	}
	if r := spec.Script.Final[0].NameRange; r.Start != (Pos{6, 3}) {
		t.Errorf("exec at %+v", r)
	}
	win := mustParseDockerfile(t, "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL [\"powershell\", \"-Command\"]\nHEALTHCHECK CMD Invoke-WebRequest http://localhost/ `\n  -UseBasicParsing\nCMD Write-Host hi\n")
	if s := instr(t, win, "HEALTHCHECK", 0).Script; s != nil {
		t.Errorf("a PowerShell HEALTHCHECK must not be parsed as POSIX shell: %+v", s)
	}
	if s := win.Final().Cmd.Script; s != nil {
		t.Errorf("a PowerShell CMD must not be parsed as POSIX shell: %+v", s)
	}
}

// buildkit continues a line whose escape is followed by blanks, and not
// one whose escape is itself escaped.
func TestContinuationEdges(t *testing.T) {
	df := mustParseDockerfile(t, "FROM debian:12\nRUN apt-get install -y \\  \n    curl\nRUN echo a\\\\\nRUN true\n")
	if got := commandNames(instr(t, df, "RUN", 0).Script); got != "apt-get" {
		t.Errorf("blanks after the escape: commands = %q", got)
	}
	if got := instr(t, df, "RUN", 0).Script.Commands[0].ArgValues(); strings.Join(got, " ") != "install -y curl" {
		t.Errorf("blanks after the escape: args = %q", got)
	}
	if got := commandNames(instr(t, df, "RUN", 1).Script); got != "echo" {
		t.Errorf("an escaped escape ends the RUN: commands = %q", got)
	}
	// A backslash before a backtick continuation escapes what the next line
	// starts with, which sh could not be shown at these columns.
	bt := mustParseDockerfile(t, "# escape=`\nFROM debian:12\nRUN echo a\\`\n b\n")
	if s := instr(t, bt, "RUN", 0).Script; s != nil {
		t.Errorf("a backslash before a backtick continuation: parsed %q", commandNames(s))
	}
}

func commandNames(s *Script) string {
	if s == nil {
		return "<nil>"
	}
	var names []string
	for _, c := range s.Commands {
		names = append(names, c.Name)
	}
	return strings.Join(names, " ")
}

// A Go or Jinja template of a Dockerfile cannot be parsed; the error says
// what the file is and how to leave it out.
func TestTemplateParseErrorSaysWhatTheFileIs(t *testing.T) {
	for _, text := range []string{"{{ .from }}\nRUN true\n", "FROM debian\n{% if x %}\nRUN true\n{% endif %}\n"} {
		_, err := ParseDockerfile("Dockerfile.oracle", []byte(text))
		if err == nil || !strings.Contains(err.Error(), "a template that a generator renders") {
			t.Errorf("%q: %v", text, err)
		}
	}
	if _, err := ParseDockerfile("Dockerfile", []byte("FROM debian\nFRM x\n")); err == nil || strings.Contains(err.Error(), "template") {
		t.Errorf("a misspelt instruction: %v", err)
	}
}
