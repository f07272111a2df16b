package parser

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/compose-spec/compose-go/v2/types"
	"go.yaml.in/yaml/v3"
)

// facts fills the fields of s that the correctness and hardening rules
// read: names, restart and pull policies, dependencies, environment,
// env files, healthcheck and limits.
func (v *serviceView) facts(s *Service, svc types.ServiceConfig) {
	s.ContainerName = v.item("container_name", svc.ContainerName)
	s.Restart = v.item("restart", svc.Restart)
	s.PullPolicy = v.item("pull_policy", svc.PullPolicy)
	if svc.ReadOnly {
		s.ReadOnly = v.item("read_only", "true")
	}
	dropItems := v.listItems("cap_drop")
	for _, c := range svc.CapDrop {
		s.CapDrop = append(s.CapDrop, &Item{Value: c, Range: v.matchItem(dropItems, "cap_drop", c, textKey)})
	}
	if hc := svc.HealthCheck; hc != nil {
		disabled := hc.Disable || len(hc.Test) > 0 && hc.Test[0] == "NONE"
		s.Healthcheck = &Healthcheck{Disabled: disabled, Range: v.keyRange("healthcheck")}
	}
	for _, name := range sortedKeys(svc.DependsOn) {
		d := svc.DependsOn[name]
		via, r, explicit := v.dependencyPlace(name)
		s.DependsOn = append(s.DependsOn, &Dependency{Service: name, Condition: d.Condition, ConditionWritten: explicit, Required: d.Required, Via: via, Range: r})
	}
	s.Environment = v.envVars([]string{"environment"}, svc.Environment)
	for _, ef := range svc.EnvFiles {
		r, unresolved := v.envFileRange(ef.Path)
		ref := &FileRef{Path: v.l.hostPath(ef.Path), Required: bool(ef.Required), Unresolved: unresolved, Range: r}
		ref.Missing = !unresolved && missingFile(ref.Path)
		s.EnvFiles = append(s.EnvFiles, ref)
	}
	s.Limits = map[string]bool{}
	var lim *types.Resource
	if svc.Deploy != nil && svc.Deploy.Resources.Limits != nil {
		lim = svc.Deploy.Resources.Limits
	}
	if svc.MemLimit > 0 || lim != nil && lim.MemoryBytes > 0 {
		s.Limits["mem_limit"] = true
	}
	if svc.PidsLimit > 0 || lim != nil && lim.Pids > 0 {
		s.Limits["pids_limit"] = true
	}
	if svc.CPUS > 0 || svc.CPUQuota > 0 || lim != nil && lim.NanoCPUs > 0 {
		s.Limits["cpus"] = true
	}
}

// dependencyPlace finds the entry that makes the service depend on dep:
// its depends_on entry, else the links or volumes_from item or the
// `service:` namespace key compose turns into a dependency. explicit is
// set when the entry writes its condition (also through a merge key).
func (v *serviceView) dependencyPlace(dep string) (via string, r Range, explicit bool) {
	if d, e := v.lookup("depends_on"); e.found() {
		switch e.value.Kind {
		case yaml.MappingNode:
			if se := mapGet(e.value, dep); se.found() {
				return "depends_on", d.file.nodeRange(se.key), mapGet(se.value, "condition").found()
			}
		case yaml.SequenceNode:
			for _, item := range seqItems(e.value) {
				if item.Kind == yaml.ScalarNode && d.file.interpolate(item.Value) == dep {
					return "depends_on", d.file.nodeRange(item), false
				}
			}
		}
	}
	for _, key := range []string{"links", "volumes_from"} {
		items := v.listItems(key)
		for i := len(items) - 1; i >= 0; i-- {
			name, _, _ := strings.Cut(items[i].text, ":")
			if name == dep && !strings.HasPrefix(items[i].text, types.ContainerPrefix) {
				return key, items[i].rng(), false
			}
		}
	}
	for _, key := range []string{"network_mode", "ipc", "pid", "uts", "cgroup"} {
		if d, e := v.lookup(key); e.found() && e.value.Kind == yaml.ScalarNode && d.file.interpolate(e.value.Value) == types.ServicePrefix+dep {
			return key, d.file.entryRange(e), false
		}
	}
	return "depends_on", v.keyRange("depends_on"), false
}

// envVars places the loaded variables of a mapping-or-list key (path,
// such as `environment`) at the entry that wins for each name.
func (v *serviceView) envVars(path []string, loaded types.MappingWithEquals) []*EnvVar {
	var out []*EnvVar
	for _, name := range sortedKeys(loaded) {
		ev := &EnvVar{Name: name, Range: v.keyRange(path[0])}
		if val := loaded[name]; val != nil {
			ev.Value = *val
		} else {
			ev.Unset = true
		}
		ev.Raw, ev.Literal = ev.Value, true
		if f, node, raw, written, ok := v.envEntry(path, name); ok {
			ev.Range = f.nodeRange(node.key)
			ev.Raw = raw
			ev.Comment = lineComment(node.key, node.value)
			if val := node.value; val != nil && val.Kind == yaml.ScalarNode && val.Style == 0 && val.Tag != "!!str" && val.Tag != "!!null" {
				ev.Typed, ev.ValueRange = val.Tag, f.nodeRange(val)
			}
			// A name without a value takes it from the shell or .env.
			ev.Literal = written && !holdsReference(raw)
		}
		out = append(out, ev)
	}
	return out
}

// envEntry finds the entry for name under path in the definition that
// wins, its value as written, and whether a value is written at all.
func (v *serviceView) envEntry(path []string, name string) (*yamlFile, yamlEntry, string, bool, bool) {
	for _, d := range v.defs {
		n := d.entry.value
		for _, k := range path {
			e := mapGet(n, k)
			if !e.found() {
				n = nil
				break
			}
			n = e.value
		}
		if n == nil {
			continue
		}
		switch n.Kind {
		case yaml.MappingNode:
			if e := mapGet(n, name); e.found() {
				if e.value != nil && e.value.Kind == yaml.ScalarNode && e.value.Tag != "!!null" {
					return d.file, e, e.value.Value, true, true
				}
				return d.file, e, "", false, true
			}
		case yaml.SequenceNode:
			items := seqItems(n)
			for i := len(items) - 1; i >= 0; i-- {
				it := items[i]
				if it.Kind != yaml.ScalarNode {
					continue
				}
				k, raw, written := strings.Cut(it.Value, "=")
				if d.file.interpolate(k) == name {
					return d.file, yamlEntry{key: it}, raw, written, true
				}
			}
		}
	}
	return nil, yamlEntry{}, "", false, false
}

// holdsReference reports whether a raw compose value uses a variable
// (`${DB_PASSWORD}`, `$DB_PASSWORD`); `$$` is a literal dollar.
func holdsReference(raw string) bool {
	s := strings.ReplaceAll(raw, "$$", "")
	for i := 0; i+1 < len(s); i++ {
		if s[i] != '$' {
			continue
		}
		c := s[i+1]
		if c == '{' || c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			return true
		}
	}
	return false
}

// envFileRange places a loaded env_file path at the item that names it,
// and tells whether the item uses a variable nothing sets.
func (v *serviceView) envFileRange(loaded string) (Range, bool) {
	d, e := v.lookup("env_file")
	if !e.found() {
		return v.nameRange(), false
	}
	want := filepath.ToSlash(filepath.Clean(loaded))
	matches := func(text string) bool {
		got := filepath.ToSlash(filepath.Clean(text))
		return got == want || strings.HasSuffix(want, "/"+strings.TrimPrefix(got, "./"))
	}
	for _, defn := range v.defs {
		ee := mapGet(defn.entry.value, "env_file")
		if !ee.found() {
			continue
		}
		if ee.value.Kind == yaml.ScalarNode && matches(defn.file.interpolate(ee.value.Value)) {
			return defn.file.entryRange(ee), defn.file.blankOnly(ee.value.Value)
		}
		for _, item := range seqItems(ee.value) {
			it := rawItem{file: defn.file, node: item}
			text, raw := "", ""
			switch item.Kind {
			case yaml.ScalarNode:
				text, raw = defn.file.interpolate(item.Value), item.Value
			case yaml.MappingNode:
				text = it.field("path")
				if p := mapGet(item, "path"); p.found() && p.value.Kind == yaml.ScalarNode {
					raw = p.value.Value
				}
			}
			if text != "" && matches(text) {
				return it.rng(), defn.file.blankOnly(raw)
			}
		}
	}
	return d.file.entryRange(e), false
}

// secretFiles lists the top-level secrets read from a file.
func (l *composeLoader) secretFiles(proj *types.Project) []*FileRef {
	var out []*FileRef
	names := make([]string, 0, len(proj.Secrets))
	for n := range proj.Secrets {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		sec := proj.Secrets[n]
		if sec.File == "" || bool(sec.External) {
			continue
		}
		r, unresolved := l.topFieldRange("secrets", n, "file")
		ref := &FileRef{Name: n, Path: l.hostPath(sec.File), Required: true, Unresolved: unresolved, Range: r}
		ref.Missing = !unresolved && missingFile(ref.Path)
		out = append(out, ref)
	}
	return out
}

// topFieldRange places a field of a top-level entry (`secrets.x.file`) in
// the first file that writes it, else the entry, and tells whether it
// uses a variable nothing sets.
func (l *composeLoader) topFieldRange(key, name, field string) (Range, bool) {
	for _, f := range l.order {
		if f == nil {
			continue
		}
		if top := f.top(key); top.found() {
			if e := mapGet(top.value, name); e.found() {
				if fe := mapGet(e.value, field); fe.found() {
					return f.entryRange(fe), fe.value != nil && f.blankOnly(fe.value.Value)
				}
			}
		}
	}
	return l.topRange(key, name), false
}

// lineComment is a node's comment at the end of its line, without `#`.
func lineComment(nodes ...*yaml.Node) string {
	for _, n := range nodes {
		if n != nil && n.LineComment != "" {
			return strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(n.LineComment), "#"))
		}
	}
	return ""
}

// missingFile reports whether nothing is at path (a file, a directory or
// a link); a Windows path on another system is not judged.
func missingFile(path string) bool {
	if path == "" || isWindowsPath(path) || !filepath.IsAbs(path) {
		return false
	}
	_, err := os.Lstat(path)
	return errors.Is(err, fs.ErrNotExist)
}
