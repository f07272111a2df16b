package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/dlint-dev/dlint/parser"
)

// SuPrivilegeDrop reports su and runuser used to run commands as another
// user in ENTRYPOINT, CMD, compose commands and entrypoint scripts.
var SuPrivilegeDrop = &Rule{
	ID:       "su-privilege-drop",
	Severity: Warning,
	Tags:     []string{TagSecurity, TagPID1, TagDockerfile},
	Summary:  "su or runuser switches user: it keeps a process between PID 1 and the app; use gosu, su-exec or setpriv",
	Doc: `## Why
` + "`su`" + ` and ` + "`runuser`" + ` are made for people at a terminal: they go through PAM, start
a shell (` + "`su -c`" + ` runs the command through the target user's login shell), and
stay running as the parent of what they start. Measured with util-linux 2.38's
su as PID 1: on the SIGTERM of ` + "`docker stop`" + ` it signals only its child, the
shell, and kills it 2 s later; the app gets the signal only when that shell
exec'd it (bash does for a lone command, dash does not). ` + "`runuser -u app -- server`" + `
starts the app without a shell and passes the signal on, so it is
reported as info: only the extra parent remains. busybox's su (Alpine, unless
util-linux-login or shadow-login is installed) execs the shell in its own place
and is not reported at run time. ` + "`gosu`" + `, ` + "`su-exec`" + ` and ` + "`setpriv`" + `
switch user and then exec the program, so the app itself becomes PID 1:
` + "`exec gosu app \"$@\"`" + ` at the end of an entrypoint script. At run time only the su
that hands over the main program is reported: exec'd, or the last command the
script runs (through a function it calls last); a setup step the script waits
for before its own ` + "`exec \"$@\"`" + ` is over before the app starts. A RUN has no
PID 1 to stand in front of, and ` + "`su postgres -c initdb`" + ` there does what it says,
so RUN is not reported.

dlint looks at ENTRYPOINT and CMD (shell form, exec form and ` + "`sh -c`" + `
strings), compose ` + "`entrypoint:`" + `/` + "`command:`" + ` and the entrypoint scripts they
start. ` + "`su`" + ` as an argument (` + "`apt-get install su`" + `) is not reported.

## Bad
` + "```sh" + `
#!/bin/sh
# docker-entrypoint.sh
chown -R app:app /data
su app -c "exec /usr/local/bin/server"
` + "```" + `

## Good
` + "```sh" + `
#!/bin/sh
# docker-entrypoint.sh
chown -R app:app /data
exec gosu app /usr/local/bin/server
` + "```" + `

## Silence
` + "`# dlint ignore=su-privilege-drop`" + ` on the line above the instruction, or
` + "`su-privilege-drop: off`" + ` in .dlint.yaml.`,
	Check: checkSuPrivilegeDrop,
}

func checkSuPrivilegeDrop(pass *Pass) {
	if pass.Dockerfile != nil {
		for _, st := range pass.Dockerfile.Stages {
			for _, in := range st.Instructions {
				// A RUN has no PID 1 for su to stand in front of, and its
				// `su postgres -c initdb` does what it says: not reported.
				if in.Keyword == "ENTRYPOINT" || in.Keyword == "CMD" {
					reportSu(pass, in.Script, in.Keyword, st, st.EffectiveStopSignal())
				}
			}
		}
	}
	for _, c := range pass.Containers {
		reportSu(pass, c.Script, "script", c.Stage, c.StopSignal())
		if c.Service == nil {
			continue
		}
		for _, spec := range []*parser.ExecSpec{c.Service.Entrypoint, c.Service.Command} {
			if spec != nil && spec.Instr == nil {
				reportSu(pass, spec.Script, "compose", c.Stage, c.StopSignal())
			}
		}
	}
}

// reportSu reports the su and runuser commands of s; stage is the one
// whose image runs them, nil when not known. With a SIGKILL stop signal
// su has no signal to pass on: not reported.
func reportSu(pass *Pass, s *parser.Script, where string, stage *parser.Stage, stop *parser.StopSignal) {
	if s == nil || stop.Kills() {
		return
	}
	for _, cmd := range s.Commands {
		tool := cmd.Base()
		if tool != "su" && tool != "runuser" || onlyAsksForHelp(cmd) {
			continue
		}
		user := suTargetUser(cmd)
		r := commandNameRange(s, cmd)
		// At run time only the hand-over of the main program puts su
		// between PID 1 and the app; a setup step the script waits for
		// (in a helper, before `exec "$@"`) ends before the app starts.
		if !handsOver(s, cmd) {
			continue
		}
		// busybox su execs the user's shell in its own place: what that
		// shell does with its command is the shell rules' to judge.
		if tool == "su" && stage != nil && stage.BusyboxSu() {
			continue
		}
		who := userOr(user, "<user>")
		prog, more := suProgram(cmd), ""
		if prog == "" {
			prog, more = "…", ", the command -c runs written as its own words"
		}
		handover := fmt.Sprintf("`exec gosu %s %s`%s (or su-exec; `setpriv --reuid=%s --regid=%s --init-groups %s` where neither is installed, as on Debian and Ubuntu)", who, prog, more, who, who, prog)
		if runsThroughShell(cmd) {
			// Measured with util-linux 2.38 su as PID 1: on SIGTERM it
			// signals only its child, the shell, and kills it 2 s later.
			pass.Report(r, fmt.Sprintf("`%s` stays running as the parent of a shell: on `docker stop` it passes SIGTERM only to that shell, so the app gets it only if the shell execs it (bash does for one command, dash does not), and su kills the shell 2 s later; hand over with %s so the app replaces the script", tool, handover))
			continue
		}
		// `runuser -u app -- server` starts the app itself and passes
		// SIGTERM on: only the extra parent is left.
		pass.ReportFinding(Finding{Range: r, Severity: Info, Message: fmt.Sprintf("`%s` stays running as the app's parent: it passes SIGTERM on, but reaps no orphaned children and holds a PAM session open; hand over with %s so the app replaces the script", tool, handover)})
	}
}

// suProgram is the program to hand over to: what su's `-c` string runs
// when it is one plain command (`exec` dropped), "" when the string is
// more than that, and the entrypoint's arguments ("$@") without -c.
func suProgram(cmd *parser.Command) string {
	c, ok := cmdOptionValue(cmd.Args, "-c", "--command")
	if !ok {
		return `"$@"`
	}
	// A word that is not literal keeps its source text, quotes and $.
	if c == "" || strings.ContainsAny(c, "$`;&|<>()\\\"'*?") {
		return ""
	}
	return strings.TrimPrefix(strings.TrimSpace(c), "exec ")
}

// handsOver reports whether cmd is what script s ends in: exec'd, or in
// tail position (for a command of an `sh -c` string, in tail position of
// that string, whose own command hands over).
func handsOver(s *parser.Script, cmd *parser.Command) bool {
	if cmd.Exec {
		return true
	}
	if p := cmd.Parent; p != nil && p.Inline != nil {
		return slices.Contains(p.Inline.Final, cmd) && handsOver(s, p)
	}
	return slices.Contains(s.Final, cmd)
}

// runsThroughShell reports whether su/runuser starts a shell: always for su
// and for runuser without -u, which execs the command directly.
func runsThroughShell(cmd *parser.Command) bool {
	if cmd.Base() == "su" {
		return true
	}
	_, direct := cmdOptionValue(cmd.Args, "-u", "--user")
	return !direct
}

func userOr(user, def string) string {
	if user == "" || user == "root" {
		return def
	}
	return user
}

// onlyAsksForHelp reports whether cmd is `su --help` or `su --version`.
func onlyAsksForHelp(cmd *parser.Command) bool {
	if len(cmd.Args) != 1 {
		return false
	}
	switch cmd.Args[0].Lit {
	case "--help", "-h", "--version", "-V":
		return true
	}
	return false
}

// suValueOptions are the options of su and runuser that take a value.
var suValueOptions = map[string]bool{
	"-c": true, "--command": true, "-s": true, "--shell": true, "-g": true, "--group": true,
	"-G": true, "--supp-group": true, "-w": true, "--whitelist-environment": true,
	"-C": true, "--session-command": true,
}

// suTargetUser names the user `su [options] [-] user …` or `runuser -u
// user …` switches to; "" when it is not written literally.
func suTargetUser(cmd *parser.Command) string {
	if u, ok := cmdOptionValue(cmd.Args, "-u", "--user"); ok && cmd.Base() == "runuser" {
		return literalUser(u)
	}
	for i := 0; i < len(cmd.Args); i++ {
		a := cmd.Args[i]
		switch {
		case a.Lit == "-" || a.Lit == "--":
			continue
		case strings.HasPrefix(a.Lit, "--"):
			if suValueOptions[a.Lit] {
				i++
			}
			continue
		case strings.HasPrefix(a.Lit, "-"):
			// -c CMD, -s SHELL; clustered -lc takes the next word too.
			last := "-" + a.Lit[len(a.Lit)-1:]
			if suValueOptions[last] && len(a.Lit) > 1 {
				i++
			}
			continue
		}
		if !a.Literal {
			return ""
		}
		return literalUser(a.Lit)
	}
	return "root"
}

func literalUser(s string) string {
	if s == "" || strings.ContainsAny(s, "$`\"' ") {
		return ""
	}
	return s
}
