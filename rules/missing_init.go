package rules

import (
	"fmt"
	"path"
	"strings"

	"github.com/dlint-dev/dlint/images"
	"github.com/dlint-dev/dlint/parser"
)

// MissingInit reports containers whose PID 1 is a process known to need an
// init in front of it (npm, yarn, pnpm, node), or whose entrypoint leaves
// background jobs under the program it execs, when nothing provides one.
var MissingInit = &Rule{
	ID:       "missing-init",
	Severity: Warning,
	Tags:     []string{TagPID1, TagDockerfile, TagCompose, TagBestPractice},
	Summary:  "npm, yarn or node runs as PID 1, or background jobs end up under an exec'd program, and nothing runs an init",
	Doc: `## Why
PID 1 of a container has two duties an ordinary program does not: the kernel
gives it no default signal actions (a SIGTERM it has no handler for is simply
dropped) and every orphaned process is handed to it to reap. An init such as
tini (` + "`init: true`" + ` in compose, ` + "`docker run --init`" + `) takes both on and runs the
program as its child. dlint follows what the container starts (ENTRYPOINT and
CMD, compose ` + "`entrypoint:`" + `/` + "`command:`" + `, ` + "`exec`" + ` in an entrypoint script or
an ` + "`sh -c`" + ` string, ` + "`gosu`" + `/` + "`su-exec`" + `/` + "`setpriv`" + `/` + "`chpst`" + ` and ` + "`env`" + `/` + "`nice`" + `/` + "`nohup`" + `
in front of a program) to what ends up as PID 1, and reports three cases:

- **npm, npx, yarn or pnpm is PID 1** (` + "`CMD [\"npm\", \"start\"]`" + `, a warning). npm
  (` + "`start`" + `, ` + "`run`" + `, ` + "`exec`" + `, npx) and yarn start the app through ` + "`sh -c`" + ` and pass
  the SIGTERM of ` + "`docker stop`" + ` to that shell only (measured with npm 11 and
  yarn 1 as PID 1): where /bin/sh forks the app (dash, on Debian and Ubuntu
  images) the shell dies, the package manager exits and the app is killed with
  the container, with no clean shutdown. Where /bin/sh execs a script of one
  command (busybox on Alpine, bash) the app gets the signal, so the finding is
  information there. pnpm (9) hands the signal to the app whatever the shell:
  information, for the zombies no init reaps. Node's
  official image docs say to bake ` + "`node index.js`" + ` into CMD instead of ` + "`npm start`" + `.
- **node is PID 1** (information). Node's Docker docs warn that Node.js was not
  designed to run as PID 1: without a ` + "`process.on('SIGTERM', …)`" + ` handler in the
  app the signal is ignored, and node does not reap zombie children. An app that
  handles SIGTERM and starts no child processes is fine, which dlint cannot see,
  so this is only informational.
- **An entrypoint script or ` + "`sh -c`" + ` string starts a job in the background**
  (` + "`cron &`" + `) **and then ` + "`exec`" + `s the main program** (a warning). The job's
  parent is now that program, which neither passes SIGTERM on to it nor, as a
  rule, reaps it: it is killed without a clean shutdown, and leaves a zombie when
  it exits. One finding, at the first job, names every job left under the
  same program (through ` + "`nohup`" + `, ` + "`setsid`" + `, ` + "`nice`" + ` or ` + "`env`" + `: ` + "`nohup celery worker &`" + `
  is celery). A script that does not ` + "`exec`" + ` keeps its shell as PID 1, which
  ` + "`entrypoint-script-missing-exec`" + ` and ` + "`shell-form-pid1`" + ` report.

Nothing is reported when an init is in place: ` + "`init: true`" + ` (also through
extends or an override file), or tini, dumb-init, catatonit, ` + "`/docker-init`" + `,
s6-overlay's ` + "`/init`" + `, phusion's ` + "`my_init`" + `, supervisord, runit or s6-svscan in
the chain. A script the Dockerfile copies to ` + "`/init`" + ` is that script, not s6-overlay.

When neither the Dockerfile nor compose sets an ENTRYPOINT, the image's
applies. dlint knows those of the Docker Official Images (` + "`node:22`" + `, python…:
none, or a docker-entrypoint.sh that ends in ` + "`exec \"$@\"`" + `, so the command is
PID 1; couchdb, elasticsearch, kibana, neo4j, mongo-express and a few others
run tini, which silences the rule) and of jupyter, jenkins and linuxserver
(an init). Any other image (` + "`image: ghcr.io/acme/app:1`" + `, ` + "`FROM` a private base" + `)
may set an init as its ENTRYPOINT, which dlint cannot see, so there the
finding is only information.

Other programs as PID 1 (Python, Java, Go binaries, nginx, postgres…) are not
reported: most handle SIGTERM themselves, and dlint cannot tell which do not.
A Dockerfile that a compose service builds is judged by the service, and
Windows images are skipped.

## Bad
` + "```dockerfile" + `
FROM node:22-slim
WORKDIR /app
COPY . .
CMD ["npm", "start"]
` + "```" + `

` + "```sh" + `
#!/bin/sh
cron &
exec "$@"
` + "```" + `

## Good
` + "```dockerfile" + `
FROM node:22-slim
RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY . .
ENTRYPOINT ["tini", "--"]
CMD ["node", "server.js"]
` + "```" + `

` + "```yaml" + `
services:
  web:
    build: .
    init: true
` + "```" + `

## Silence
dlint cannot see ` + "`docker run --init`" + ` or an init your orchestrator adds: if you
always run the image that way, set ` + "`missing-init: off`" + ` in .dlint.yaml, or put
` + "`# dlint ignore=missing-init`" + ` on the line above the CMD/ENTRYPOINT (or the
background command in the script).`,
	Check: checkMissingInit,
}

func checkMissingInit(pass *Pass) {
	for _, v := range runViews(pass) {
		if v.init || v.container.OneOff() || v.container != nil && v.container.Stage == nil && isWindowsImage(serviceImage(v.container)) {
			continue
		}
		ep, image := inheritedEntrypoint(v)
		if ep == initEntrypoint {
			continue
		}
		r := newPID1Resolver(v)
		r.resolve()
		unless := unseenImage(ep, image)
		reported := map[parser.Range]bool{}
		report := func(f Finding) {
			if reported[f.Range] {
				return
			}
			reported[f.Range] = true
			if unless != "" {
				f.Severity = Info // the image may run an init as its ENTRYPOINT
			}
			pass.ReportAbout(v.container, f)
		}
		for _, jobs := range groupJobs(r.background) {
			report(backgroundFinding(v, jobs, unless))
		}
		for _, p := range r.programs {
			if p.exitsAtOnce() {
				continue // `node -v`: nothing stays running
			}
			if v.stopSignal().Kills() {
				continue // docker stop kills at once: no signal to miss
			}
			if p.keepAlive() {
				report(keepAliveFinding(v, p, unless))
				continue
			}
			switch kind := needsInit(p.name.Lit); {
			case kind == packageManager:
				report(packageManagerFinding(v, p, unless))
			case kind == nodeRuntime && len(r.background) == 0:
				// With background jobs reported, that finding already
				// asks for an init.
				report(nodeFinding(v, p, unless))
			}
		}
	}
}

// groupJobs groups background jobs by the exec that leaves them behind,
// in the order found.
func groupJobs(jobs []backgroundJob) [][]backgroundJob {
	type key struct {
		exec  *parser.Command
		execs string
	}
	var out [][]backgroundJob
	index := map[key]int{}
	for _, j := range jobs {
		k := key{j.exec, j.execs}
		i, ok := index[k]
		if !ok {
			i = len(out)
			index[k] = i
			out = append(out, nil)
		}
		out[i] = append(out[i], j)
	}
	return out
}

// pid1Kind says why a program needs an init as PID 1.
type pid1Kind int

const (
	noKnownNeed    pid1Kind = iota
	packageManager          // npm, yarn, pnpm: starts the app through sh -c
	nodeRuntime             // node: ignores SIGTERM as PID 1 without a handler
)

func needsInit(name string) pid1Kind {
	switch path.Base(name) {
	case "npm", "npx", "yarn", "yarnpkg", "pnpm", "pnpx":
		return packageManager
	case "node", "nodejs":
		return nodeRuntime
	}
	return noKnownNeed
}

// argWord is one word of what the container runs, with where it is
// written for messages: "CMD", "`command:`", "entrypoint script start.sh".
type argWord struct {
	*parser.Word
	where string
}

// pid1Program is a program that ends up as PID 1.
type pid1Program struct {
	name argWord
	args []argWord
	// execIn is the script whose `exec` made it PID 1 ("entrypoint script
	// start.sh"), "" when the container starts it directly.
	execIn string
}

// backgroundJob is a command an entrypoint started with `&` before it
// exec'd the program that becomes PID 1.
type backgroundJob struct {
	cmd   *parser.Command
	where string          // "entrypoint script start.sh", "the `sh -c` string of CMD"
	exec  *parser.Command // the exec after it
	execs string          // what that exec runs, for messages
}

// pid1Resolver follows what a view starts through `sh -c` strings,
// entrypoint scripts, `exec` and user-switching wrappers to the programs
// that may end up as PID 1.
type pid1Resolver struct {
	v          runView
	programs   []pid1Program
	background []backgroundJob
	// inlines maps the script word of an `sh -c` command to its parsed
	// script, which holds exact positions.
	inlines map[*parser.Word]*parser.Script
	visited map[*parser.Script]int
}

// exitsAtOnce reports whether the program prints something and exits.
func (p pid1Program) exitsAtOnce() bool {
	argv := []string{p.name.Lit}
	for _, a := range p.args {
		argv = append(argv, a.Lit)
	}
	return parser.ExitsAtOnce(argv)
}

// keepAlive reports whether the program only keeps the container running.
func (p pid1Program) keepAlive() bool {
	argv := []string{p.name.Lit}
	for _, a := range p.args {
		argv = append(argv, a.Lit)
	}
	return parser.IsKeepAlive(argv)
}

func newPID1Resolver(v runView) *pid1Resolver {
	return &pid1Resolver{v: v, inlines: map[*parser.Word]*parser.Script{}, visited: map[*parser.Script]int{}}
}

func (r *pid1Resolver) resolve() {
	ep, cmd := r.v.entrypoint, r.v.cmd
	switch {
	case ep != nil && !ep.Exec:
		r.followScript(ep.Script, nil, r.keyword(ep, true), r.v.shellKind(shellFormShell(ep)))
	case ep != nil:
		words := r.specArgv(ep, true)
		if cmd != nil {
			words = append(words, r.specArgv(cmd, false)...)
		}
		r.followArgv(words, "")
	case cmd != nil && !cmd.Exec:
		r.followScript(cmd.Script, nil, r.keyword(cmd, false), r.v.shellKind(shellFormShell(cmd)))
	case cmd != nil:
		r.followArgv(r.specArgv(cmd, false), "")
	}
}

// keyword names a spec for messages: "CMD", "ENTRYPOINT", "`command:`".
func (r *pid1Resolver) keyword(spec *parser.ExecSpec, entrypoint bool) string {
	if spec.Instr != nil {
		return spec.Instr.Keyword
	}
	if c := r.v.container; c != nil && c.Service != nil && c.Service.Run != nil {
		if entrypoint {
			return "`--entrypoint`"
		}
		return "the command"
	}
	if entrypoint {
		return "`entrypoint:`"
	}
	return "`command:`"
}

// specArgv returns the words of a spec as Docker passes them: an exec
// form word by word, a shell form after `/bin/sh -c` (a shell-form CMD
// given to an exec-form ENTRYPOINT).
func (r *pid1Resolver) specArgv(spec *parser.ExecSpec, entrypoint bool) []argWord {
	where := r.keyword(spec, entrypoint)
	if !spec.Exec {
		var words []argWord
		for _, w := range []string{"/bin/sh", "-c", strings.Join(spec.Argv, " ")} {
			words = append(words, argWord{&parser.Word{Lit: w, Literal: true, Range: spec.Range}, where})
		}
		if spec.Script != nil {
			r.inlines[words[2].Word] = spec.Script // parsed in place, with exact positions
		}
		return words
	}
	var out []argWord
	if ws := specWords(spec); ws != nil {
		r.noteInline(spec.Script.Commands[0])
		for _, w := range ws {
			out = append(out, argWord{w, where})
		}
		return out
	}
	for _, a := range spec.Argv {
		out = append(out, argWord{&parser.Word{Lit: a, Literal: true, Range: spec.Range}, where})
	}
	return out
}

// noteInline remembers the parsed `sh -c` script of cmd by its word.
func (r *pid1Resolver) noteInline(cmd *parser.Command) {
	if cmd.Inline == nil {
		return
	}
	argv := append([]string{cmd.Name}, cmd.ArgValues()...)
	if i := parser.ShellCScript(argv); i > 0 && i-1 < len(cmd.Args) {
		r.inlines[cmd.Args[i-1]] = cmd.Inline
	}
}

// maxHops bounds how far an exec chain is followed.
const maxHops = 8

// followArgv finds what argv runs as PID 1. It reports whether the chain
// reaches an init, which then runs everything else as its child.
func (r *pid1Resolver) followArgv(words []argWord, execIn string) bool {
	for hop := 0; hop < maxHops; hop++ {
		if len(words) == 0 || !words[0].Literal {
			return false // nothing, or a name dlint cannot know ("$APP")
		}
		name := words[0].Lit
		c := r.v.container
		switch {
		case c != nil && c.Script != nil && name == c.ScriptArgv0:
			return r.followScript(c.Script, words[1:], "entrypoint script "+shortWord(name), images.ShellUnknown)
		case r.v.runsInit(name) || parser.IsSupervisor(name):
			return true
		case parser.IsShell(name):
			return r.followShell(words)
		}
		rest, ok := unwrapExecWrapper(words)
		if !ok {
			r.programs = append(r.programs, pid1Program{name: words[0], args: words[1:], execIn: execIn})
			return false
		}
		words = rest
	}
	return false
}

// followShell follows `sh -c SCRIPT` and `sh /entrypoint.sh`.
func (r *pid1Resolver) followShell(words []argWord) bool {
	lits := make([]string, len(words))
	for i, w := range words {
		lits[i] = w.Lit
	}
	if i := parser.ShellCScript(lits); i > 0 {
		w := words[i]
		script := r.inlines[w.Word]
		if script == nil {
			if !w.Literal {
				return false
			}
			at := w.Range.Start
			script = parser.ParseShell(parser.NewSource(w.Range.File, nil), w.Lit, func(int, int) parser.Pos { return at })
		}
		var args []argWord
		if i+2 < len(words) {
			args = words[i+2:] // $0 is words[i+1]
		}
		return r.followScript(script, args, "the `sh -c` string of "+w.where, r.v.shellKind(lits[0]))
	}
	j := 1
	for j < len(words) && strings.HasPrefix(words[j].Lit, "-") {
		j++
	}
	c := r.v.container
	if j < len(words) && c != nil && c.Script != nil && words[j].Lit == c.ScriptArgv0 {
		return r.followScript(c.Script, words[j+1:], "entrypoint script "+shortWord(c.ScriptArgv0), images.ShellUnknown)
	}
	return false // the shell runs something dlint cannot read: shell-form-pid1's concern
}

// selectedBranch is the view of s that runs with args, when they are
// literal: the `case "$1"` branch they select (parser.Script.ForArgs).
func selectedBranch(s *parser.Script, args []argWord) *parser.Script {
	if !s.HasArgBranches() || len(args) == 0 {
		return s
	}
	lits := make([]string, len(args))
	for i, a := range args {
		if !a.Literal || strings.Contains(a.Lit, "$") {
			return s
		}
		lits[i] = a.Lit
	}
	return s.ForArgs(lits)
}

// followScript finds what a script execs. A script whose shell stays
// alive (its last command is not exec'd) keeps the shell as PID 1: the
// other PID 1 rules report that. args are the script's "$@"; sh is the
// shell that runs a `-c` string (busybox ash and bash exec its last
// command themselves), ShellUnknown for a script file, which no shell
// execs implicitly.
func (r *pid1Resolver) followScript(s *parser.Script, args []argWord, where string, sh images.Shell) bool {
	if s == nil || s.Err != nil || len(s.Commands) == 0 || r.visited[s] >= 2 {
		return false
	}
	r.visited[s]++
	top := s.Commands[0].Parent // the commands of s itself, not of nested `sh -c`
	s = selectedBranch(s, args)
	if _, keeps := keepsShell(s, sh); keeps {
		return false
	}
	var execs []*parser.Command
	for _, cmd := range s.Commands {
		if cmd.Parent == top && cmd.Exec && !cmd.Background && !cmd.Piped {
			execs = append(execs, cmd)
		}
	}
	if s.ExecsLast(sh) {
		for _, cmd := range s.Final {
			if cmd.Parent == top && !cmd.Exec && !cmd.Background && !cmd.Piped {
				execs = append(execs, cmd) // exec'd by the shell itself
			}
		}
	}
	reachesInit := false
	for _, e := range execs {
		r.noteInline(e)
		for _, words := range r.execArgv(s, e, args, where) {
			if r.followArgv(words, where) {
				reachesInit = true
			}
		}
	}
	if reachesInit || len(execs) == 0 {
		return reachesInit
	}
	for _, cmd := range s.Commands {
		if cmd.Parent != top || !cmd.Background || cmd.Name == "" || reapsJob(s, top, cmd) {
			continue
		}
		if e := execAfter(execs, cmd, s.Final); e != nil {
			r.background = append(r.background, backgroundJob{cmd: cmd, where: where, exec: e, execs: r.execName(s, e, args, where)})
		}
	}
	return false
}

// reapsJob reports whether the script waits for or kills the background
// job itself, as entrypoints that run a temporary server for setup do
// (`mysqld --skip-networking & pid=$!; …; kill "$pid"; wait "$pid"`): a
// bare `wait`, or a kill or wait of its PID. One of another job's
// PID (`kill "$page_pid"`) leaves this one running; one dlint cannot
// attribute (`kill %1`, `wait "$p"` of a PID saved elsewhere) counts.
func reapsJob(s *parser.Script, top, job *parser.Command) bool {
	own := s.JobPIDVar(job)
	others := map[string]bool{}
	for _, c := range s.Commands {
		if c.Background && c != job {
			if v := s.JobPIDVar(c); v != "" && v != own {
				others[v] = true
			}
		}
	}
	for _, cmd := range s.Commands {
		// Where it is written says little: a function written above may
		// be called after the job starts.
		if cmd.Parent != top || cmd.Name != "wait" && cmd.Name != "kill" {
			continue
		}
		if cmd.Name == "wait" && len(cmd.Args) == 0 {
			return true // waits for every job
		}
		for i, a := range cmd.Args {
			if strings.HasPrefix(a.Lit, "-") || i > 0 && (cmd.Args[i-1].Lit == "-s" || cmd.Args[i-1].Lit == "-n") {
				continue // an option, or the signal of `kill -s TERM`
			}
			names := a.ParamNames()
			if len(names) == 0 {
				return true // `kill %1`, a PID written out
			}
			for _, n := range names {
				if n == own || !others[n] {
					return true
				}
			}
		}
	}
	return false
}

// execAfter returns the exec written after cmd that the script ends
// with, else the first one after it, or nil.
func execAfter(execs []*parser.Command, cmd *parser.Command, final []*parser.Command) *parser.Command {
	var first *parser.Command
	for _, e := range execs {
		if !before(cmd.Range.Start, e.Range.Start) {
			continue
		}
		for _, f := range final {
			if f == e {
				return e
			}
		}
		if first == nil {
			first = e
		}
	}
	return first
}

func before(a, b parser.Pos) bool {
	return a.Line < b.Line || a.Line == b.Line && a.Col < b.Col
}

// execName names what `exec` runs, for messages: "`node`", or the
// program "$@" stands for, through wrappers (`exec gosu app "$@"`).
func (r *pid1Resolver) execName(s *parser.Script, e *parser.Command, args []argWord, where string) string {
	words := r.execArgv(s, e, args, where)[0]
	lits := make([]string, len(words))
	for i, w := range words {
		lits[i] = w.Lit
	}
	lits = unwrapAll(lits, false)
	if len(lits) == 0 || isAllArgsWord(lits[0]) || strings.ContainsAny(lits[0], "$`\"'") {
		return "the program `exec \"$@\"` runs"
	}
	return "`" + shortWord(path.Base(lits[0])) + "`"
}

// execArgv returns the argv an exec'd command may run, with "$@" replaced
// by the script's arguments, each as set by the script (`set -- node "$@"`)
// or as given.
func (r *pid1Resolver) execArgv(s *parser.Script, e *parser.Command, args []argWord, where string) [][]argWord {
	words := append([]*parser.Word{nameWord(e)}, e.Args...)
	variants := [][]argWord{args}
	for _, cmd := range s.Commands {
		if cmd.Name == "set" && len(cmd.Args) > 0 && cmd.Args[0].Lit == "--" && cmd.Parent == e.Parent && before(cmd.Range.Start, e.Range.Start) {
			var set []argWord
			for _, w := range cmd.Args[1:] {
				if isAllArgsWord(w.Lit) {
					set = append(set, args...)
				} else {
					set = append(set, argWord{w, where})
				}
			}
			variants = append(variants, set)
		}
	}
	usesArgs := false
	for _, w := range words {
		usesArgs = usesArgs || isAllArgsWord(w.Lit)
	}
	if !usesArgs {
		variants = variants[:1]
	}
	var out [][]argWord
	for _, a := range variants {
		var argv []argWord
		for _, w := range words {
			if isAllArgsWord(w.Lit) {
				argv = append(argv, a...)
			} else {
				argv = append(argv, argWord{w, where})
			}
		}
		out = append(out, argv)
	}
	return out
}

// nameWord is the command's name as a word, pointing at the program
// rather than the `exec` keyword.
func nameWord(cmd *parser.Command) *parser.Word {
	if cmd.NameWord != nil {
		return cmd.NameWord
	}
	return &parser.Word{Lit: cmd.Name, Literal: cmd.Name != "" && !strings.ContainsAny(cmd.Name, "$`\"'"), Range: cmd.NameRange}
}

// unwrapExecWrapper returns the command that a wrapper which execs its
// program runs: a privilege-drop tool (`gosu app node …`: dropToolChild),
// `env VAR=1 …`, `nice -n 5 …`, `nohup …` (wrappedProgram).
func unwrapExecWrapper(words []argWord) ([]argWord, bool) {
	lits := make([]string, len(words))
	for i, w := range words {
		lits[i] = w.Lit
	}
	if i := wrappedProgram(lits, false); i > 0 {
		return words[i:], true
	}
	return nil, false
}

// wrapper says how a command that runs the program in its arguments takes
// its own options and operands first.
type wrapper struct {
	valued   string          // short options that take a value: nice -n 10
	long     map[string]bool // long options that take a value unless written with "="
	operands int             // words before the program: timeout's DURATION, taskset's mask
	// forks is set for wrappers that stay the program's parent (timeout)
	// or fork when they lead their process group, as PID 1 does (setsid).
	forks bool
}

// wrappers run the program in their arguments with another environment,
// priority, CPU set or session.
var wrappers = map[string]wrapper{
	"env":     {valued: "uC", long: map[string]bool{"unset": true, "chdir": true}},
	"nohup":   {},
	"nice":    {valued: "n", long: map[string]bool{"adjustment": true}},
	"ionice":  {valued: "cnP", long: map[string]bool{"class": true, "classdata": true}},
	"stdbuf":  {valued: "ioe", long: map[string]bool{"input": true, "output": true, "error": true}},
	"chrt":    {operands: 1},
	"taskset": {operands: 1},
	"setsid":  {forks: true},
	"timeout": {valued: "sk", long: map[string]bool{"signal": true, "kill-after": true}, operands: 1, forks: true},
}

// wrappedProgram returns the index in argv of the program that the
// wrapper or privilege-drop tool argv[0] runs, or 0 when argv[0] is none,
// names no program, or (unless withForks) does not exec it.
func wrappedProgram(argv []string, withForks bool) int {
	if i := dropToolChild(argv); i > 0 {
		return i
	}
	if len(argv) == 0 {
		return 0
	}
	name := path.Base(argv[0])
	w, ok := wrappers[name]
	if !ok || w.forks && !withForks {
		return 0
	}
	i := 1
	for i < len(argv) && strings.HasPrefix(argv[i], "-") {
		a := argv[i]
		i++
		switch {
		case a == "--":
		case a == "-": // env's -i
			continue
		case name == "env" && (strings.HasPrefix(a, "-S") || strings.HasPrefix(a, "--split-string")):
			return 0 // the program is inside a string
		case strings.HasPrefix(a, "--"):
			opt, _, inline := strings.Cut(a[2:], "=")
			if w.long[opt] && !inline {
				i++
			}
			continue
		default:
			for j := 1; j < len(a); j++ {
				if strings.IndexByte(w.valued, a[j]) >= 0 {
					if j == len(a)-1 {
						i++ // the value is the next word
					}
					break
				}
			}
			continue
		}
		break // after "--"
	}
	if name == "env" {
		for i < len(argv) && strings.Contains(argv[i], "=") && !strings.HasPrefix(argv[i], "=") {
			i++ // VAR=value
		}
	}
	i += w.operands
	if i >= len(argv) {
		return 0
	}
	return i
}

// unwrapAll follows argv through wrappers to the program they run.
func unwrapAll(argv []string, withForks bool) []string {
	for hop := 0; hop < maxHops; hop++ {
		i := wrappedProgram(argv, withForks)
		if i == 0 {
			break
		}
		argv = argv[i:]
	}
	return argv
}

// imageEntrypoint is what dlint knows of the ENTRYPOINT a view keeps
// from its image when it sets none of its own.
type imageEntrypoint int

const (
	ownEntrypoint    imageEntrypoint = iota // set by the Dockerfile or compose, or none (scratch)
	plainEntrypoint                         // an official image's: none, or a script that execs its arguments
	initEntrypoint                          // the image's ENTRYPOINT runs an init
	unseenEntrypoint                        // another image's, which dlint cannot see
)

// inheritedEntrypoint says where the view's ENTRYPOINT comes from, and the
// image it comes from. What dlint's image catalogue knows decides: an
// image whose ENTRYPOINT runs an init, or one whose ENTRYPOINT is none or
// a script that execs its arguments. Docker Official Images the catalogue
// lacks are taken as the latter, as nearly all of them are.
func inheritedEntrypoint(v runView) (imageEntrypoint, parser.ImageRef) {
	if v.entrypoint != nil {
		return ownEntrypoint, parser.ImageRef{}
	}
	var ref parser.ImageRef
	var img *images.Image
	switch {
	case v.stage != nil:
		ref, img = v.stage.RootBase(), v.stage.Image()
	case v.container != nil:
		ref, img = serviceImage(v.container), v.container.BaseImage()
	}
	if ref.IsScratch() {
		return ownEntrypoint, ref
	}
	switch {
	case img != nil && img.Init != "":
		return initEntrypoint, ref
	case img != nil:
		return plainEntrypoint, ref
	}
	if _, ok := officialImage(ref); ok {
		return plainEntrypoint, ref
	}
	return unseenEntrypoint, ref
}

// officialImage returns the name of the Docker Official Image ref names,
// on Docker Hub ("node", "library/node") or a mirror of it
// (public.ecr.aws/docker/library/node, mirror.gcr.io/library/node).
func officialImage(ref parser.ImageRef) (string, bool) {
	if strings.Contains(ref.Raw, "$") {
		return "", false
	}
	name := images.Normalize(ref.Name())
	if name == "" || strings.ContainsAny(name, "/$.") {
		return "", false
	}
	return name, true
}

// imageName names an image in messages, as written.
func imageName(ref parser.ImageRef) string {
	if ref.Raw == "" {
		return "the image"
	}
	return "image `" + ref.Raw + "`"
}

// serviceImage is the image a compose service runs, or the zero ref.
func serviceImage(c *parser.Container) parser.ImageRef {
	if c.Service == nil || c.Service.Image == nil {
		return parser.ImageRef{}
	}
	return parser.ParseImageRef(c.Service.Image.Value)
}

// viewName names the container of a view in messages; a compose service
// as the subject mark (see Pass.ReportAbout).
func viewName(v runView) string {
	if v.container != nil {
		return about(v.container)
	}
	if v.stage != nil {
		return fmt.Sprintf("stage '%s'", v.stage.DisplayName())
	}
	return "the container"
}

// initAdvice says how to put an init in front where the view is defined.
func initAdvice(v runView) string {
	if v.container != nil && v.container.Service != nil && v.container.Service.Run != nil {
		return "add `--init` to the command line"
	}
	if v.container != nil && v.container.Service != nil {
		return "set `init: true` on the " + agree("service", "services")
	}
	entrypoint := []string{"tini", "--"}
	if ep := v.entrypoint; ep != nil && ep.Exec && len(ep.Argv) > 0 {
		entrypoint = append(entrypoint, ep.Argv...)
	}
	arr := jsonArray(entrypoint)
	if len(arr) > 50 {
		arr = jsonArray(entrypoint[:2])
		arr = arr[:len(arr)-1] + ", …]"
	}
	return "use `docker run --init` or `ENTRYPOINT " + arr + "`"
}

// subject says what makes a program PID 1 of the view: "CMD makes `npm`
// PID 1 of service 'web'", "entrypoint script start.sh execs `node` as
// PID 1 of …", "CMD makes `npm` PID 1 of … through entrypoint script
// docker-entrypoint.sh".
func subject(v runView, p pid1Program) string {
	name := "`" + shortWord(path.Base(p.name.Lit)) + "`"
	switch p.execIn {
	case "":
		return fmt.Sprintf("%s makes %s PID 1 of %s", p.name.where, name, viewName(v))
	case p.name.where:
		return fmt.Sprintf("%s execs %s as PID 1 of %s", p.name.where, name, viewName(v))
	}
	return fmt.Sprintf("%s makes %s PID 1 of %s through %s", p.name.where, name, viewName(v), p.execIn)
}

// unseenImage is the clause a finding gets when the view keeps the
// ENTRYPOINT of an image dlint cannot see, which may be an init.
func unseenImage(ep imageEntrypoint, image parser.ImageRef) string {
	if ep != unseenEntrypoint {
		return ""
	}
	return ", unless the ENTRYPOINT of " + imageName(image) + " is an init"
}

// packageCommand shows the package-manager command as written, up to the
// script it runs: `npm start`, `npm run worker`, `yarn dev`.
func packageCommand(p pid1Program) string {
	words := []string{path.Base(p.name.Lit)}
	for _, a := range p.args {
		if !a.Literal || isAllArgsWord(a.Lit) || strings.HasPrefix(a.Lit, "-") {
			break
		}
		words = append(words, a.Lit)
		if a.Lit != "run" && a.Lit != "run-script" && a.Lit != "exec" {
			break
		}
	}
	return "`" + shortWord(strings.Join(words, " ")) + "`"
}

func packageManagerFinding(v runView, p pid1Program, unless string) Finding {
	tool := path.Base(p.name.Lit)
	// Measured as PID 1 (docs/images.md): npm 11 (start, exec, npx) and
	// yarn 1 run the app through `sh -c` and signal only that shell, so an
	// app dash forked dies without a SIGTERM; where /bin/sh execs a lone
	// command (busybox, bash) the app gets it. pnpm 9 hands it to the app
	// whatever the shell: only the reaping an init does is missing.
	if tool == "pnpm" || tool == "pnpx" {
		msg := fmt.Sprintf("%s%s: pnpm passes SIGTERM to what its script runs (npm-run-all does not pass it on), and as PID 1 reaps no orphaned children, which stay zombies; run node directly instead of %s, or %s",
			subject(v, p), unless, packageCommand(p), initAdvice(v))
		return Finding{Range: p.name.Range, Message: msg, Severity: Info}
	}
	why := fmt.Sprintf("%s signals only its script's shell, so an app dash forked dies without a SIGTERM", tool)
	sev := Warning
	if v.shellKind("/bin/sh").ExecsLastCommand() {
		// The app gets the signal if the script is one command.
		sev = Info
		why = fmt.Sprintf("%s signals only its script's shell, which execs a lone command here: a one-command script gets it", tool)
	}
	return Finding{Range: p.name.Range, Severity: sev, Message: fmt.Sprintf("%s%s: %s; run node directly instead of %s, and %s", subject(v, p), unless, why, packageCommand(p), initAdvice(v))}
}

func nodeFinding(v runView, p pid1Program, unless string) Finding {
	sig := v.stopSignal().Label()
	msg := fmt.Sprintf("%s%s: as PID 1, node ignores %s unless the app handles it, so `docker stop` kills it after 10 s; %s, or handle %s",
		subject(v, p), unless, sig, initAdvice(v), sig)
	return Finding{Range: p.name.Range, Message: msg, Severity: Info}
}

// keepAliveFinding reports `tail -f /dev/null` or `sleep infinity` as PID 1.
func keepAliveFinding(v runView, p pid1Program, unless string) Finding {
	msg := fmt.Sprintf("%s%s: as PID 1, %s ignores %s, so `docker stop` always waits 10 s and kills it; %s",
		subject(v, p), unless, "`"+p.name.Lit+"`", v.stopSignal().Label(), initAdvice(v))
	return Finding{Range: p.name.Range, Message: msg, Severity: Info}
}

// backgroundFinding reports the jobs a script leaves under one exec'd
// program, at the first of them.
func backgroundFinding(v runView, jobs []backgroundJob, unless string) Finding {
	var names []string
	seen := map[string]bool{}
	for _, j := range jobs {
		if n := jobName(j.cmd); !seen[n] {
			seen[n] = true
			names = append(names, n)
		}
	}
	them := "it"
	if len(names) > 1 {
		them = "them"
	}
	b := jobs[0]
	msg := fmt.Sprintf("%s starts %s in the background, then execs %s as PID 1 of %s%s, which never stops or reaps %s; %s, or run %s under a supervisor",
		b.where, joinNames(names), b.execs, viewName(v), unless, them, initAdvice(v), them)
	return Finding{Range: b.cmd.NameRange, Message: msg}
}

// jobName names the program a background command runs, through wrappers
// (`nohup celery worker &` is celery).
func jobName(cmd *parser.Command) string {
	argv := unwrapAll(append([]string{cmd.Name}, cmd.ArgValues()...), true)
	if len(argv) == 0 {
		argv = []string{cmd.Name}
	}
	return "`" + shortWord(path.Base(argv[0])) + "`"
}

// joinNames lists names in prose: "a", "a and b", "a, b and c".
func joinNames(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
