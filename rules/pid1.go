package rules

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path"
	"strings"

	"github.com/dlint-dev/dlint/images"
	"github.com/dlint-dev/dlint/parser"
)

// runView is what one container (or one stage that may be built as a
// target) starts: its effective ENTRYPOINT and CMD after Docker's
// inheritance and compose's overrides.
type runView struct {
	container  *parser.Container // nil for a stage no container view covers
	stage      *parser.Stage
	entrypoint *parser.ExecSpec
	cmd        *parser.ExecSpec
	init       bool // compose `init: true`: tini is PID 1
}

// runViews lists the views a PID 1 rule checks: every container of the
// unit and, for a Dockerfile linted on its own, every other stage that sets
// CMD or ENTRYPOINT and no later stage builds on (a `--target` candidate
// such as `dev`). Windows images are skipped: PID 1 semantics differ there.
func runViews(pass *Pass) []runView {
	var out []runView
	covered := map[*parser.Stage]bool{}
	for _, c := range pass.Containers {
		if c.Stage != nil {
			covered[c.Stage] = true
			if isWindowsImage(c.Stage.RootBase()) {
				continue
			}
		}
		out = append(out, containerView(c))
	}
	df := pass.Dockerfile
	if df == nil || len(pass.Containers) == 0 {
		return out // a compose service runs this Dockerfile: its view decides
	}
	isParent := map[*parser.Stage]bool{}
	for _, st := range df.Stages {
		if st.Parent != nil {
			isParent[st.Parent] = true
		}
	}
	last := df.Stages[len(df.Stages)-1]
	for _, st := range df.Stages {
		if covered[st] || isParent[st] || st.Cmd == nil && st.Entrypoint == nil || isWindowsImage(st.RootBase()) {
			continue
		}
		if st != last && st.Name == "" {
			continue // --target names a stage by its name: this one never runs
		}
		out = append(out, runView{stage: st, entrypoint: st.EffectiveEntrypoint(), cmd: st.EffectiveCmd()})
	}
	return out
}

// runsInit reports whether name, as the view's ENTRYPOINT or CMD starts
// it, is an init (parser.IsInit), and not the container's own entrypoint
// script or a file its stage copies there (`COPY init.sh /init`).
func (v runView) runsInit(name string) bool {
	if c := v.container; c != nil && c.Script != nil && name == c.ScriptArgv0 {
		return false
	}
	if v.stage != nil {
		return v.stage.RunsInit(name)
	}
	return parser.IsInit(name)
}

// shellKind tells what the shell argv0 names is in the view's image.
func (v runView) shellKind(argv0 string) images.Shell {
	switch {
	case v.container != nil:
		return v.container.ShellKind(argv0)
	case v.stage != nil:
		return v.stage.ShellKind(argv0)
	}
	return images.ShellUnknown
}

// containerView is the view of c for the helpers that take one.
func containerView(c *parser.Container) runView {
	return runView{container: c, stage: c.Stage, entrypoint: c.Entrypoint(), cmd: c.Cmd(), init: c.InitEnabled()}
}

// isWindowsImage reports whether ref names a Windows base image, whose
// default shell is cmd and whose processes get no POSIX signals.
func isWindowsImage(ref parser.ImageRef) bool {
	for _, part := range strings.Split(ref.Repository, "/") {
		switch part {
		case "windows", "nanoserver", "servercore", "windowsservercore":
			return true
		}
	}
	if strings.HasPrefix(ref.Repository, "dotnet/framework/") { // .NET Framework runs only on Windows
		return true
	}
	tag := strings.ToLower(ref.Tag)
	return strings.Contains(tag, "nanoserver") || strings.Contains(tag, "windowsservercore") || strings.HasPrefix(tag, "ltsc")
}

// specKeyword names a spec as the user wrote it: "CMD", "ENTRYPOINT", or
// the compose key "command:"/"entrypoint:" of a service.
func specKeyword(spec *parser.ExecSpec, c *parser.Container, entrypoint bool) string {
	if spec.Instr != nil {
		return spec.Instr.Keyword
	}
	key := "command:"
	if entrypoint {
		key = "entrypoint:"
	}
	if c != nil && c.Service != nil && c.Service.Run != nil {
		if entrypoint {
			return "`--entrypoint` of " + c.Service.Run.Label()
		}
		return "the command of " + c.Service.Run.Label()
	}
	if c != nil && c.Service != nil {
		return fmt.Sprintf("`%s` of service '%s'", key, c.Service.Name)
	}
	return "`" + key + "`"
}

// scriptEnders are commands that end a script without being a program
// that needs signals: builtins and trivial utilities.
var scriptEnders = map[string]bool{
	"exit": true, "return": true, "true": true, "false": true, ":": true, "echo": true, "printf": true,
	"set": true, "shift": true, "export": true, "unset": true, "cd": true, "test": true, "[": true,
	"[[": true, "logger": true, "readonly": true, "local": true, "ulimit": true, "umask": true,
}

// endsScript reports whether cmd is a builtin or trivial utility that only
// finishes the script (`exit 1`, `echo done`), not a program to signal, or
// one whose tail dlint cannot see: `. other.sh`, `source`, `eval`.
func endsScript(cmd *parser.Command) bool {
	return scriptEnders[cmd.Name] || opaqueTails[cmd.Name] || parser.ExitsAtOnce(cmd.Argv())
}

// keepAlives reports whether every command of tail only keeps the
// container running (`tail -f /dev/null`, `sleep infinity`).
func keepAlives(tail []*parser.Command) bool {
	for _, c := range tail {
		if !parser.IsKeepAlive(c.Argv()) {
			return false
		}
	}
	return len(tail) > 0
}

// opaqueTails run code in the current shell that may itself exec.
var opaqueTails = map[string]bool{".": true, "source": true, "eval": true}

// supervises reports whether the script deliberately stays alive as a
// supervisor: it starts jobs in the background, traps TERM or INT to pass
// the signal on, and waits (or loops) at the end.
func supervises(s *parser.Script) bool {
	if !s.Traps("TERM") && !s.Traps("INT") {
		return false
	}
	if len(s.Final) == 0 {
		return true // a trailing loop, with a handler installed
	}
	for _, c := range s.Final {
		if c.Name != "wait" && !endsScript(c) {
			return false
		}
	}
	return true
}

// unexecedTail returns the tail commands of s that keep its shell alive:
// neither exec'd nor mere script enders. It returns nil when the script
// supervises its children on purpose or cannot be parsed.
func unexecedTail(s *parser.Script) []*parser.Command {
	if s == nil || s.Err != nil || supervises(s) {
		return nil
	}
	var out []*parser.Command
	for _, c := range s.Final {
		if !c.Exec && !endsScript(c) {
			out = append(out, c)
		}
	}
	return out
}

// trapsExit reports whether s sets an EXIT trap: `exec` in front of its
// last command would skip the handler, so that is no safe fix.
func trapsExit(s *parser.Script) bool {
	return s != nil && (s.Traps("EXIT") || s.Traps("0"))
}

// keepsShell reports whether the shell sh, running s, stays alive as the
// parent of the program: a tail command is not exec'd (by hand, or by the
// shell itself: busybox ash and bash exec a plain last `-c` command), or
// the script ends in a loop without a signal handler. A script file is
// never exec'd implicitly: pass images.ShellUnknown for one.
func keepsShell(s *parser.Script, sh images.Shell) ([]*parser.Command, bool) {
	if s == nil || s.Err != nil || s.ExecsLast(sh) {
		return nil, false
	}
	if tail := unexecedTail(s); len(tail) > 0 {
		return tail, true
	}
	return nil, len(s.Final) == 0 && len(s.Commands) > 0 && !supervises(s) && !anyExec(s)
}

func anyExec(s *parser.Script) bool {
	for _, c := range s.Commands {
		if c.Exec {
			return true
		}
	}
	return false
}

// commandNames lists the commands for a message: "`app`", "`app` and `b`".
func commandNames(cmds []*parser.Command) string {
	var names []string
	seen := map[string]bool{}
	for _, c := range cmds {
		n := "`" + shortWord(c.Name) + "`"
		if !seen[n] {
			seen[n] = true
			names = append(names, n)
		}
	}
	switch len(names) {
	case 0:
		return "the program"
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// tailAdvice says how to hand PID 1 to the program the tail runs; sig is
// the signal `docker stop` sends (StopSignal.Label).
func tailAdvice(tail []*parser.Command, sig string) string {
	trapped := strings.TrimPrefix(sig, "SIG")
	if len(tail) > 0 && tail[0].Name == "wait" {
		on := trapped
		if on == "TERM" {
			on = "TERM INT" // Ctrl-C of `docker run -it` too
		}
		return "run the main program in the foreground with `exec`, or trap " + trapped + " and pass it on to the background jobs (`trap 'kill -" + trapped + " $pid' " + on + "`)"
	}
	if len(tail) == 0 {
		// A loop cannot be exec'd: it must stop on the signal itself.
		// A trap runs only once the foreground command ends (measured:
		// dash alive 12 s after SIGTERM during `sleep 1000`).
		return "end the loop on " + sig + " (`trap 'exit 0' " + trapped + "` before it, and its `sleep N` written `sleep N & wait $!`, since a trap waits for the foreground command), or run it under an init"
	}
	if tail[0].Piped {
		// exec cannot take a pipeline: the shell forks each side.
		return "run the program without the pipe, with `exec` (what it prints reaches `docker logs` anyway), or run the pipeline under an init"
	}
	return "write `exec " + shortWord(tail[0].Name) + " …` in the script"
}

// stopSignal is the signal `docker stop` sends the view's container
// first; nil for the default, SIGTERM.
func (v runView) stopSignal() *parser.StopSignal {
	if v.container != nil {
		return v.container.StopSignal()
	}
	if v.stage != nil {
		return v.stage.EffectiveStopSignal()
	}
	return nil
}

// shortCommand shows a command for a message, cut after about 40
// characters: `bundle exec puma -C config/puma.rb`.
func shortCommand(cmd *parser.Command) string {
	const maxLen = 40
	text := cmd.Name
	for _, a := range cmd.Args {
		if len([]rune(text))+1+len([]rune(a.Lit)) > maxLen {
			return text + " …"
		}
		text += " " + a.Lit
	}
	return shortWord(text)
}

func shortWord(s string) string {
	const maxLen = 40
	if r := []rune(s); len(r) > maxLen {
		return string(r[:maxLen-1]) + "…"
	}
	return s
}

// execFormFix converts a shell-form spec holding one plain command into
// the exec form, or returns nil when that could change what runs: any
// expansion, glob, redirection, assignment, operator or second command.
func execFormFix(spec *parser.ExecSpec) *Fix {
	if _, broken := brokenJSONArray(spec); broken {
		if argv, ok := repairJSONArray(spec); ok {
			return &Fix{Description: "write a valid JSON array", Edits: []Edit{{Range: spec.Range, NewText: jsonArray(argv)}}}
		}
		return nil
	}
	s := spec.Script
	if spec.Exec || spec.Instr == nil || s == nil || s.Err != nil || len(s.Commands) != 1 || len(s.Final) != 1 {
		return nil
	}
	c := s.Commands[0]
	if c != s.Final[0] || c.Background || c.Piped || c.Redirected || len(c.Assigns) > 0 || c.Inline != nil || c.Name == "" {
		return nil
	}
	argv := []string{c.Name}
	if c.Exec {
		return nil
	}
	words := append([]*parser.Word{{Lit: c.Name, Literal: true}}, c.Args...)
	for i, w := range words {
		if !w.Literal || strings.ContainsAny(w.Lit, "*?[]{}~$`\\\n") {
			return nil
		}
		if i > 0 {
			argv = append(argv, w.Lit)
		}
	}
	if !plainShellText(spec) {
		return nil
	}
	return &Fix{
		Description: "use the exec form",
		Edits:       []Edit{{Range: spec.Range, NewText: jsonArray(argv)}},
	}
}

// plainShellText reports whether the instruction's text has nothing the
// shell would interpret besides words, spaces and quotes: no `;`, `&`, `|`,
// `<`, `>`, `(`, `)`, `#` or line continuation.
func plainShellText(spec *parser.ExecSpec) bool {
	if spec.Range.Start.Line != spec.Range.End.Line || len(spec.Argv) != 1 {
		return false
	}
	return !strings.ContainsAny(spec.Argv[0], ";&|<>()#\n")
}

// jsonArray renders argv as a Dockerfile exec-form array.
func jsonArray(argv []string) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	parts := make([]string, len(argv))
	for i, a := range argv {
		buf.Reset()
		_ = enc.Encode(a)
		parts[i] = strings.TrimSuffix(buf.String(), "\n")
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// brokenJSONArray reports whether a shell-form CMD/ENTRYPOINT was meant
// as an exec-form array: Docker reads text in `[…]` as JSON and, when that
// fails, runs the whole text with the shell. The reason names the mistake
// when it is a common one.
func brokenJSONArray(spec *parser.ExecSpec) (reason string, broken bool) {
	if spec == nil || spec.Exec || spec.Instr == nil || len(spec.Argv) != 1 {
		return "", false
	}
	text := strings.TrimSpace(spec.Argv[0])
	if !strings.HasPrefix(text, "[") || !strings.HasSuffix(text, "]") {
		return "", false
	}
	switch {
	case strings.Contains(text, "'") && !strings.Contains(text, `"`):
		return "JSON strings take double quotes, not single ones", true
	case trailingComma(text):
		return "JSON allows no comma before the closing `]`", true
	}
	return "check its quotes, commas and backslashes", true
}

func trailingComma(text string) bool {
	return strings.HasSuffix(strings.TrimSpace(strings.TrimSuffix(text, "]")), ",")
}

// repairJSONArray returns the argv a broken array was meant to hold when
// the mistake is one of quoting or a trailing comma.
func repairJSONArray(spec *parser.ExecSpec) ([]string, bool) {
	text := strings.TrimSpace(spec.Argv[0])
	if strings.Contains(text, "'") && !strings.Contains(text, `"`) {
		text = strings.ReplaceAll(text, "'", `"`)
	}
	if trailingComma(text) {
		body := strings.TrimSpace(strings.TrimSuffix(text, "]"))
		text = strings.TrimSuffix(body, ",") + "]"
	}
	var argv []string
	if err := json.Unmarshal([]byte(text), &argv); err != nil || len(argv) == 0 {
		return nil, false
	}
	return argv, true
}

// execFormExample suggests an exec form for messages: `CMD ["app", "--flag"]`
// when the command is plain, else `CMD ["app", …]`.
func execFormExample(keyword string, spec *parser.ExecSpec) string {
	if f := execFormFix(spec); f != nil {
		return fmt.Sprintf("`%s %s`", keyword, f.Edits[0].NewText)
	}
	if _, broken := brokenJSONArray(spec); broken {
		return fmt.Sprintf("`%s [\"app\", \"--flag\"]` (a JSON array of double-quoted strings)", keyword)
	}
	name := "app"
	if s := spec.Script; s != nil && len(s.Final) > 0 && s.Final[0].Name != "" && !strings.ContainsAny(s.Final[0].Name, "$\"'`") {
		name = s.Final[0].Name
	}
	arr := jsonArray([]string{name})
	return fmt.Sprintf("`%s [%s, …]`", keyword, arr[1:len(arr)-1])
}

// initWrapper reports whether argv starts with a small init (tini,
// dumb-init, s6-overlay's /init), as isInit tells, and returns the init's
// name and the command it runs.
func initWrapper(argv []string, isInit func(string) bool) (string, []string, bool) {
	if len(argv) == 0 || !isInit(argv[0]) || parser.InitChild(argv) == 0 {
		return "", argv, false
	}
	return path.Base(argv[0]), argv[parser.InitChild(argv):], true
}

// specWords returns the words of an exec-form spec with their positions,
// or nil when the spec carries no script to take them from.
func specWords(spec *parser.ExecSpec) []*parser.Word {
	if spec == nil || !spec.Exec || spec.Script == nil || len(spec.Script.Commands) == 0 {
		return nil
	}
	c := spec.Script.Commands[0]
	if len(c.Args)+1 != len(spec.Argv) {
		return nil
	}
	return append([]*parser.Word{{Lit: c.Name, Literal: true, Range: c.NameRange}}, c.Args...)
}

// inlineScript returns the parsed `sh -c` script found at argv[i] of an
// exec-form spec, and whether its positions are exact. The model parses
// the script of a plain `["sh", "-c", …]`; others (behind tini, or split
// between ENTRYPOINT and CMD) are parsed here with every position at the
// word.
func inlineScript(spec *parser.ExecSpec, i int) (*parser.Script, bool) {
	words := specWords(spec)
	if i == parser.ShellCScript(spec.Argv) && len(words) > 0 && spec.Script.Commands[0].Inline != nil {
		return spec.Script.Commands[0].Inline, true
	}
	at := spec.Range
	if i < len(words) {
		at = words[i].Range
	}
	var src *parser.Source
	if spec.Script != nil {
		src = spec.Script.Source
	} else {
		src = parser.NewSource(spec.Range.File, nil)
	}
	return parser.ParseShell(src, spec.Argv[i], func(int, int) parser.Pos { return at.Start }), false
}

// wordRange is where argv[i] of an exec-form spec is written.
func wordRange(spec *parser.ExecSpec, i int) parser.Range {
	if words := specWords(spec); i < len(words) {
		return words[i].Range
	}
	return spec.Range
}
