package lint

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/dlint-dev/dlint/images"
	"github.com/dlint-dev/dlint/internal/suggest"
	"github.com/dlint-dev/dlint/rules"
)

// ConfigFileNames are the names of a dlint configuration file, looked for in
// each directory from a linted file up to the repository root.
var ConfigFileNames = []string{".dlint.yaml", ".dlint.yml"}

// NeverFail is a fail level no finding reaches (`--fail-level none`).
const NeverFail rules.Severity = -1

// Config is one .dlint.yaml. The nearest file above a linted file applies to
// it whole: configurations in different directories are not merged.
type Config struct {
	Path string // as shown in messages
	Dir  string // absolute directory that globs are relative to

	FailLevel         rules.Severity // 0 when unset; NeverFail for "none"
	MinSeverity       rules.Severity // 0 when unset
	TrustedRegistries []string
	// LabelSchema is `label-schema`: the labels images must carry and the
	// type of each value, in file order.
	LabelSchema []rules.LabelSpec
	// ReportUnusedIgnores is nil when unset.
	ReportUnusedIgnores *bool
	// Docs reads the `docker run` lines of Markdown code blocks (`docs:
	// true`); nil when unset.
	Docs *bool
	// MaxFileSize bounds the size of the files it applies to; 0 when
	// unset.
	MaxFileSize int64
	// Images are the team's own base images (`images:`).
	Images []images.Entry
	// Selection is what `select`, `extend-select` and `ignore` say; it
	// applies before `rules:`, which names rules one by one.
	Selection rules.Selection

	catalogOnce sync.Once
	catalog     *images.Catalog

	rules     map[string]*ruleSetting // by rule ID
	ignore    []glob
	overrides []override
}

// ruleSetting is what a config says about one rule.
type ruleSetting struct {
	state    ruleState
	severity rules.Severity // 0 keeps the severity already in force
	options  *yaml.Node     // mapping of option keys (and maybe severity), nil when none
}

type ruleState int8

const (
	stateUnset ruleState = iota
	stateOn
	stateOff
)

// override applies rule settings to the files its globs match.
type override struct {
	files []glob
	rules map[string]*ruleSetting
}

// configKeys are the top-level keys, in the order `dlint config init` writes them.
var configKeys = []string{"fail-level", "min-severity", "report-unused-ignores", "docs", "max-file-size", "ignore-paths", "trusted-registries", "label-schema", "images", "select", "extend-select", "ignore", "rules", "overrides"}

// ruleLevels are the values a rule may be set to.
var ruleLevels = []string{"off", "on", "error", "warning", "info", "style"}

// ParseConfig reads a configuration file's text. pool is the rules that
// names in it may refer to (IDs or aliases). Every problem is a *FileError
// with the line and column of the offending node.
func ParseConfig(path string, data []byte, pool []*rules.Rule) (*Config, error) {
	dir, err := filepath.Abs(filepath.Dir(path))
	if err != nil {
		dir = filepath.Dir(path)
	}
	c := &Config{Path: path, Dir: dir, rules: map[string]*ruleSetting{}}
	p := configParser{path: path, pool: pool}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, p.syntaxError(err)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return c, nil // an empty file sets nothing
	}
	root := deref(doc.Content[0])
	if isNull(root) {
		return c, nil
	}
	if root.Kind != yaml.MappingNode {
		return nil, p.errorf(root, "the configuration must be a mapping of keys (%s), not %s", strings.Join(configKeys, ", "), describeNode(root))
	}
	err = p.eachKey(root, func(key, value *yaml.Node) error {
		switch key.Value {
		case "rules":
			return p.ruleMap(value, c.rules)
		case "select":
			c.Selection.HasSelect = !isNull(value)
			list, err := p.selectors(value)
			c.Selection.Select = list
			return err
		case "extend-select":
			list, err := p.selectors(value)
			c.Selection.Extend = list
			return err
		case "ignore":
			list, err := p.selectors(value)
			c.Selection.Ignore = list
			return err
		case "images":
			return p.imageList(value, c)
		case "ignore-paths":
			globs, err := p.globs(value)
			c.ignore = globs
			return err
		case "overrides":
			return p.overrides(value, c)
		case "fail-level":
			sev, err := p.severity(value, true)
			c.FailLevel = sev
			return err
		case "min-severity":
			sev, err := p.severity(value, false)
			c.MinSeverity = sev
			return err
		case "trusted-registries":
			list, err := p.stringList(value)
			c.TrustedRegistries = list
			return err
		case "label-schema":
			list, err := p.labelSchema(value)
			c.LabelSchema = list
			return err
		case "report-unused-ignores":
			b, err := p.boolean(value)
			c.ReportUnusedIgnores = &b
			return err
		case "docs":
			b, err := p.boolean(value)
			c.Docs = &b
			return err
		case "max-file-size":
			if value.Kind != yaml.ScalarNode || isNull(value) {
				return p.errorf(value, "max-file-size must be a size such as 4MiB, not %s", describeNode(value))
			}
			n, err := ParseFileSize(value.Value)
			if err != nil {
				return p.errorf(value, "max-file-size: %v", err)
			}
			c.MaxFileSize = n
			return nil
		}
		return p.errorf(key, "unknown key %q%s (want one of %s)", key.Value, didYouMean(key.Value, configKeys), strings.Join(configKeys, ", "))
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

// LoadConfig reads and parses a configuration file.
func LoadConfig(path string, pool []*rules.Rule) (*Config, error) {
	data, err := readFile(path, DefaultMaxFileSize)
	if err != nil {
		return nil, &FileError{Path: path, Msg: "cannot read configuration: " + err.Error()}
	}
	return ParseConfig(path, data, pool)
}

type configParser struct {
	path string
	pool []*rules.Rule
}

func (p *configParser) errorf(n *yaml.Node, format string, args ...any) error {
	return &FileError{Path: p.path, Line: n.Line, Col: n.Column, Msg: fmt.Sprintf(format, args...)}
}

var yamlLineRe = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

func (p *configParser) syntaxError(err error) error {
	msg := err.Error()
	if m := yamlLineRe.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return &FileError{Path: p.path, Line: line, Msg: "invalid YAML: " + m[2]}
	}
	return &FileError{Path: p.path, Msg: "invalid YAML: " + strings.TrimPrefix(msg, "yaml: ")}
}

// eachKey calls fn for each key of a mapping, rejecting duplicate keys and
// keys that are not plain strings.
func (p *configParser) eachKey(m *yaml.Node, fn func(key, value *yaml.Node) error) error {
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		key, value := deref(m.Content[i]), deref(m.Content[i+1])
		if key.Kind != yaml.ScalarNode {
			return p.errorf(key, "a key must be a name, not %s", describeNode(key))
		}
		if prev, dup := seen[key.Value]; dup {
			return p.errorf(key, "key %q is set twice (first at line %d)", key.Value, prev.Line)
		}
		seen[key.Value] = key
		if err := fn(key, value); err != nil {
			return err
		}
	}
	return nil
}

// ruleMap reads a `rules:` mapping into out, keyed by rule ID.
func (p *configParser) ruleMap(n *yaml.Node, out map[string]*ruleSetting) error {
	if isNull(n) {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		return p.errorf(n, "rules must be a mapping of rule IDs to off, on or a severity, not %s", describeNode(n))
	}
	where := map[string]*yaml.Node{}
	return p.eachKey(n, func(key, value *yaml.Node) error {
		// A peer code several rules have as an alias sets all of them.
		found := rules.LookupAlias(p.pool, key.Value)
		if len(found) == 0 {
			return p.errorf(key, "unknown rule %q%s (see 'dlint rules')", key.Value, didYouMean(key.Value, ruleNames(p.pool)))
		}
		for _, rule := range found {
			if prev := where[rule.ID]; prev != nil {
				return p.errorf(key, "rule %s is set twice (as %q at line %d)", rule.ID, prev.Value, prev.Line)
			}
			where[rule.ID] = key
			s, err := p.ruleSetting(rule, value)
			if err != nil {
				return err
			}
			out[rule.ID] = s
		}
		return nil
	})
}

// ruleSetting reads one rule's value: a level, or a mapping of `severity`
// and the rule's options.
func (p *configParser) ruleSetting(rule *rules.Rule, n *yaml.Node) (*ruleSetting, error) {
	s := &ruleSetting{}
	switch n.Kind {
	case yaml.ScalarNode:
		if isNull(n) {
			return nil, p.errorf(n, "rule %s has no value: want %s", rule.ID, strings.Join(ruleLevels, ", "))
		}
		return s, p.level(rule, n, s)
	case yaml.MappingNode:
		hasOptions := false
		err := p.eachKey(n, func(key, value *yaml.Node) error {
			if key.Value == "severity" {
				return p.level(rule, value, s)
			}
			hasOptions = true
			if rule.Options == nil {
				return p.errorf(key, "rule %s has no option %q: it takes only `severity` (%s)", rule.ID, key.Value, strings.Join(ruleLevels, ", "))
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		if hasOptions {
			// Decode once now so that every mistake is reported at load.
			opts := rule.Options()
			if err := p.decodeOptions(rule, n, opts); err != nil {
				return nil, err
			}
			if v, ok := opts.(optionsValidator); ok {
				if err := v.Validate(); err != nil {
					return nil, p.errorf(n, "rule %s: %v", rule.ID, err)
				}
			}
			s.options = n
		}
		return s, nil
	}
	return nil, p.errorf(n, "rule %s must be %s, or a mapping of severity and options, not %s", rule.ID, strings.Join(ruleLevels, ", "), describeNode(n))
}

func (p *configParser) level(rule *rules.Rule, n *yaml.Node, s *ruleSetting) error {
	if n.Kind == yaml.ScalarNode {
		switch strings.ToLower(n.Value) {
		case "off", "false":
			s.state = stateOff
			return nil
		case "on", "true":
			s.state = stateOn
			return nil
		}
		if sev, err := rules.ParseSeverity(n.Value); err == nil {
			s.state, s.severity = stateOn, sev
			return nil
		}
	}
	return p.errorf(n, "bad value %s for rule %s: want %s", describeValue(n), rule.ID, strings.Join(ruleLevels, ", "))
}

func (p *configParser) overrides(n *yaml.Node, c *Config) error {
	if isNull(n) {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		return p.errorf(n, "overrides must be a list of {files: [globs], rules: {…}} entries, not %s", describeNode(n))
	}
	for _, item := range n.Content {
		item = deref(item)
		if item.Kind != yaml.MappingNode {
			return p.errorf(item, "an overrides entry must be a mapping with files and rules, not %s", describeNode(item))
		}
		o := override{rules: map[string]*ruleSetting{}}
		hasFiles := false
		err := p.eachKey(item, func(key, value *yaml.Node) error {
			switch key.Value {
			case "files":
				hasFiles = true
				globs, err := p.globs(value)
				if err == nil && len(globs) == 0 {
					err = p.errorf(value, "files lists no glob: the entry would apply to nothing")
				}
				o.files = globs
				return err
			case "rules":
				return p.ruleMap(value, o.rules)
			}
			return p.errorf(key, "unknown key %q in an overrides entry (want files or rules)", key.Value)
		})
		if err != nil {
			return err
		}
		if !hasFiles {
			return p.errorf(item, "an overrides entry needs `files:`, the globs it applies to")
		}
		c.overrides = append(c.overrides, o)
	}
	return nil
}

func (p *configParser) stringList(n *yaml.Node) ([]string, error) {
	if isNull(n) {
		return nil, nil
	}
	if n.Kind != yaml.SequenceNode {
		return nil, p.errorf(n, "want a list of strings, not %s", describeNode(n))
	}
	var out []string
	for _, item := range n.Content {
		item = deref(item)
		if item.Kind != yaml.ScalarNode || isNull(item) || item.Value == "" {
			return nil, p.errorf(item, "want a non-empty string, not %s", describeNode(item))
		}
		out = append(out, item.Value)
	}
	return out, nil
}

// labelSchema reads `label-schema`: a mapping of label keys to value types.
func (p *configParser) labelSchema(n *yaml.Node) ([]rules.LabelSpec, error) {
	if isNull(n) {
		return nil, nil
	}
	if n.Kind != yaml.MappingNode {
		return nil, p.errorf(n, "label-schema must map label keys to value types (%s), not %s", rules.LabelTypeNames(), describeNode(n))
	}
	var out []rules.LabelSpec
	err := p.eachKey(n, func(key, value *yaml.Node) error {
		if value.Kind != yaml.ScalarNode || isNull(value) {
			return p.errorf(value, "label-schema: the type of %q must be one of %s, not %s", key.Value, rules.LabelTypeNames(), describeNode(value))
		}
		t, ok := rules.ParseLabelType(value.Value)
		if !ok {
			return p.errorf(value, "label-schema: unknown type %q for %q (want one of %s)", value.Value, key.Value, rules.LabelTypeNames())
		}
		out = append(out, rules.LabelSpec{Key: key.Value, Type: t})
		return nil
	})
	return out, err
}

// selectors reads a list of rule selectors (IDs, aliases, groups, tags,
// prefixes), each checked against the pool where it is written.
func (p *configParser) selectors(n *yaml.Node) ([]rules.Selector, error) {
	if isNull(n) {
		return nil, nil
	}
	if n.Kind != yaml.SequenceNode {
		return nil, p.errorf(n, "want a list of rule IDs, aliases, groups, tags or prefixes, not %s", describeNode(n))
	}
	var out []rules.Selector
	for _, item := range n.Content {
		item = deref(item)
		if item.Kind != yaml.ScalarNode || isNull(item) || item.Value == "" {
			return nil, p.errorf(item, "want a rule ID, alias, group, tag or prefix, not %s", describeNode(item))
		}
		sel, err := rules.ParseSelector(p.pool, item.Value)
		if err != nil {
			return nil, p.errorf(item, "%v", err)
		}
		out = append(out, sel)
	}
	return out, nil
}

func (p *configParser) globs(n *yaml.Node) ([]glob, error) {
	if isNull(n) {
		return nil, nil
	}
	if n.Kind != yaml.SequenceNode {
		return nil, p.errorf(n, "want a list of glob patterns, not %s", describeNode(n))
	}
	var out []glob
	for _, item := range n.Content {
		item = deref(item)
		if item.Kind != yaml.ScalarNode || isNull(item) || item.Value == "" {
			return nil, p.errorf(item, "want a glob pattern, not %s", describeNode(item))
		}
		g, err := compileGlob(item.Value)
		if err != nil {
			return nil, p.errorf(item, "bad glob %q: %v", item.Value, err)
		}
		out = append(out, g)
	}
	return out, nil
}

func (p *configParser) severity(n *yaml.Node, allowNone bool) (rules.Severity, error) {
	if n.Kind == yaml.ScalarNode {
		if allowNone && strings.EqualFold(n.Value, "none") {
			return NeverFail, nil
		}
		if sev, err := rules.ParseSeverity(n.Value); err == nil {
			return sev, nil
		}
	}
	want := "error, warning, info or style"
	if allowNone {
		want = "error, warning, info, style or none"
	}
	return 0, p.errorf(n, "bad severity %s: want %s", describeValue(n), want)
}

func (p *configParser) boolean(n *yaml.Node) (bool, error) {
	if n.Kind == yaml.ScalarNode {
		switch strings.ToLower(n.Value) {
		case "true":
			return true, nil
		case "false":
			return false, nil
		}
	}
	return false, p.errorf(n, "bad value %s: want true or false", describeValue(n))
}

// optionsValidator is an options struct that checks its own values (a
// port list, say) after decoding.
type optionsValidator interface{ Validate() error }

// optionField is one settable field of a rule's options struct.
type optionField struct {
	name  string // yaml key
	doc   string
	index []int
	typ   reflect.Type
}

// optionFields lists the fields of the struct that opts points to, keyed
// by their yaml tag (or lowercased name). Only
// strings, booleans, integers and lists of strings or integers are
// settable; other fields are skipped.
func optionFields(opts any) []optionField {
	t := reflect.TypeOf(opts)
	if t == nil || t.Kind() != reflect.Pointer || t.Elem().Kind() != reflect.Struct {
		return nil
	}
	t = t.Elem()
	var out []optionField
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		if !f.IsExported() || name == "-" || !settableOption(f.Type) {
			continue
		}
		out = append(out, optionField{name: name, doc: f.Tag.Get("doc"), index: f.Index, typ: f.Type})
	}
	return out
}

func settableOption(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.String, reflect.Bool, reflect.Int, reflect.Int64, reflect.Int32:
		return true
	case reflect.Slice:
		switch t.Elem().Kind() {
		case reflect.String, reflect.Int, reflect.Int64, reflect.Int32:
			return true
		}
	}
	return false
}

// decodeOptions sets the fields of opts from the keys of n (a rule's
// mapping; `severity` is skipped).
func (p *configParser) decodeOptions(rule *rules.Rule, n *yaml.Node, opts any) error {
	fields := optionFields(opts)
	v := reflect.ValueOf(opts).Elem()
	var names []string
	for _, f := range fields {
		names = append(names, f.name)
	}
	return p.eachKey(n, func(key, value *yaml.Node) error {
		if key.Value == "severity" {
			return nil
		}
		for _, f := range fields {
			if f.name == key.Value {
				return p.decodeValue(value, v.FieldByIndex(f.index), key.Value)
			}
		}
		return p.errorf(key, "rule %s has no option %q%s (want severity, %s)", rule.ID, key.Value, didYouMean(key.Value, names), strings.Join(names, ", "))
	})
}

func (p *configParser) decodeValue(n *yaml.Node, dst reflect.Value, name string) error {
	switch dst.Kind() {
	case reflect.Slice:
		if isNull(n) {
			dst.Set(reflect.MakeSlice(dst.Type(), 0, 0))
			return nil
		}
		if n.Kind != yaml.SequenceNode {
			return p.errorf(n, "%s must be a list, not %s", name, describeNode(n))
		}
		out := reflect.MakeSlice(dst.Type(), len(n.Content), len(n.Content))
		for i, item := range n.Content {
			if err := p.decodeValue(deref(item), out.Index(i), name+" item"); err != nil {
				return err
			}
		}
		dst.Set(out)
		return nil
	case reflect.String:
		if n.Kind != yaml.ScalarNode || isNull(n) {
			return p.errorf(n, "%s must be a string, not %s", name, describeNode(n))
		}
		dst.SetString(n.Value)
		return nil
	case reflect.Bool:
		b, err := p.boolean(n)
		if err != nil {
			return p.errorf(n, "%s must be true or false, not %s", name, describeValue(n))
		}
		dst.SetBool(b)
		return nil
	case reflect.Int, reflect.Int64, reflect.Int32:
		i, err := strconv.ParseInt(n.Value, 0, dst.Type().Bits())
		if n.Kind != yaml.ScalarNode || err != nil {
			return p.errorf(n, "%s must be an integer, not %s", name, describeValue(n))
		}
		dst.SetInt(i)
		return nil
	}
	return p.errorf(n, "%s cannot be set from .dlint.yaml", name)
}

func deref(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool {
	return n == nil || n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

func describeNode(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if isNull(n) {
			return "nothing"
		}
		return describeValue(n)
	}
	return "this node"
}

func describeValue(n *yaml.Node) string {
	if n.Kind != yaml.ScalarNode {
		return describeNode(n)
	}
	return strconv.Quote(n.Value)
}

func ruleNames(pool []*rules.Rule) []string {
	var out []string
	for _, r := range pool {
		out = append(out, r.ID)
	}
	return out
}

// didYouMean returns ` (did you mean "x"?)` when a candidate is one or two
// edits from name.
func didYouMean(name string, candidates []string) string {
	best := suggest.Closest(name, candidates)
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

// glob is a path pattern relative to a configuration file's directory.
// `*`, `?` and `[…]` match within one path element, `**` matches any number
// of elements. A pattern without a slash matches a name at any depth, as in
// .gitignore; a pattern that matches a directory covers everything in it.
type glob struct {
	pattern  string
	segs     []string
	anywhere bool
}

func compileGlob(pattern string) (glob, error) {
	p := filepath.ToSlash(strings.TrimSpace(pattern))
	p = strings.TrimPrefix(p, "./")
	anchored := strings.HasPrefix(p, "/")
	p = strings.Trim(p, "/")
	if p == "" || p == "." {
		return glob{}, fmt.Errorf("the pattern matches nothing")
	}
	g := glob{pattern: pattern, segs: strings.Split(p, "/")}
	g.anywhere = !anchored && len(g.segs) == 1
	for _, s := range g.segs {
		if strings.Contains(s, "**") && s != "**" {
			return glob{}, fmt.Errorf("`**` must be a whole path element, as in a/**/b")
		}
		if _, err := path.Match(s, ""); err != nil {
			return glob{}, fmt.Errorf("malformed pattern element %q", s)
		}
	}
	return g, nil
}

// match reports whether rel (a slash path relative to the config's
// directory) or one of its parent directories matches.
func (g glob) match(rel string) bool {
	parts := strings.Split(rel, "/")
	starts := 1
	if g.anywhere {
		starts = len(parts)
	}
	for i := 0; i < starts; i++ {
		for k := i + 1; k <= len(parts); k++ {
			if matchSegs(g.segs, parts[i:k]) {
				return true
			}
		}
	}
	return false
}

func matchSegs(pat, parts []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			pat = pat[1:]
			if len(pat) == 0 {
				return true
			}
			for i := 0; i <= len(parts); i++ {
				if matchSegs(pat, parts[i:]) {
					return true
				}
			}
			return false
		}
		if len(parts) == 0 {
			return false
		}
		if ok, _ := path.Match(pat[0], parts[0]); !ok {
			return false
		}
		pat, parts = pat[1:], parts[1:]
	}
	return len(parts) == 0
}

func matchAny(globs []glob, rel string) bool {
	for _, g := range globs {
		if g.match(rel) {
			return true
		}
	}
	return false
}

// relTo returns abs relative to dir, with slashes.
func relTo(dir, abs string) string {
	rel, err := filepath.Rel(dir, abs)
	if err != nil {
		return filepath.ToSlash(abs)
	}
	return filepath.ToSlash(rel)
}

// findConfigFile looks for a configuration file in dir. Two of them is an
// error: dlint would have to guess which one is meant.
func findConfigFile(dir string, exists func(dir, name string) bool) (string, error) {
	var found []string
	for _, name := range ConfigFileNames {
		if exists(dir, name) {
			found = append(found, filepath.Join(dir, name))
		}
	}
	if len(found) > 1 {
		return "", fmt.Errorf("both %s and %s exist; keep one", found[0], filepath.Base(found[1]))
	}
	if len(found) == 1 {
		return found[0], nil
	}
	return "", nil
}

// isRepoRoot reports whether dir holds a .git directory or file (a
// worktree or submodule).
func isRepoRoot(dir string, exists func(dir, name string) bool) bool {
	return exists(dir, ".git")
}

// fileExists reports whether dir/name exists; for a configuration file
// name it must not be a directory.
func fileExists(dir, name string) bool {
	info, err := os.Stat(filepath.Join(dir, name))
	return err == nil && (name == ".git" || !info.IsDir())
}

// sortedKeys returns a map's keys in order.
func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
