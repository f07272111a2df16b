package lint

import (
	"os"
	"path/filepath"
	"strconv"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/dlint-dev/dlint/rules"
)

// configSet finds the configuration of each linted file (the nearest
// .dlint.yaml up to the repository root, or --config) and resolves what
// applies to the file: which rules are on, at what severity, and whether the
// file is ignored. Command-line settings override every file.
type configSet struct {
	opts *Options
	pool []*rules.Rule
	// cliSelection is what the command line selects; it overrides every
	// configuration file.
	cliSelection *rules.Selection
	fixed        *Config // --config
	// fatal is set when --config cannot be loaded: it governs every file.
	fatal bool
	cwd   string
	// walked maps each directory the walk listed to the config and
	// repository-root names it holds.
	walked map[string]map[string]bool

	mu     sync.Mutex
	byDir  map[string]*Config // absolute directory → nearest config (nil: none)
	loaded map[string]*Config // config path → parsed (nil: broken)
	files  map[string]*fileSettings
	// decisions holds the rule decisions of each configuration and set of
	// its overrides, shared by the files they apply to: a map per file
	// would make memory grow with the repository.
	decisions map[decisionKey]map[string]ruleDecision
	// shared holds one fileSettings per configuration, set of overrides
	// and ignore-paths verdict: the files are many, their settings few.
	shared map[sharedSettingsKey]*fileSettings
	errors []*FileError
}

type sharedSettingsKey struct {
	decisionKey
	ignored bool
}

// decisionKey names a configuration and the overrides of it that match a
// file (their indices).
type decisionKey struct {
	config    *Config
	overrides string
}

// fileSettings is what applies to one file.
type fileSettings struct {
	config    *Config // nil when no configuration applies
	ignored   bool    // matched by ignore-paths
	overrides []*override
	rules     map[string]ruleDecision // by rule ID, for every rule of the pool

	failLevel   rules.Severity
	minSeverity rules.Severity
	docs        bool // read Markdown code blocks
}

// ruleDecision says whether a rule reports in a file, and at what severity.
type ruleDecision struct {
	on       bool
	severity rules.Severity
	// severitySet is true when a config replaced the rule's severity.
	severitySet bool
}

func newConfigSet(opts *Options, pool []*rules.Rule) *configSet {
	cs := &configSet{opts: opts, pool: pool, byDir: map[string]*Config{}, loaded: map[string]*Config{}, files: map[string]*fileSettings{}}
	cs.cliSelection = commandLineSelection(opts)
	cs.cwd, _ = os.Getwd()
	if opts.ConfigFile != "" && !opts.NoConfig {
		c, err := LoadConfig(opts.ConfigFile, pool)
		if err != nil {
			cs.errors = append(cs.errors, asFileError(opts.ConfigFile, err))
			cs.fatal = true // --config applies to every file
		}
		cs.fixed = c
	}
	return cs
}

// brokenConfig stands for a configuration file that could not be loaded:
// the files below it are skipped.
var brokenConfig = &Config{}

func asFileError(path string, err error) *FileError {
	if fe, ok := err.(*FileError); ok {
		return fe
	}
	return &FileError{Path: path, Msg: err.Error()}
}

// configFor returns the configuration that applies to the file at abs.
// The caller holds cs.mu.
func (cs *configSet) configFor(abs string) *Config {
	switch {
	case cs.opts.NoConfig:
		return nil
	case cs.opts.ConfigFile != "":
		return cs.fixed
	}
	var visited []string
	var found *Config
	for dir := filepath.Dir(abs); ; {
		if c, ok := cs.byDir[dir]; ok {
			found = c
			break
		}
		visited = append(visited, dir)
		file, err := findConfigFile(dir, cs.exists)
		if err != nil {
			cs.addError(&FileError{Path: cs.display(dir), Msg: err.Error()})
			found = brokenConfig
			break
		}
		if file != "" {
			found = cs.load(file)
			break
		}
		parent := filepath.Dir(dir)
		if isRepoRoot(dir, cs.exists) || parent == dir {
			break
		}
		dir = parent
	}
	for _, d := range visited {
		cs.byDir[d] = found
	}
	return found
}

func (cs *configSet) load(file string) *Config {
	if c, ok := cs.loaded[file]; ok {
		return c
	}
	c, err := LoadConfig(cs.display(file), cs.pool)
	if err != nil {
		// dlint cannot know what a broken configuration asks for: the
		// files it governs are not linted, the rest of the run goes on.
		cs.addError(asFileError(cs.display(file), err))
		c = brokenConfig
	}
	cs.loaded[file] = c
	return c
}

func (cs *configSet) addError(e *FileError) {
	for _, old := range cs.errors {
		if *old == *e {
			return
		}
	}
	cs.errors = append(cs.errors, e)
}

// exists reports whether dir/name exists (see fileExists), from the
// directory walk's listing when it read dir: one stat call fewer per name
// and directory.
func (cs *configSet) exists(dir, name string) bool {
	if names, ok := cs.walked[dir]; ok {
		return names[name]
	}
	return fileExists(dir, name)
}

// noteWalked records what the directory walk saw of the names exists asks
// about. Call it for every directory listed, before settings.
func (cs *configSet) noteWalked(dir string, names map[string]bool) {
	if cs.walked == nil {
		cs.walked = map[string]map[string]bool{}
	}
	if len(names) == 0 {
		names = nil // most directories hold none: the key alone says so
	}
	cs.walked[absFrom(cs.cwd, dir)] = names
}

// display shortens an absolute path to one relative to the working
// directory when that is shorter.
func (cs *configSet) display(abs string) string {
	if cs.cwd == "" {
		return abs
	}
	if rel, err := filepath.Rel(cs.cwd, abs); err == nil && len(rel) < len(abs) {
		return rel
	}
	return abs
}

// settings returns what applies to the file shown as path.
func (cs *configSet) settings(path string) *fileSettings {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	if fs, ok := cs.files[path]; ok {
		return fs
	}
	abs := absFrom(cs.cwd, path)
	c := cs.configFor(abs)
	fs := &fileSettings{config: c, failLevel: rules.Warning, minSeverity: rules.Style}
	if c == brokenConfig {
		fs.config, fs.ignored = nil, true
		c = nil
	}
	key := decisionKey{config: c}
	if c != nil {
		rel := relTo(c.Dir, abs)
		fs.ignored = matchAny(c.ignore, rel)
		for i := range c.overrides {
			if matchAny(c.overrides[i].files, rel) {
				fs.overrides = append(fs.overrides, &c.overrides[i])
				key.overrides += strconv.Itoa(i) + ","
			}
		}
		if c.FailLevel != 0 {
			fs.failLevel = c.FailLevel
		}
		fs.docs = c.Docs != nil && *c.Docs
		if c.MinSeverity != 0 {
			fs.minSeverity = c.MinSeverity
		}
	}
	fs.docs = fs.docs || cs.opts.IncludeDocs
	if cs.opts.FailLevel != 0 {
		fs.failLevel = cs.opts.FailLevel
	}
	if cs.opts.MinSeverity != 0 {
		fs.minSeverity = cs.opts.MinSeverity
	}
	sk := sharedSettingsKey{key, fs.ignored}
	if shared := cs.shared[sk]; shared != nil {
		cs.files[path] = shared
		return shared
	}
	fs.rules = cs.decisions[key]
	if fs.rules == nil {
		fs.rules = cs.decide(c, fs.overrides)
		if cs.decisions == nil {
			cs.decisions = map[decisionKey]map[string]ruleDecision{}
		}
		cs.decisions[key] = fs.rules
	}
	if cs.shared == nil {
		cs.shared = map[sharedSettingsKey]*fileSettings{}
	}
	cs.shared[sk] = fs
	cs.files[path] = fs
	return fs
}

// decide returns whether each rule of the pool reports, and at what
// severity, under configuration c (nil: none) and the overrides of it.
func (cs *configSet) decide(c *Config, overrides []*override) map[string]ruleDecision {
	decisions := make(map[string]ruleDecision, len(cs.pool))
	for _, r := range cs.pool {
		d := ruleDecision{on: r.InDefault(), severity: r.Severity}
		if c != nil {
			if r.ID == rules.UnusedIgnore.ID && c.ReportUnusedIgnores != nil {
				d.on = *c.ReportUnusedIgnores
			}
			d.on = c.Selection.Decide(r, d.on)
			d = d.apply(c.rules[r.ID])
			for _, o := range overrides {
				d = d.apply(o.rules[r.ID])
			}
		}
		if cs.opts.ReportUnusedIgnores && r.ID == rules.UnusedIgnore.ID {
			d.on = true
		}
		d.on = cs.cliSelection.Decide(r, d.on)
		decisions[r.ID] = d
	}
	return decisions
}

func (d ruleDecision) apply(s *ruleSetting) ruleDecision {
	if s == nil {
		return d
	}
	switch s.state {
	case stateOn:
		d.on = true
	case stateOff:
		d.on = false
	}
	if s.severity != 0 {
		d.severity, d.severitySet = s.severity, true
	}
	return d
}

// commandLineSelection joins --select, --extend-select and --ignore with
// --enable and --disable (an exact extend-select and ignore).
func commandLineSelection(opts *Options) *rules.Selection {
	s := &rules.Selection{}
	if opts.Selection != nil {
		*s = *opts.Selection
	}
	s.Extend = append(append([]rules.Selector(nil), s.Extend...), rules.ExactSelectors(opts.Enable)...)
	s.Ignore = append(append([]rules.Selector(nil), s.Ignore...), rules.ExactSelectors(opts.Disable)...)
	return s
}

// sizeLimit returns the size bound for the file shown as path:
// --max-file-size, else its configuration's max-file-size, else the
// default.
func (cs *configSet) sizeLimit(path string) sizeLimit {
	if cs.opts.MaxFileSize > 0 {
		return cs.opts.fileSizeLimit()
	}
	cs.mu.Lock()
	c := cs.configFor(absFrom(cs.cwd, path))
	cs.mu.Unlock()
	if c != nil && c.MaxFileSize > 0 {
		return sizeLimit{bytes: c.MaxFileSize, config: c.Path}
	}
	return sizeLimit{bytes: DefaultMaxFileSize}
}

// ruleOn reports whether rule reports in the file shown as path.
func (cs *configSet) ruleOn(path string, rule *rules.Rule) bool {
	return cs.settings(path).rules[rule.ID].on
}

// codeOn reports whether code of rule (one with a CodePrefix) reports in
// the file shown as path: on unless the rule lists it off, then as the
// file's configuration and the command line select it.
func (cs *configSet) codeOn(path string, rule *rules.Rule, code string) bool {
	on := rule.CodeOn(code)
	if c := cs.settings(path).config; c != nil {
		on = c.Selection.DecideCode(rule, code, on)
	}
	return cs.cliSelection.DecideCode(rule, code, on)
}

// projectSettings returns the settings rules read for a unit whose main
// file is path.
func (cs *configSet) projectSettings(path string) *rules.Settings {
	fs := cs.settings(path)
	s := &rules.Settings{}
	if fs.config != nil {
		s.TrustedRegistries = fs.config.TrustedRegistries
		s.LabelSchema = fs.config.LabelSchema
	}
	return s
}

// ruleOptions returns rule's options for a unit whose main file is path:
// the defaults, then the config's `rules:` entry, then each matching
// override, in order. It is nil for a rule without options.
func (cs *configSet) ruleOptions(path string, rule *rules.Rule) any {
	if rule.Options == nil {
		return nil
	}
	opts := rule.Options()
	fs := cs.settings(path)
	if fs.config == nil {
		return opts
	}
	var nodes []*yaml.Node
	if s := fs.config.rules[rule.ID]; s != nil && s.options != nil {
		nodes = append(nodes, s.options)
	}
	for _, o := range fs.overrides {
		if s := o.rules[rule.ID]; s != nil && s.options != nil {
			nodes = append(nodes, s.options)
		}
	}
	p := configParser{path: fs.config.Path, pool: cs.pool}
	for _, n := range nodes {
		// Checked when the file was loaded, so this cannot fail.
		_ = p.decodeOptions(rule, n, opts)
	}
	return opts
}

// activeRules returns the rules of the pool that report in at least one of
// paths, in pool order: only those run.
func (cs *configSet) activeRules(paths []string) []*rules.Rule {
	var out []*rules.Rule
	for _, r := range cs.pool {
		for _, p := range paths {
			if cs.ruleOn(p, r) {
				out = append(out, r)
				break
			}
		}
	}
	return out
}
