package rules

import (
	"fmt"
	"strings"

	"github.com/dlint-dev/dlint/parser"
)

// EntrypointScriptMissingExec reports an entrypoint script whose last
// command is not exec'd, so its shell stays PID 1.
var EntrypointScriptMissingExec = &Rule{
	ID:       "entrypoint-script-missing-exec",
	Severity: Warning,
	Tags:     []string{TagPID1, TagBestPractice},
	Summary:  "The entrypoint script runs its main program without `exec`, so the shell stays PID 1",
	Doc: `## Why
An entrypoint script runs as PID 1. When it ends with ` + "`\"$@\"`" + ` or
` + "`gunicorn app:wsgi`" + ` rather than ` + "`exec \"$@\"`" + `, the shell stays PID 1 and the
program is its child. The shell does not pass on the SIGTERM of ` + "`docker stop`" + `
(PID 1 has no default handler, so the signal is simply dropped), the program is
killed after the 10 s grace period without a clean shutdown, and zombie children
are not reaped. ` + "`exec`" + ` replaces the shell with the program, which then receives
signals directly.

dlint reads the script the ENTRYPOINT (or CMD) starts when a COPY/ADD of the
stage takes it from the build context, and looks at what it runs last in every
branch (through functions such as ` + "`_main \"$@\"`" + `, ` + "`cmd || exit 1`" + ` and a trailing
` + "`exit $?`" + `). Branches that end with ` + "`exit`" + `, ` + "`echo`" + ` or a similar builtin are fine, and
so is a script that traps TERM and ` + "`wait`" + `s for background jobs on purpose. A
privilege drop without ` + "`exec`" + ` (` + "`gosu app \"$@\"`" + `) is left to
` + "`privilege-drop-without-exec`" + `.

## Bad
` + "```sh" + `
#!/bin/sh
set -e
python manage.py migrate
gunicorn --bind 0.0.0.0:8000 app.wsgi
` + "```" + `

## Good
` + "```sh" + `
#!/bin/sh
set -e
python manage.py migrate
exec gunicorn --bind 0.0.0.0:8000 app.wsgi
` + "```" + `

## Silence
` + "`# dlint ignore=entrypoint-script-missing-exec`" + ` on the line above the command in
the script, or ` + "`entrypoint-script-missing-exec: off`" + ` in .dlint.yaml.`,
	Check: checkEntrypointScriptMissingExec,
}

func checkEntrypointScriptMissingExec(pass *Pass) {
	for _, c := range pass.Containers {
		s := c.Script
		if s == nil || !scriptIsMain(c) || c.StopSignal().Kills() {
			continue // with SIGKILL no process gets a signal to handle
		}
		for _, cmd := range unexecedTail(s) {
			if leftToPrivilegeRules(cmd) || sourcedFunction(c, cmd.Name) || failsAfter(s, cmd) {
				continue
			}
			pass.ReportFinding(scriptTailFinding(c, cmd))
		}
	}
}

// failsAfter reports whether the statement after cmd exits with a failing
// status (`echo usage; sleep 60; exit 1`): the branch is a deliberate
// failure, a pause before it, not the app; exec would lose the status.
// `server || exit 1`, on cmd's line, exits only when the server fails.
func failsAfter(s *parser.Script, cmd *parser.Command) bool {
	for i, c := range s.Commands {
		if c != cmd || i+1 >= len(s.Commands) {
			continue
		}
		next := s.Commands[i+1]
		if next.Name != "exit" || next.Range.Start.Line <= cmd.Range.End.Line || next.Parent != cmd.Parent {
			return false
		}
		return len(next.Args) > 0 && next.Args[0].Literal && next.Args[0].Lit != "0"
	}
	return false
}

// sourcedFunction reports whether name is a function of a file the
// entrypoint script sources (gitlab's `migrate_database`): exec cannot run
// it, and what it runs is that file's to say.
func sourcedFunction(c *parser.Container, name string) bool {
	for _, s := range c.Sourced {
		if s.Functions[name] {
			return true
		}
	}
	return false
}

// leftToPrivilegeRules reports whether another rule owns this tail
// command: a privilege drop or `su` without exec.
func leftToPrivilegeRules(cmd *parser.Command) bool {
	if _, ok := privilegeDrop(cmd); ok {
		return true
	}
	switch cmd.Base() {
	case "su", "runuser", "sudo":
		return true
	}
	return false
}

func scriptTailFinding(c *parser.Container, cmd *parser.Command) Finding {
	name := "`" + shortCommand(cmd) + "`"
	script := "the entrypoint script"
	if c.ScriptArgv0 != "" {
		script = fmt.Sprintf("entrypoint script %s", shortWord(c.ScriptArgv0))
	}
	sig := c.StopSignal().Label()
	pid1 := "its shell stays PID 1 and " + sig + " from `docker stop` never reaches the program (killed after 10 s)"
	if initRunsScript(c) {
		pid1 = "its shell stays between the init and the program, so " + sig + " goes to the shell, not the program"
	}
	if cmd.Name == "wait" {
		return Finding{
			Range:   cmd.NameRange,
			Message: fmt.Sprintf("%s ends with `wait` for background jobs but traps neither TERM nor INT, so %s; %s", script, pid1, tailAdvice([]*parser.Command{cmd}, sig)),
		}
	}
	if cmd.Piped {
		return Finding{
			Range:   cmd.NameRange,
			Message: fmt.Sprintf("%s ends with a pipeline into %s, so %s; exec the main program (`exec app \"$@\"`) and send its output elsewhere, e.g. to a file or with `exec > >(tee …)` in bash", script, name, pid1),
		}
	}
	f := Finding{
		Range:   cmd.NameRange,
		Message: fmt.Sprintf("%s runs %s last without `exec`: %s; write `exec %s`", script, name, pid1, shortCommand(cmd)),
	}
	// A script that sources others may run one of their functions, which
	// exec cannot run (docker-bench-security's `endjson`).
	fromSourced := sourcesFiles(c.Script) && !strings.Contains(cmd.Name, "/")
	if fromSourced {
		f.Message = fmt.Sprintf("%s runs %s last without `exec`: if it is a program, not a function of a file the script sources, %s; then write `exec %s`", script, name, pid1, shortCommand(cmd))
	}
	// exec only before an external program: not before a function the
	// script defines (`exec start_server` fails), a builtin or an alias.
	if len(cmd.Assigns) == 0 && !cmd.Background && !trapsExit(c.Script) && c.Script.CanExec(cmd) && !fromSourced {
		at := parser.Range{File: cmd.Range.File, Start: cmd.Range.Start, End: cmd.Range.Start}
		f.Fix = &Fix{Description: "exec the program so it replaces the shell", Edits: []Edit{{Range: at, NewText: "exec "}}}
	}
	return f
}

// initRunsScript reports whether an init (compose `init: true`, or tini in
// the ENTRYPOINT) is PID 1 and the script its child.
func initRunsScript(c *parser.Container) bool {
	if c.InitEnabled() {
		return true
	}
	spec := c.Entrypoint()
	if spec == nil {
		spec = c.Cmd()
	}
	if spec == nil || !spec.Exec {
		return false
	}
	_, _, ok := initWrapper(spec.Argv, containerView(c).runsInit)
	return ok
}

// scriptIsMain reports whether the linked script is what the container
// runs last, so that its shell would stay in front of the program: not a
// setup step such as `sh -c "/setup.sh && exec app"`.
func scriptIsMain(c *parser.Container) bool {
	spec := c.Entrypoint()
	if spec == nil {
		spec = c.Cmd()
	}
	if spec == nil {
		return false
	}
	if !spec.Exec {
		return tailRuns(spec.Script, c.ScriptArgv0)
	}
	_, argv, _ := initWrapper(spec.Argv, containerView(c).runsInit)
	if len(argv) == 0 {
		return false
	}
	if i := parser.ShellCScript(argv); i > 0 {
		script, _ := inlineScript(spec, len(spec.Argv)-len(argv)+i)
		return tailRuns(script, c.ScriptArgv0)
	}
	return true // the program itself, or `sh /entrypoint.sh`
}

// tailRuns reports whether one of the tail commands of s runs name.
func tailRuns(s *parser.Script, name string) bool {
	if s == nil {
		return false
	}
	for _, cmd := range s.Final {
		if cmd.Name == name || parser.IsShell(cmd.Name) && cmd.HasArg(name) {
			return true
		}
	}
	return false
}

// sourcesFiles reports whether the script reads another file into itself
// (`. ./lib.sh`, `source functions.sh`), whose functions it may call.
func sourcesFiles(s *parser.Script) bool {
	for _, c := range s.Commands {
		if (c.Name == "." || c.Name == "source") && len(c.Args) > 0 {
			return true
		}
	}
	return false
}
