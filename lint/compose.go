package lint

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/dlint-dev/dlint/parser"
)

// loadCompose reads and loads one compose project. Files that cannot be
// read or loaded become FileErrors and the project is skipped; a project
// that is invalid but readable (a dependency on an undefined service) is
// reported and still linted.
func (r *runner) loadCompose(g composeGroup) *parser.ComposeProject {
	var files []*parser.Source
	if g.stdin != nil {
		r.addSource(g.stdin)
		files = append(files, g.stdin)
	} else {
		for _, f := range g.files {
			data, err := r.readLinted(f)
			if err != nil {
				r.addError(&FileError{Path: f, Msg: "cannot read: " + err.Error()})
				return nil
			}
			src := parser.NewSource(f, data)
			r.addSource(src)
			files = append(files, src)
		}
	}
	if g.walked && len(files) == 1 && parser.HasPlaceholder(files[0].Text) {
		r.leaveOutTemplate(files[0].Path)
		return nil
	}
	type loaded struct {
		p   *parser.ComposeProject
		err error
	}
	env, envKnown := r.dotEnv(g.dir)
	if len(r.opts.EnvFiles) == 0 && (len(g.envFiles) > 0 || g.envUnknown) {
		env, envKnown = r.lineEnv(g)
	}
	load := loadComposeFunc
	res, ok := bounded(r, files[0].Path, "loading the compose project", func() loaded {
		p, err := load(g.dir, files, env)
		return loaded{p, err}
	})
	if !ok {
		return nil
	}
	p, err := res.p, res.err
	if p != nil && (g.stack || r.inStackDir(g)) {
		p.MarkStack()
	}
	if p != nil && !envKnown {
		// The .env is reported as unreadable; Compose stops there, so what
		// its variables would be is not known, and none is called unset.
		p.Unset = nil
	}
	if p != nil && len(p.Unset) > 0 && len(r.opts.EnvFiles) == 0 && len(g.envFiles) == 0 && !fileExists(g.dir, ".env") {
		p.Unset = r.unsetOutsideTemplates(g.dir, p.Unset)
	}
	if p != nil {
		for _, src := range p.Sources {
			r.addSource(src)
		}
	}
	if err != nil {
		fe := &FileError{Path: files[0].Path, Msg: "cannot parse: " + err.Error()}
		var pe *parser.ParseError
		if errors.As(err, &pe) {
			fe.Path, fe.Line, fe.Col, fe.Msg = pe.File, pe.Line, pe.Col, "cannot parse: "+pe.Msg
		}
		// A walked file that is YAML only once a generator renders it
		// (Mailu's `{% set env='mailu.env' %}`) is no input the user meant.
		if g.walked && len(files) == 1 && fe.Path == files[0].Path && templated(files[0].Text) {
			r.leaveOutTemplate(files[0].Path)
			return nil
		}
		r.addError(fe)
	}
	return p
}

// templated reports whether a file's text holds a template's tags: a line
// that starts with `{%`, or `{{` outside a quoted YAML string.
func templated(text []byte) bool {
	for _, line := range bytes.Split(text, []byte("\n")) {
		t := bytes.TrimSpace(line)
		if bytes.HasPrefix(t, []byte("{%")) || bytes.HasPrefix(t, []byte("{{")) || bytes.Contains(t, []byte(": {{")) || bytes.Contains(t, []byte("- {{")) {
			return true
		}
	}
	return false
}

// dotEnv reads the `.env` file of a project directory, the variables
// `docker compose` interpolates with (dlint never reads its own
// environment, so results do not depend on the shell). A missing file is
// no error; one that is there but cannot be read is, since the values it
// would set are then unknown (known is false).
func (r *runner) dotEnv(dir string) (env map[string]string, known bool) {
	if len(r.opts.EnvFiles) > 0 {
		return r.opts.Env, true
	}
	env, known = r.readDotEnv(dir)
	if len(r.opts.Env) == 0 {
		return env, known
	}
	merged := map[string]string{}
	for k, v := range env {
		merged[k] = v
	}
	for k, v := range r.opts.Env {
		merged[k] = v
	}
	return merged, known
}

// unsetOutsideTemplates drops the unset variables that an environment
// template beside the project sets (.env.example, env.sample): its users
// copy it to .env and fill it in, so the container runs with them set.
func (r *runner) unsetOutsideTemplates(dir string, unset []*parser.UnsetVariable) []*parser.UnsetVariable {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return unset
	}
	set := map[string]bool{}
	for _, e := range entries {
		if e.IsDir() || !parser.IsEnvTemplate(e.Name()) {
			continue
		}
		data, err := r.readLinted(filepath.Join(dir, e.Name()))
		if err != nil {
			continue
		}
		vars, _ := parser.ParseDotEnv(data) // what parses of a template counts
		for k := range vars {
			set[k] = true
		}
	}
	kept := unset[:0]
	for _, u := range unset {
		if !set[u.Name] {
			kept = append(kept, u)
		}
	}
	return kept
}

// lineEnv is the environment a compose command's --env-file files set,
// which Compose reads instead of the project's `.env`, with --env over
// them. known is false when one cannot be read or is not a path known
// here: what the variables would be is then not known.
func (r *runner) lineEnv(g composeGroup) (map[string]string, bool) {
	env, known := map[string]string{}, !g.envUnknown
	for _, path := range g.envFiles {
		data, err := r.readLinted(path)
		if err != nil {
			known = false
			continue
		}
		vars, err := parser.ParseDotEnv(data)
		if err != nil {
			known = false
		}
		for k, v := range vars {
			env[k] = v
		}
	}
	for k, v := range r.opts.Env {
		env[k] = v
	}
	return env, known
}

// readDotEnv reads dir's `.env`. A missing one, or a link to a file not
// made yet (mailcow's .env → mailcow.conf, written by its setup script),
// is none, as for Compose.
func (r *runner) readDotEnv(dir string) (map[string]string, bool) {
	path := filepath.Join(dir, ".env")
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		if _, overlay := r.opts.Overlay[absFrom(r.configs.cwd, path)]; !overlay {
			return nil, true
		}
	}
	data, err := r.readLinted(path)
	if err != nil {
		r.addError(&FileError{Path: path, Msg: "cannot read: " + describeOSError(err).Error()})
		return nil, false
	}
	env, err := parser.ParseDotEnv(data)
	if err != nil {
		fe := &FileError{Path: path, Msg: "cannot parse: " + err.Error()}
		var pe *parser.ParseError
		if errors.As(err, &pe) {
			fe.Line, fe.Msg = pe.Line, "cannot parse: "+pe.Msg
		}
		r.addError(fe)
		return env, false
	}
	return env, true
}

// linkCompose builds the runtime view of each service: the Dockerfile and
// stage it builds, when the build context is on disk, and the entrypoint
// script that stage starts.
func (r *runner) linkCompose(p *parser.ComposeProject) []*parser.Container {
	var out []*parser.Container
	for _, s := range p.Services {
		c := &parser.Container{Service: s, Project: p}
		if b := s.Build; b != nil {
			r.linkBuild(c, p, b)
		}
		r.attachServiceImage(c, s.Range.File)
		r.reportDeepShell(s)
		out = append(out, c)
	}
	return out
}

func (r *runner) linkBuild(c *parser.Container, p *parser.ComposeProject, b *parser.Build) {
	var df *parser.Dockerfile
	switch {
	case b.Inline != "":
		df = r.inlineDockerfile(c.Service, b)
	case b.Dockerfile != "" && isFile(b.Dockerfile):
		// A missing Dockerfile is `docker compose build`'s error to report,
		// not a parse error of the compose file.
		df = r.dockerfiles.get(projectPath(p, b.Dockerfile))
	}
	if df == nil {
		return
	}
	ctx := ""
	if b.Context != "" {
		ctx = projectPath(p, b.Context)
	}
	r.linkStage(c, df, b.Target, ctx, localContextDir(b.Context))
}

// linkStage gives a container the stage of df it runs (the target, else
// the last), and what the build context holds: the entrypoint script it
// starts and, for a local context, its supervisor and secret files.
func (r *runner) linkStage(c *parser.Container, df *parser.Dockerfile, target, ctx string, local bool) {
	stage := df.Final()
	if target != "" {
		stage = df.StageByName(target)
	}
	if stage == nil {
		return
	}
	c.Dockerfile, c.Stage = df, stage
	if ctx != "" {
		r.linkScript(c, ctx)
		if local {
			r.linkSupervised(c, ctx)
			r.linkServerConfigs(c, ctx)
			r.linkCopiedSecrets(c, ctx)
		}
	}
}

// inlineDockerfile parses a service's dockerfile_inline.
func (r *runner) inlineDockerfile(s *parser.Service, b *parser.Build) *parser.Dockerfile {
	if src := b.InlineSource(); src != nil {
		r.addSource(src)
	}
	type parsed struct {
		df  *parser.Dockerfile
		err error
	}
	res, ok := bounded(r, b.Range.File, "parsing dockerfile_inline of service '"+s.Name+"'", func() parsed {
		df, err := b.ParseInline()
		return parsed{df, err}
	})
	if !ok {
		return nil
	}
	df, err := res.df, res.err
	if err != nil {
		fe := &FileError{Path: b.Range.File, Line: b.Range.Start.Line, Col: b.Range.Start.Col, Msg: "cannot parse dockerfile_inline of service '" + s.Name + "': " + err.Error()}
		var pe *parser.ParseError
		if errors.As(err, &pe) {
			fe.Path, fe.Line, fe.Col, fe.Msg = pe.File, pe.Line, pe.Col, "cannot parse dockerfile_inline of service '"+s.Name+"': "+pe.Msg
		}
		r.addError(fe)
		return nil
	}
	r.attachImages(df, b.Range.File)
	r.attachNamedContexts(df, b.Range.File)
	return df
}

// projectPath names an absolute path inside a project the way the user
// named the project's directory, as discovery names the files it finds.
func projectPath(p *parser.ComposeProject, abs string) string {
	absDir, err := filepath.Abs(p.Dir)
	if err != nil {
		return abs
	}
	rel, err := filepath.Rel(absDir, abs)
	if err != nil {
		return abs
	}
	return filepath.Join(p.Dir, rel)
}

// localContextDir reports whether a build context is a directory on disk
// (not a URL or a git repository).
func localContextDir(ctx string) bool {
	return !strings.Contains(ctx, "://") && !strings.HasPrefix(ctx, "git@")
}

// reportDeepShell reports a service's `command:` or `entrypoint:` whose
// shell nests deeper than dlint parses: one error line, not silence.
func (r *runner) reportDeepShell(s *parser.Service) {
	for _, spec := range []*parser.ExecSpec{s.Entrypoint, s.Command} {
		if spec == nil || spec.Script == nil {
			continue
		}
		errs := []error{spec.Script.Err}
		for _, c := range spec.Script.Commands {
			if c.Inline != nil {
				errs = append(errs, c.Inline.Err)
			}
		}
		for _, err := range errs {
			var ne *parser.NestingError
			if errors.As(err, &ne) {
				r.addError(&FileError{Path: spec.Range.File, Line: spec.Range.Start.Line, Msg: fmt.Sprintf("cannot parse the shell of service '%s': %s", s.Name, ne.Error())})
				return
			}
		}
	}
}
