package lint

import (
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"github.com/dlint-dev/dlint/parser"
)

// standaloneContainer is the view of a Dockerfile's final stage run with
// `docker run` and no options; the build context is the Dockerfile's
// directory.
func (r *runner) standaloneContainer(df *parser.Dockerfile) *parser.Container {
	c := &parser.Container{Dockerfile: df, Stage: df.Final()}
	dir := r.standaloneContext(df)
	r.linkScript(c, dir)
	if !strings.HasPrefix(df.Source.Path, "<") {
		r.linkSupervised(c, dir)
		r.linkServerConfigs(c, dir)
		r.linkCopiedSecrets(c, dir)
	}
	return c
}

// standaloneContext guesses the build context of a Dockerfile no compose
// file builds: its own directory, unless the files its COPYs name are not
// there but are in a directory above, as for `docker build -f
// docker/Dockerfile-workers .` (synapse's COPY
// ./docker/configure_workers_and_start.py). It climbs no higher than the
// repository's root (the directory with .git), or, outside a repository,
// the directory named on the command line that holds the Dockerfile; a
// directory where a source would be the Dockerfile's own directory or one
// above it is no context (goreleaser's `COPY pomerium /bin/` copies a
// built binary, not the checkout named pomerium).
func (r *runner) standaloneContext(df *parser.Dockerfile) string {
	dir := filepath.Dir(df.Source.Path)
	if strings.HasPrefix(df.Source.Path, "<") {
		return dir
	}
	var sources []string
	for _, st := range df.Stages {
		for _, cp := range st.Copies {
			if cp.From != "" || cp.Unresolved {
				continue
			}
			for _, src := range cp.Sources {
				if !strings.ContainsAny(src, "*?[$") && !strings.Contains(src, "://") && src != "." && src != "./" {
					sources = append(sources, filepath.FromSlash(path.Clean("/" + src))[1:])
				}
			}
		}
	}
	holds := func(d string) bool {
		for _, src := range sources {
			if _, err := os.Stat(filepath.Join(d, src)); err != nil {
				return false
			}
		}
		return true
	}
	if len(sources) == 0 || holds(dir) {
		return dir
	}
	start := absFrom(r.configs.cwd, dir)
	limit := r.contextLimit(start)
	for d, abs := dir, start; abs != limit && strings.HasPrefix(abs, limit+string(filepath.Separator)); {
		d, abs = filepath.Join(d, ".."), filepath.Dir(abs)
		if holds(d) && !sourceIsAbove(abs, start, sources) {
			return d
		}
	}
	return dir
}

// contextLimit is the highest directory a build context of a Dockerfile
// in dir may be: the repository's root above dir, else the directory the
// command line named that holds dir, else dir itself.
func (r *runner) contextLimit(dir string) string {
	if root := r.repoRootAbove(dir); root != "" {
		return root
	}
	limit := dir
	for _, root := range r.namedDirectories() {
		if (dir == root || strings.HasPrefix(dir, root+string(filepath.Separator))) && len(root) < len(limit) {
			limit = root
		}
	}
	return limit
}

// repoRootAbove is the nearest directory at or above dir that holds .git,
// "" when none does.
func (r *runner) repoRootAbove(dir string) string {
	if v, ok := r.repoRoots.Load(dir); ok {
		return v.(string)
	}
	root := ""
	if isRepoRoot(dir, r.configs.exists) {
		root = dir
	} else if parent := filepath.Dir(dir); parent != dir {
		root = r.repoRootAbove(parent)
	}
	r.repoRoots.Store(dir, root)
	return root
}

// sourceIsAbove reports whether a source, taken from context, would be
// start (the Dockerfile's directory) or a directory above it.
func sourceIsAbove(context, start string, sources []string) bool {
	for _, src := range sources {
		p := filepath.Join(context, src)
		if p == start || strings.HasPrefix(start, p+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// linkScript finds the script that the container's ENTRYPOINT (or CMD)
// starts, when the stage copies it from the build context and it exists
// there, and parses it.
func (r *runner) linkScript(c *parser.Container, contextDir string) {
	if c.Stage == nil || c.Dockerfile == nil || c.Dockerfile.Source == nil || strings.HasPrefix(c.Dockerfile.Source.Path, "<") {
		return
	}
	spec := c.Entrypoint()
	if spec == nil {
		spec = c.Cmd()
	}
	// copied is the build-context file the last lookup found on disk: the
	// program, when it turns out not to be a shell script.
	copied := ""
	script := func(argv0 string) *parser.Script {
		if local := findCopiedFile(c.Dockerfile, c.Stage, argv0, contextDir); local != "" {
			copied = local
			return r.scripts.get(local)
		}
		if local := mountedFile(c, argv0); local != "" {
			return r.scripts.get(local)
		}
		return nil
	}
	// A script the stage copies to an init's path (`COPY init.sh /init`)
	// is that script, not s6-overlay's /init.
	isInit := func(name string) bool { return parser.IsInit(name) && script(name) == nil }
	// ENTRYPOINT ["/bin/bash"] with CMD ["/entrypoint.sh"]: the shell runs
	// the CMD's script (Kavita).
	// ENTRYPOINT ["/sbin/tini", "--"] with CMD ["/startup.sh"]: the init
	// runs the CMD's script as its child (snipe-it).
	if spec != nil && spec == c.Entrypoint() && spec.Exec && (onlyShell(spec.Argv) || onlyInit(spec.Argv, isInit)) {
		if cmd := c.Cmd(); cmd != nil && cmd.Exec && len(cmd.Argv) > 0 {
			spec = &parser.ExecSpec{Exec: true, Argv: append(slices.Clone(spec.Argv), cmd.Argv...), Instr: spec.Instr, Range: spec.Range}
		}
	}
	argv0 := scriptArgv0(spec, isInit)
	if argv0 == "" {
		return
	}
	copied = ""
	s := script(argv0)
	if s == nil && shellOperand(spec, argv0) {
		// `sh start.sh`: the shell opens the file in the working
		// directory, not on PATH (documenso's CMD ["sh", "start.sh"]).
		s = script("./" + argv0)
	}
	if s == nil {
		c.ForeignEntrypoint = foreignScript(c, spec, argv0, copied, contextDir)
		return
	}
	c.Script, c.ScriptArgv0 = s, argv0
	if args, ok := scriptArgs(c, spec, argv0); ok {
		c.Selected, c.ScriptArgs = s.ForArgs(args), args
	}
	c.Sourced = sourcedScripts(s, c.Stage.Env, script, r.scripts.get)
}

// sourcedScripts finds the files a script sources (`. /lib/functions`,
// `source "${RUNTIME_DIR}/functions"`) with their paths expanded in the
// image's environment, those a COPY put in the image from disk, once
// each.
func sourcedScripts(s *parser.Script, env map[string]string, script, local func(string) *parser.Script) []*parser.Script {
	var out []*parser.Script
	for _, cmd := range s.Commands {
		if cmd.Name != "source" && cmd.Name != "." || len(cmd.Args) == 0 || cmd.Parent != nil {
			continue
		}
		var sourced *parser.Script
		if p, ok := expandInImage(cmd.Args[0].Lit, env); ok && path.IsAbs(p) {
			sourced = script(p)
		} else if rel, ok := sourceDirective(s, cmd); ok {
			// `# shellcheck source=SCRIPTDIR/helpers.sh` above it says
			// which file it is, beside the script.
			sourced = local(filepath.Join(filepath.Dir(s.Source.Path), filepath.FromSlash(rel)))
		}
		if sourced != nil && sourced != s && !slices.Contains(out, sourced) {
			out = append(out, sourced)
		}
	}
	return out
}

// sourceDirective reads a `# shellcheck source=SCRIPTDIR/FILE` comment on
// the lines just above a `source` command: FILE, relative to the script's
// directory.
func sourceDirective(s *parser.Script, cmd *parser.Command) (string, bool) {
	for line := cmd.Range.Start.Line - 1; line >= 1 && line >= cmd.Range.Start.Line-3; line-- {
		text := strings.TrimSpace(s.Source.Line(line))
		if !strings.HasPrefix(text, "#") {
			return "", false
		}
		_, value, ok := strings.Cut(text, "source=")
		if !ok || !strings.Contains(text, "shellcheck") {
			continue
		}
		value, _, _ = strings.Cut(value, " ")
		rel, ok := strings.CutPrefix(value, "SCRIPTDIR/")
		return rel, ok && rel != "" && filepath.IsLocal(rel)
	}
	return "", false
}

// expandInImage expands $NAME and ${NAME} in a word with the image's ENV,
// quotes removed; it fails on any other expansion or an unset name.
func expandInImage(word string, env map[string]string) (string, bool) {
	word = strings.ReplaceAll(strings.ReplaceAll(word, `"`, ""), "'", "")
	ok := true
	out := os.Expand(word, func(name string) string {
		v, set := env[name]
		ok = ok && set && isVarName(name)
		return v
	})
	return out, ok && !strings.ContainsAny(out, "$`")
}

func isVarName(s string) bool {
	for i, r := range s {
		if r != '_' && !unicode.IsLetter(r) && (i == 0 || !unicode.IsDigit(r)) {
			return false
		}
	}
	return s != ""
}

// onlyInit reports whether argv is an init given no program of its own
// (`tini --`), which runs the CMD.
func onlyInit(argv []string, isInit func(string) bool) bool {
	return len(argv) > 0 && isInit(argv[0]) && parser.InitChild(argv) == len(argv)
}

// onlyShell reports whether argv is a shell with options and nothing for
// it to run: what CMD gives it is its script.
func onlyShell(argv []string) bool {
	if len(argv) == 0 || !parser.IsShell(argv[0]) {
		return false
	}
	for _, a := range argv[1:] {
		if !strings.HasPrefix(a, "-") || a == "-c" {
			return false
		}
	}
	return true
}

// interpreters run a script in another language than shell.
var interpreters = map[string]bool{"python": true, "python3": true, "perl": true, "ruby": true, "node": true, "php": true, "bun": true, "deno": true}

// foreignScript returns the path in the image of the script the container
// starts when it is one the stage copies from the build context, on disk,
// in another language than shell: the program itself (local is the file
// found for it, whose shebang names another interpreter), or the script
// after an interpreter (`python /start.py`).
func foreignScript(c *parser.Container, spec *parser.ExecSpec, argv0, local, contextDir string) string {
	prog := argv0
	if interpreters[strings.TrimRight(path.Base(argv0), "0123456789.")] {
		if spec == nil || !spec.Exec {
			return ""
		}
		i := slices.Index(spec.Argv, argv0)
		if i < 0 || i+1 >= len(spec.Argv) || strings.HasPrefix(spec.Argv[i+1], "-") {
			return ""
		}
		prog = spec.Argv[i+1]
		local = findCopiedFile(c.Dockerfile, c.Stage, prog, contextDir)
	}
	if local == "" {
		return ""
	}
	data, err := readFile(local, 64<<10)
	if err != nil || parser.IsBinary(data) || prog == argv0 && parser.IsShellScript(data) {
		return ""
	}
	return prog
}

// scriptArgs returns the arguments the container starts its entrypoint
// script with: what follows the script in the exec-form spec, then, when
// the spec is the ENTRYPOINT, the exec-form CMD. ok is false when they are
// not known here: a shell form, a variable, no CMD.
func scriptArgs(c *parser.Container, spec *parser.ExecSpec, argv0 string) ([]string, bool) {
	if spec == nil || !spec.Exec {
		return nil, false
	}
	i := slices.Index(spec.Argv, argv0)
	if i < 0 {
		return nil, false
	}
	args := slices.Clone(spec.Argv[i+1:])
	if spec == c.Entrypoint() {
		cmd := c.Cmd()
		if cmd == nil || !cmd.Exec {
			return nil, false
		}
		args = append(args, cmd.Argv...)
	}
	if len(args) == 0 || slices.ContainsFunc(args, func(a string) bool { return strings.Contains(a, "$") }) {
		return nil, false
	}
	return args, true
}

// scriptArgv0 returns the program the spec starts, looking through init
// wrappers (`tini --`; isInit tells them) and shells (`sh /entrypoint.sh`,
// `sh -c "/x.sh …"`).
func scriptArgv0(spec *parser.ExecSpec, isInit func(string) bool) string {
	if spec == nil {
		return ""
	}
	var argv []string
	if spec.Exec {
		argv = spec.Argv
	} else if spec.Script != nil && len(spec.Script.Commands) > 0 {
		// The command the shell runs last is the container's program
		// (`set -e; ./start.sh`, `/setup.sh && exec app`).
		run := spec.Script.Commands[0]
		if len(spec.Script.Final) > 0 {
			run = spec.Script.Final[0]
		}
		argv = append([]string{run.Name}, run.ArgValues()...)
	}
	for len(argv) > 0 {
		name := path.Base(argv[0])
		switch {
		case isInit(argv[0]) && parser.InitChild(argv) > 0:
			argv = argv[parser.InitChild(argv):]
			continue
		case parser.IsShell(name):
			if i := parser.ShellCScript(argv); i > 0 {
				if spec.Script != nil {
					for _, cmd := range spec.Script.Commands {
						if cmd.Inline != nil && len(cmd.Inline.Final) > 0 && cmd.Inline.Final[0].Name != "" {
							return cmd.Inline.Final[0].Name
						}
					}
					for _, cmd := range spec.Script.Commands {
						if cmd.Parent != nil && cmd.Name != "" {
							return cmd.Name
						}
					}
				}
				return ""
			}
			rest := argv[1:]
			for len(rest) > 0 && strings.HasPrefix(rest[0], "-") {
				rest = rest[1:]
			}
			if len(rest) == 0 {
				return ""
			}
			return rest[0]
		}
		return argv[0]
	}
	return ""
}

// shellOperand reports whether argv0, a name without a slash, is the
// script file a shell of the spec's argv runs (`sh start.sh`), which the
// shell opens in the working directory.
func shellOperand(spec *parser.ExecSpec, argv0 string) bool {
	if spec == nil || !spec.Exec || strings.Contains(argv0, "/") {
		return false
	}
	for i, a := range spec.Argv {
		if a == argv0 {
			return i > 0 && parser.IsShell(path.Base(spec.Argv[i-1])) || i > 1 && parser.IsShell(path.Base(spec.Argv[0]))
		}
	}
	return false
}

// mountedFile maps a path inside the container to the file of the
// repository a compose bind mount puts there, when it exists: a file's
// (docker-elk's `./setup/entrypoint.sh:/entrypoint.sh:ro`) or a
// directory's (sentry's `./sentry:/etc/sentry` for /etc/sentry/entrypoint.sh).
// What runs is the mounted file, whatever the image has at that path; of
// several mounts the one deepest in the container wins, as Docker stacks
// them.
func mountedFile(c *parser.Container, argv0 string) string {
	if c.Service == nil || strings.ContainsAny(argv0, "$`") {
		return ""
	}
	for _, target := range c.Stage.CommandPaths(argv0) {
		found, depth := "", -1
		for _, m := range c.Service.Volumes {
			if m.Type != "bind" || m.Unresolved {
				continue
			}
			at := path.Clean(m.Target)
			switch rel, under := strings.CutPrefix(target, strings.TrimSuffix(at, "/")+"/"); {
			case at == target && isFile(m.Source) && len(at) > depth:
				found, depth = m.Source, len(at)
			case under && len(at) > depth:
				if f := filepath.Join(m.Source, filepath.FromSlash(rel)); isFile(f) {
					found, depth = f, len(at)
				}
			}
		}
		if found != "" {
			return found
		}
	}
	return ""
}

// findCopiedFile maps a path inside the image to the file in the build
// context that a COPY or ADD of the stage (or a stage it builds on) put
// there, and returns it when it exists.
func findCopiedFile(df *parser.Dockerfile, stage *parser.Stage, argv0, contextDir string) string {
	if strings.ContainsAny(argv0, "$`") {
		return ""
	}
	return copiedFileAt(df, stage, stage.CommandPaths(argv0), contextDir, 0)
}

// copiedFileAt finds the build-context file a COPY puts at one of the
// paths of stage, also through `COPY --from=<stage>` of the Dockerfile's
// other stages (rallly's `COPY --from=builder /app/docker-start.sh ./`).
func copiedFileAt(df *parser.Dockerfile, stage *parser.Stage, candidates []string, contextDir string, depth int) string {
	for _, st := range stage.Ancestors() {
		for i := len(st.Copies) - 1; i >= 0; i-- {
			cp := st.Copies[i]
			dest := strings.TrimSuffix(path.Clean(cp.Dest), "/")
			for _, target := range candidates {
				if target != dest && !strings.HasPrefix(target, dest+"/") {
					continue // the copy puts nothing there: no source to stat
				}
				if cp.From == "" {
					if local := copiedSource(cp, target, contextDir); local != "" {
						return local
					}
					continue
				}
				from := df.StageFrom(cp.From)
				if from == nil || depth >= maxCopyHops {
					continue
				}
				if src := copiedFrom(cp, target); src != "" {
					if local := copiedFileAt(df, from, []string{src}, contextDir, depth+1); local != "" {
						return local
					}
				}
			}
		}
	}
	return ""
}

// maxCopyHops bounds how many `COPY --from` stages a file is followed
// through.
const maxCopyHops = 8

// copiedFrom is the path in the --from stage that a COPY puts at target:
// the source itself, or the file under a copied directory; "" when the
// copy does not put target there.
func copiedFrom(cp *parser.Copy, target string) string {
	dest := path.Clean(cp.Dest)
	for _, src := range cp.Sources {
		if strings.ContainsAny(src, "*?[$") {
			continue
		}
		src = path.Clean("/" + src)
		switch {
		case !cp.DirDest && dest == target:
			return src // COPY --from=b /app/start.sh /start.sh, or a directory's contents
		case cp.DirDest && path.Join(dest, path.Base(src)) == target:
			return src // COPY --from=b /app/start.sh ./
		}
		// A directory copied whole: its contents land under dest.
		if rel, ok := strings.CutPrefix(target, strings.TrimSuffix(dest, "/")+"/"); ok {
			return path.Join(src, rel)
		}
	}
	return ""
}

func copiedSource(cp *parser.Copy, target, contextDir string) string {
	dest := path.Clean(cp.Dest) // "/usr/local/bin/" → "/usr/local/bin"; "/" stays "/"
	for _, src := range cp.Sources {
		if strings.Contains(src, "://") || strings.HasPrefix(src, "git@") {
			continue // ADD of a URL or git repository
		}
		local := filepath.Join(contextDir, filepath.FromSlash(path.Clean("/"+src)))
		if strings.ContainsAny(src, "*?[") {
			if !cp.DirDest || path.Dir(target) != dest {
				continue
			}
			if ok, _ := filepath.Match(filepath.Base(src), path.Base(target)); ok {
				f := filepath.Join(filepath.Dir(local), path.Base(target))
				if isFile(f) {
					return f
				}
			}
			continue
		}
		info, err := os.Stat(local)
		if err != nil {
			continue
		}
		if info.IsDir() {
			// COPY dir /dest copies the directory's contents into /dest.
			if rel, ok := strings.CutPrefix(target, strings.TrimSuffix(dest, "/")+"/"); ok {
				f := filepath.Join(local, filepath.FromSlash(rel))
				if isFile(f) {
					return f
				}
			}
			continue
		}
		// Without a trailing slash the destination may still be a directory
		// of the image (/usr/local/bin), so both readings are tried.
		if (!cp.DirDest && dest == target) || path.Join(dest, path.Base(src)) == target {
			return local
		}
	}
	return ""
}

func isFile(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.Mode().IsRegular()
}
