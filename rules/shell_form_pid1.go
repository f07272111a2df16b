package rules

import (
	"fmt"
	"path"
	"strings"

	"github.com/dlint-dev/dlint/images"
	"github.com/dlint-dev/dlint/parser"
)

// ShellFormPID1 reports containers whose PID 1 is a shell that does not
// hand over to the program it starts.
var ShellFormPID1 = &Rule{
	ID:       "shell-form-pid1",
	Aliases:  []string{"DL3025", "JSONArgsRecommended"},
	Severity: Warning,
	Tags:     []string{TagPID1, TagDockerfile, TagCompose, TagBestPractice},
	Summary:  "The container's PID 1 is `/bin/sh -c`, which does not pass SIGTERM on to the app",
	Doc: `## Why
The shell form ` + "`CMD app --flag`" + ` runs ` + "`/bin/sh -c 'app --flag'`" + `. Whether the shell
stays PID 1 depends on what /bin/sh is in the image (measured, see
dlint's notes on PID 1 shells):

- **dash**, Debian's and Ubuntu's /bin/sh, never replaces itself: the shell
  is PID 1 and the app its child. PID 1 gets no default signal handlers, so
  the SIGTERM of ` + "`docker stop`" + ` is ignored and never reaches the app; after 10 s
  Docker kills everything, with no chance to finish requests or flush data,
  and the shell does not reap orphaned (zombie) processes.
- **busybox ash** (Alpine) and **bash 5.1+** (RHEL 9, Fedora, Amazon Linux
  2023, ` + "`bash -c`" + ` on current Debian) exec a plain last command themselves, so
  the app is PID 1 and dlint reports nothing. Not once the last command is in
  a pipeline, a loop or a subshell, follows a ` + "`trap`" + ` with a handler, is followed
  by ` + "`exit`" + `, or (bash only) is redirected or inside an ` + "`if`" + `. bash before 5.1
  (RHEL 8, Amazon Linux 2, Debian buster) execs only a lone simple command.
- An image with **no shell** (distroless, Chainguard runtime images,
  ` + "`scratch`" + `) cannot run a shell-form CMD or ENTRYPOINT at all: an error.
- When dlint does not know the base image and the answer turns on the shell
  (busybox and bash exec a lone last command, dash does not), a ` + "`sh -c`" + `
  string is not reported, and shell form is, as information that says what
  it assumes: the exec form is its fix whatever the shell. An image
  whose tag names Alpine (` + "`valkey/valkey:8.0-alpine`" + `) is taken to be built on
  it, with busybox's ` + "`sh`" + `, unless the tag names a release before 3.8.
  ` + "`dlint image NAME`" + ` shows what it knows; add your own bases under ` + "`images:`" + ` in
  .dlint.yaml.

The same holds for an exec form that starts a shell,
` + "`[\"sh\", \"-c\", \"migrate && app\"]`" + `. dlint follows ENTRYPOINT/CMD inheritance
across stages and compose ` + "`entrypoint:`" + `/` + "`command:`" + ` overrides. A command that is
` + "`exec`" + `ed replaces the shell and is fine, and so is a script that traps TERM and
` + "`wait`" + `s for background jobs on purpose. With compose ` + "`init: true`" + ` (or tini in
front) the finding is only informational: the init reaps zombies and forwards
signals, though to the shell rather than the app. A keep-alive such as
` + "`tail -f /dev/null`" + ` ignores SIGTERM as PID 1 with or without the shell: run it
under an init. Text in brackets that is not valid JSON
(` + "`CMD ['app', '--flag']`" + `, a trailing comma, a bare backslash) is shell form
too: the shell cannot run it and the container fails at start, an error.

## Bad
` + "```dockerfile" + `
FROM python:3.13-slim
COPY . /srv
CMD gunicorn --bind 0.0.0.0:8000 app:wsgi
` + "```" + `

` + "```dockerfile" + `
ENTRYPOINT ["sh", "-c", "python manage.py migrate && gunicorn app:wsgi"]
` + "```" + `

## Good
` + "```dockerfile" + `
FROM python:3.13-slim
COPY . /srv
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:wsgi"]
` + "```" + `

` + "```dockerfile" + `
ENTRYPOINT ["sh", "-c", "python manage.py migrate && exec gunicorn app:wsgi"]
` + "```" + `

## Silence
` + "`# dlint ignore=shell-form-pid1`" + ` on the line above the instruction, or
` + "`shell-form-pid1: off`" + ` in .dlint.yaml. ` + "`# hadolint ignore=DL3025`" + ` and buildkit's
` + "`# check=skip=JSONArgsRecommended`" + ` work too.`,
	Check: checkShellFormPID1,
}

// pid1Shell is a spec whose shell stays PID 1 (or stays between an init
// and the app).
type pid1Shell struct {
	spec       *parser.ExecSpec
	entrypoint bool // spec is the ENTRYPOINT
	shellForm  bool
	argv       []string          // exec form: the argv as written
	tail       []*parser.Command // tail commands not exec'd; empty for a loop
	at         parser.Range
	init       string           // "tini" when an init in the argv runs the shell
	runBy      *parser.ExecSpec // the ENTRYPOINT ["sh", "-c"] that runs this CMD
	shell      images.Shell     // what the shell is in the image
	script     *parser.Script   // the script the shell runs
	shellName  string           // the shell as the spec names it
}

// assumedShell says when the shell would stay PID 1, for an image whose
// shell dlint does not know.
func assumedShell(name string) string {
	if path.Base(name) == "bash" {
		return "if bash is older than 5.1"
	}
	return "if /bin/sh is dash (Debian, Ubuntu)"
}

func checkShellFormPID1(pass *Pass) {
	for _, v := range runViews(pass) {
		if reportBrokenJSON(pass, v) {
			continue
		}
		if v.container.OneOff() {
			continue // a job the script waits for is not stopped with SIGTERM
		}
		p := findPID1Shell(v)
		if p == nil {
			continue
		}
		stop := v.stopSignal()
		if stop.Kills() && p.shell != images.ShellNone {
			continue // docker stop kills every process at once: stop-signal says so
		}
		// A `sh -c` string that busybox and bash would exec, in an image
		// whose shell dlint does not know: whether the shell stays is a
		// guess, and judged on real repositories it was mostly wrong (their
		// images were Alpine's or bash). Shell form still gets its info:
		// the exec form is the fix whatever the shell.
		if !p.definite() && !p.shellForm {
			continue
		}
		sig := stop.Label()
		keyword := specKeyword(p.spec, v.container, p.entrypoint)
		prog := commandNames(p.tail)
		waits := len(p.tail) == 1 && p.tail[0].Name == "wait"
		switch {
		case len(p.tail) == 0:
			prog = "the commands it runs"
		case waits:
			// `server & …; wait`: the shell waits, and the jobs miss SIGTERM.
			prog = backgroundJobs(p.script)
		}
		// What the shell in front of the program costs: as PID 1, or
		// under an init (compose `init: true`, or tini in the argv).
		initName, initWhy := p.init, ""
		if initName == "" && v.init {
			initName, initWhy = "tini", fmt.Sprintf(" (%s %s `init: true`)", about(v.container), agree("sets", "set"))
		}
		cost := fmt.Sprintf("the shell stays PID 1 and %s from `docker stop` never reaches %s (killed after 10 s, zombies not reaped)", sig, prog)
		if !p.definite() {
			cost = fmt.Sprintf("%s, the shell stays PID 1 and %s never reaches %s", assumedShell(p.shellName), sig, prog)
		}
		// A command handed to the ENTRYPOINT of an image dlint cannot see
		// may run under an init there (supavisor's tini -s -g).
		ep, ref := inheritedEntrypoint(v)
		unseen := ep == unseenEntrypoint && !p.entrypoint && p.init == "" && !v.init
		if unseen {
			cost += unseenImage(ep, ref)
		}
		if initName != "" {
			cost = fmt.Sprintf("the shell sits between %s and %s%s: %s reaps zombies and forwards %s, but to the shell, not to %s, so there is no clean shutdown", initName, prog, initWhy, initName, sig, prog)
		}
		var msg string
		var fix *Fix
		severity := Severity(0)
		switch {
		case keepAlives(p.tail) && initName == "":
			// exec would not help: as PID 1 the keep-alive ignores SIGTERM too.
			msg = fmt.Sprintf("%s keeps the container alive with %s, which as PID 1 ignores %s with or without the shell, so `docker stop` waits 10 s; run it under an init (%s)",
				keyword, commandNames(p.tail), sig, initAdvice(v))
			pass.ReportAbout(v.container, Finding{Range: p.at, Message: msg})
			continue
		case p.shellForm && p.shell == images.ShellNone:
			msg = fmt.Sprintf("shell-form %s needs `%s`, but %s has no shell, so the container cannot start; use the exec form %s",
				keyword, shellCommandLine(p.spec), noShellImage(v), execFormExample(keyword, p.spec))
			severity = Error
		case p.shellForm && len(p.tail) == 0 && len(p.spec.Script.Commands) > 0:
			// A loop: neither exec nor the exec form stops it on SIGTERM.
			msg = fmt.Sprintf("shell-form %s runs a loop with `%s '…'`: %s; %s", keyword, shellCommandLine(p.spec), cost, tailAdvice(nil, sig))
		case p.shellForm:
			where := "the command"
			if len(p.spec.Script.Commands) > 1 && len(p.tail) > 0 {
				where = fmt.Sprintf("the last command (`exec %s …`)", shortWord(p.tail[0].Name))
			}
			msg = fmt.Sprintf("shell-form %s runs `%s '…'`: %s; use the exec form %s or put `exec` in front of %s",
				keyword, shellCommandLine(p.spec), cost, execFormExample(keyword, p.spec), where)
		default:
			subject := keyword + " " + argvExample(p.argv)
			if p.runBy != nil {
				subject = fmt.Sprintf("%s %s, run as a script by ENTRYPOINT %s,", keyword, argvExample(p.argv), argvExample(p.runBy.Argv))
			}
			does := "does not exec " + prog
			if !p.definite() {
				does = "may not exec " + prog
			}
			switch {
			case len(p.tail) == 0:
				does = "ends in a loop"
			case waits:
				does = "ends with `wait` for " + prog
			}
			msg = fmt.Sprintf("%s %s: %s; %s", subject, does, cost, tailAdvice(p.tail, sig))
		}
		// An exec-form ENTRYPOINT would start receiving the CMD.
		if p.shellForm && (len(p.tail) > 0 || p.shell == images.ShellNone) && (!p.entrypoint || v.cmd == nil) {
			fix = execFormFix(p.spec)
		}
		f := Finding{Range: p.at, Message: msg, Fix: fix, Severity: severity}
		if (initName != "" || !p.definite() || unseen) && severity == 0 {
			// Under an init the shell costs a clean stop only; with an
			// image whose shell dlint does not know, whether it execs the
			// program is a guess (busybox and bash do, dash does not), as
			// is whether an ENTRYPOINT it cannot see is an init.
			f.Severity = Info
		}
		pass.ReportAbout(v.container, f)
	}
}

// backgroundJobs names what a script starts in the background, for a
// shell that ends with `wait`.
func backgroundJobs(s *parser.Script) string {
	var jobs []*parser.Command
	if s != nil {
		for _, c := range s.Commands {
			if c.Background && c.Name != "" {
				jobs = append(jobs, c)
			}
		}
	}
	if len(jobs) == 0 {
		return "its background jobs"
	}
	return commandNames(jobs)
}

// findPID1Shell finds the shell that would be PID 1 of the view and does
// not exec its program, or nil.
func findPID1Shell(v runView) *pid1Shell {
	ep, cmd := v.entrypoint, v.cmd
	spec, isEP := ep, true
	if spec == nil {
		spec, isEP = cmd, false
	}
	if spec == nil {
		return nil
	}
	if !spec.Exec {
		sh := v.shellKind(shellFormShell(spec))
		if sh == images.ShellNone && v.stage != nil && copiesShell(v.stage) {
			sh = images.ShellUnknown // a shell may have been copied in
		}
		if sh == images.ShellNone {
			return &pid1Shell{spec: spec, entrypoint: isEP, shellForm: true, at: spec.Range, shell: sh, script: spec.Script, shellName: shellFormShell(spec)}
		}
		tail, keeps := keepsShell(spec.Script, sh)
		if !keeps || anyBashExecs(spec.Script, sh, shellFormShell(spec)) {
			return nil
		}
		return &pid1Shell{spec: spec, entrypoint: isEP, shellForm: true, tail: tail, at: spec.Range, shell: sh, script: spec.Script, shellName: shellFormShell(spec)}
	}
	initName, argv, _ := initWrapper(spec.Argv, v.runsInit)
	offset := len(spec.Argv) - len(argv) // words the init takes
	full := append([]string{}, argv...)
	if isEP && cmd != nil && cmd.Exec {
		full = append(full, cmd.Argv...) // ENTRYPOINT ["sh", "-c"] + CMD ["script"]
	}
	i := parser.ShellCScript(full)
	if i < 0 {
		return nil
	}
	owner, idx := spec, offset+i
	var runBy *parser.ExecSpec
	if i >= len(argv) {
		owner, idx, isEP, runBy = cmd, i-len(argv), false, spec
	}
	script, exact := inlineScript(owner, idx)
	sh := v.shellKind(full[0])
	tail, keeps := keepsShell(script, sh)
	if !keeps || anyBashExecs(script, sh, full[0]) {
		return nil
	}
	at := wordRange(owner, idx)
	if exact && len(tail) > 0 {
		at = tail[0].Range
	}
	return &pid1Shell{spec: owner, entrypoint: isEP, argv: owner.Argv, tail: tail, at: at, init: initName, runBy: runBy, shell: sh, script: script, shellName: full[0]}
}

// anyBashExecs reports whether the shell is a bash of a version dlint does
// not know and the script is one every bash execs: a lone simple command
// (`bash -c /scenario/test.sh`), which bash before 5.1 execs too.
func anyBashExecs(s *parser.Script, sh images.Shell, name string) bool {
	return sh == images.ShellUnknown && path.Base(name) == "bash" && s.ExecsLast(images.ShellOldBash)
}

// definite reports whether the shell stays PID 1 whatever /bin/sh is:
// dlint knows the image's shell, or the script ends in a way no shell
// execs (a pipeline, a handler trap, a loop).
func (p *pid1Shell) definite() bool {
	if p.shell.Known() {
		return true
	}
	return p.script == nil || !p.script.ExecsLast(images.ShellAsh)
}

// noShellImage names the image that has no shell, for messages.
func noShellImage(v runView) string {
	if v.stage != nil {
		if base := v.stage.RootBase(); base.Raw != "" {
			return "the image " + base.Raw
		}
	}
	return "the image"
}

// shellFormShell is the shell a shell-form instruction runs with: the
// stage's SHELL, else /bin/sh.
func shellFormShell(spec *parser.ExecSpec) string {
	if spec.Instr != nil && spec.Instr.Stage != nil {
		return spec.Instr.Stage.EffectiveShell()[0]
	}
	return "/bin/sh"
}

// shellCommandLine is how Docker runs a shell-form instruction:
// "/bin/sh -c" or the stage's SHELL.
func shellCommandLine(spec *parser.ExecSpec) string {
	if spec.Instr != nil && spec.Instr.Stage != nil {
		return strings.Join(spec.Instr.Stage.EffectiveShell(), " ")
	}
	return "/bin/sh -c"
}

// argvExample shows an exec form with a long script shortened:
// `["sh", "-c", …]`.
func argvExample(argv []string) string {
	shown := argv
	if i := parser.ShellCScript(argv); i > 0 {
		shown = argv[:i]
	} else if _, rest, ok := initWrapper(argv, parser.IsInit); ok {
		if j := parser.ShellCScript(rest); j > 0 {
			shown = argv[:len(argv)-len(rest)+j]
		}
	}
	arr := jsonArray(shown)
	if len(shown) < len(argv) {
		arr = arr[:len(arr)-1] + ", …]"
	}
	return "`" + arr + "`"
}

// copiesShell reports whether a stage built FROM scratch may have put a
// shell in place: a COPY/ADD into /, /bin or /usr/bin.
func copiesShell(st *parser.Stage) bool {
	for _, a := range st.Ancestors() {
		for _, cp := range a.Copies {
			switch d := strings.TrimSuffix(cp.Dest, "/"); {
			case d == "", d == "/bin", d == "/usr", d == "/usr/bin", strings.HasPrefix(d, "/bin/"), strings.HasPrefix(d, "/usr/bin/"):
				return true
			}
		}
	}
	return false
}

// reportBrokenJSON reports the view's first spec (ENTRYPOINT, else CMD)
// when it was meant as an exec-form array but is not valid JSON: Docker
// then hands the whole text to the shell, which cannot run it.
func reportBrokenJSON(pass *Pass, v runView) bool {
	spec, keyword := v.entrypoint, "ENTRYPOINT"
	if spec == nil {
		spec, keyword = v.cmd, "CMD"
	}
	why, broken := brokenJSONArray(spec)
	if !broken || spec.Script == nil {
		return false
	}
	msg := fmt.Sprintf("%s %s is meant as an exec-form array but is not valid JSON (%s), so Docker runs the whole text as a shell command with `%s` and the container fails at start; write %s",
		keyword, strings.TrimSpace(spec.Argv[0]), why, shellCommandLine(spec), execFormExample(keyword, spec))
	pass.ReportFinding(Finding{Range: spec.Range, Message: msg, Fix: execFormFix(spec), Severity: Error})
	return true
}
