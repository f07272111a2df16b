package parser

import (
	"strings"
	"testing"
)

// finalNames renders a script's tail commands: "app" or "exec app".
func finalNames(s *Script) string {
	var out []string
	for _, c := range s.Final {
		name := c.Name
		if c.Exec {
			name = "exec " + name
		}
		out = append(out, name)
	}
	return strings.Join(out, ", ")
}

func parseText(t *testing.T, text string) *Script {
	t.Helper()
	s := ParseShell(NewSource("script.sh", []byte(text)), text, nil)
	if s.Err != nil {
		t.Fatalf("parse %q: %v", text, s.Err)
	}
	return s
}

func TestFinal(t *testing.T) {
	tests := []struct {
		name, script, want string
	}{
		{"exec", `exec app --flag`, "exec app"},
		{"plain", "set -e\napp --flag", "app"},
		{"all args", "#!/bin/sh\nset -e\n\"$@\"", `"$@"`},
		{"exec all args", "#!/bin/sh\nexec \"$@\"", `exec "$@"`},
		{"exec with flags", `exec -a name app`, "exec app"},
		{"bare exec only redirects", "exec >/dev/null 2>&1\napp", "app"},
		{"and chain", `migrate && exec app`, "exec app"},
		{"and chain without exec", `migrate && app`, "app"},
		{"or exit", `app || exit 1`, "app"},
		{"exec or exit", `exec app || exit 1`, "exec app"},
		{"trailing exit", "app \"$@\"\nexit $?", "app"},
		{"lone exit", `exit 0`, "exit"},
		{"trailing assignment", "exec app\nX=1", "exec app"},
		{"if else", "if [ \"$1\" = app ]; then\n  exec gosu app \"$@\"\nelse\n  exec \"$@\"\nfi", `exec gosu, exec "$@"`},
		{"elif with usage exit", "if a; then exec x; elif b; then y; else echo usage >&2; exit 1; fi", "exec x, y, echo"},
		{"case", "case \"$1\" in\n  web) exec server ;;\n  *) exec \"$@\" ;;\nesac", `exec server, exec "$@"`},
		{"block", `{ setup; exec app; }`, "exec app"},
		{"function tail", "main() {\n  setup\n  exec app \"$@\"\n}\nmain \"$@\"", "exec app"},
		{"function keyword", "function run { app; }\nrun", "app"},
		{"function returns", "main() { app; return $?; }\nmain", "app"},
		{"recursive function", "f() { f; }\nf", "f"},
		{"function defined after use is not called", "start\nstart() { exec app; }", "start"},
		{"pipeline", `app | tee /var/log/app.log`, "tee"},
		{"background", `app &`, ""},
		{"supervisor", "trap 'kill $pid' TERM INT\napp & pid=$!\nwait $pid", "wait"},
		{"loop", "while true; do sleep 1; done", ""},
		{"time", "time app", "app"},
		{"empty", "", ""},
		{"comments only", "# nothing\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := parseText(t, tt.script)
			if got := finalNames(s); got != tt.want {
				t.Errorf("Final of %q = %q, want %q", tt.script, got, tt.want)
			}
		})
	}
}

func TestFinalPipedFlag(t *testing.T) {
	s := parseText(t, `app | tee log`)
	if len(s.Final) != 1 || !s.Final[0].Piped {
		t.Fatalf("the tail of a pipeline should be marked Piped: %+v", s.Final)
	}
}

func TestCommandDetails(t *testing.T) {
	s := parseText(t, "FOO=1 BAR=2 app --x > /log 2>&1\nnohup worker &\nexec gosu app \"$@\"")
	if len(s.Commands) != 3 {
		t.Fatalf("want 3 commands, got %d", len(s.Commands))
	}
	app, worker, gosu := s.Commands[0], s.Commands[1], s.Commands[2]
	if strings.Join(app.Assigns, ",") != "FOO,BAR" || !app.Redirected {
		t.Errorf("app: Assigns = %v, Redirected = %v", app.Assigns, app.Redirected)
	}
	if !worker.Background || worker.Redirected {
		t.Errorf("worker: Background = %v, Redirected = %v", worker.Background, worker.Redirected)
	}
	if !gosu.Exec || gosu.Name != "gosu" || !gosu.RunsAllArgs() {
		t.Errorf("gosu: Exec = %v, Name = %q, RunsAllArgs = %v", gosu.Exec, gosu.Name, gosu.RunsAllArgs())
	}
	// NameRange of an exec'd command is the `exec` keyword.
	if gosu.NameRange.Start != (Pos{3, 1}) || gosu.NameRange.End != (Pos{3, 5}) {
		t.Errorf("gosu NameRange = %+v", gosu.NameRange)
	}
	if gosu.Range.Start != (Pos{3, 1}) || gosu.Range.End != (Pos{3, 19}) {
		t.Errorf("gosu Range = %+v, want 3:1-3:19 (the whole command, exec included)", gosu.Range)
	}
	if !s.HasBackground() {
		t.Error("HasBackground should be true")
	}
}

func TestTraps(t *testing.T) {
	tests := []struct {
		script, signal string
		want           bool
	}{
		{`trap 'kill $pid' TERM INT`, "TERM", true},
		{`trap 'kill $pid' TERM INT`, "INT", true},
		{`trap 'kill $pid' TERM`, "INT", false},
		{`trap cleanup SIGTERM`, "TERM", true},
		{`trap cleanup sigterm`, "TERM", true},
		{`trap cleanup 15`, "TERM", true},
		{`trap -- 'kill 0' TERM`, "TERM", true},
		{`trap cleanup EXIT`, "TERM", false},
		{`trap '' TERM`, "TERM", false},
		{`trap - TERM`, "TERM", false},
		{"on_term() { kill \"$child\"; }\ntrap on_term TERM", "TERM", true},
		{`echo TERM`, "TERM", false},
	}
	for _, tt := range tests {
		s := parseText(t, tt.script)
		if got := s.Traps(tt.signal); got != tt.want {
			t.Errorf("Traps(%q) of %q = %v, want %v", tt.signal, tt.script, got, tt.want)
		}
	}
}

func TestUsesArgs(t *testing.T) {
	tests := []struct {
		script string
		want   bool
	}{
		{`exec app "$@"`, true},
		{`exec app $*`, true},
		{`[ $# -gt 0 ] && exec "$1"`, true},
		{`exec app "${1:-serve}"`, true},
		{`echo "$0"`, false},
		{`exec app --home "$HOME"`, false},
		{`exec app`, false},
		{`exec app "$10"`, true},
	}
	for _, tt := range tests {
		if got := parseText(t, tt.script).UsesArgs; got != tt.want {
			t.Errorf("UsesArgs of %q = %v, want %v", tt.script, got, tt.want)
		}
	}
}

func TestShellCScript(t *testing.T) {
	tests := []struct {
		argv []string
		want int
	}{
		{[]string{"sh", "-c", "x"}, 2},
		{[]string{"/bin/sh", "-ec", "x"}, 2},
		{[]string{"/bin/bash", "-o", "pipefail", "-c", "x"}, 4},
		{[]string{"sh", "-x", "-c", "x", "arg0"}, 3},
		{[]string{"sh", "-c"}, -1},
		{[]string{"sh", "/entrypoint.sh"}, -1},
		{[]string{"sh", "--", "-c"}, -1},
		{[]string{"python", "-c", "print(1)"}, -1},
		{[]string{"bash"}, -1},
	}
	for _, tt := range tests {
		if got := ShellCScript(tt.argv); got != tt.want {
			t.Errorf("ShellCScript(%q) = %d, want %d", tt.argv, got, tt.want)
		}
	}
}

func TestInlineShellC(t *testing.T) {
	text := `cd /srv; sh -c 'cd /srv && exec server "$@"' -- --port 80`
	s := parseText(t, text)
	var sh *Command
	for _, c := range s.Commands {
		if c.Name == "sh" {
			sh = c
		}
	}
	if sh == nil || sh.Inline == nil {
		t.Fatalf("sh -c script not parsed: %+v", s.Commands)
	}
	if got := finalNames(sh.Inline); got != "exec server" {
		t.Errorf("inline Final = %q, want exec server", got)
	}
	server := sh.Inline.Final[0]
	if server.Parent != sh {
		t.Error("inline command's Parent should be the sh -c command")
	}
	// The inline script's positions are the file's: `exec` of `exec server`.
	col := strings.Index(text, "exec server") + 1
	if server.NameRange.Start != (Pos{1, col}) {
		t.Errorf("inline exec at %+v, want 1:%d", server.NameRange.Start, col)
	}
	// The outer script lists the inline commands too.
	found := false
	for _, c := range s.Commands {
		found = found || c == server
	}
	if !found {
		t.Error("the outer script's Commands should include the inline ones")
	}
}

func TestNestedShellC(t *testing.T) {
	s := parseText(t, `bash -c "sh -c 'exec inner'"`)
	if len(s.Final) != 1 || s.Final[0].Inline == nil {
		t.Fatalf("outer bash -c not parsed")
	}
	mid := s.Final[0].Inline
	if len(mid.Final) != 1 || mid.Final[0].Inline == nil {
		t.Fatalf("nested sh -c not parsed: %q", finalNames(mid))
	}
	if got := finalNames(mid.Final[0].Inline); got != "exec inner" {
		t.Errorf("innermost Final = %q", got)
	}
}

func TestParseScriptFile(t *testing.T) {
	text := "#!/usr/bin/env bash\r\nset -e\r\nif [ \"$1\" = serve ]; then\r\n  exec gosu app \"$@\"\r\nfi\r\nexec \"$@\"\r\n"
	s := ParseScriptFile("docker-entrypoint.sh", []byte(text))
	if s == nil || s.Err != nil {
		t.Fatalf("script not parsed: %+v", s)
	}
	if got := finalNames(s); got != `exec "$@"` {
		t.Errorf("Final = %q", got)
	}
	if got := s.Final[0].NameRange.Start; got != (Pos{6, 1}) {
		t.Errorf("final exec at %+v, want 6:1", got)
	}
	if ParseScriptFile("run.py", []byte("#!/usr/bin/env python3\nprint(1)\n")) != nil {
		t.Error("a python script is not a shell script")
	}
}

func TestIsShellShebang(t *testing.T) {
	tests := map[string]bool{
		"#!/bin/sh\n":                 true,
		"#!/usr/bin/env bash\n":       true,
		"#!/usr/bin/env -S bash -e\n": true,
		"#!/bin/busybox ash\n":        false,
		"#!/usr/bin/python3\n":        false,
		"echo hi\n":                   true,
	}
	for text, want := range tests {
		if got := IsShellShebang(text); got != want {
			t.Errorf("IsShellShebang(%q) = %v, want %v", text, got, want)
		}
	}
}

func TestIsShellScript(t *testing.T) {
	tests := map[string]bool{
		"#!/bin/sh\nexec app\n":            true,
		"\xef\xbb\xbf#!/bin/bash\n":        true,
		"#!/usr/bin/python3\nprint(1)\n":   false,
		"echo hi\n":                        true,
		"":                                 true,
		"\x7fELF\x02\x01\x01\x00\x00\x00":  false, // Linux program
		"MZ\x90\x00\x03\x00":               false, // Windows program
		"\xcf\xfa\xed\xfe\x07\x00\x00\x01": false, // Mach-O
		"#!/bin/sh\n" + "\x00":             true,  // a shebang decides
		strings.Repeat("x", 8000) + "\x00": true,  // past the sniffed head
		"echo caf\xc3\xa9\n":               true,
	}
	for text, want := range tests {
		if got := IsShellScript([]byte(text)); got != want {
			t.Errorf("IsShellScript(%q) = %v, want %v", text[:min(len(text), 40)], got, want)
		}
	}
	if s := ParseScriptFile("app", []byte("\x7fELF\x02\x01\x01\x00((((")); s != nil {
		t.Errorf("a compiled program was parsed as a script: %+v", s)
	}
}

func TestParseShellError(t *testing.T) {
	s := ParseShell(NewSource("x.sh", nil), "if then fi (", nil)
	if s.Err == nil || len(s.Commands) != 0 || len(s.Final) != 0 {
		t.Errorf("invalid shell should set Err and leave the lists empty: %+v", s)
	}
}

func TestCanExec(t *testing.T) {
	text := "start() { app; }\nalias serve='gunicorn app'\nstart\nserve\nwait\nexec_${MODE}\ngunicorn app\n\"$@\"\n"
	s := ParseShell(NewSource("x.sh", []byte(text)), text, nil)
	want := map[string]bool{"start": false, "serve": false, "wait": false, "exec_${MODE}": false, "gunicorn": true, `"$@"`: true, "app": true}
	for _, c := range s.Commands {
		w, ok := want[c.Name]
		if !ok {
			continue
		}
		if got := s.CanExec(c); got != w {
			t.Errorf("CanExec(%s) = %v, want %v", c.Name, got, w)
		}
	}
}

// A command named by a variable the script set to literal words is what
// those words make: neo4j's `exec_cmd="exec gosu neo4j:neo4j"` (as root)
// or `exec_cmd="exec"`, then `${exec_cmd} "$@"`, execs and drops.
func TestCommandNamedByVariable(t *testing.T) {
	s := ParseScriptFile("entrypoint.sh", []byte("#!/bin/bash\nif [ \"$(id -u)\" = 0 ]; then\n  exec_cmd=\"exec gosu neo4j:neo4j\"\nelse\n  exec_cmd=\"exec\"\nfi\nreadonly exec_cmd\n${exec_cmd} \"$@\"\n"))
	last := s.Commands[len(s.Commands)-1]
	if !last.Exec || last.Name != "gosu" || len(last.Args) != 2 || last.Args[0].Lit != "neo4j:neo4j" || !last.RunsAllArgs() {
		t.Errorf("last command: %+v", last)
	}
	s = ParseScriptFile("entrypoint.sh", []byte("#!/bin/sh\nrun=exec\n$run neo4j console\n"))
	if last := s.Commands[len(s.Commands)-1]; !last.Exec || last.Name != "neo4j" {
		t.Errorf("`run=exec; $run neo4j`: %+v", last)
	}
	// hedgedoc: GOSU="gosu hedgedoc" as root, else empty; `exec $GOSU "$@"`.
	s = ParseScriptFile("entrypoint.sh", []byte("#!/bin/sh\nGOSU=\"\"\nif [ \"$(id -u)\" = 0 ]; then\n  GOSU=\"gosu hedgedoc\"\nfi\nexec $GOSU \"$@\"\n"))
	if last := s.Commands[len(s.Commands)-1]; !last.Exec || last.Name != "gosu" || len(last.Args) != 2 || last.Args[0].Lit != "hedgedoc" {
		t.Errorf("`exec $GOSU \"$@\"`: %+v", last)
	}
	// bitwarden: the value's first word is literal, the user a variable.
	s = ParseScriptFile("entrypoint.sh", []byte("#!/bin/sh\nU=bitwarden\nif [ \"$(id -u)\" = 0 ]; then\n  gosu_cmd=\"gosu $U:$U\"\nelse\n  gosu_cmd=\"\"\nfi\nexec $gosu_cmd /app/api\n"))
	if last := s.Commands[len(s.Commands)-1]; !last.Exec || last.Name != "gosu" || len(last.Args) != 2 || last.Args[0].Lit != "$U:$U" || last.Args[0].Literal || last.Args[1].Lit != "/app/api" {
		t.Errorf("`exec $gosu_cmd /app/api`: %+v", last)
	}
	// A value not known, or an exec on one path only: left as written.
	for _, text := range []string{"cmd=$1\n$cmd app\n", "c=\"$GOSU app\"\n$c x\n", "c=\"gosu $(id -un)\"\n$c x\n", "if x; then c=\"exec gosu app\"; else c=\"gosu app\"; fi\n$c app\n", "\"$CMD\" app\n"} {
		s := ParseScriptFile("entrypoint.sh", []byte("#!/bin/sh\n"+text))
		if last := s.Commands[len(s.Commands)-1]; last.Exec || last.NameWord.Literal {
			t.Errorf("%q: resolved to %+v", text, last)
		}
	}
}
