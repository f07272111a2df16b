package rules

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/dlint-dev/dlint/images"
	"github.com/dlint-dev/dlint/parser"
)

// MissingUser reports containers that run as root because nothing ever
// sets a user: no USER, no compose `user:`, a root base and no privilege
// drop in the entrypoint.
var MissingUser = &Rule{
	ID:       "missing-user",
	Aliases:  []string{"DS002", "CKV_DOCKER_3"},
	Severity: Warning,
	Tags:     []string{TagSecurity, TagDockerfile, TagCompose},
	Summary:  "The container runs as root because no USER is ever set",
	Doc: `## Why
Without a USER instruction a container runs as root, the user every base image
starts with unless it says otherwise. Root in a container is root on the
host's kernel: a container escape, a writable host mount or a kernel bug turns
an application bug into a host compromise, and the app can rewrite its own
binaries. dlint reports the stage the container runs when neither it nor a
stage it builds on sets USER, compose sets no ` + "`user:`" + `, and nothing else keeps
the app off root:

- the base image already runs unprivileged (distroless ` + "`:nonroot`" + `, Chainguard
  runtime images, ` + "`nginxinc/nginx-unprivileged`" + `, Bitnami application images, .NET
  chiseled images, … — ` + "`dlint image NAME`" + ` shows what dlint knows);
- the entrypoint drops privileges: a script that ends with
  ` + "`exec gosu app \"$@\"`" + ` (or su-exec, setpriv, ` + "`capsh --user`" + `; also a program
  started in the background that the script waits for), an ENTRYPOINT that runs gosu or
  ` + "`sudo -u`" + `, a compose ` + "`command:`" + ` that does, or the kept entrypoint of an image
  that drops by itself (postgres, redis, mysql, mongo, rabbitmq);
- the compose service is ` + "`privileged: true`" + `: what it is privileged for needs root,
  and rule privileged reports it;
- a process manager runs every program unprivileged: supervisord ` + "`user=`" + `,
  s6 or runit run scripts with ` + "`s6-setuidgid`" + `/` + "`chpst -u`" + `, uWSGI ` + "`uid =`" + `;
- the Dockerfile builds a base image: its CMD is a shell or a language
  prompt (` + "`python3`" + `, ` + "`node`" + `, ` + "`bash`" + `, Windows' ` + "`cmd.exe`" + `), or it has no CMD
  and its ENTRYPOINT script only runs its arguments (` + "`exec \"$@\"`" + `, or a shell
  when given none), so images built on it choose what runs.

Servers whose master process stays root by design and runs its workers
unprivileged (nginx, httpd, php-fpm, rspamd -u, and cron, which runs each
crontab as its owner) get a message that says so, as info. A daemon that
switches itself to an unprivileged user once it has bound its ports
(dnsmasq, ` + "`named -u`" + `) is not reported.

` + "`scratch`" + ` has no users at all: a program copied into it runs as UID 0, and
` + "`USER 65532:65532`" + ` works there without any /etc/passwd.

## Bad
` + "```dockerfile" + `
FROM node:22-slim
WORKDIR /app
COPY . .
RUN npm ci --omit=dev
CMD ["node", "server.js"]
` + "```" + `

## Good
` + "```dockerfile" + `
FROM node:22-slim
WORKDIR /app
COPY . .
RUN npm ci --omit=dev
USER 1000:1000
CMD ["node", "server.js"]
` + "```" + `

## Silence
` + "`# dlint ignore=missing-user`" + ` on the line above the FROM of the stage that is run,
or ` + "`missing-user: off`" + ` in .dlint.yaml. If your own base images already run
unprivileged, list them under the rule's ` + "`non-root-bases`" + ` option in .dlint.yaml. Trivy's DS002 and Checkov's CKV_DOCKER_3
name this rule too.`,
	Options: func() any { return &MissingUserOptions{} },
	Check:   checkMissingUser,
}

func checkMissingUser(pass *Pass) {
	for _, c := range pass.Containers {
		// GitHub runs a Docker container action as root, and USER would
		// lose it the workspace's files.
		if c.Stage == nil || c.Dockerfile == nil || c.ComposeUser() != nil || c.ImageUser() != nil || c.Dockerfile.GitHubAction && c.Service == nil {
			continue
		}
		// A privileged service needs root for what it is privileged for (a
		// containerd worker, eBPF, devices): a user other than root gets no
		// capabilities even then. Rule privileged says so.
		if c.Service != nil && c.Service.Privileged != nil {
			continue
		}
		base := c.Stage.RootBase()
		if unresolvedImage(base) {
			continue
		}
		// A scratch stage with nothing to run only exports files
		// (`docker build --output`); no container runs it.
		if base.IsScratch() && c.Entrypoint() == nil && c.Cmd() == nil {
			continue
		}
		img := c.BaseImage()
		if runsUnprivileged(img) || OptionsOf[MissingUserOptions](pass).runsUnprivileged(base) {
			continue
		}
		// A Dockerfile that builds a base image (its CMD is a shell or a
		// language prompt) runs no application: images built on it decide.
		if c.Service == nil && runsNoApplication(c) {
			continue
		}
		if dropsPrivileges(c) {
			continue
		}
		f := Finding{Range: fromBaseRange(c.Dockerfile, c.Stage), Message: missingUserMessage(c, base, img)}
		if img == nil && !base.IsScratch() {
			// An image dlint does not know may well set a user of its
			// own (grafana/k6, curlimages/curl): the message hedges,
			// and it is information, not a warning.
			f.Severity = Info
		}
		if _, ok := masterWorkers(c, img); ok {
			f.Severity = Info // root is the master's, by the server's design
		} else if supervisesRootByDesign(c) {
			// Some programs it starts need root (dovecot's master, cron):
			// USER for the whole container would break them, and what is
			// left is a per-program choice the advice names.
			f.Severity = Info
		} else if c.Manager != "" && len(c.Supervised) == 0 {
			// Its programs may each run as another user, as a
			// configuration made inside the image says (zulip's
			// supervisord, whose files puppet writes in the build).
			f.Severity = Info
			head, _, _ := strings.Cut(f.Message, "; ")
			f.Message = fmt.Sprintf("%s; its main process is %s, and the programs it starts run as root too unless its configuration, which dlint could not read (it is not copied from the build context), runs each as an unprivileged user: check that it does", head, managerLabel(c.Manager))
		} else if unread, how := unreadDropper(c, img); unread != "" {
			// The entrypoint may drop privileges where dlint cannot see:
			// a script of the image (friendica's /cron.sh ends in `exec
			// gosu www-data …`), or one in another language (synapse's
			// start.py execs gosu). USER would break its own drop.
			f.Severity = Info
			fix := "set USER to an unprivileged UID"
			if c.Service != nil {
				fix = "give the service an unprivileged `user:`"
			}
			head, _, _ := strings.Cut(f.Message, "; ")
			f.Message = fmt.Sprintf("%s, unless `%s`, %s, drops privileges itself (%s); if it does not, %s", head, unread, how, dropExamples(how), fix)
		}
		pass.ReportAbout(c, f)
	}
}

// unreadDropper names the entrypoint that may drop privileges where
// dlint cannot read it, and says what it is: a script of the image (when
// the base is known; an unknown base is hedged already), or a script of
// the build context in another language than shell.
func unreadDropper(c *parser.Container, img *images.Image) (prog, what string) {
	switch {
	case c.ForeignEntrypoint != "":
		return c.ForeignEntrypoint, "a script in another language than shell, which dlint cannot read"
	case c.Script == nil && img != nil && imageScriptEntrypoint(c):
		return imageScriptName(c), "a script of the image that dlint cannot read"
	}
	return "", ""
}

// dropExamples says how such a script drops privileges.
func dropExamples(what string) string {
	if strings.Contains(what, "another language") {
		return "with os.setuid, or by exec'ing gosu"
	}
	return "as official entrypoints do with gosu"
}

// imageScriptEntrypoint names the program of the ENTRYPOINT (or CMD)
// when it is a script the image brings, not one the Dockerfile copies in:
// a `.sh` or `*entrypoint*` name no COPY of the stages puts there
// (friendica's /cron.sh), which dlint cannot read; "" otherwise.
func imageScriptEntrypoint(c *parser.Container) bool { return imageScriptName(c) != "" }

func imageScriptName(c *parser.Container) string {
	spec := c.Entrypoint()
	if spec == nil {
		spec = c.Cmd()
	}
	if spec == nil || spec.Script == nil || len(spec.Script.Commands) == 0 {
		return ""
	}
	prog := programOf(unwrapInit(spec.Script.Commands[0], containerView(c).runsInit))
	name := strings.ToLower(path.Base(prog))
	if prog == "" || !strings.HasSuffix(name, ".sh") && !strings.Contains(name, "entrypoint") {
		return ""
	}
	for _, p := range c.Stage.CommandPaths(prog) {
		if cp, _ := c.Stage.CopyTo(p); cp != nil {
			return ""
		}
	}
	return prog
}

// unresolvedImage reports whether the base reference depends on a build
// argument with no value, so nothing is known about the image.
func unresolvedImage(ref parser.ImageRef) bool {
	return ref.Repository == "" || strings.HasPrefix(ref.Repository, "/") || strings.HasSuffix(ref.Raw, ":") || strings.HasSuffix(ref.Raw, "/")
}

// fromBaseRange points at the base image name in the stage's FROM.
func fromBaseRange(df *parser.Dockerfile, st *parser.Stage) parser.Range {
	args := st.From.ArgsRange()
	if r, ok := df.Source.FindInLine(args.Start.Line, args.Start.Col, st.BaseName); ok {
		return r
	}
	return args
}

func missingUserMessage(c *parser.Container, base parser.ImageRef, img *images.Image) string {
	runsAs := "root"
	switch {
	case base.IsScratch():
		runsAs = "UID 0 (scratch has no users)"
	case isWindowsStage(c.Stage):
		runsAs = "ContainerAdministrator"
	}
	like, its := "", "its"
	if c.Service != nil {
		its = agree("its", "their")
	}
	unknown := img == nil && !base.IsScratch()
	stages := "" // said after "never sets USER"
	if c.Stage.Parent != nil {
		stages = fmt.Sprintf(" (nor do the stages it builds on, down to FROM %s)", base.Raw)
	}
	switch {
	case c.Stage.Parent != nil && unknown:
		like = " unless that image, unknown to dlint, sets a user"
	case c.Stage.Parent != nil:
	case unknown:
		// Most images run as root; this one dlint cannot see (a private
		// base, a placeholder a test harness replaces).
		like = fmt.Sprintf(" unless %s base %s, unknown to dlint, sets a user", its, base.Raw)
	case !base.IsScratch():
		like = fmt.Sprintf(" like %s base %s", its, base.Raw)
	}
	var what string
	if c.Service != nil {
		setsNo := "compose sets no `user:`"
		if c.Service.Run != nil {
			setsNo = agree("the command line sets", "the command lines set") + " no `--user`"
		}
		what = fmt.Sprintf("%s %s as %s%s: %s image never sets USER%s and %s", about(c), agree("runs", "run"), runsAs, like, its, stages, setsNo)
	} else {
		name := c.Name()
		what = fmt.Sprintf("%s%s never sets USER%s, so the container runs as %s%s", strings.ToUpper(name[:1]), name[1:], stages, runsAs, like)
	}
	if workers, ok := masterWorkers(c, img); ok {
		// nginx, httpd, php-fpm: root is the master's, by design.
		subject := "The container"
		if c.Service != nil {
			subject = about(c)
		}
		return fmt.Sprintf("%s %s the server's master process as root, by its design, and its workers as %s; to have no root process at all, %s",
			subject, agree("runs", "run"), workers, rootlessAdvice(c, img))
	}
	advice := missingUserAdvice(c, base, img)
	if c.Service != nil && mountsDockerSocket(c.Service) {
		// A client of the Docker API loses the socket (root:docker 0660)
		// to a user outside the socket's group (watchtower, dozzle).
		advice += "; as it mounts the Docker socket, also add the socket's group with `group_add` (the GID of /var/run/docker.sock on the host)"
	}
	return what + "; " + advice
}

// mainArgv is the exec-form argv that names the container's main program:
// the CMD an entrypoint hands over to, else the ENTRYPOINT, else the
// image's CMD.
func mainArgv(c *parser.Container, img *images.Image) []string {
	if cmd := c.Cmd(); cmd != nil && cmd.Exec {
		return cmd.Argv
	}
	if ep := c.Entrypoint(); ep != nil && ep.Exec {
		return ep.Argv
	}
	if img != nil {
		return img.Cmd
	}
	return nil
}

// masterWorkers reports whether the container's main program is a server
// whose master stays root and whose workers run as another user, and that
// user: as the base image's facts say, or by the program it runs.
func masterWorkers(c *parser.Container, img *images.Image) (string, bool) {
	if c.Manager != "" {
		// php-fpm under supervisord: the master supervisord starts as root
		// runs its workers as www-data.
		if w, ok := supervisedMasterWorkers(c); ok {
			return w, true
		}
	}
	ep, cmd := c.Entrypoint(), c.Cmd()
	if ep == nil && cmd == nil && img != nil {
		if w, ok := serverWorkers(c, img.Cmd, nil, img); ok {
			return w, true
		}
		return img.Workers, img.Workers != ""
	}
	if ep != nil && ep.Exec {
		if w, ok := serverWorkers(c, ep.Argv, nil, img); ok {
			return w, true
		}
	}
	// The server the entrypoint script ends in (`exec nginx -g 'daemon
	// off;'`, in the branch the CMD selects), whether ENTRYPOINT or CMD
	// starts the script, with "$@" standing for what it is started with.
	if s := c.RunningScript(); s != nil {
		args := scriptArgs(c)
		for _, f := range s.Final {
			if w, ok := serverWorkers(c, f.Argv(), args, img); ok {
				return w, true
			}
		}
		// A script that does not run its arguments runs no CMD.
		if c.Script != nil && !c.Script.UsesArgs {
			return "", false
		}
	}
	if cmd != nil && cmd.Exec {
		return serverWorkers(c, cmd.Argv, nil, img)
	}
	// Shell form: the server the shell runs (`nginx -g "daemon off;"`).
	if cmd != nil && cmd.Script != nil && len(cmd.Script.Final) == 1 {
		return serverWorkers(c, cmd.Script.Final[0].Argv(), nil, img)
	}
	return "", false
}

// serverWorkers follows argv through the programs that exec the one in
// their arguments (env and nice, an init such as tini, the base image's
// own entrypoint script: `exec docker-php-entrypoint apache2-foreground`)
// to a server whose master stays root by design, and names the user of
// its workers. args stand for "$@" in argv. A privilege drop on the way
// starts the server as that user: no root master.
func serverWorkers(c *parser.Container, argv, args []string, img *images.Image) (string, bool) {
	argv = withArgs(argv, args)
	var env map[string]string
	if c.Stage != nil {
		env = c.Stage.Env
	}
	for hop := 0; hop < maxHops && len(argv) > 0; hop++ {
		if w, ok := images.ServerWorkers(argv, img, env); ok {
			if u := c.WorkersUsers[parser.WorkersServer(argv)]; u != "" {
				return u, true // its own configuration's `user`
			}
			return w, true
		}
		if dropToolChild(argv) > 0 {
			return "", false
		}
		if i := wrappedProgram(argv, true); i > 0 {
			argv = argv[i:]
			continue
		}
		if i := parser.InitChild(argv); i > 0 && i < len(argv) {
			argv = argv[i:]
			continue
		}
		next, ok := img.EntrypointRuns(argv)
		if !ok {
			break
		}
		argv = next
	}
	return "", false
}

// withArgs puts args in place of a "$@" word of argv.
func withArgs(argv, args []string) []string {
	for i, a := range argv {
		if isAllArgsWord(a) {
			return append(append(slices.Clone(argv[:i]), args...), argv[i+1:]...)
		}
	}
	return argv
}

// scriptArgs are the arguments the container starts its entrypoint script
// with (`CMD ["/startup.sh", "php-fpm"]`), past the script's own name when
// they start it again (`ENTRYPOINT ["/startup.sh"]` with that CMD): what
// its "$@" runs.
func scriptArgs(c *parser.Container) []string {
	args := c.ScriptArgs
	for len(args) > 0 && args[0] == c.ScriptArgv0 {
		args = args[1:]
	}
	return args
}

// rootlessAdvice says how a server whose master stays root by design runs
// with no root process: the program's own rootless mode, an unprivileged
// variant of the image where one exists, else USER with what the server
// then needs.
func rootlessAdvice(c *parser.Container, img *images.Image) string {
	if alt := images.RootlessAlternative(mainArgv(c, img)); alt != "" {
		return alt
	}
	var base parser.ImageRef
	if c.Stage != nil {
		base = c.Stage.RootBase()
	} else {
		base = serviceImage(c)
	}
	if base.Registry == "" && (base.Repository == "nginx" || base.Repository == "nginxinc/nginx") {
		return "use `nginxinc/nginx-unprivileged`, which runs as UID 101 and listens on 8080"
	}
	return "set USER to an unprivileged user and give the server writable pid and temp paths and a port above 1024"
}

// missingUserAdvice says how to run unprivileged on this base.
func missingUserAdvice(c *parser.Container, base parser.ImageRef, img *images.Image) string {
	if p := rootSupervised(c); p != nil {
		where := p.File
		if p.Line > 0 { // a run script as a whole has no line to name
			where = fmt.Sprintf("%s:%d", p.File, p.Line)
		}
		if p.Manager == "procfile" {
			return fmt.Sprintf("the Procfile's manager runs %s as root (%s starts it as the manager's own user): switch user in its command (`%s: setpriv --reuid=10001 --regid=10001 --clear-groups %s`), or set USER for the manager", supervisedName(p), where, p.Program, strings.Join(p.Argv, " "))
		}
		return fmt.Sprintf("%s runs %s as root (%s sets no user): give it an unprivileged user there", p.Manager, supervisedName(p), where)
	}
	switch {
	case img != nil && img.DropsTo != "":
		return fmt.Sprintf("the %s image's own entrypoint would hand over to %s with %s, but this ENTRYPOINT replaces it; keep it (`exec docker-entrypoint.sh \"$@\"` from your script), or set `USER %s`", imageLabel(img), img.DropsTo, userOr(img.DropTool, "gosu"), img.DropsTo)
	case base.IsScratch():
		return "add `USER 65532:65532` (a numeric USER needs no /etc/passwd)"
	case isWindowsStage(c.Stage):
		return "add `USER ContainerUser`"
	case base.Registry == "gcr.io" && strings.HasPrefix(base.Repository, "distroless/"):
		tag := "nonroot"
		if hasTagPart(strings.ToLower(base.Tag), "debug") {
			tag = "debug-nonroot"
		}
		return fmt.Sprintf("use the `%s:%s` variant of the base image, or add `USER 65532:65532`", base.Name(), tag)
	case createdAccount(c.Stage) != nil:
		return accountAdvice(c.Stage, createdAccount(c.Stage))
	}
	if a, ok := appAccount(img); ok {
		return fmt.Sprintf("switch to the %s user the image already has with `USER %s` (after the steps that need root), or create your own with a fixed UID", a.Name, accountIDs(a))
	}
	if usesAdduser(c.Stage) {
		return "create a user and switch to it (`RUN adduser -D -u 10001 app`, then `USER 10001:10001`), or drop privileges in the entrypoint with `exec su-exec app \"$@\"`"
	}
	if img != nil && img.UserTool == "none" {
		// No useradd and no package manager: a numeric USER, or a
		// passwd line written from a build stage.
		return "add `USER 10001:10001` (a numeric USER needs no /etc/passwd entry), or `COPY --from` a build stage an /etc/passwd that has the user"
	}
	if img != nil && img.UserTool == "shadow-utils" {
		// No useradd, and no gosu to install, in a minimal image.
		return "add `USER 10001` (a numeric USER needs no /etc/passwd entry), or create a user first (`RUN microdnf install -y shadow-utils && useradd --uid 10001 app && microdnf clean all`)"
	}
	return "create a user and switch to it (`RUN useradd --uid 10001 app`, then `USER 10001:10001`), or drop privileges in the entrypoint with `exec gosu app \"$@\"`"
}

// createdAccount returns the last user the stage chain creates with
// useradd/adduser (Name is the account name), or nil.
func createdAccount(stage *parser.Stage) *parser.User {
	for _, st := range stage.Ancestors() {
		for i := len(st.Instructions) - 1; i >= 0; i-- {
			in := st.Instructions[i]
			if in.Keyword != "RUN" || in.Script == nil {
				continue
			}
			cmds := in.Script.Commands
			for j := len(cmds) - 1; j >= 0; j-- {
				cmd := cmds[j]
				if b := cmd.Base(); b != "useradd" && b != "adduser" {
					continue
				}
				if w := accountWord(cmd); w != nil && w.Literal && literalUser(w.Lit) != "" {
					return &parser.User{Raw: w.Lit, Name: w.Lit, Resolved: true}
				}
			}
		}
	}
	return nil
}

// accountAdvice tells to switch to the user the Dockerfile creates, by its
// UID when the Dockerfile fixes one.
func accountAdvice(stage *parser.Stage, acct *parser.User) string {
	// A group of the same name (`addgroup -g 82 www-data`) gives the GID.
	uid, gid, _ := createdIDs(stage, &parser.User{Raw: acct.Name + ":" + acct.Name, Name: acct.Name, Group: acct.Name})
	if uid != "" {
		if gid != "" {
			uid += ":" + gid
		}
		return fmt.Sprintf("switch to the %s user this Dockerfile creates with `USER %s` after the steps that need root", acct.Name, uid)
	}
	add := "useradd --uid 10001 " + acct.Name
	if usesAdduser(stage) {
		add = "adduser -D -u 10001 " + acct.Name
	}
	return fmt.Sprintf("switch to the %s user this Dockerfile creates: give it a fixed UID (`%s`) and add `USER 10001:10001` after the steps that need root", acct.Name, add)
}

// rootSupervised is the first program the container's process manager
// runs as root, or nil.
func rootSupervised(c *parser.Container) *parser.Supervised {
	for _, p := range c.Supervised {
		if !runsAsRootThere(p) {
			continue
		}
		_, drops := images.DropsItself(p.Argv)
		_, byDesign := images.MasterWorkers(p.Argv)
		if !drops && !byDesign {
			return p
		}
	}
	return nil
}

// managerLabel names a process manager in messages.
func managerLabel(manager string) string {
	if manager == "procfile" {
		return "a Procfile's runner"
	}
	return manager
}

func supervisedName(p *parser.Supervised) string {
	switch p.Manager {
	case "supervisord":
		return "[program:" + p.Program + "]"
	case "procfile":
		return "its program " + p.Program
	}
	return "service " + p.Program
}
