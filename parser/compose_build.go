package parser

import (
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/compose-spec/compose-go/v2/format"
	"github.com/compose-spec/compose-go/v2/paths"
	"github.com/compose-spec/compose-go/v2/types"
	"go.yaml.in/yaml/v3"
)

// build turns the loaded project into the model, placing each field at the
// node that wrote it.
func (l *composeLoader) build(proj *types.Project) *ComposeProject {
	p := &ComposeProject{Dir: l.dir}
	for _, f := range l.main {
		p.Files = append(p.Files, f.src)
		p.Stack = p.Stack || IsStackFileName(f.src.Path)
	}
	names := proj.ServiceNames()
	sort.Strings(names)
	l.views = map[string]*serviceView{}
	isService := map[string]bool{}
	for _, n := range names {
		isService[n] = true
	}
	for _, name := range names {
		svc := proj.Services[name]
		s := l.service(svc, isService)
		// A stack file's services, and a service on an overlay network,
		// run in a Swarm stack.
		s.ForSwarm = s.ForSwarm || p.Stack
		for net := range svc.Networks {
			if n, ok := proj.Networks[net]; ok && n.Driver == "overlay" {
				s.ForSwarm = true
			}
		}
		p.Services = append(p.Services, s)
	}
	// Included files are part of the project; files reached only through
	// extends.file are not (compose ignores their top-level keys).
	seen := map[*yamlFile]bool{}
	var versions func(f *yamlFile, depth int)
	versions = func(f *yamlFile, depth int) {
		if f == nil || seen[f] || depth > 10 {
			return
		}
		seen[f] = true
		if v := f.top("version"); v.found() && v.value.Kind == yaml.ScalarNode {
			p.Versions = append(p.Versions, &Item{Value: v.value.Value, Range: f.entryRange(v)})
		}
		for _, g := range l.includes(f) {
			for _, inc := range g {
				versions(inc, depth+1)
			}
		}
	}
	for _, f := range l.main {
		versions(f, 0)
	}
	for _, f := range l.order {
		if f == nil {
			continue
		}
		p.Sources = append(p.Sources, f.src)
		if f.legacy && len(f.docs) > 0 {
			if first := mapKeys(f.docs[0]); len(first) > 0 {
				p.Legacy = append(p.Legacy, &Item{Value: first[0].key.Value, Range: f.nodeRange(first[0].key)})
			}
		}
	}
	p.Secrets = l.secretFiles(proj)
	p.Problems = l.consistency(proj, p)
	p.Unset = l.unsetVariables()
	return p
}

// serviceView answers position questions about one service.
type serviceView struct {
	l    *composeLoader
	name string
	defs []svcDef
	home svcDef // the definition that declares the service
}

// lookup finds the definition that wins for key, and the entry there.
func (v *serviceView) lookup(key string) (svcDef, yamlEntry) {
	for _, d := range v.defs {
		e := mapGet(d.entry.value, key)
		if !e.found() && d.file.legacy {
			for old, to := range legacyKeys {
				if to == key {
					e = mapGet(d.entry.value, old)
				}
			}
		}
		if e.found() && e.value != nil && e.value.Tag != "!reset" {
			return d, e
		}
	}
	return svcDef{}, yamlEntry{}
}

// keyRange is the range of key's entry, or of the service's name when no
// file writes it (a default).
func (v *serviceView) keyRange(key string) Range {
	if d, e := v.lookup(key); e.found() {
		return d.file.entryRange(e)
	}
	return v.nameRange()
}

func (v *serviceView) nameRange() Range {
	if v.home.file == nil {
		return Range{File: v.l.main[0].src.Path, Start: Pos{1, 1}, End: Pos{1, 2}}
	}
	return v.home.file.nodeRange(v.home.entry.key)
}

// item returns key's value as an Item, or nil when value is empty.
func (v *serviceView) item(key, value string) *Item {
	if value == "" {
		return nil
	}
	return &Item{Value: value, Range: v.keyRange(key)}
}

// rawItem is one item of a list as written in one file.
type rawItem struct {
	file *yamlFile
	node *yaml.Node
	text string // the interpolated scalar; "" for a mapping
}

// listItems returns the items written for a list key in merge order (the
// base files first, the winning file last).
func (v *serviceView) listItems(key string) []rawItem {
	var out []rawItem
	for i := len(v.defs) - 1; i >= 0; i-- {
		d := v.defs[i]
		e := mapGet(d.entry.value, key)
		if !e.found() {
			continue
		}
		for _, n := range seqItems(e.value) {
			it := rawItem{file: d.file, node: n}
			if n.Kind == yaml.ScalarNode {
				it.text = d.file.interpolate(n.Value)
			}
			out = append(out, it)
		}
	}
	return out
}

// field returns a long-syntax item's interpolated field.
func (it rawItem) field(name string) string {
	if e := mapGet(it.node, name); e.found() && e.value.Kind == yaml.ScalarNode {
		return it.file.interpolate(e.value.Value)
	}
	return ""
}

func (it rawItem) rng() Range { return it.file.nodeRange(it.node) }

// matchItem places a loaded list value at the last raw item (the one that
// wins) whose key equals key(value).
func (v *serviceView) matchItem(items []rawItem, listKey string, want string, key func(rawItem) string) Range {
	for i := len(items) - 1; i >= 0; i-- {
		if key(items[i]) == want {
			return items[i].rng()
		}
	}
	return v.keyRange(listKey)
}

func textKey(it rawItem) string { return it.text }

// deviceSource is the host side of a `devices:` item.
func deviceSource(it rawItem) string {
	if it.node.Kind == yaml.MappingNode {
		return it.field("source")
	}
	src, _, _ := strings.Cut(it.text, ":")
	return src
}

func (l *composeLoader) service(svc types.ServiceConfig, isService map[string]bool) *Service {
	v := &serviceView{l: l, name: svc.Name, defs: l.serviceDefs(svc.Name)}
	for i := len(v.defs) - 1; i >= 0; i-- {
		if !v.defs[i].viaExtends {
			v.home = v.defs[i]
			break
		}
	}
	if v.home.file == nil && len(v.defs) > 0 {
		v.home = v.defs[0]
	}
	l.views[svc.Name] = v
	s := &Service{Name: svc.Name, Range: v.nameRange(), Namespaces: map[string]*Item{}}
	s.Image = v.item("image", svc.Image)
	s.User = v.item("user", svc.User)
	if svc.Privileged {
		s.Privileged = v.item("privileged", "true")
	}
	if it := v.item("stop_signal", svc.StopSignal); it != nil {
		s.StopSignal = newStopSignal(it.Value, it.Value, !strings.Contains(it.Value, "$"), it.Range)
	}
	if svc.Init != nil {
		b := *svc.Init
		s.Init = &b
		s.InitRange = v.keyRange("init")
	}
	for _, ns := range []struct{ key, value string }{
		{"network_mode", svc.NetworkMode}, {"pid", svc.Pid}, {"ipc", svc.Ipc},
		{"userns_mode", svc.UserNSMode}, {"uts", svc.Uts}, {"cgroup", svc.Cgroup},
	} {
		if it := v.item(ns.key, ns.value); it != nil {
			s.Namespaces[ns.key] = it
		}
	}
	capItems := v.listItems("cap_add")
	for _, c := range svc.CapAdd {
		s.CapAdd = append(s.CapAdd, &Item{Value: c, Range: v.matchItem(capItems, "cap_add", c, textKey)})
	}
	s.GroupAdd = append(s.GroupAdd, svc.GroupAdd...)
	optItems := v.listItems("security_opt")
	for _, o := range svc.SecurityOpt {
		s.SecurityOpt = append(s.SecurityOpt, &Item{Value: o, Range: v.matchItem(optItems, "security_opt", o, textKey)})
	}
	s.Build = v.build(svc)
	s.Entrypoint = v.execSpec("entrypoint", svc.Entrypoint)
	s.Command = v.execSpec("command", svc.Command)
	s.Ports = v.ports(svc.Ports)
	s.Expose = v.expose(svc.Expose)
	s.Volumes = v.volumes(svc.Volumes)
	devItems := v.listItems("devices")
	for _, d := range svc.Devices {
		s.Devices = append(s.Devices, &Item{Value: d.Source, Range: v.matchItem(devItems, "devices", d.Source, deviceSource)})
	}
	s.EnvHosts = envHosts(svc, isService)
	s.Connected = connected(svc, isService, s.EnvHosts)
	s.Profiles = append([]string(nil), svc.Profiles...)
	s.Replicas, s.ReplicasRange = v.replicas(svc)
	s.ForSwarm = forSwarm(svc.Deploy)
	v.facts(s, svc)
	return s
}

// IsStackFileName reports whether a file's name says it is a Swarm stack
// file, for `docker stack deploy -c`: docker-stack.yml, docker-stack.prod.yml,
// docker-prod-stack.yml.
func IsStackFileName(path string) bool {
	name := strings.ToLower(filepath.Base(path))
	stem := strings.TrimSuffix(name, filepath.Ext(name))
	return strings.HasPrefix(stem, "docker-stack") || strings.HasPrefix(stem, "docker-") && strings.HasSuffix(stem, "-stack")
}

// forSwarm reports whether a deploy section uses keys that docker compose
// ignores and only Swarm reads.
func forSwarm(d *types.DeployConfig) bool {
	if d == nil {
		return false
	}
	p := d.Placement
	return len(p.Constraints) > 0 || len(p.Preferences) > 0 || p.MaxReplicas > 0 || len(d.Labels) > 0 ||
		d.UpdateConfig != nil || d.RollbackConfig != nil || d.EndpointMode != "" ||
		strings.HasPrefix(d.Mode, "global")
}

// replicas is compose-go's container count for the service and the entry
// that sets it: `scale:` when written, else `deploy.replicas:`.
func (v *serviceView) replicas(svc types.ServiceConfig) (int, Range) {
	n := svc.GetScale()
	switch {
	case svc.Scale != nil:
		if d, e := v.lookup("scale"); e.found() {
			return n, d.file.entryRange(e)
		}
	case svc.Deploy != nil && svc.Deploy.Replicas != nil:
		// deploy is merged key by key: the winning replicas may sit in a
		// file whose deploy section sets nothing else.
		for _, d := range v.defs {
			deploy := mapGet(d.entry.value, "deploy")
			if !deploy.found() {
				continue
			}
			if e := mapGet(deploy.value, "replicas"); e.found() && e.value != nil && e.value.Tag != "!reset" {
				return n, d.file.entryRange(e)
			}
		}
	default:
		return n, Range{}
	}
	return n, v.nameRange()
}

func (v *serviceView) build(svc types.ServiceConfig) *Build {
	if svc.Build == nil {
		return nil
	}
	b := &Build{Inline: svc.Build.DockerfileInline, Target: svc.Build.Target, Range: v.keyRange("build")}
	if ctx := svc.Build.Context; localContext(ctx) {
		b.Context = v.l.hostPath(ctx)
		if b.Inline == "" {
			df := svc.Build.Dockerfile
			if df == "" {
				df = "Dockerfile"
			}
			b.Dockerfile = absJoin(b.Context, df)
		}
	}
	d, e := v.lookup("build")
	if e.found() && e.value.Kind == yaml.MappingNode {
		if t := mapGet(e.value, "target"); t.found() {
			b.TargetRange = d.file.entryRange(t)
		}
		if in := mapGet(e.value, "dockerfile_inline"); in.found() && b.Inline != "" {
			b.inline = &inlineDockerfile{file: d.file, key: in.key, value: in.value, service: v.name}
		}
	}
	if svc.Build.Network != "" {
		b.Network = &Item{Value: svc.Build.Network, Range: v.buildKeyRange("network")}
	}
	if svc.Build.Privileged {
		b.Privileged = &Item{Value: "true", Range: v.buildKeyRange("privileged")}
	}
	ents := v.buildListItems("entitlements")
	for _, en := range svc.Build.Entitlements {
		b.Entitlements = append(b.Entitlements, &Item{Value: en, Range: v.matchItem(ents, "build", en, textKey)})
	}
	b.Args = v.buildArgs(svc.Build.Args)
	b.Contexts = sortedKeys(svc.Build.AdditionalContexts)
	return b
}

// buildEntry finds key in the build mappings of the service's
// definitions, the winning one first.
func (v *serviceView) buildEntry(key string) (*yamlFile, yamlEntry) {
	for _, d := range v.defs {
		bld := mapGet(d.entry.value, "build")
		if !bld.found() || bld.value == nil || bld.value.Kind != yaml.MappingNode {
			continue
		}
		if e := mapGet(bld.value, key); e.found() && e.value != nil && e.value.Tag != "!reset" {
			return d.file, e
		}
	}
	return nil, yamlEntry{}
}

func (v *serviceView) buildKeyRange(key string) Range {
	if f, e := v.buildEntry(key); f != nil {
		return f.entryRange(e)
	}
	return v.keyRange("build")
}

// buildListItems returns the items of a list under build, as listItems.
func (v *serviceView) buildListItems(key string) []rawItem {
	f, e := v.buildEntry(key)
	if f == nil {
		return nil
	}
	var out []rawItem
	for _, n := range seqItems(e.value) {
		it := rawItem{file: f, node: n}
		if n.Kind == yaml.ScalarNode {
			it.text = f.interpolate(n.Value)
		}
		out = append(out, it)
	}
	return out
}

// buildArgs places each build argument at the entry that writes it and
// tells whether the value is written out or taken from a variable.
func (v *serviceView) buildArgs(args types.MappingWithEquals) []*BuildArg {
	if len(args) == 0 {
		return nil
	}
	f, e := v.buildEntry("args")
	var out []*BuildArg
	seen := map[string]bool{}
	add := func(name, raw string, r Range) {
		val, ok := args[name]
		if !ok || seen[name] {
			return
		}
		seen[name] = true
		ba := &BuildArg{Name: name, Range: r}
		if val != nil {
			ba.Value = *val
			ba.Literal = raw != "" && !strings.Contains(raw, "$")
		}
		out = append(out, ba)
	}
	if f != nil {
		switch e.value.Kind {
		case yaml.MappingNode:
			for _, kv := range mapKeys(e.value) {
				raw := ""
				if kv.value != nil && kv.value.Kind == yaml.ScalarNode {
					raw = kv.value.Value
				}
				add(kv.key.Value, raw, f.entryRange(kv))
			}
		case yaml.SequenceNode:
			for _, n := range seqItems(e.value) {
				name, raw, _ := strings.Cut(n.Value, "=")
				add(name, raw, f.nodeRange(n))
			}
		}
	}
	names := make([]string, 0, len(args))
	for name := range args {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		add(name, "", v.keyRange("build"))
	}
	return out
}

// execSpec places a compose command or entrypoint: each word of the argv
// at the list item or the part of the string that holds it.
func (v *serviceView) execSpec(key string, argv types.ShellCommand) *ExecSpec {
	if argv == nil {
		return nil
	}
	d, e := v.lookup(key)
	if !e.found() {
		r := v.nameRange()
		return &ExecSpec{Exec: true, Argv: argv, Range: r, Script: ExecFormScript(v.l.main[0].src, argv, sameRanges(r, len(argv)), nil)}
	}
	f := d.file
	spec := &ExecSpec{Exec: true, Argv: []string(argv), Range: f.nodeRange(e.value)}
	words := make([]Range, len(argv))
	var inline func(i int) PosMapper
	items := seqItems(e.value)
	switch {
	case e.value.Kind == yaml.SequenceNode && len(items) == len(argv):
		for i, n := range items {
			words[i] = f.nodeRange(n)
		}
		inline = func(i int) PosMapper {
			n := items[i]
			col := n.Column
			if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
				col++
			}
			line := n.Line
			if n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
				line, col = n.Line+1, 1
			}
			return textMapper(f.src, line, col, argv[i])
		}
	case e.value.Kind == yaml.ScalarNode:
		// A string is split into words as a shell would, without running
		// one; find each word in the text in turn.
		line, col := e.value.Line, e.value.Column
		if e.value.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
			line, col = line+1, 1
		}
		starts := make([]Pos, len(argv))
		for i, w := range argv {
			words[i] = spec.Range
			starts[i] = spec.Range.Start
			first, _, _ := strings.Cut(w, "\n")
			for n := line; n <= f.src.LineCount() && n <= line+20 && first != ""; n++ {
				from := 1
				if n == line {
					from = col
				}
				if r, ok := f.src.FindInLine(n, from, first); ok {
					words[i], starts[i] = r, r.Start
					if !strings.Contains(w, "\n") {
						line, col = r.End.Line, r.End.Col
					} else {
						line, col = n, r.Start.Col
					}
					break
				}
			}
		}
		inline = func(i int) PosMapper {
			return textMapper(f.src, starts[i].Line, starts[i].Col, argv[i])
		}
	default:
		copy(words, sameRanges(spec.Range, len(argv)))
	}
	spec.Script = ExecFormScript(f.src, argv, words, inline)
	return spec
}

func sameRanges(r Range, n int) []Range {
	out := make([]Range, n)
	for i := range out {
		out[i] = r
	}
	return out
}

// ports keeps one entry per `ports:` item, as written, and checks it
// against what compose loaded: compose expands a range into one entry per
// port and drops the items an override resets.
func (v *serviceView) ports(loaded []types.ServicePortConfig) []*PublishedPort {
	items := v.listItems("ports")
	// Compose keeps one item per distinct text: the last one, at the place
	// of the first.
	var uniq []rawItem
	at := map[string]int{}
	for _, it := range items {
		key := it.text
		if it.node.Kind == yaml.MappingNode {
			key = fmt.Sprintf("%s:%s:%s/%s", it.field("host_ip"), it.field("published"), it.field("target"), it.field("protocol"))
		}
		if i, ok := at[key]; ok {
			uniq[i] = it
			continue
		}
		at[key] = len(uniq)
		uniq = append(uniq, it)
	}
	used := make([]bool, len(loaded))
	// The loaded entries by their normalised form: a range of 65535 ports
	// must not be matched entry by entry.
	byPort := map[portKey][]int{}
	for i, got := range loaded {
		k := normPort(got)
		byPort[k] = append(byPort[k], i)
	}
	take := func(want types.ServicePortConfig) bool {
		k := normPort(want)
		for len(byPort[k]) > 0 {
			i := byPort[k][0]
			byPort[k] = byPort[k][1:]
			if !used[i] {
				used[i] = true
				return true
			}
		}
		return false
	}
	var out []*PublishedPort
	for _, it := range uniq {
		p := &PublishedPort{Range: it.rng()}
		var expanded []types.ServicePortConfig
		switch it.node.Kind {
		case yaml.ScalarNode:
			p.Raw = it.text
			p.Written, p.Plain = it.node.Value, it.node.Style == 0
			p.Spec, p.Err = ParsePortMapping(it.text)
			var cerr error
			expanded, cerr = types.ParsePortConfig(it.text)
			if cerr != nil {
				if p.Err == nil {
					p.Err = fmt.Errorf("%q: %s", it.text, lowerFirst(cerr.Error()))
				}
				out = append(out, p)
				continue
			}
		case yaml.MappingNode:
			target, terr := strconv.Atoi(it.field("target"))
			p.Spec, p.Err = ParseLongPort(target, it.field("published"), it.field("host_ip"), it.field("protocol"))
			if terr != nil && p.Err == nil {
				p.Err = fmt.Errorf("target %q is not a port number", it.field("target"))
			}
			expanded = []types.ServicePortConfig{{
				HostIP: it.field("host_ip"), Published: it.field("published"), Protocol: it.field("protocol"),
				Mode: it.field("mode"), Target: uint32(max(0, target)),
			}}
		default:
			continue
		}
		matched := 0
		for _, want := range expanded {
			if take(want) {
				matched++
			}
		}
		if matched > 0 || p.Err != nil {
			out = append(out, p)
		}
	}
	// Entries no item explains (defensive: compose changed its rules).
	for i, got := range loaded {
		if used[i] {
			continue
		}
		p := &PublishedPort{Range: v.keyRange("ports")}
		p.Raw = portString(got)
		p.Spec, p.Err = ParsePortMapping(p.Raw)
		out = append(out, p)
	}
	return out
}

// normPort keeps the fields that identify a port, with compose's
// defaults, so that equal ports are equal values.
func normPort(p types.ServicePortConfig) portKey {
	if p.Protocol == "" {
		p.Protocol = "tcp"
	}
	p.Protocol = strings.ToLower(p.Protocol)
	if p.Mode == "" {
		p.Mode = "ingress"
	}
	return portKey{hostIP: strings.Trim(p.HostIP, "[]"), target: p.Target, published: p.Published, protocol: p.Protocol, mode: p.Mode}
}

type portKey struct {
	hostIP, published, protocol, mode string
	target                            uint32
}

// portString writes a loaded port in the short syntax.
func portString(p types.ServicePortConfig) string {
	s := strconv.Itoa(int(p.Target))
	if p.Published != "" || p.HostIP != "" {
		s = p.Published + ":" + s
	}
	if p.HostIP != "" {
		ip := p.HostIP
		if strings.Contains(ip, ":") {
			ip = "[" + ip + "]"
		}
		s = ip + ":" + s
	}
	if p.Protocol != "" && p.Protocol != "tcp" {
		s += "/" + p.Protocol
	}
	return s
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

func (v *serviceView) expose(loaded types.StringOrNumberList) []*ExposedPort {
	items := v.listItems("expose")
	var out []*ExposedPort
	for _, value := range loaded {
		p := &ExposedPort{Raw: value, Value: value, Range: v.keyRange("expose")}
		for i := len(items) - 1; i >= 0; i-- {
			if items[i].text == value {
				p.Raw, p.Range = items[i].node.Value, items[i].rng()
				break
			}
		}
		p.Spec, p.Err = ParseExposePort(value)
		out = append(out, p)
	}
	return out
}

func (v *serviceView) volumes(loaded []types.ServiceVolumeConfig) []*Mount {
	items := v.listItems("volumes")
	target := func(it rawItem) string {
		if it.node.Kind == yaml.MappingNode {
			return it.field("target")
		}
		if vol, err := format.ParseVolume(it.text); err == nil {
			return vol.Target
		}
		return ""
	}
	var out []*Mount
	for _, vol := range loaded {
		source := vol.Source
		if vol.Type == types.VolumeTypeBind {
			source = v.l.hostPath(source)
		}
		out = append(out, &Mount{
			Type: vol.Type, Source: source, Target: vol.Target, ReadOnly: vol.ReadOnly,
			Range: v.matchItem(items, "volumes", vol.Target, target),
		})
	}
	// Items left out of the load because an unset variable makes them
	// invalid: their host side is not known.
	for _, it := range items {
		if _, ok := v.l.dropped[itemKey{it.file.abs, it.node.Line, it.node.Column}]; ok && it.file.blankOnly(it.node.Value) {
			m := &Mount{Range: it.rng(), Unresolved: true}
			if parts := strings.Split(it.text, ":"); len(parts) >= 2 {
				m.Target = parts[1]
			}
			out = append(out, m)
		}
	}
	return out
}

// connected lists the services svc talks to: depends_on, links,
// `network_mode: service:x`, and services an environment value names as a
// host.
func connected(svc types.ServiceConfig, isService map[string]bool, envHosts []string) []string {
	set := map[string]bool{}
	add := func(n string) {
		if isService[n] && n != svc.Name {
			set[n] = true
		}
	}
	for dep := range svc.DependsOn {
		add(dep)
	}
	for _, link := range svc.Links {
		name, _, _ := strings.Cut(link, ":")
		add(name)
	}
	if rest, ok := strings.CutPrefix(svc.NetworkMode, "service:"); ok {
		add(rest)
	}
	for _, n := range envHosts {
		add(n)
	}
	return sortedKeys(set)
}

// envHosts lists the other services the service's environment values name
// as a word (`DATABASE_URL=postgres://db:5432/x`, `DB_HOST=db`), sorted.
func envHosts(svc types.ServiceConfig, isService map[string]bool) []string {
	set := map[string]bool{}
	for _, value := range svc.Environment {
		if value == nil {
			continue
		}
		for _, word := range strings.FieldsFunc(*value, func(r rune) bool {
			return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.')
		}) {
			if isService[word] && word != svc.Name {
				set[word] = true
			}
		}
	}
	return sortedKeys(set)
}

// inlineDockerfile is where a dockerfile_inline is written.
type inlineDockerfile struct {
	file       *yamlFile
	key, value *yaml.Node
	service    string
}

// ParseInline parses the build's dockerfile_inline. When it is written as
// a literal block (`dockerfile_inline: |`), positions are those of the
// compose file; otherwise the Dockerfile is named
// `<compose file>#services.<name>.build.dockerfile_inline` and positions
// count from its own first line.
func (b *Build) ParseInline() (*Dockerfile, error) {
	if b.Inline == "" {
		return nil, nil
	}
	in := b.inline
	if in == nil {
		return ParseDockerfile("dockerfile_inline", []byte(b.Inline))
	}
	if text, ok := in.inPlace(b.Inline); ok {
		return ParseDockerfile(in.file.src.Path, []byte(text))
	}
	return ParseDockerfile(in.syntheticPath(), []byte(b.Inline))
}

// InlineSource is the source of a dockerfile_inline that could not be
// placed in the compose file (see ParseInline), or nil.
func (b *Build) InlineSource() *Source {
	if b.inline == nil || b.Inline == "" {
		return nil
	}
	if _, ok := b.inline.inPlace(b.Inline); ok {
		return nil
	}
	return NewSource(b.inline.syntheticPath(), []byte(b.Inline))
}

func (in *inlineDockerfile) syntheticPath() string {
	return fmt.Sprintf("%s#services.%s.build.dockerfile_inline", in.file.src.Path, in.service)
}

// inPlace lays the Dockerfile text out on the lines of the literal block
// that holds it: blank lines before, each line at its own indentation, so
// that buildkit's line numbers and dlint's columns are the compose file's.
func (in *inlineDockerfile) inPlace(text string) (string, bool) {
	v := in.value
	// A heredoc's body and terminator must start their lines as written:
	// indented in place, `EOT` would not end it. Such a Dockerfile is
	// parsed as the string it is, at a path of its own.
	if v.Style&yaml.LiteralStyle == 0 || strings.Contains(text, "<<") {
		return "", false
	}
	raw := strings.Split(strings.TrimRight(v.Value, "\n"), "\n")
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	if len(raw) != len(lines) {
		return "", false
	}
	src := in.file.src
	var sb strings.Builder
	sb.WriteString(strings.Repeat("\n", v.Line))
	indent := -1
	for i, r := range raw {
		line := src.Line(v.Line + 1 + i)
		if strings.TrimSpace(r) == "" {
			if strings.TrimSpace(line) != "" {
				return "", false
			}
			sb.WriteString("\n")
			continue
		}
		if indent < 0 {
			indent = len(line) - len(strings.TrimLeft(line, " "))
		}
		if len(line) < indent || line[indent:] != r {
			return "", false
		}
		sb.WriteString(line[:indent] + lines[i] + "\n")
	}
	return sb.String(), true
}

// localContext reports whether a build context is a directory on this
// machine, not a Git or HTTP URL, a `service:` or another builder-specific
// context, as compose-go judges it.
func localContext(ctx string) bool {
	if ctx == "" || strings.Contains(ctx, "://") || strings.HasPrefix(ctx, types.ServicePrefix) {
		return false
	}
	return !strings.HasPrefix(ctx, "github.com/") && !strings.HasPrefix(ctx, "git@")
}

// hostPath resolves a path on the host as compose does: `~` is the user's
// home, and a relative path is taken from the project directory (compose-go
// has already rebased those of extended and included files). A Windows
// path is left as written.
func (l *composeLoader) hostPath(p string) string {
	if p == "" || isWindowsPath(p) {
		return p
	}
	return absJoin(l.absDir, paths.ExpandUser(p))
}

// isWindowsPath reports a drive-letter path such as C:\data or C:/data.
func isWindowsPath(p string) bool {
	return len(p) >= 3 && p[1] == ':' && (p[2] == '\\' || p[2] == '/') &&
		(p[0] >= 'A' && p[0] <= 'Z' || p[0] >= 'a' && p[0] <= 'z')
}
