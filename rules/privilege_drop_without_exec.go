package rules

import (
	"fmt"

	"github.com/dlint-dev/dlint/images"
	"github.com/dlint-dev/dlint/parser"
)

// PrivilegeDropWithoutExec reports gosu/su-exec/setpriv starting the main
// process from a shell without exec, which keeps the shell as PID 1.
var PrivilegeDropWithoutExec = &Rule{
	ID:       "privilege-drop-without-exec",
	Severity: Warning,
	Tags:     []string{TagPID1, TagDockerfile},
	Summary:  "gosu/su-exec/setpriv starts the main process without exec, so the shell stays PID 1",
	Doc: `## Why
` + "`gosu`" + `, ` + "`su-exec`" + `, ` + "`setpriv`" + ` and ` + "`chroot --userspec`" + ` exec the program they are
given, but only the shell can exec gosu itself. Without ` + "`exec`" + ` in front, the
entrypoint script's shell stays PID 1 and waits: the SIGTERM of ` + "`docker stop`" + `
goes to the shell, which does not pass it on, so the app is killed with
SIGKILL when the grace period ends, and zombies are not reaped. With
` + "`exec gosu app \"$@\"`" + ` the app itself becomes PID 1 and shuts down cleanly.

dlint reports the command that starts the main process: the last command of an
entrypoint script or of a ` + "`sh -c`" + ` string in ENTRYPOINT/CMD (or compose), or one
that hands the script's arguments on (` + "`\"$@\"`" + `). A ` + "`gosu postgres initdb`" + ` in the
middle of a script is a setup step and is fine, and so is anything in RUN. The
fix inserts ` + "`exec `" + ` when the command is the script's last.

## Bad
` + "```sh" + `
#!/bin/sh
# docker-entrypoint.sh
chown -R app:app /data
gosu app "$@"
` + "```" + `

## Good
` + "```sh" + `
#!/bin/sh
# docker-entrypoint.sh
chown -R app:app /data
exec gosu app "$@"
` + "```" + `

## Silence
` + "`# dlint ignore=privilege-drop-without-exec`" + ` on the line above the ENTRYPOINT
or CMD, or ` + "`privilege-drop-without-exec: off`" + ` in .dlint.yaml.`,
	Check: checkPrivilegeDropWithoutExec,
}

func checkPrivilegeDropWithoutExec(pass *Pass) {
	if pass.Dockerfile != nil {
		for _, in := range pass.Dockerfile.Instructions {
			if (in.Keyword == "ENTRYPOINT" || in.Keyword == "CMD") && in.Stage != nil {
				spec := &parser.ExecSpec{Instr: in}
				reportDropWithoutExec(pass, in.Script, shellFormShell(spec), in.Stage.ShellKind, in.Stage.EffectiveStopSignal())
			}
		}
	}
	for _, c := range pass.Containers {
		reportDropWithoutExec(pass, c.Script, "", nil, c.StopSignal()) // a script file: no implicit exec
		if c.Service == nil {
			continue
		}
		for _, spec := range []*parser.ExecSpec{c.Service.Entrypoint, c.Service.Command} {
			if spec != nil && spec.Instr == nil {
				reportDropWithoutExec(pass, spec.Script, "", c.ShellKind, c.StopSignal())
			}
		}
	}
}

// reportDropWithoutExec reports the drops in s that leave a shell waiting.
// shell is what runs s itself ("" when s is not a `-c` string), and
// shellKind tells what a shell is in the image, for the shells that exec a
// plain last command themselves (busybox ash, bash). stop is the signal
// docker stop sends: with SIGKILL no process gets one to miss.
func reportDropWithoutExec(pass *Pass, s *parser.Script, shell string, shellKind func(string) images.Shell, stop *parser.StopSignal) {
	if s == nil || stop.Kills() {
		return
	}
	tail := tailCommands(s)
	for _, cmd := range s.Commands {
		if cmd.Exec || implicitlyExeced(s, cmd, shell, shellKind) {
			continue
		}
		tool, ok := privilegeDrop(cmd)
		if !ok || !startsMainProcess(cmd, tail) {
			continue
		}
		text := shownCommand(cmd)
		msg := fmt.Sprintf("`%s` starts the main process without exec: the shell stays PID 1 and waits, so `docker stop`'s %s never reaches the app, which is killed after the grace period; write `exec %s` so %s replaces the shell", text, stop.Label(), text, tool)
		var fix *Fix
		if tail[cmd] && !trapsExit(s) {
			fix = insertExecFix(s, cmd)
		}
		pass.ReportFix(commandNameRange(s, cmd), msg, fix)
	}
}

// implicitlyExeced reports whether the shell running cmd's `-c` string
// replaces itself with cmd, its plain last command.
func implicitlyExeced(s *parser.Script, cmd *parser.Command, shell string, shellKind func(string) images.Shell) bool {
	if shellKind == nil {
		return false
	}
	script := s
	if cmd.Parent != nil && cmd.Parent.Inline != nil {
		script, shell = cmd.Parent.Inline, cmd.Parent.Name
	}
	if shell == "" {
		return false
	}
	for _, f := range script.Final {
		if f == cmd {
			return script.ExecsLast(shellKind(shell))
		}
	}
	return false
}

// insertExecFix puts `exec ` in front of cmd, when the source at the
// command's position is its name as written.
func insertExecFix(s *parser.Script, cmd *parser.Command) *Fix {
	r := cmd.NameRange
	text := spanText(s.Source, r)
	if text == "" || text != cmd.Name && text != `"`+cmd.Name+`"` && text != "'"+cmd.Name+"'" {
		return nil
	}
	return &Fix{
		Description: "exec the command so it replaces the shell",
		Edits:       []Edit{{Range: r, NewText: "exec " + text}},
	}
}
