package rules

import (
	"fmt"

	"github.com/dlint-dev/dlint/parser"
)

// StopSignal reports a stop signal Docker refuses, and one that gives
// the container no chance to shut down.
var StopSignal = &Rule{
	ID:       "stop-signal",
	Severity: Warning,
	Tags:     []string{TagPID1, TagCorrectness},
	Summary:  "The stop signal is not one Docker knows, or it stops the container without a shutdown",
	Doc: `## Why
` + "`docker stop`" + ` (and ` + "`docker compose down`" + `) sends the container's stop signal to
PID 1, waits the grace period (10 s by default) and then sends SIGKILL. The
signal is SIGTERM unless ` + "`STOPSIGNAL`" + `, compose's ` + "`stop_signal:`" + ` or
` + "`docker run --stop-signal`" + ` sets another.

- **SIGKILL** cannot be caught: every stop kills the program at once, so it
  cannot finish the requests it is serving, flush what it buffers to disk or
  close its connections. A database loses what it had not written.
- **SIGSTOP** cannot be caught either: it freezes the program, which then
  sits frozen through the whole grace period before the SIGKILL.
- A name Docker does not know (` + "`STOPSIGNAL SIGTERN`" + `) fails the build (buildkit
  refuses it), and in compose or on a run line the engine refuses to create
  the container (` + "`invalid signal`" + `).

Stop on the signal the program shuts down cleanly on: SIGTERM for most,
SIGQUIT for nginx and php-fpm, SIGINT for PostgreSQL, SIGWINCH for Apache
httpd. A container whose only program keeps it alive (` + "`sleep infinity`" + `,
` + "`tail -f /dev/null`" + `) loses nothing to SIGKILL and is not reported.

## Bad
` + "```dockerfile" + `
FROM postgres:17
STOPSIGNAL SIGKILL
` + "```" + `

## Good
` + "```dockerfile" + `
FROM postgres:17
STOPSIGNAL SIGINT
` + "```" + `

## Silence
` + "`# dlint ignore=stop-signal`" + ` on the line above, or ` + "`stop-signal: off`" + ` in
.dlint.yaml.`,
	Check: checkStopSignal,
}

func checkStopSignal(pass *Pass) {
	reported := map[parser.Range]bool{}
	report := func(c *parser.Container, s *parser.StopSignal, f Finding) {
		if reported[s.Range] && c == nil {
			return
		}
		reported[s.Range] = true
		if c != nil {
			pass.ReportAbout(c, f)
			return
		}
		pass.ReportFinding(f)
	}
	// A STOPSIGNAL Docker refuses fails the build of its stage, whatever
	// runs: the Dockerfile's own pass reports it.
	if df := pass.Dockerfile; df != nil {
		for _, st := range df.Stages {
			if s := st.StopSignal; s != nil && s.Resolved && s.Name == "" {
				report(nil, s, Finding{Range: s.Range, Severity: Error, Message: fmt.Sprintf("`STOPSIGNAL %s` names no signal Docker knows, so the build fails (`invalid signal: %s`); write a signal name such as SIGTERM or SIGQUIT, or its number", s.Written, s.Raw)})
			}
		}
	}
	for _, c := range pass.Containers {
		s := c.StopSignal()
		if s == nil || !s.Resolved {
			continue
		}
		if c.Service != nil && s == c.Service.StopSignal && s.Name == "" {
			report(nil, s, Finding{Range: s.Range, Severity: Error, Message: fmt.Sprintf("`%s` names no signal Docker knows, so the engine refuses to create the container (`invalid signal`); write a signal name such as SIGTERM or SIGQUIT, or its number", c.Service.Setting("stop_signal", s.Raw))})
			continue
		}
		if c.OneOff() || keepsAliveOnly(c) {
			continue // nothing to shut down cleanly
		}
		setting := stopSignalSetting(c, s)
		severity := Severity(0)
		if pass.ForTests {
			severity = Info // a test's containers hold throwaway data
		}
		switch s.Name {
		case "SIGKILL":
			report(c, s, Finding{Range: s.Range, Severity: severity, Message: fmt.Sprintf("%s makes every `docker stop` of %s a kill: SIGKILL cannot be caught, so the program cannot finish its requests, flush its writes or close its connections; stop on SIGTERM (or the signal the program shuts down on), and if it is slow to stop, shorten the wait (%s) rather than give it none", setting, subjectMark, shorterWait(c))})
		case "SIGSTOP":
			report(c, s, Finding{Range: s.Range, Severity: severity, Message: fmt.Sprintf("%s makes `docker stop` freeze %s for the whole grace period and then kill it: SIGSTOP cannot be caught, so no shutdown code runs; stop on SIGTERM (or the signal the program shuts down on)", setting, subjectMark)})
		}
	}
}

// stopSignalSetting writes the setting that chose s, for messages.
func stopSignalSetting(c *parser.Container, s *parser.StopSignal) string {
	if c.Service != nil && s == c.Service.StopSignal {
		return "`" + c.Service.Setting("stop_signal", s.Raw) + "`"
	}
	return "`STOPSIGNAL " + s.Written + "`"
}

// shorterWait says how to shorten the grace period where c is started.
func shorterWait(c *parser.Container) string {
	switch {
	case c.Service != nil && c.Service.Run != nil:
		return "`docker stop -t 3`"
	case c.Service != nil:
		return "`" + c.Service.Setting("stop_grace_period", "3s") + "`"
	}
	return "compose's `stop_grace_period: 3s`, `docker stop -t 3`"
}

// keepsAliveOnly reports whether what the container runs only keeps it
// alive (`sleep infinity`, `tail -f /dev/null`): it has nothing to lose
// to a kill.
func keepsAliveOnly(c *parser.Container) bool {
	argv := append(append([]string(nil), specArgv(c.Entrypoint())...), specArgv(c.Cmd())...)
	if parser.IsKeepAlive(argv) {
		return true
	}
	// A shell-form CMD alone that runs nothing but keep-alives.
	cmd := c.Cmd()
	if c.Entrypoint() != nil || cmd == nil || cmd.Exec || cmd.Script == nil || cmd.Script.Err != nil {
		return false
	}
	return keepAlives(cmd.Script.Final) && len(cmd.Script.Final) == len(cmd.Script.Commands)
}

// specArgv is an exec-form spec's argv; nil for none or a shell form.
func specArgv(spec *parser.ExecSpec) []string {
	if spec == nil || !spec.Exec {
		return nil
	}
	return spec.Argv
}
