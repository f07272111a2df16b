package rules

import (
	"fmt"

	"github.com/dlint-dev/dlint/images"
	"github.com/dlint-dev/dlint/parser"
)

// ShellFormCmdWithEntrypoint reports a shell-form CMD given to an
// exec-form ENTRYPOINT.
var ShellFormCmdWithEntrypoint = &Rule{
	ID:       "shell-form-cmd-with-entrypoint",
	Severity: Warning,
	Tags:     []string{TagPID1, TagDockerfile, TagCorrectness},
	Summary:  "A shell-form CMD reaches an exec-form ENTRYPOINT as `/bin/sh -c \"…\"` arguments",
	Doc: `## Why
When ENTRYPOINT is in exec form, CMD supplies its arguments. A shell-form CMD is
stored as ` + "`[\"/bin/sh\", \"-c\", \"serve --port 80\"]`" + `, so the entrypoint is started
as ` + "`/entrypoint.sh /bin/sh -c \"serve --port 80\"`" + `. An entrypoint that inspects its
first argument (` + "`if [ \"$1\" = serve ]`" + `) or passes flags on to a program sees
` + "`/bin/sh`" + ` instead, and one that ends with ` + "`exec \"$@\"`" + ` hands PID 1 to a shell that
does not forward SIGTERM to the real program. An entrypoint script dlint
reads that looks at none of its arguments one by one and only hands them on
(` + "`exec \"$@\"`" + `, ` + "`exec gosu app \"$@\"`" + `) is left alone when the ` + "`sh -c`" + ` ends by exec'ing its program (written
` + "`exec`" + `, or a shell that execs its last command): the program ends as PID 1,
and the shell form is wanted there (` + "`. /etc/apache2/envvars && exec apache2`" + `). dlint
follows ENTRYPOINT/CMD inheritance across stages (an ENTRYPOINT set in a stage
drops the CMD it inherited).

## Bad
` + "```dockerfile" + `
FROM postgres:17
ENTRYPOINT ["docker-entrypoint.sh"]
CMD postgres -c shared_buffers=256MB
` + "```" + `

## Good
` + "```dockerfile" + `
FROM postgres:17
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["postgres", "-c", "shared_buffers=256MB"]
` + "```" + `

## Silence
` + "`# dlint ignore=shell-form-cmd-with-entrypoint`" + ` on the line above the CMD, or
` + "`shell-form-cmd-with-entrypoint: off`" + ` in .dlint.yaml.`,
	Check: checkShellFormCmdWithEntrypoint,
}

func checkShellFormCmdWithEntrypoint(pass *Pass) {
	for _, v := range runViews(pass) {
		ep, cmd := v.entrypoint, v.cmd
		if ep == nil || cmd == nil || !ep.Exec || cmd.Exec || cmd.Instr == nil || len(ep.Argv) == 0 {
			continue
		}
		// An entrypoint script that only hands its arguments on (`exec
		// "$@"`) runs the `sh -c` as well as the program, and when that
		// shell execs its last command the program ends as PID 1: the
		// shell form is wanted there (FreshRSS's `. envvars && cron &&
		// exec apache2`).
		if c := v.container; c != nil && c.Script != nil && passesArgsOnly(c.Script) && shellHandsOver(cmd, v.shellKind("/bin/sh")) {
			continue
		}
		shell := shellCommandLine(cmd)
		what := "receives `" + shell + "` and the command line as its arguments instead of the program and its flags"
		if _, rest, ok := initWrapper(ep.Argv, v.runsInit); ok && len(rest) == 0 {
			what = "starts `" + shell + " '…'` as its child, so the shell, not the program, receives the signals it forwards"
		}
		msg := fmt.Sprintf("shell-form CMD is passed to ENTRYPOINT %s, which %s; write CMD in exec form: %s",
			entrypointExample(ep), what, execFormExample("CMD", cmd))
		pass.ReportFix(cmd.Range, msg, execFormFix(cmd))
	}
}

// entrypointExample shows an exec-form ENTRYPOINT, shortened when long.
func entrypointExample(ep *parser.ExecSpec) string {
	argv := ep.Argv
	if len(argv) > 3 {
		arr := jsonArray(argv[:3])
		return "`" + arr[:len(arr)-1] + ", …]`"
	}
	return "`" + jsonArray(argv) + "`"
}

// passesArgsOnly reports whether a script reads its arguments only as a
// whole, to run them ("$@"), not one by one ($1, $#, $*) to decide what
// to do with them; a function's own $1 is not the script's.
func passesArgsOnly(s *parser.Script) bool {
	if s.InspectsArgs() {
		return false
	}
	tail := tailCommands(s)
	for _, cmd := range s.Commands {
		// `exec "$@"`, or a hand-over that runs them (`exec gosu app "$@"`).
		if (cmd.Exec || tail[cmd]) && cmd.RunsAllArgs() {
			return true
		}
	}
	return false
}

// shellHandsOver reports whether the `sh -c` of a shell-form CMD ends by
// replacing itself with its program: `exec` written in every tail, or a
// shell that execs the last command itself.
func shellHandsOver(cmd *parser.ExecSpec, sh images.Shell) bool {
	s := cmd.Script
	if s == nil || s.Err != nil || len(s.Final) == 0 {
		return false
	}
	if s.ExecsLast(sh) {
		return true
	}
	for _, f := range s.Final {
		if !f.Exec {
			return false
		}
	}
	return true
}
