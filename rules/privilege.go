package rules

import (
	"path"
	"strings"

	"github.com/dlint-dev/dlint/images"
	"github.com/dlint-dev/dlint/parser"
)

// dropTools switch to another user and exec the rest of their arguments
// without a shell in between; dropToolChild finds that program.
var dropTools = map[string]bool{
	"gosu": true, "su-exec": true, "setpriv": true, "s6-setuidgid": true, "chpst": true, "setuidgid": true,
}

// dropToolChild returns the index in argv of the program that the
// privilege-drop tool argv[0] execs: 2 for `gosu app node`, 3 for `setpriv
// --reuid app node`; 0 when argv[0] is no such tool or names no program.
func dropToolChild(argv []string) int {
	if len(argv) == 0 || !dropTools[path.Base(argv[0])] {
		return 0
	}
	i := 1
	switch path.Base(argv[0]) {
	case "setpriv":
		for i < len(argv) && strings.HasPrefix(argv[i], "-") {
			flag := argv[i]
			i++
			if flag == "--" {
				break
			}
			if setprivValueOptions[flag] {
				i++ // --reuid app; --reuid=app is one word
			}
		}
	case "chpst":
		for i < len(argv) && strings.HasPrefix(argv[i], "-") && argv[i] != "-" {
			flag := argv[i]
			i++
			if len(flag) == 2 && strings.ContainsRune(chpstValueOptions, rune(flag[1])) {
				i++ // -u app; -uapp is one word
			}
		}
	default: // gosu, su-exec, s6-setuidgid, setuidgid: USER PROGRAM
		i = 2
	}
	if i >= len(argv) {
		return 0
	}
	return i
}

// setprivValueOptions take a value as the next word unless written with "=".
var setprivValueOptions = map[string]bool{
	"--reuid": true, "--regid": true, "--ruid": true, "--euid": true, "--rgid": true, "--egid": true,
	"--groups": true, "--inh-caps": true, "--ambient-caps": true, "--bounding-set": true,
	"--securebits": true, "--pdeathsig": true, "--selinux-label": true, "--apparmor-profile": true,
	"--landlock-access": true, "--landlock-rule": true,
}

// chpstValueOptions are chpst's options that take a value (-u user, -e dir,
// -/ root, -n inc, the limits).
const chpstValueOptions = "uUbe/CnlLmdopfcrt"

// privilegeDrop reports whether cmd runs a program as another user with a
// tool that execs it directly, and names the tool.
func privilegeDrop(cmd *parser.Command) (string, bool) {
	base := cmd.Base()
	switch {
	case base == "setpriv":
		for _, a := range cmd.Args {
			if strings.HasPrefix(a.Lit, "--reuid") || strings.HasPrefix(a.Lit, "--ruid") || strings.HasPrefix(a.Lit, "--euid") {
				return base, true
			}
		}
		return "", false
	case base == "chpst":
		for _, a := range cmd.Args {
			if strings.HasPrefix(a.Lit, "-u") {
				return base, true
			}
		}
		return "", false
	case base == "sudo":
		// `sudo -u app server` switches user (and stays as the parent).
		for _, a := range cmd.Args {
			if a.Lit == "-u" || strings.HasPrefix(a.Lit, "--user") || strings.HasPrefix(a.Lit, "-u") && len(a.Lit) > 2 {
				return "sudo -u", true
			}
		}
		return "", false
	case base == "capsh":
		// `capsh --user=app -- -c "server"`: the shell it starts runs as app.
		for _, a := range cmd.Args {
			if strings.HasPrefix(a.Lit, "--user=") {
				return "capsh --user", true
			}
		}
		return "", false
	case base == "chroot":
		for _, a := range cmd.Args {
			if strings.HasPrefix(a.Lit, "--userspec") {
				return "chroot --userspec", true
			}
		}
		return "", false
	case dropTools[base]:
		return base, true
	}
	return "", false
}

// unwrapInit returns the command an init wrapper starts (`tini -- gosu app
// "$@"` gives `gosu app "$@"`), or cmd itself; isInit tells inits.
func unwrapInit(cmd *parser.Command, isInit func(string) bool) *parser.Command {
	if !isInit(cmd.Name) {
		return cmd
	}
	i := parser.InitChild(append([]string{cmd.Name}, cmd.ArgValues()...)) - 1 // index in Args
	if i < 0 || i >= len(cmd.Args) {
		return cmd
	}
	inner := *cmd
	inner.Name = cmd.Args[i].Lit
	inner.NameRange = cmd.Args[i].Range
	inner.NameWord = cmd.Args[i]
	inner.Args = cmd.Args[i+1:]
	return &inner
}

// tailCommands returns the commands in tail position of s, and of the
// `sh -c` strings those run: what the shell runs last before it exits.
func tailCommands(s *parser.Script) map[*parser.Command]bool {
	out := map[*parser.Command]bool{}
	var add func(*parser.Script)
	add = func(s *parser.Script) {
		for _, c := range s.Final {
			if !out[c] {
				out[c] = true
				if c.Inline != nil {
					add(c.Inline)
				}
			}
		}
	}
	if s != nil {
		add(s)
	}
	return out
}

// startsMainProcess reports whether cmd starts what the container is for:
// it is the script's last command, or it hands the script's arguments
// ("$@", the CMD) on. Commands in the background, in a pipeline or in a
// loop are not the main process, nor is `"$@"` inside a function, which
// names the function's own arguments.
func startsMainProcess(cmd *parser.Command, tail map[*parser.Command]bool) bool {
	if cmd.Background || cmd.Piped || cmd.InLoop {
		return false
	}
	return tail[cmd] || cmd.RunsAllArgs() && !cmd.InFunc
}

// dropsPrivileges reports whether the container starts as root only to hand
// its main process to another user, the way the official images fix
// permissions and then `exec gosu`: in its entrypoint script, in its
// ENTRYPOINT/CMD (also behind tini), in the entrypoint of an official base
// image it keeps, or, when the entrypoint script is not on disk, because
// the image installs gosu or su-exec for it.
func dropsPrivileges(c *parser.Container) bool {
	if s := c.RunningScript(); s != nil && scriptDropsPrivileges(s, parser.IsInit) {
		return true
	}
	for _, spec := range []*parser.ExecSpec{c.Entrypoint(), c.Cmd()} {
		if spec != nil && spec.Script != nil && scriptDropsPrivileges(spec.Script, containerView(c).runsInit) {
			return true
		}
	}
	if inheritsDroppingEntrypoint(c) || superviseUnprivileged(c) || daemonDropsItself(c) {
		return true
	}
	if c.Stage == nil {
		return false
	}
	return c.Script == nil && entrypointUnseen(c) && shipsDropTool(c.Stage)
}

// daemonDropsItself reports whether the container's main program is a
// daemon that switches itself to an unprivileged user (dnsmasq, named -u):
// the exec-form ENTRYPOINT or CMD, or what the entrypoint script ends in.
func daemonDropsItself(c *parser.Container) bool {
	for _, spec := range []*parser.ExecSpec{c.Entrypoint(), c.Cmd()} {
		if spec != nil && spec.Exec {
			if _, ok := images.DropsItself(spec.Argv); ok {
				return true
			}
		}
	}
	if s := c.RunningScript(); s != nil {
		for cmd := range tailCommands(s) {
			if _, ok := images.DropsItself(cmd.Argv()); ok {
				return true
			}
		}
	}
	return false
}

// superviseUnprivileged reports whether the container's process manager
// (supervisord, s6, runit, uWSGI) runs every program it starts as a user
// other than root, as its configuration in the image says.
func superviseUnprivileged(c *parser.Container) bool {
	for _, p := range c.Supervised {
		if runsAsRootThere(p) {
			if _, drops := images.DropsItself(p.Argv); !drops {
				return false
			}
		}
	}
	return len(c.Supervised) > 0
}

// runsAsRootThere reports whether the process manager starts p as root:
// its configuration sets no user, or root.
func runsAsRootThere(p *parser.Supervised) bool { return p.User == "" || isRootName(p.User) }

// supervisesRootByDesign reports whether the process manager starts, as
// root, a server whose master stays root by design.
func supervisesRootByDesign(c *parser.Container) bool {
	for _, p := range c.Supervised {
		if _, ok := images.MasterWorkers(p.Argv); ok && runsAsRootThere(p) {
			return true
		}
	}
	return false
}

// supervisedMasterWorkers reports whether every program the process
// manager starts as root is a server whose master stays root by design
// (php-fpm, nginx), and the user its workers run as.
func supervisedMasterWorkers(c *parser.Container) (string, bool) {
	workers := ""
	for _, p := range c.Supervised {
		if !runsAsRootThere(p) {
			continue
		}
		if _, drops := images.DropsItself(p.Argv); drops {
			continue
		}
		w, ok := images.MasterWorkers(p.Argv)
		if !ok {
			return "", false
		}
		if workers == "" {
			workers = w
		}
	}
	return workers, workers != ""
}

// scriptDropsPrivileges reports whether s starts its main process through
// gosu, su-exec, setpriv and the like (or su/runuser to a non-root user),
// directly, behind an init wrapper, or with `set -- gosu app "$@"` followed
// by `exec "$@"`. isInit tells inits.
func scriptDropsPrivileges(s *parser.Script, isInit func(string) bool) bool {
	tail := tailCommands(s)
	waits := waitsForChildren(s)
	for _, cmd := range s.Commands {
		inner := unwrapInit(cmd, isInit)
		// A program started in the background is the main one when the
		// script then waits for it (`server & wait $!`).
		main := cmd.Exec || startsMainProcess(cmd, tail) || cmd.Background && !cmd.InLoop && waits
		if _, ok := privilegeDrop(inner); ok && main {
			return true
		}
		// su/runuser do switch user, clumsily: su-privilege-drop reports how.
		// A user from a variable (`su $PUSER -s "$@"`) is the one the
		// script set up, as with gosu "$USER".
		if b := inner.Base(); (b == "su" || b == "runuser") && main {
			if target := suTargetUser(inner); target == "" || !isRootName(target) {
				return true
			}
		}
		if setsDropArgs(cmd) && execsAllArgs(s, tail) {
			return true
		}
	}
	return false
}

// waitsForChildren reports whether the script runs `wait`, outside a loop:
// it stays to wait for what it started in the background.
func waitsForChildren(s *parser.Script) bool {
	for _, cmd := range s.Commands {
		if cmd.Name == "wait" && !cmd.InLoop && cmd.Parent == nil {
			return true
		}
	}
	return false
}

// setsDropArgs reports whether cmd is `set -- gosu user …`, which makes a
// later `exec "$@"` drop privileges.
func setsDropArgs(cmd *parser.Command) bool {
	if cmd.Name != "set" || len(cmd.Args) < 2 || cmd.Args[0].Lit != "--" {
		return false
	}
	argv := cmd.Args[1:]
	_, ok := privilegeDrop(&parser.Command{Name: argv[0].Lit, Args: argv[1:]})
	return ok
}

// execsAllArgs reports whether s ends by running its arguments: `exec "$@"`.
func execsAllArgs(s *parser.Script, tail map[*parser.Command]bool) bool {
	for _, cmd := range s.Commands {
		if isAllArgsWord(cmd.Name) && (cmd.Exec || tail[cmd]) {
			return true
		}
	}
	return false
}

func isAllArgsWord(s string) bool {
	switch s {
	case `"$@"`, `$@`, `"${@}"`, `${@}`:
		return true
	}
	return false
}

// inheritsDroppingEntrypoint reports whether the container keeps the
// ENTRYPOINT of a base image that drops privileges itself (the catalogue
// read it from the image's entrypoint script), or its own entrypoint
// hands over to that image's docker-entrypoint.sh.
func inheritsDroppingEntrypoint(c *parser.Container) bool {
	img := c.BaseImage()
	if img == nil || img.DropsTo == "" {
		return false
	}
	if keepsImageEntrypoint(c) {
		return true
	}
	s := c.RunningScript()
	if s == nil {
		return false
	}
	tail := tailCommands(s)
	for _, cmd := range s.Commands {
		if cmd.Base() == "docker-entrypoint.sh" && (cmd.Exec || startsMainProcess(cmd, tail)) {
			return true
		}
	}
	return false
}

// entrypointUnseen reports whether the container starts a script dlint
// could not read (a COPY from a build context that is not on disk, or a
// script of the base image).
func entrypointUnseen(c *parser.Container) bool {
	spec := c.Entrypoint()
	if spec == nil {
		spec = c.Cmd()
	}
	if spec == nil || spec.Script == nil || len(spec.Script.Commands) == 0 {
		return false
	}
	prog := programOf(unwrapInit(spec.Script.Commands[0], containerView(c).runsInit))
	if prog == "" {
		return false
	}
	name := path.Base(prog)
	if strings.HasSuffix(name, ".sh") || strings.Contains(strings.ToLower(name), "entrypoint") {
		return true
	}
	for _, p := range c.Stage.CommandPaths(prog) {
		if cp, _ := c.Stage.CopyTo(p); cp != nil {
			return true // `COPY init.sh /init`
		}
	}
	for _, st := range c.Stage.Ancestors() {
		for _, cp := range st.Copies {
			if cp.From != "" {
				continue
			}
			for _, src := range cp.Sources {
				if path.Base(src) == name {
					return true
				}
			}
		}
	}
	return false
}

// programOf names the program cmd starts: the script a shell runs
// (`sh /entrypoint.sh`), or the command itself. It is "" for `sh -c`.
func programOf(cmd *parser.Command) string {
	if !parser.IsShell(cmd.Name) {
		return cmd.Name
	}
	for _, a := range cmd.Args {
		if strings.HasPrefix(a.Lit, "-") {
			if strings.Contains(strings.TrimLeft(a.Lit, "-"), "c") && !strings.HasPrefix(a.Lit, "--") {
				return ""
			}
			continue
		}
		return a.Lit
	}
	return ""
}

// dropToolFiles are the privilege-drop tools that images install only to
// use in their entrypoint (setpriv comes with util-linux anyway).
var dropToolFiles = map[string]bool{"gosu": true, "su-exec": true}

// shipsDropTool reports whether the stage (or a stage it builds on)
// installs gosu or su-exec: a package install, a download to
// /usr/local/bin/gosu, a `gosu --version` smoke test, or a COPY of the
// binary.
func shipsDropTool(stage *parser.Stage) bool {
	for _, st := range stage.Ancestors() {
		for _, in := range st.Instructions {
			if in.Keyword == "RUN" && in.Script != nil && scriptMentionsDropTool(in.Script) {
				return true
			}
		}
		for _, cp := range st.Copies {
			if dropToolFiles[path.Base(cp.Dest)] {
				return true
			}
			for _, src := range cp.Sources {
				if dropToolFiles[path.Base(src)] {
					return true
				}
			}
		}
	}
	return false
}

func scriptMentionsDropTool(s *parser.Script) bool {
	for _, cmd := range s.Commands {
		if dropToolFiles[cmd.Base()] {
			return true
		}
		for _, a := range cmd.Args {
			// "su-exec>=0.2", "/usr/local/bin/gosu"
			name := path.Base(a.Lit)
			if i := strings.IndexAny(name, "=<>~"); i > 0 {
				name = name[:i]
			}
			if dropToolFiles[name] {
				return true
			}
		}
	}
	return false
}

// userFix suggests replacing a root USER value with an unprivileged UID,
// unless a RUN of df runs as that USER: it would run as 10001 too, and an
// install step would fail the build.
func userFix(df *parser.Dockerfile, u *parser.User) *Fix {
	if u == nil || u.Instr == nil || runsAs(df, u) {
		return nil
	}
	// The app may need files only root can write: review before applying.
	return &Fix{
		Description: "run as an unprivileged numeric user",
		Edits:       []Edit{{Range: u.Range, NewText: "10001:10001"}},
		Unsafe:      true,
	}
}

// runsAs reports whether a RUN of df, or a RUN that an ONBUILD registers,
// runs as the user u sets; true when df is unknown.
func runsAs(df *parser.Dockerfile, u *parser.User) bool {
	if df == nil {
		return true
	}
	for _, st := range df.Stages {
		for _, in := range st.Instructions {
			for _, x := range []*parser.Instruction{in, in.Trigger} {
				if x != nil && x.Keyword == "RUN" && x.UserBefore == u {
					return true
				}
			}
		}
	}
	return false
}
