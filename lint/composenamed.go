package lint

import (
	"path/filepath"
	"slices"
	"strings"

	"github.com/dlint-dev/dlint/parser"
)

// Compose files need not have a compose name: `COMPOSE_FILE` (in a
// project's `.env`, or given with --env) and the -f files of a `docker
// compose` command in a script, Makefile or CI file name them. Each names
// a project that Compose loads, its files merged in order; a file such a
// project holds is not linted on its own as well (an override file alone
// is not a project anyone runs).

const (
	composeFileVar       = parser.ComposeFileVar
	composePathSeparator = parser.ComposePathSeparator
)

// composeFileGroup returns the project COMPOSE_FILE names for `docker
// compose` run in dir, and whether it names one. The shell's value (--env,
// or an --env-file) is taken for the working directory, and then no
// `.env`'s is read; otherwise dir's `.env` decides. A value naming a file
// that is not here (one made on the host, a variable, standard input)
// names no project dlint can read, and nothing is said of it.
func (r *runner) composeFileGroup(dir string, dotEnv bool) (composeGroup, bool) {
	env := r.opts.Env
	if _, shell := env[composeFileVar]; shell || len(r.opts.EnvFiles) > 0 {
		if absFrom(r.configs.cwd, dir) != r.configs.cwd {
			return composeGroup{}, false
		}
	} else if dotEnv {
		env = r.quietDotEnv(dir)
	} else {
		return composeGroup{}, false
	}
	value, ok := env[composeFileVar]
	if !ok {
		return composeGroup{}, false
	}
	var files []string
	for _, f := range parser.SplitComposeFile(value, env[composePathSeparator]) {
		if f == "-" || strings.ContainsAny(f, "$`") || strings.Contains(f, "://") {
			return composeGroup{}, false
		}
		if !filepath.IsAbs(f) {
			f = filepath.Join(dir, f)
		}
		if !isFile(f) {
			return composeGroup{}, false
		}
		files = append(files, f)
	}
	if len(files) == 0 {
		return composeGroup{}, false
	}
	return composeGroup{dir: filepath.Dir(files[0]), files: files}, true
}

// quietDotEnv reads dir's `.env` for COMPOSE_FILE, with --env over it. Its
// errors are reported when a project of dir loads it.
func (r *runner) quietDotEnv(dir string) map[string]string {
	env := map[string]string{}
	path := filepath.Join(dir, ".env")
	if data, err := r.readLinted(path); err == nil {
		if vars, err := parser.ParseDotEnv(data); err == nil {
			for k, v := range vars {
				env[k] = v
			}
		}
	}
	for k, v := range r.opts.Env {
		env[k] = v
	}
	return env
}

// commandGroups returns the projects the compose commands of the run files
// name with -f: one per command, its files in order, those it names that
// are on disk.
func (r *runner) commandGroups() []composeGroup {
	var out []composeGroup
	for _, f := range r.runParsed {
		if f == nil {
			continue
		}
		for _, c := range f.composeLines {
			if c.Partial {
				out = append(out, r.partialStackGroups(c)...)
				continue
			}
			if g, ok := lineGroup(c, f.kind == parser.RunMarkdown); ok {
				out = append(out, g)
			}
		}
	}
	return out
}

// partialStackGroups reads `docker stack deploy -c base.yml $FILES`, whose
// other files an expansion hides: the compose files of the directory it
// runs in are the stack's (stackDirs), and each is deployed after the
// files it names (base.yml declares the networks and volumes the others
// use), so each forms a project with them.
func (r *runner) partialStackGroups(c *parser.ComposeLine) []composeGroup {
	if c.Dir == "" {
		return nil
	}
	dir := absFrom(r.configs.cwd, c.Dir)
	if r.stackDirs == nil {
		r.stackDirs = map[string]bool{}
	}
	r.stackDirs[dir] = true
	base, projectDir, ok := c.Paths()
	if !ok {
		return nil
	}
	named := map[string]bool{}
	for _, f := range base {
		if !isFile(f) {
			return nil
		}
		named[absFrom(r.configs.cwd, f)] = true
	}
	var out []composeGroup
	for _, g := range r.composeGroups {
		if len(g.files) != 1 || g.stdin != nil {
			continue
		}
		abs := absFrom(r.configs.cwd, g.files[0])
		if filepath.Dir(abs) != dir || named[abs] {
			continue
		}
		out = append(out, composeGroup{dir: projectDir, files: append(slices.Clone(base), g.files[0]), stack: true})
	}
	return out
}

// inStackDir reports whether every file of g is in a directory where a
// `docker stack deploy` runs whose files an expansion hides.
func (r *runner) inStackDir(g composeGroup) bool {
	if len(r.stackDirs) == 0 || len(g.files) == 0 {
		return false
	}
	for _, f := range g.files {
		if !r.stackDirs[filepath.Dir(absFrom(r.configs.cwd, f))] {
			return false
		}
	}
	return true
}

// lineGroup resolves a compose command's files, all of which must be on
// disk. A README's commands are usually typed at the repository's root,
// not in the README's directory (docker-elk's extensions/curator/README.md
// runs `-f docker-compose.yml -f extensions/curator/curator-compose.yml`),
// so a Markdown line whose files are not found from its own directory is
// tried from each directory above, up to the repository's root.
func lineGroup(c *parser.ComposeLine, fromDocs bool) (composeGroup, bool) {
	line := *c
	for range 8 {
		files, dir, ok := line.Paths()
		if !ok {
			return composeGroup{}, false
		}
		all := true
		for _, p := range files {
			all = all && isFile(p)
		}
		if all {
			g := composeGroup{dir: dir, files: files, stack: c.Stack}
			envs, ok := line.EnvPaths()
			g.envFiles, g.envUnknown = envs, !ok
			return g, true
		}
		// Relative stays relative, so paths are shown as the user wrote them.
		parent := filepath.Join(line.Dir, "..")
		if !fromDocs || filepath.Dir(line.Dir) == line.Dir || isRepoRoot(line.Dir, fileExists) {
			return composeGroup{}, false
		}
		line.Dir = parent
	}
	return composeGroup{}, false
}

// addNamedGroups adds projects that COMPOSE_FILE or a compose command
// names, once each, and drops the one-file projects of the walk whose file
// a named project holds. It reports whether it changed the projects.
func (r *runner) addNamedGroups(named []composeGroup) bool {
	if len(named) == 0 {
		return false
	}
	key := func(g composeGroup) string {
		var abs []string
		for _, f := range g.files {
			abs = append(abs, absFrom(r.configs.cwd, f))
		}
		return strings.Join(abs, "\x00")
	}
	have := map[string]int{} // the index of the group in r.composeGroups
	for i, g := range r.composeGroups {
		have[key(g)] = i + 1
	}
	inNamed, namedKeys := map[string]bool{}, map[string]bool{}
	var added []composeGroup
	exclude := r.excludeGlobs()
	for _, g := range named {
		if r.configs.settings(g.files[0]).ignored || r.excludesAny(exclude, g.files) {
			continue
		}
		for _, f := range g.files {
			inNamed[absFrom(r.configs.cwd, f)] = true
		}
		k := key(g)
		namedKeys[k] = true
		switch i := have[k]; {
		case i == 0:
			have[k] = -1
			added = append(added, g)
		case i > 0:
			// The walk found the same files: the command says what
			// environment they are run with, and whether as a stack.
			same := &r.composeGroups[i-1]
			if len(g.envFiles) > 0 || g.envUnknown {
				same.envFiles, same.envUnknown = g.envFiles, g.envUnknown
			}
			same.stack = same.stack || g.stack
		}
	}
	kept := r.composeGroups[:0]
	for _, g := range r.composeGroups {
		// A walked file that a named project holds is linted with it, not
		// alone; one named on its own (`docker compose -f ci.yml`) is that
		// project already.
		if g.walkedAlone && inNamed[absFrom(r.configs.cwd, g.files[0])] && !namedKeys[key(g)] {
			continue
		}
		kept = append(kept, g)
	}
	changed := len(kept) < len(r.composeGroups) || len(added) > 0
	kept = append(kept, added...)
	r.composeGroups = kept
	return changed
}

// excludesAny reports whether --exclude names one of files.
func (r *runner) excludesAny(exclude []glob, files []string) bool {
	for _, f := range files {
		if len(exclude) > 0 && matchAny(exclude, relTo(r.configs.cwd, absFrom(r.configs.cwd, f))) {
			return true
		}
	}
	return false
}
