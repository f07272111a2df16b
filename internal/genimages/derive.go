package main

import (
	"fmt"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/dlint-dev/dlint/images"
	"github.com/dlint-dev/dlint/parser"
)

// derived is what the generator learnt about one library entry.
type derived struct {
	facts  images.Facts
	source string
	// passThrough is set when the ENTRYPOINT runs the CMD in the end (an
	// init, or an entrypoint script that execs "$@"), so that the CMD
	// decides what the image runs.
	passThrough bool
	// setsArgs is set when the entrypoint script sets its own arguments
	// (`set -- dockerd …`): with no CMD it still runs a program.
	setsArgs bool
}

// derive reads the entry's Dockerfile and works out its facts, following
// its FROM chain to another official image of the run or to a base the
// hand-written catalogue knows. nil when the Dockerfile cannot be read.
func (g *generator) derive(image string, e *libraryEntry) *derived {
	if d, ok := g.memo[e]; ok {
		return d
	}
	if g.busy[e] {
		return nil // a FROM cycle
	}
	g.busy[e] = true
	defer delete(g.busy, e)
	d := g.deriveUncached(image, e)
	g.memo[e] = d
	return d
}

func (g *generator) deriveUncached(image string, e *libraryEntry) *derived {
	if e.Builder != "" && e.Builder != "buildkit" && e.Builder != "classic" {
		g.warnf("%s %s: builder %q is not a Dockerfile build", image, e.Tags, e.Builder)
		return nil
	}
	repo, ok := g.repo(e.GitRepo)
	if !ok {
		g.warnf("%s %s: no mirror of %s", image, e.Tags, e.GitRepo)
		return nil
	}
	commit, fallback, ok := repo.resolve(e)
	if !ok {
		g.warnf("%s %s: %s has neither commit %s nor %s on a branch", image, e.Tags, repo.name, short(e.GitCommit), path.Join(e.Directory, e.File))
		return nil
	}
	if fallback {
		g.fallbacks++
		g.warnf("%s %s: commit %s not in the mirror, read %s at %s", image, e.Tags, short(e.GitCommit), path.Join(e.Directory, e.File), short(commit))
	}
	file := path.Join(e.Directory, e.File)
	data, err := repo.show(commit, file)
	if err != nil {
		g.warnf("%s: %v", image, err)
		return nil
	}
	df, err := parser.ParseDockerfile(file, data)
	if err != nil {
		g.warnf("%s %s: %v", image, e.Tags, err)
		return nil
	}
	st := df.Final()
	if st == nil {
		return nil
	}
	b := &build{g: g, repo: repo, commit: commit, dir: e.Directory, stage: st, anc: st.Ancestors()}
	inherited := g.baseFacts(image, e, b)
	base := inherited.facts
	d := &derived{source: fmt.Sprintf("%s@%s:%s", repo.name, commit, file)}
	f := &d.facts
	f.Shell = base.Shell
	if e.Windows() {
		f.Shell = images.ShellWindows
	}
	f.UserTool = base.UserTool
	f.Workers = base.Workers

	// Accounts: the base's, then those this Dockerfile creates.
	accounts := map[string]images.Account{}
	for _, a := range base.Accounts {
		accounts[a.Name] = a
	}
	created, removed, tool := b.accounts(accounts)
	for name := range removed {
		delete(accounts, name)
	}
	for _, a := range created {
		accounts[a.Name] = a
	}
	if f.UserTool == "" && f.Shell != images.ShellWindows {
		f.UserTool = tool
	}
	for _, a := range accounts {
		f.Accounts = append(f.Accounts, a)
	}
	sort.Slice(f.Accounts, func(i, j int) bool { return f.Accounts[i].Name < f.Accounts[j].Name })

	// USER, and its numeric ID.
	if u := st.EffectiveUser(); u != nil && u.Resolved {
		f.User = u.Name
		if u.Group != "" {
			f.User += ":" + u.Group
		}
		f.UID = uidOf(u.Name, accounts)
	} else if u != nil {
		f.User = u.Raw // a variable with no value: kept as written
		f.UID = intPtr(-1)
	} else {
		f.User, f.UID = base.User, base.UID
	}

	// EXPOSE adds to the base's ports.
	f.Expose = append(f.Expose, base.Expose...)
	for _, p := range st.EffectiveExpose() {
		// A port from an ARG with no value (`EXPOSE $EE_PORTS`) is no port.
		if p.Err == nil && p.Value != "" && !strings.Contains(p.Value, "$") && !containsStr(f.Expose, p.Value) {
			f.Expose = append(f.Expose, p.Value)
		}
	}

	// ENTRYPOINT and CMD, inherited as Docker does: an ENTRYPOINT of this
	// Dockerfile resets an inherited CMD.
	ep, cmd := st.EffectiveEntrypoint(), st.EffectiveCmd()
	shellForm := st.EffectiveShell()
	switch {
	case ep != nil:
		f.Entrypoint = argv(ep, shellForm)
		if cmd != nil {
			f.Cmd = argv(cmd, shellForm)
		}
		d.passThrough, d.setsArgs = b.entrypoint(f.Entrypoint, f)
	default:
		f.Entrypoint = base.Entrypoint
		f.DropsTo, f.DropTool, f.Init = base.DropsTo, base.DropTool, base.Init
		d.passThrough, d.setsArgs = inherited.passThrough, inherited.setsArgs
		if cmd != nil {
			f.Cmd = argv(cmd, shellForm)
		} else {
			f.Cmd = base.Cmd
		}
	}
	switch {
	case len(f.Entrypoint) == 0:
		f.Base = len(f.Cmd) == 0 || images.IsInteractive(f.Cmd)
	case d.passThrough && len(f.Cmd) == 0:
		f.Base = !d.setsArgs // exec "$@" of nothing: no application
	case d.passThrough:
		f.Base = images.IsInteractive(f.Cmd)
	}
	if w := b.workers(); w != "" {
		f.Workers = w
	}
	// Workers are those of the base's server: gone when the image runs
	// another program, or runs it as a user who cannot switch.
	if f.Workers != "" && (!f.RunsAsRoot() || progOf(f.Cmd) != progOf(base.Cmd) && b.workers() == "") {
		f.Workers = ""
	}
	// A server whose master stays root by design (nginx, Apache httpd,
	// php-fpm) names its workers' user in a configuration file that comes
	// from a package, not from the repository: the catalogue's table of
	// such servers gives it, when the image has that account.
	if w, ok := images.MasterWorkers(f.Cmd); ok && f.Workers == "" && f.RunsAsRoot() && len(f.Entrypoint) <= 1 {
		if _, has := accounts[w]; has {
			f.Workers = w
		}
	}
	f.AppUser = appUser(base.AppUser, created, accounts, f.Workers, f.DropsTo)
	return d
}

// progOf is the program an argv runs, without its directory.
func progOf(argv []string) string {
	if len(argv) == 0 {
		return ""
	}
	return path.Base(argv[0])
}

// baseFacts returns what the image the final stage's FROM chain starts
// from brings: its facts, and how its ENTRYPOINT treats the CMD.
func (g *generator) baseFacts(image string, e *libraryEntry, b *build) derived {
	root := b.anc[len(b.anc)-1]
	ref := root.Base
	if ref.IsScratch() {
		// An OS image: a root file system on scratch. What /bin/sh is
		// comes from the hand-written catalogue, not from the tarball.
		if im, ok := g.vendor.Lookup(image, firstTag(e)); ok {
			return derived{facts: images.Facts{Shell: im.Shell, UserTool: im.UserTool, Accounts: im.Accounts}}
		}
		if addsArchive(root) {
			g.warnf("%s %s: a root file system on scratch with no hand-written facts: shell unknown", image, e.Tags)
			return derived{}
		}
		if im, ok := g.vendor.Lookup("scratch", ""); ok {
			return derived{facts: im.Facts}
		}
		return derived{facts: images.Facts{Shell: images.ShellNone}}
	}
	d, ok := g.lookup(ref, image)
	if !ok {
		g.warnf("%s %s: base %s unknown", image, e.Tags, ref.Raw)
	}
	return d
}

// lookup finds a base image of the image from: the hand-written
// catalogue first (as dlint's own lookups do), then the official images
// of the run.
func (g *generator) lookup(ref parser.ImageRef, from string) (derived, bool) {
	name := ref.Repository
	if ref.Registry != "" {
		name = ref.Registry + "/" + name
	}
	name = images.Normalize(name)
	tag := ref.Tag
	if im, ok := g.vendor.Lookup(name, tag); ok {
		pass := im.Init != "" || len(im.Entrypoint) > 0 && strings.HasSuffix(im.Entrypoint[0], ".sh")
		return derived{facts: im.Facts, passThrough: pass}, true
	}
	if tag == "" {
		tag = "latest"
	}
	// A tag the library no longer lists stands for the entry its tag
	// patterns give, as a lookup by dlint would find it; the catch-all
	// only for the image's own tags (nginx's perl variant on
	// nginx:VERSION), as it stands for the current default and not for
	// another image's old release.
	le := entryForTag(g.libs[name], tag, name == from)
	if le == nil {
		return derived{}, false
	}
	d := g.derive(name, le)
	if d == nil {
		return derived{}, false
	}
	return *d, true
}

// build is one Dockerfile being read: its repository, commit and build
// context, and the final stage with the stages it builds on.
type build struct {
	g      *generator
	repo   *gitRepo
	commit string
	dir    string
	stage  *parser.Stage
	anc    []*parser.Stage // nearest first
}

// entrypoint works out what the ENTRYPOINT does when the container
// starts as root: the init it runs, the user an entrypoint script drops
// to. It reports whether the CMD is run in the end, and whether the
// script sets arguments of its own.
func (b *build) entrypoint(ep []string, f *images.Facts) (pass, setsArgs bool) {
	args := ep
	if len(args) == 0 {
		return false, false
	}
	if parser.IsInit(args[0]) {
		f.Init = initName(args[0])
		pass = true
		args = args[parser.InitChild(args):]
	}
	if len(args) == 0 {
		return pass, false
	}
	script := b.script(args[0])
	if script == nil {
		return pass, false
	}
	if tool, user, ok := dropOf(script); ok {
		f.DropTool, f.DropsTo = tool, user
	}
	// An init the script execs counts when every way out of the script
	// runs it, not when one branch does (a checkpoint restore).
	if f.Init == "" && len(script.Final) > 0 {
		all := true
		for _, c := range script.Final {
			all = all && c.Exec && parser.IsInit(c.Name)
		}
		if all {
			f.Init = initName(script.Final[0].Name)
		}
	}
	for _, c := range script.Commands {
		if c.Name == "set" && len(c.Args) > 0 && c.Args[0].Lit == "--" {
			setsArgs = true
		}
	}
	for _, c := range script.Commands {
		if c.Exec && c.RunsAllArgs() {
			return true, setsArgs
		}
	}
	return pass, setsArgs
}

// script reads and parses the entrypoint script the image puts at the
// path prog names, when the build context holds it.
func (b *build) script(prog string) *parser.Script {
	for _, p := range b.stage.CommandPaths(prog) {
		src, ok := b.copiedFrom(p)
		if !ok {
			continue
		}
		data, err := b.repo.show(b.commit, path.Join(b.dir, src))
		if err != nil {
			continue
		}
		if s := parser.ParseScriptFile(src, data); s != nil && s.Err == nil {
			return s
		}
	}
	return nil
}

// copiedFrom returns the build-context file a COPY puts at p: a file
// named as the source, or one a glob or a copied directory brings.
func (b *build) copiedFrom(p string) (string, bool) {
	if cp, src := b.stage.CopyTo(p); cp != nil {
		return src, true
	}
	for _, st := range b.anc {
		for i := len(st.Copies) - 1; i >= 0; i-- {
			cp := st.Copies[i]
			if cp.From != "" {
				continue
			}
			for _, src := range cp.Sources {
				if strings.Contains(src, "://") {
					continue
				}
				dest := path.Clean(cp.Dest)
				switch {
				case strings.ContainsAny(src, "*?["):
					dir := path.Dir(src)
					for _, name := range b.repo.list(b.commit, path.Join(b.dir, dir)) {
						if ok, _ := path.Match(path.Base(src), name); ok && path.Join(dest, name) == p {
							return path.Join(dir, name), true
						}
					}
				case strings.HasSuffix(src, "/") || src == ".":
					if rel, ok := strings.CutPrefix(p, dest+"/"); ok && dest != "/" || dest == "/" && p != "/" {
						if dest == "/" {
							rel = strings.TrimPrefix(p, "/")
						}
						cand := path.Join(src, rel)
						if b.repo.exists(b.commit, path.Join(b.dir, cand)) {
							return cand, true
						}
					}
				}
			}
		}
	}
	return "", false
}

// dropTools switch user and exec the rest of their arguments.
var dropTools = map[string]bool{"gosu": true, "su-exec": true, "setpriv": true, "s6-setuidgid": true, "chroot": true, "runuser": true}

// dropOf finds the privilege drop of an entrypoint script: the first
// exec'd gosu, su-exec, setpriv --reuid, s6-setuidgid, chroot --userspec
// or runuser -u whose user is written literally, else the first that
// passes "$@" on; `gosu nobody true` only checks that gosu works.
func dropOf(s *parser.Script) (tool, user string, ok bool) {
	for _, execOnly := range []bool{true, false} {
		for _, c := range s.Commands {
			if !dropTools[c.Base()] || execOnly && !c.Exec || !execOnly && !c.RunsAllArgs() {
				continue // not exec'd, nor the re-exec of the script: a check
			}
			if u, ok := dropUser(c); ok {
				return c.Base(), u, true
			}
		}
	}
	return "", "", false
}

func dropUser(c *parser.Command) (string, bool) {
	args := c.Args
	var u *parser.Word
	switch c.Base() {
	case "gosu", "su-exec", "s6-setuidgid":
		if len(args) < 2 {
			return "", false // `gosu nobody true` checks: no program to run
		}
		u = args[0]
	case "setpriv":
		u = optionValue(args, "--reuid")
	case "chroot":
		u = optionValue(args, "--userspec")
	case "runuser":
		u = optionValue(args, "-u")
	}
	if u == nil || !u.Literal || u.Lit == "" || strings.Contains(u.Lit, "$") {
		return "", false
	}
	name, _, _ := strings.Cut(u.Lit, ":")
	if name == "" || parser.IsRootUser(name) {
		return "", false
	}
	return name, true
}

// optionValue returns the value of a long option written `--opt=v` or
// `--opt v`.
func optionValue(args []*parser.Word, opt string) *parser.Word {
	for i, a := range args {
		if v, ok := strings.CutPrefix(a.Lit, opt+"="); ok {
			return &parser.Word{Lit: v, Literal: a.Literal}
		}
		if a.Lit == opt && i+1 < len(args) {
			return args[i+1]
		}
	}
	return nil
}

// initName is the name the catalogue gives an init program.
func initName(prog string) string {
	base := path.Base(prog)
	switch {
	case path.Clean(prog) == "/init":
		return "s6-overlay"
	case base == "docker-init" || strings.HasPrefix(base, "tini"):
		return "tini"
	case strings.HasPrefix(base, "dumb-init"):
		return "dumb-init"
	}
	return base
}

// argv is an ENTRYPOINT or CMD in exec form.
func argv(spec *parser.ExecSpec, shell []string) []string {
	if spec.Exec {
		return append([]string{}, spec.Argv...)
	}
	out := append([]string{}, shell...)
	return append(out, strings.Join(spec.Argv, " "))
}

// addsArchive reports whether a stage ADDs a tarball: a root file system.
func addsArchive(st *parser.Stage) bool {
	for _, cp := range st.Copies {
		for _, s := range cp.Sources {
			if cp.Add && strings.Contains(s, ".tar") {
				return true
			}
		}
	}
	return false
}

var (
	// php's configure: --with-fpm-user=www-data
	fpmUserRe = regexp.MustCompile(`--with-fpm-user=([a-z_][a-z0-9_-]*)`)
	// httpd's sed of httpd.conf: 's!^(\s*User)\s+daemon\s*$!\1 www-data!g'
	httpdUserRe = regexp.MustCompile(`\(\\s\*User\)[^!]*!\\1 ([a-z_][a-z0-9_-]*)!`)
	// nginx's configure: --user=nginx
	nginxUserRe = regexp.MustCompile(`--user=([a-z_][a-z0-9_-]*)`)
)

// workers finds the user a root master process runs its workers as, where
// the Dockerfile writes it: php-fpm's configure option, httpd's User.
func (b *build) workers() string {
	for i := len(b.anc) - 1; i >= 0; i-- {
		for _, in := range b.anc[i].Instructions {
			if in.Keyword != "RUN" && in.Keyword != "ENV" {
				continue
			}
			if m := fpmUserRe.FindStringSubmatch(in.Original); m != nil && b.stageCmdIs("php-fpm") {
				return m[1]
			}
			if m := httpdUserRe.FindStringSubmatch(in.Original); m != nil {
				return m[1]
			}
			if m := nginxUserRe.FindStringSubmatch(in.Original); m != nil && strings.Contains(in.Original, "nginx") && b.stageCmdIs("nginx") {
				return m[1]
			}
		}
	}
	return ""
}

func (b *build) stageCmdIs(prog string) bool {
	cmd := b.stage.EffectiveCmd()
	return cmd != nil && len(cmd.Argv) > 0 && path.Base(strings.Fields(cmd.Argv[0])[0]) == prog
}

// uidOf is the numeric ID of a USER: written as a number, or an account
// the image has; -1 when not known.
func uidOf(name string, accounts map[string]images.Account) *int {
	if n, err := strconv.Atoi(name); err == nil {
		return &n
	}
	if parser.IsRootUser(name) {
		return intPtr(0)
	}
	if a, ok := accounts[name]; ok && a.UID >= 0 {
		return intPtr(a.UID)
	}
	return intPtr(-1)
}

func intPtr(n int) *int { return &n }

func firstTag(e *libraryEntry) string {
	if len(e.Tags) > 0 {
		return e.Tags[0]
	}
	if len(e.SharedTags) > 0 {
		return e.SharedTags[0]
	}
	return "latest"
}

func short(c string) string {
	if len(c) > 12 {
		return c[:12]
	}
	return c
}

func containsStr(list []string, s string) bool { return contains(list, s) }

// appUser is the account the image makes for its application: the last
// one this Dockerfile creates, else the base's, else the user its workers
// or its entrypoint's drop run as, when the image has that account.
func appUser(inherited string, created []images.Account, accounts map[string]images.Account, candidates ...string) string {
	for i := len(created) - 1; i >= 0; i-- {
		if _, ok := accounts[created[i].Name]; ok && created[i].UID != 0 {
			return created[i].Name
		}
	}
	if _, ok := accounts[inherited]; ok && inherited != "" {
		return inherited
	}
	for _, c := range candidates {
		if _, ok := accounts[c]; ok && c != "" {
			return c
		}
	}
	return ""
}
