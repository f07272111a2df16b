package rules

import (
	"fmt"
	"strings"

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
The shell form ` + "`CMD app --flag`" + ` runs ` + "`/bin/sh -c 'app --flag'`" + `: the shell is
PID 1 and the app is its child. PID 1 gets no default signal handlers, so the
SIGTERM that ` + "`docker stop`" + ` sends is ignored by the shell and never reaches the
app; after the grace period (10 s) Docker kills everything with SIGKILL, with no
chance to finish requests or flush data. The shell also does not reap orphaned
(zombie) processes. Some shells exec a lone simple command by themselves, but
not every shell, and not once the command has a redirection, a second command or
a trap. The same holds for an exec form that starts a shell,
` + "`[\"sh\", \"-c\", \"migrate && app\"]`" + `, whose last command is not ` + "`exec`" + `ed.

dlint follows ENTRYPOINT/CMD inheritance across stages and compose
` + "`entrypoint:`" + `/` + "`command:`" + ` overrides. A command that is ` + "`exec`" + `ed replaces the shell
and is fine, and so is a script that traps TERM and ` + "`wait`" + `s for background jobs on
purpose. With compose ` + "`init: true`" + ` (or tini/dumb-init in front) the finding is
only informational: the init reaps zombies and forwards signals, though to the
shell rather than the app. Text in brackets that is not valid JSON
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
}

func checkShellFormPID1(pass *Pass) {
	for _, v := range runViews(pass) {
		if reportBrokenJSON(pass, v) {
			continue
		}
		p := findPID1Shell(v)
		if p == nil {
			continue
		}
		keyword := specKeyword(p.spec, v.container, p.entrypoint)
		prog := commandNames(p.tail)
		if len(p.tail) == 0 {
			prog = "the commands it runs"
		}
		// What the shell in front of the program costs: as PID 1, or
		// under an init (compose `init: true`, or tini in the argv).
		initName, initWhy := p.init, ""
		if initName == "" && v.init {
			initName, initWhy = "tini", fmt.Sprintf(" (%s %s `init: true`)", about(v.container), agree("sets", "set"))
		}
		cost := fmt.Sprintf("the shell is PID 1: SIGTERM from `docker stop` never reaches %s, the container is killed after the 10 s grace period, and zombie children are not reaped", prog)
		if initName != "" {
			cost = fmt.Sprintf("the shell sits between %s and %s%s: %s reaps zombies and forwards SIGTERM, but to the shell, not to %s, so there is no clean shutdown", initName, prog, initWhy, initName, prog)
		}
		var msg string
		var fix *Fix
		switch {
		case p.shellForm && v.stage != nil && v.stage.RootBase().IsScratch() && !copiesShell(v.stage):
			msg = fmt.Sprintf("shell-form %s runs `%s '…'`, but an image built FROM scratch has no shell, so the container cannot start; use the exec form %s",
				keyword, shellCommandLine(p.spec), execFormExample(keyword, p.spec))
		case p.shellForm:
			where := "the command"
			if len(p.spec.Script.Commands) > 1 && len(p.tail) > 0 {
				where = fmt.Sprintf("the last command (`exec %s …`)", shortWord(p.tail[0].Name))
			}
			msg = fmt.Sprintf("shell-form %s runs as `%s '…'`, so %s; use the exec form %s or put `exec` in front of %s",
				keyword, shellCommandLine(p.spec), cost, execFormExample(keyword, p.spec), where)
		default:
			subject := keyword + " " + argvExample(p.argv)
			if p.runBy != nil {
				subject = fmt.Sprintf("%s %s, run as a script by ENTRYPOINT %s,", keyword, argvExample(p.argv), argvExample(p.runBy.Argv))
			}
			msg = fmt.Sprintf("%s starts a shell whose last command %s is not exec'd, so %s; %s",
				subject, prog, cost, tailAdvice(p.tail))
		}
		// An exec-form ENTRYPOINT would start receiving the CMD.
		if p.shellForm && (!p.entrypoint || v.cmd == nil) {
			fix = execFormFix(p.spec)
		}
		f := Finding{Range: p.at, Message: msg, Fix: fix}
		if initName != "" {
			f.Severity = Info
		}
		pass.ReportAbout(v.container, f)
	}
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
		tail, keeps := keepsShell(spec.Script)
		if !keeps {
			return nil
		}
		return &pid1Shell{spec: spec, entrypoint: isEP, shellForm: true, tail: tail, at: spec.Range}
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
	tail, keeps := keepsShell(script)
	if !keeps {
		return nil
	}
	at := wordRange(owner, idx)
	if exact && len(tail) > 0 {
		at = tail[0].Range
	}
	return &pid1Shell{spec: owner, entrypoint: isEP, argv: owner.Argv, tail: tail, at: at, init: initName, runBy: runBy}
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
