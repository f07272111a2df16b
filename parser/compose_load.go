package parser

import (
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/compose-spec/compose-go/v2/dotenv"
	"github.com/compose-spec/compose-go/v2/format"
	"github.com/compose-spec/compose-go/v2/loader"
	"github.com/compose-spec/compose-go/v2/schema"
	"github.com/compose-spec/compose-go/v2/template"
	"github.com/compose-spec/compose-go/v2/types"
	"github.com/sirupsen/logrus"
	"go.yaml.in/yaml/v3"
)

// maxComposeFileSize bounds the included and extended files read here.
const maxComposeFileSize = 16 << 20

// silenceLogrus keeps compose-go's log lines (a variable not set in a
// `.env`) out of dlint's standard error, where they would name no file.
var silenceLogrus sync.Once

func quietComposeGo() { silenceLogrus.Do(func() { logrus.SetOutput(io.Discard) }) }

// ParseDotEnv reads a `.env` file as docker compose does. Variables refer
// only to those defined before them in the file, never to the OS
// environment.
func ParseDotEnv(data []byte) (map[string]string, error) {
	quietComposeGo()
	if err := checkExpansion(data); err != nil {
		return nil, err
	}
	return dotenv.UnmarshalBytesWithLookup(data, nil)
}

// LoadCompose loads a compose project the way `docker compose -f a -f b
// config` would, without a network or a Docker daemon: files are merged in
// order, with interpolation from env (the project's `.env`; the OS
// environment is never read), `extends`, `include` and every profile. dir
// is the project directory as the caller names it, and the paths of files
// reached through include and extends are shown relative to it.
//
// The project is loaded once, with compose-go's consistency checks off:
// what `docker compose up` would refuse in a project dlint can still read
// (a service with neither image nor build, a network declared in another
// file) is returned in ComposeProject.Problems instead of failing the load.
// A syntax error, or an error compose-go stops at, is returned as
// *ParseError with the line where it can be found. A `ports:` or
// `volumes:` item that compose cannot parse (often only because a variable
// is unset) is left out of compose-go's load and kept in the model.
func LoadCompose(dir string, files []*Source, env map[string]string) (*ComposeProject, error) {
	quietComposeGo()
	if len(files) == 0 {
		return nil, errors.New("no compose file given")
	}
	absDir, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	l := &composeLoader{dir: dir, absDir: absDir, env: env, byAbs: map[string]*yamlFile{}, dropped: map[itemKey]string{}, refused: map[itemKey]bool{}}
	if l.env == nil {
		l.env = map[string]string{}
	}
	defer l.removeCopies()
	for _, src := range files {
		abs := src.Path
		if strings.HasPrefix(abs, "<") || abs == "" {
			abs = filepath.Join(absDir, "compose.yaml")
		} else if abs, err = filepath.Abs(abs); err != nil {
			return nil, err
		}
		f, yerr := parseYAMLFile(src, abs)
		f.env, f.extendsDir, f.includeDir = l.env, absDir, absDir
		l.main = append(l.main, f)
		l.byAbs[abs] = f
		l.order = append(l.order, f)
		if yerr != nil {
			return nil, l.yamlError(f, yerr)
		}
		f.legacy = isLegacyLayout(f)
	}
	// Env files that compose-go reads for an include are checked first: a
	// FIFO or a device would block it or fill the memory.
	if err := l.checkIncludeEnv(); err != nil {
		return nil, err
	}
	contents := l.prepare()
	proj, loadErr := l.load(contents, false)
	// A service setting Compose refuses (a mapping where the environment
	// list wants a string, a scalar where a service belongs) is a finding
	// at that node: it is left out and the project loaded again, a few
	// times at most.
	type refusal struct {
		at  itemKey
		msg string
	}
	var refused []refusal
	for tries := 0; loadErr != nil && !isUnknownKeyError(loadErr) && tries < maxRefusedSettings; tries++ {
		key, ok := l.refusedSetting(loadErr)
		if !ok || l.refused[key] {
			break
		}
		refused = append(refused, refusal{key, l.locateError(loadErr).Msg})
		l.refused[key] = true
		contents = l.prepare()
		proj, loadErr = l.load(contents, false)
	}
	var invalid *ParseError
	if loadErr != nil {
		// The schema refuses the project (a misspelt key, a wrong type):
		// Compose would too, which is a finding; dlint can still read what
		// the project says when validation is skipped.
		invalid = l.locateError(loadErr)
		if !isUnknownKeyError(loadErr) {
			return nil, invalid
		}
		if proj, loadErr = l.loadUnvalidated(contents); loadErr != nil {
			return nil, invalid
		}
	}
	p := l.build(proj)
	for i := len(refused) - 1; i >= 0; i-- {
		e := refused[i]
		f := l.byAbs[e.at.abs]
		r := f.lineRange(Pos{Line: e.at.line, Col: e.at.col})
		p.Problems = append([]*ComposeProblem{{Range: r, Msg: "Compose cannot read this setting, so it refuses the whole file (dlint lints the rest without it)", Compose: e.msg}}, p.Problems...)
	}
	if invalid != nil {
		p.Problems = append(l.invalidProblems(invalid, contents), p.Problems...)
	}
	return p, nil
}

// invalidProblems reports a project the schema refuses for a key it has no
// place for: each such key of the files compose-go validates, at the key,
// or compose-go's one error where dlint finds none of them (a key that an
// extended service brings in).
func (l *composeLoader) invalidProblems(invalid *ParseError, contents map[string][]byte) []*ComposeProblem {
	// compose-go validates each included project too.
	files := slices.Clone(l.main)
	for i := 0; i < len(files) && i < 100; i++ {
		for _, g := range l.includes(files[i]) {
			for _, f := range g {
				if f != nil && !slices.Contains(files, f) {
					files = append(files, f)
				}
			}
		}
	}
	var out []*ComposeProblem
	for _, u := range unknownKeys(files, contents) {
		out = append(out, u.problem())
	}
	if len(out) > 0 {
		return out
	}
	r := Range{File: invalid.File, Start: Pos{Line: max(1, invalid.Line), Col: max(1, invalid.Col)}}
	if f := l.fileNamed(invalid.File); f != nil {
		r = f.lineRange(r.Start)
	}
	return []*ComposeProblem{{Range: r, Msg: "the Compose specification does not allow this (prefix keys of your own with x-)", Compose: invalid.Msg}}
}

// maxRefusedSettings bounds the loads spent leaving out settings Compose
// refuses: each costs one more compose-go load.
const maxRefusedSettings = 4

// refusedSetting finds the node of a main file that compose-go's error
// names by its whole dotted path, inside a service (services.web.command,
// services.web.environment.[0], or a scalar services.restart where a
// service belongs); ok is false for anything else.
func (l *composeLoader) refusedSetting(err error) (itemKey, bool) {
	for _, word := range strings.Fields(err.Error()) {
		word = strings.Trim(word, "':,")
		word = bracketedService.ReplaceAllString(word, "services.$1")
		parts := strings.Split(word, ".")
		if len(parts) < 2 || parts[0] != "services" {
			continue
		}
		for _, f := range l.main {
			path := word
			if f.legacy {
				path = strings.Join(parts[1:], ".") // a v1 file has no services: key
			}
			if e, whole := f.locatePath(path); whole && e.key != nil {
				return itemKey{f.abs, e.key.Line, e.key.Column}, true
			}
		}
	}
	return itemKey{}, false
}

// bracketedService matches the decoder's way of naming a service,
// services[web].command.
var bracketedService = regexp.MustCompile(`^services\[([^\]]+)\]`)

// isUnknownKeyError reports a schema error about a key the specification
// does not have: without validation, compose-go ignores the key, while a
// value of the wrong type would reach its decoder.
func isUnknownKeyError(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "additional properties") || strings.HasSuffix(msg, " false schema")
}

// loadUnvalidated loads without the schema; compose-go's decoder may panic
// on what the schema would have refused.
func (l *composeLoader) loadUnvalidated(contents map[string][]byte) (p *types.Project, err error) {
	defer func() {
		if r := recover(); r != nil {
			p, err = nil, fmt.Errorf("%v", r)
		}
	}()
	return l.load(contents, true)
}

// fileNamed finds a file read for the project by the name shown for it.
func (l *composeLoader) fileNamed(path string) *yamlFile {
	for _, f := range l.order {
		if f != nil && f.src.Path == path {
			return f
		}
	}
	return nil
}

// composeLoader holds one project's files and their node trees.
type composeLoader struct {
	dir, absDir string
	env         map[string]string
	main        []*yamlFile
	order       []*yamlFile // every file read, main files first
	byAbs       map[string]*yamlFile
	// dropped holds the list items left out of compose-go's load, with
	// why compose rejects them.
	dropped map[itemKey]string
	// refused holds the settings left out because Compose cannot read
	// them (ComposeProblems say so).
	refused map[itemKey]bool
	// views are the services' position views, by name, once built.
	views map[string]*serviceView
	// copies are the included files given to compose-go without the items
	// it would refuse.
	copies *includeCopies
	// template is the override template beside the main file
	// (compose.override.yaml.example), read once when a check needs it.
	template     *yamlFile
	templateRead bool
}

// itemKey names a node of a file by its position, the same in every
// decoding of the file.
type itemKey struct {
	abs       string
	line, col int
}

// composeGoLoads counts compose-go loads, so a test can hold dlint to one
// per project: a load is most of the time spent on a compose file.
var composeGoLoads atomic.Int64

func (l *composeLoader) load(contents map[string][]byte, skipValidation bool) (*types.Project, error) {
	composeGoLoads.Add(1)
	cd := types.ConfigDetails{WorkingDir: l.absDir, Environment: types.Mapping{}}
	for k, v := range l.env {
		cd.Environment[k] = v
	}
	var texts [][]byte
	for _, f := range l.main {
		text := f.src.Text
		if c, ok := contents[f.abs]; ok {
			text = c
		}
		cd.ConfigFiles = append(cd.ConfigFiles, types.ConfigFile{Filename: f.abs, Content: text})
		texts = append(texts, text)
	}
	return loader.LoadWithContext(context.Background(), cd, func(o *loader.Options) {
		o.SetProjectName(projectName(l.absDir), true)
		o.SkipResolveEnvironment = true // a missing env_file is not an error here
		o.SkipResolveLabels = true      // nor a missing label_file
		// What the consistency check refuses is reported by dlint itself
		// (consistency), every problem at its key, in a stable order.
		o.SkipConsistencyCheck = true
		o.SkipValidation = skipValidation
		// Relative paths stay relative to the project directory (compose-go
		// still rebases those of extended and included files); serviceView
		// resolves the one path dlint follows, the build context. Resolving
		// every path is about a sixth of compose-go's load.
		o.ResolvePaths = false
		// compose-go's defaults (port protocol and mode, build context,
		// secret targets) are applied where dlint reads them (normPort,
		// ParseLongPort) or by its normalisation; the pass over every node
		// that sets them costs a fifteenth of the load.
		o.SkipDefaultValues = true
		o.Profiles = []string{"*"}
		o.ResourceLoaders = []loader.ResourceLoader{offlineRemote{}, specialFileGuard{l.absDir}}
		if o.Interpolate != nil {
			o.Interpolate.Substitute = substitute
			o.Interpolate.TypeCastMapping = castsFor(o.Interpolate.TypeCastMapping, texts)
		}
	})
}

// offlineRemote stands in for the git and OCI loaders of docker compose:
// dlint never downloads, so a remote `include:` or `extends.file` reads as
// an empty file instead of failing the project.
type offlineRemote struct{}

func (offlineRemote) Accept(p string) bool { return isRemoteResource(p) }

func (offlineRemote) Load(context.Context, string) (string, error) { return os.DevNull, nil }

func (offlineRemote) Dir(string) string { return "." }

// specialFileGuard refuses an `include:` or `extends.file` that names a
// FIFO, socket or device (/dev/stdin, a named pipe, /dev/zero): compose-go
// would block reading it, or read forever. Other paths go on to compose-go's own local loader. Relative
// paths are taken from the project directory; in a nested include that is
// an approximation, and a path that does not exist there is let through.
type specialFileGuard struct{ dir string }

func (g specialFileGuard) Accept(p string) bool {
	if isRemoteResource(p) || p == os.DevNull { // offlineRemote's stand-in
		return false
	}
	if !filepath.IsAbs(p) {
		p = filepath.Join(g.dir, p)
	}
	info, err := os.Stat(p)
	return err == nil && !info.Mode().IsRegular() && !info.IsDir()
}

func (specialFileGuard) Load(_ context.Context, p string) (string, error) {
	return "", fmt.Errorf("%s: not a regular file", p)
}

func (specialFileGuard) Dir(string) string { return "." }

// isRemoteResource reports whether a path names a git repository, an OCI
// artifact or a URL rather than a local file.
func isRemoteResource(p string) bool {
	if strings.HasPrefix(p, "git@") {
		return true
	}
	scheme, _, ok := strings.Cut(p, "://")
	return ok && scheme != "file" && !strings.ContainsAny(scheme, "/\\.")
}

// projectName derives a valid compose project name from the directory; it
// only matters to compose-go's validation.
func projectName(dir string) string {
	name := loader.NormalizeProjectName(filepath.Base(dir))
	if name == "" {
		return "dlint"
	}
	return name
}

// substitute interpolates like compose, except that `${VAR:?message}` with
// VAR unset gives an empty value instead of failing: the variables dlint
// sees are not those of the shell that will run compose.
func substitute(tmpl string, mapping template.Mapping) (string, error) {
	return template.SubstituteWithOptions(tmpl, mapping, template.WithoutLogging,
		template.WithReplacementFunction(func(s string, m template.Mapping, cfg *template.Config) (string, error) {
			v, _, err := template.DefaultReplacementAppliedFunc(s, m, cfg)
			var missing *template.MissingRequiredError
			if errors.As(err, &missing) {
				return "", nil
			}
			return v, err
		}))
}

// interpolate applies the file's variables to a raw YAML value.
func (f *yamlFile) interpolate(s string) string {
	if !strings.Contains(s, "$") {
		return s
	}
	out, err := substitute(s, func(k string) (string, bool) {
		v, ok := f.env[k]
		return v, ok
	})
	if err != nil {
		return s
	}
	return out
}

// file returns the node tree of a file reached through include or extends,
// reading it on first use; nil when it cannot be read or parsed (compose-go
// reports that itself).
func (l *composeLoader) file(abs string, env map[string]string, extendsDir, includeDir string) *yamlFile {
	if f, ok := l.byAbs[abs]; ok {
		return f
	}
	l.byAbs[abs] = nil
	info, err := os.Stat(abs)
	if err != nil || !info.Mode().IsRegular() || info.Size() > maxComposeFileSize {
		return nil
	}
	data, err := os.ReadFile(abs)
	if err != nil {
		return nil
	}
	f, err := parseYAMLFile(NewSource(l.display(abs), data), abs)
	if err != nil {
		return nil
	}
	f.env, f.extendsDir, f.includeDir = env, extendsDir, includeDir
	f.legacy = isLegacyLayout(f)
	l.byAbs[abs] = f
	l.order = append(l.order, f)
	return f
}

// display names an absolute path the way the caller names the project
// directory, so findings in an included file read like the others.
func (l *composeLoader) display(abs string) string {
	rel, err := filepath.Rel(l.absDir, abs)
	if err != nil {
		return abs
	}
	return filepath.Join(l.dir, rel)
}

// shownPath is display, except that a path outside the project directory
// stays absolute.
func (l *composeLoader) shownPath(abs string) string {
	if rel, err := filepath.Rel(l.absDir, abs); err != nil || strings.HasPrefix(rel, "..") {
		return abs
	}
	return l.display(abs)
}

// includeGroup is one `include:` entry: its files in merge order.
type includeGroup []*yamlFile

// includes reads the `include:` entries of f (once).
func (l *composeLoader) includes(f *yamlFile) []includeGroup {
	if !f.includesRead {
		f.includesRead = true
		f.included = l.readIncludes(f)
	}
	return f.included
}

func (l *composeLoader) readIncludes(f *yamlFile) []includeGroup {
	inc := f.top("include")
	if !inc.found() {
		return nil
	}
	var out []includeGroup
	for _, item := range seqItems(inc.value) {
		var paths []string
		var projectDir string
		var envFiles []string
		switch item.Kind {
		case yaml.ScalarNode:
			paths = []string{f.interpolate(item.Value)}
		case yaml.MappingNode:
			if p := mapGet(item, "path"); p.found() {
				if p.value.Kind == yaml.ScalarNode {
					paths = []string{f.interpolate(p.value.Value)}
				}
				for _, s := range seqItems(p.value) {
					paths = append(paths, f.interpolate(s.Value))
				}
			}
			if p := mapGet(item, "project_directory"); p.found() {
				projectDir = f.interpolate(p.value.Value)
			}
			if e := mapGet(item, "env_file"); e.found() {
				if e.value.Kind == yaml.ScalarNode {
					envFiles = []string{f.interpolate(e.value.Value)}
				}
				for _, s := range seqItems(e.value) {
					envFiles = append(envFiles, f.interpolate(s.Value))
				}
			}
		}
		if len(paths) == 0 {
			continue
		}
		for i, p := range paths {
			paths[i] = absJoin(f.includeDir, p)
		}
		if projectDir == "" {
			projectDir = filepath.Dir(paths[0])
		} else {
			projectDir = absJoin(f.includeDir, projectDir)
		}
		if len(envFiles) == 0 {
			envFiles = []string{filepath.Join(projectDir, ".env")}
		} else {
			for i, e := range envFiles {
				envFiles[i] = absJoin(f.includeDir, e)
			}
		}
		env := map[string]string{}
		for k, v := range f.env {
			env[k] = v
		}
		for _, e := range envFiles {
			if why := envFileProblem(e); why != "" {
				f.includeErr = &ParseError{File: f.src.Path, Line: item.Line, Col: item.Column, Msg: fmt.Sprintf("the env file %s of this include %s", l.shownPath(e), why)}
				return out
			}
			if data, err := os.ReadFile(e); err == nil {
				if err := checkExpansion(data); err != nil {
					f.includeErr = &ParseError{File: l.display(e), Line: err.Line, Msg: err.Msg + " (read for the include at " + fmt.Sprintf("%s:%d", f.src.Path, item.Line) + ")"}
					return out
				}
				vars, _ := dotenv.UnmarshalBytesWithLookup(data, func(k string) (string, bool) {
					v, ok := f.env[k]
					return v, ok
				})
				for k, v := range vars {
					if _, set := f.env[k]; !set {
						env[k] = v
					}
				}
			}
		}
		var group includeGroup
		for _, p := range paths {
			if g := l.file(p, env, projectDir, projectDir); g != nil {
				group = append(group, g)
			}
		}
		out = append(out, group)
	}
	return out
}

func absJoin(dir, p string) string {
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	return filepath.Join(dir, p)
}

// svcDef is one place that writes a service's attributes: its mapping in
// one file, or the mapping of a service it extends.
type svcDef struct {
	file       *yamlFile
	entry      yamlEntry // key: the service name; value: its mapping
	viaExtends bool
}

// serviceDefs lists the mappings that make up a service, the one that wins
// first: the last file given, the service it extends, the files it
// includes, then the earlier files, as compose-go merges them.
func (l *composeLoader) serviceDefs(name string) []svcDef {
	var out []svcDef
	seen := map[*yamlFile]bool{}
	for i := len(l.main) - 1; i >= 0; i-- {
		l.defsIn(l.main[i], name, seen, &out, 0)
	}
	return out
}

func (l *composeLoader) defsIn(f *yamlFile, name string, seen map[*yamlFile]bool, out *[]svcDef, depth int) {
	if f == nil || seen[f] || depth > 10 {
		return
	}
	seen[f] = true
	defer delete(seen, f)
	if e := f.service(name); e.found() {
		*out = append(*out, svcDef{file: f, entry: e})
		l.extendsDefs(f, e, out, 0)
	}
	groups := l.includes(f)
	for gi := len(groups) - 1; gi >= 0; gi-- {
		g := groups[gi]
		for i := len(g) - 1; i >= 0; i-- {
			l.defsIn(g[i], name, seen, out, depth+1)
		}
	}
}

// extendsDefs follows `extends:` from a service to the services it builds on.
func (l *composeLoader) extendsDefs(f *yamlFile, e yamlEntry, out *[]svcDef, depth int) {
	if depth > 10 {
		return
	}
	ext := mapGet(e.value, "extends")
	if !ext.found() {
		return
	}
	var ref, file string
	switch ext.value.Kind {
	case yaml.ScalarNode:
		ref = f.interpolate(ext.value.Value)
	case yaml.MappingNode:
		if s := mapGet(ext.value, "service"); s.found() {
			ref = f.interpolate(s.value.Value)
		}
		if s := mapGet(ext.value, "file"); s.found() {
			file = f.interpolate(s.value.Value)
		}
	}
	if ref == "" {
		return
	}
	target := f
	if file != "" {
		abs := absJoin(f.extendsDir, file)
		target = l.file(abs, f.env, filepath.Dir(abs), filepath.Dir(abs))
		if target == nil {
			return
		}
	}
	base := target.service(ref)
	if !base.found() || base.value == e.value {
		return
	}
	*out = append(*out, svcDef{file: target, entry: base, viaExtends: true})
	l.extendsDefs(target, base, out, depth+1)
}

// --- errors ---

var (
	yamlMark      = regexp.MustCompile(`^(?:line (\d+)(?:, column (\d+))?|<unknown position>): `)
	quotedService = regexp.MustCompile(`service "([^"]+)"|dependency cycle detected: ([^ ]+) ->`)
	portErrorRe   = regexp.MustCompile(`(?i)^(invalid (hostPort|containerPort|proto|ranges|ip address|port)|.*port.*(range|invalid))`)
)

func isPortError(err error) bool { return portErrorRe.MatchString(err.Error()) }

// locateError turns a compose-go error into a ParseError at the line that
// causes it: YAML errors carry a line, schema and interpolation errors a
// dotted path (`services.web.privileged`) that is looked up in the files.
func (l *composeLoader) locateError(err error) *ParseError {
	msg := err.Error()
	pe := &ParseError{File: l.main[0].src.Path}
	// The error may be about an included file: read them all.
	for i := 0; i < len(l.order) && i < 100; i++ {
		if l.order[i] != nil {
			l.includes(l.order[i])
		}
	}
	var file *yamlFile
	// Name files as the caller does, and note the file the error is about.
	if l.copies != nil {
		for _, c := range slices.Sorted(maps.Keys(l.copies.byCopy)) {
			if f := l.copies.byCopy[c]; strings.Contains(msg, c) {
				if file == nil {
					file = f
				}
				msg = strings.ReplaceAll(msg, c, f.src.Path)
			}
		}
	}
	for _, f := range l.order {
		if f != nil && strings.Contains(msg, f.abs) {
			if file == nil {
				file = f
			}
			msg = strings.ReplaceAll(msg, f.abs, f.src.Path)
		}
	}
	for _, prefix := range []string{"failed to parse ", "validating "} {
		if rest, ok := strings.CutPrefix(msg, prefix); ok && file != nil {
			if r, ok := strings.CutPrefix(rest, file.src.Path+": "); ok {
				msg = r
			}
		}
	}
	if file != nil {
		pe.File = file.src.Path
	}
	msg = strings.ReplaceAll(msg, " in "+os.DevNull+":", " in a remote file, which dlint does not download:")
	msg = sortDecodeErrors(msg)
	msg = strings.Join(strings.Fields(msg), " ") // one line, as `include cycle` spans several
	msg = canonicalCycle(msg)
	msg = sortedProperties(msg)
	pe.Msg = msg
	if line, col, text, ok := yamlErrorPos(msg); ok {
		pe.Line, pe.Col, pe.Msg = line, col, text
		return pe
	}
	candidates := l.order
	if file != nil {
		candidates = append([]*yamlFile{file}, l.order...)
	}
	// A dotted path in the message.
	for _, word := range strings.Fields(msg) {
		word = strings.TrimRight(word, ":,")
		if !strings.Contains(word, ".") || !isTopLevelKey(strings.Split(word, ".")[0]) {
			continue
		}
		if f, e := l.locate(candidates, word); f != nil {
			pe.File, pe.Line, pe.Col = f.src.Path, e.key.Line, e.key.Column
			pe.Msg = friendlierSchemaMessage(word, msg)
			return pe
		}
	}
	if isPortError(err) || strings.Contains(err.Error(), "port") {
		if b, ok := l.firstBadItem("ports", (*yamlFile).badPortItem); ok {
			pe.File, pe.Line, pe.Col = b.file.src.Path, b.node.Line, b.node.Column
			return pe
		}
	}
	if strings.HasPrefix(msg, "invalid spec: ") || msg == "invalid empty volume spec" {
		b, ok := l.firstBadItem("volumes", badVolumeItem(msg))
		if !ok {
			b, ok = l.firstBadItem("volumes", badVolumeItem(""))
		}
		if ok {
			pe.File, pe.Line, pe.Col = b.file.src.Path, b.node.Line, b.node.Column
			pe.Msg += b.file.unsetNote(b.node)
			return pe
		}
	}
	// A service named in the message.
	if m := quotedService.FindStringSubmatch(msg); m != nil {
		path := "services." + m[1] + m[2]
		if strings.Contains(msg, "depends on") || m[2] != "" {
			path += ".depends_on"
		} else if strings.Contains(msg, "extend") {
			path += ".extends"
		}
		if f, e := l.locate(candidates, path); f != nil {
			pe.File, pe.Line, pe.Col = f.src.Path, e.key.Line, e.key.Column
		}
	}
	return pe
}

// additionalProps matches the schema's list of unknown keys, which it
// writes in map order.
var additionalProps = regexp.MustCompile(`additional properties ((?:'[^']*'(?:, )?)+) not allowed`)

// sortedProperties sorts that list, so the message is the same every run.
func sortedProperties(msg string) string {
	return additionalProps.ReplaceAllStringFunc(msg, func(m string) string {
		list := additionalProps.FindStringSubmatch(m)[1]
		names := strings.Split(list, ", ")
		sort.Strings(names)
		return "additional properties " + strings.Join(names, ", ") + " not allowed"
	})
}

// sortDecodeErrors sorts the lines of compose-go's "decoding failed due to
// the following error(s):" list, which follows map order.
func sortDecodeErrors(msg string) string {
	head, rest, ok := strings.Cut(msg, "error(s):\n")
	if !ok {
		return msg
	}
	lines := strings.Split(rest, "\n")
	sort.Strings(lines)
	return head + "error(s):\n" + strings.Join(lines, "\n")
}

// canonicalCycle starts an extends cycle ("Circular reference: a in f
// extends b in f extends a in f") at its least element: compose-go starts
// it wherever its map iteration does, and dlint's output must not vary.
func canonicalCycle(msg string) string {
	const prefix = "Circular reference: "
	rest, ok := strings.CutPrefix(msg, prefix)
	if !ok {
		return msg
	}
	steps := strings.Split(rest, " extends ")
	if len(steps) < 3 || steps[0] != steps[len(steps)-1] {
		return msg
	}
	return prefix + strings.Join(canonicalRing(steps[:len(steps)-1]), " extends ")
}

// yamlParserProblems are the messages of YAML's parser (not its scanner)
// that come without a context.
var yamlParserProblems = []string{"did not find expected", "found duplicate %", "found incompatible YAML", "found undefined tag handle"}

// yamlErrorPos reads the position out of a YAML error message of
// go.yaml.in/yaml/v4, which compose-go uses: `yaml: [while … at MARK: ]
// [MARK: ]problem` where MARK is `line L[, column C]`. Its parser (unlike
// its scanner) counts lines from 0, so those are shifted to count from 1.
func yamlErrorPos(msg string) (line, col int, text string, ok bool) {
	i := strings.Index(msg, "yaml: ")
	if i < 0 {
		return 0, 0, "", false
	}
	rest := msg[i+len("yaml: "):]
	if r, found := strings.CutPrefix(rest, "construct errors:"); found {
		r = strings.TrimSpace(r)
		r, _, _ = strings.Cut(r, "\n")
		// The innermost mark is the duplicate key's: "line 1: line 4: …".
		for m := yamlMark.FindStringSubmatch(r); m != nil; m = yamlMark.FindStringSubmatch(r) {
			line, _ = atoi(m[1])
			r = r[len(m[0]):]
		}
		return line, 0, strings.TrimSpace(r), line > 0
	}
	parserError := strings.HasPrefix(rest, "while parsing")
	context := ""
	if strings.HasPrefix(rest, "while ") {
		j := strings.Index(rest, " at ")
		if j < 0 {
			return 0, 0, "", false
		}
		context, rest = rest[:j], rest[j+len(" at "):]
	}
	m := yamlMark.FindStringSubmatch(rest)
	if m == nil {
		return 0, 0, "", false
	}
	line, _ = atoi(m[1])
	col, _ = atoi(m[2])
	rest = rest[len(m[0]):]
	if m2 := yamlMark.FindStringSubmatch(rest); m2 != nil && context != "" {
		line, _ = atoi(m2[1])
		col, _ = atoi(m2[2])
		rest = rest[len(m2[0]):]
	}
	if context == "" {
		for _, p := range yamlParserProblems {
			parserError = parserError || strings.HasPrefix(rest, p)
		}
	}
	if parserError {
		line++
	}
	if rest == "did not find expected key" || rest == "did not find expected '-' indicator" {
		rest += " (check the indentation of this line)"
	}
	if line == 0 {
		return 0, 0, "", false
	}
	return line, col, rest, true
}

func isTopLevelKey(k string) bool {
	switch k {
	case "services", "networks", "volumes", "secrets", "configs", "include", "models", "jobs", "name", "version":
		return true
	}
	return strings.HasPrefix(k, "x-")
}

// locate finds the deepest part of a dotted path in the first file that has
// it whole, or else in the file where most of it exists.
func (l *composeLoader) locate(files []*yamlFile, dotted string) (*yamlFile, yamlEntry) {
	var bestFile *yamlFile
	var best yamlEntry
	bestLen := -1
	for _, f := range files {
		if f == nil {
			continue
		}
		e, whole := f.locatePath(dotted)
		if !e.found() {
			continue
		}
		if whole {
			return f, e
		}
		if n := e.key.Line; bestLen < 0 && n > 0 {
			bestFile, best, bestLen = f, e, 0
		}
	}
	return bestFile, best
}

// friendlierSchemaMessage rewords the schema validator's terse messages.
func friendlierSchemaMessage(path, msg string) string {
	if strings.HasSuffix(msg, path+" false schema") || strings.HasSuffix(msg, path+" additional properties not allowed") {
		parts := strings.Split(path, ".")
		return fmt.Sprintf("%s: unknown key %q: it is not part of the compose specification (prefix your own keys with x-)", strings.Join(parts[:len(parts)-1], "."), parts[len(parts)-1])
	}
	if strings.Contains(msg, " must be a") {
		msg = strings.ReplaceAll(msg, "a array", "a list")
		msg = strings.ReplaceAll(msg, "array", "list")
	}
	return msg
}

// --- invalid items ---

// badItem is a service's list item that compose cannot parse.
type badItem struct {
	file *yamlFile
	node *yaml.Node
}

// firstBadItem finds, in the files in the order compose reads them, the
// first item of a service's list under key that bad rejects.
func (l *composeLoader) firstBadItem(key string, bad func(*yamlFile, *yaml.Node) bool) (badItem, bool) {
	for _, f := range l.order {
		if f == nil {
			continue
		}
		for _, doc := range f.docs {
			services := mapGet(doc, "services")
			for _, svc := range mapKeys(services.value) {
				for _, item := range seqItems(mapGet(svc.value, key).value) {
					if bad(f, item) {
						return badItem{f, item}, true
					}
				}
			}
		}
	}
	return badItem{}, false
}

// badVolumeItem returns a test for the short-syntax `volumes:` items
// compose cannot parse once interpolated; with a message, only an item
// that fails with that message.
func badVolumeItem(msg string) func(*yamlFile, *yaml.Node) bool {
	return func(f *yamlFile, item *yaml.Node) bool {
		if item.Kind != yaml.ScalarNode {
			return false
		}
		_, err := format.ParseVolume(f.interpolate(item.Value))
		return err != nil && (msg == "" || err.Error() == msg)
	}
}

// unsetNote says which unset variables make an item what compose rejects,
// as " (…)", or "" when none does.
func (f *yamlFile) unsetNote(item *yaml.Node) string {
	unset := f.unsetIn(item.Value)
	if len(unset) == 0 {
		return ""
	}
	names := make([]string, len(unset))
	for i, r := range unset {
		names[i] = r.name
	}
	return fmt.Sprintf(" (written %q: no .env file sets %s, so compose leaves it blank; set it there or in the shell that runs compose)",
		item.Value, strings.Join(names, ", "))
}

// badPortItem reports whether a `ports:` item is invalid, to compose or to
// dlint's stricter reading (a container port 0).
func (f *yamlFile) badPortItem(item *yaml.Node) bool {
	switch item.Kind {
	case yaml.ScalarNode:
		text := f.interpolate(item.Value)
		if _, err := types.ParsePortConfig(text); err != nil {
			return true
		}
		_, err := ParsePortMapping(text)
		return err != nil
	case yaml.MappingNode:
		it := rawItem{file: f, node: item}
		target, err := strconv.Atoi(it.field("target"))
		if err != nil {
			return true
		}
		_, err = ParseLongPort(target, it.field("published"), it.field("host_ip"), it.field("protocol"))
		return err != nil
	}
	return false
}

// sortedKeys returns a map's keys in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// PrepareCompose compiles compose-go's JSON schema, which the first load
// would otherwise compile while it waits (about 10 ms): a run that will
// load compose files starts it beside its other work.
func PrepareCompose() {
	_ = schema.Validate(map[string]any{})
}
