package parser

import (
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/compose-spec/compose-go/v2/types"
	"go.yaml.in/yaml/v3"
)

// looksLikeOverride reports whether a compose file's name is that of an
// override or environment file layered on a base one
// (docker-compose.override.yml, compose.dev.yaml, docker-compose.prod.yml).
func looksLikeOverride(name string) bool {
	name = strings.ToLower(name)
	for _, prefix := range []string{"docker-compose.", "compose."} {
		if rest, ok := strings.CutPrefix(name, prefix); ok {
			rest = strings.TrimSuffix(strings.TrimSuffix(rest, ".yml"), ".yaml")
			return rest != "" && rest != "yml" && rest != "yaml"
		}
	}
	return false
}

// baseFileOf guesses the base file an override is merged onto:
// docker-compose.yml for docker-compose.*.yml, compose.yaml for
// compose.*.yaml, BASE.yaml for a name that says nothing.
func baseFileOf(override string) string {
	switch {
	case !looksLikeOverride(override):
		return "BASE.yaml"
	case strings.HasPrefix(strings.ToLower(override), "docker-compose."):
		return "docker-compose.yml"
	}
	return "compose.yaml"
}

// lackingImage lists the services with neither an image, a build nor a
// provider. In a project of one file, any such service marks the file as
// one written to be merged onto another with -f (authelia's test suites,
// a platform's overrides): what it leaves to that file (networks, volumes,
// dependencies) is not judged.
func (l *composeLoader) lackingImage(proj *types.Project, names []string) []string {
	var out []string
	for _, name := range names {
		s := proj.Services[name]
		if v := l.views[name]; s.Build == nil && s.Image == "" && s.Provider == nil && v != nil && !v.imageFromVariable() {
			out = append(out, name)
		}
	}
	return out
}

// imageFromVariable reports whether the service's `image:` is written
// with a variable (`image: ${IMAGE}`): unset, it leaves the image blank,
// which unset-variable reports; the service is not one without an image.
func (v *serviceView) imageFromVariable() bool {
	_, e := v.lookup("image")
	return e.found() && e.value.Kind == yaml.ScalarNode && strings.Contains(e.value.Value, "$")
}

// missingDependencies names the services the project's services depend
// on that it does not define, in order.
func missingDependencies(proj *types.Project) []string {
	var out []string
	for _, name := range proj.ServiceNames() {
		for dep := range proj.Services[name].DependsOn {
			if _, ok := proj.Services[dep]; !ok && !slices.Contains(out, dep) {
				out = append(out, dep)
			}
		}
	}
	slices.Sort(out)
	return out
}

// consistency finds what compose-go's consistency check refuses, the
// check dlint's load skips: every problem, not the first one compose-go's
// map iteration meets, each at the key that causes it, in the order of the
// service names.
func (l *composeLoader) consistency(proj *types.Project, model *ComposeProject) []*ComposeProblem {
	var out []*ComposeProblem
	add := func(r Range, compose, msg string, args ...any) {
		out = append(out, &ComposeProblem{Range: r, Msg: fmt.Sprintf(msg, args...), Compose: compose})
	}
	names := proj.ServiceNames()
	sort.Strings(names)
	lacking := l.lackingImage(proj, names)
	// Besides the overlays told by their form, a file is one when the
	// default file beside it defines what it leaves undefined: the
	// services it depends on, or those it names without an image
	// (FreshRSS's docker-compose-proxy.yml completes freshrss).
	overlay := len(l.main) == 1 && (l.isOverlay(names, lacking) || l.baseDefines(missingDependencies(proj)) || l.baseDefines(lacking))
	fragment := overlay || len(lacking) > 0 && len(l.main) == 1
	// unjudged is the first reference a fragment leaves to its base file.
	var unjudged *ComposeProblem
	leave := func(r Range, compose string) {
		if unjudged == nil {
			unjudged = &ComposeProblem{Range: r, Compose: compose}
		}
	}
	// templated is the first reference only an override template
	// declares; templatedNames are all of them, reported there at once.
	var templated *ComposeProblem
	var templatedNames [][2]string
	// undeclared reports a reference to what no file declares, unless a
	// fragment leaves it to its base or an override template declares it.
	undeclared := func(section, name string, r Range, compose, msg string, args ...any) {
		switch {
		case fragment:
			leave(r, compose)
		case l.templateDeclares(section, name) != "":
			if templated == nil {
				templated = &ComposeProblem{Range: r, Compose: compose, Advisory: true}
			}
			if what := [2]string{section, name}; !slices.Contains(templatedNames, what) {
				templatedNames = append(templatedNames, what)
			}
		default:
			add(r, compose, msg, args...)
		}
	}
	for _, name := range names {
		s := proj.Services[name]
		v := l.views[name]
		if v == nil {
			continue
		}
		if s.Build == nil && s.Image == "" && s.Provider == nil && !v.imageFromVariable() && !overlay {
			at := v.nameRange()
			add(at, fmt.Sprintf("service %q has neither an image nor a build context specified", name),
				"service '%s' has neither `image:` nor `build:`; add one (if a platform or another compose file completes the service, lint them together)", name)
		}
		if b := s.Build; b != nil {
			if b.DockerfileInline != "" && b.Dockerfile != "" {
				add(v.keyRange("build"), fmt.Sprintf("service %q declares mutualy exclusive dockerfile and dockerfile_inline", name),
					"service '%s' sets both `dockerfile` and `dockerfile_inline`; keep one", name)
			}
			for _, ctxName := range sortedKeys(b.AdditionalContexts) {
				target, ok := strings.CutPrefix(b.AdditionalContexts[ctxName], types.ServicePrefix)
				if !ok {
					continue
				}
				if fragment {
					leave(v.keyRange("build"), fmt.Sprintf("service %q declares unknown service %q as additional contexts %s", name, target, ctxName))
					continue
				}
				if t, found := proj.Services[target]; !found {
					add(v.keyRange("build"), fmt.Sprintf("service %q declares unknown service %q as additional contexts %s", name, target, ctxName),
						"service '%s' uses service '%s' as the build context '%s', and there is no such service", name, target, ctxName)
				} else if t.Build == nil {
					add(v.keyRange("build"), fmt.Sprintf("service %q declares non-buildable service %q as additional contexts %s", name, target, ctxName),
						"service '%s' uses service '%s' as the build context '%s', and that service has no build section", name, target, ctxName)
				}
			}
			if len(b.Platforms) > 0 && s.Platform != "" && !containsStr(b.Platforms, s.Platform) {
				add(v.keyRange("platform"), fmt.Sprintf("service.build.platforms MUST include service.platform %q", s.Platform),
					"service '%s' runs on platform %q, which its build.platforms does not list", name, s.Platform)
			}
		}
		if s.NetworkMode != "" && len(s.Networks) > 0 {
			add(v.keyRange("network_mode"), fmt.Sprintf("service %s declares mutually exclusive `network_mode` and `networks`", name),
				"service '%s' sets both `network_mode` and `networks`; keep one", name)
		}
		for _, n := range sortedKeys(s.Networks) {
			if _, ok := proj.Networks[n]; !ok {
				undeclared("networks", n, v.entryIn("networks", n), fmt.Sprintf("service %q refers to undefined network %s", name, n),
					"service '%s' joins network '%s', which no file of the project declares; declare it under the top-level `networks:` (with `external: true` if another project creates it)", name, n)
			}
		}
		if hc := s.HealthCheck; hc != nil && len(hc.Test) > 0 {
			switch hc.Test[0] {
			case "CMD", "CMD-SHELL", "NONE":
			default:
				add(v.keyRange("healthcheck"), `healthcheck.test must start either by "CMD", "CMD-SHELL" or "NONE"`,
					"service '%s': a healthcheck `test:` list must start with CMD, CMD-SHELL or NONE, not %q", name, hc.Test[0])
			}
		}
		for _, dep := range sortedKeys(s.DependsOn) {
			d, ok := proj.Services[dep]
			via, at, _ := v.dependencyPlace(dep)
			switch {
			case !ok && fragment:
				leave(at, fmt.Sprintf("service %q depends on undefined service %q", name, dep))
			case !ok:
				add(at, fmt.Sprintf("service %q depends on undefined service %q", name, dep),
					"service '%s' %s '%s', and there is no such service", name, dependencyVerb(via), dep)
			case len(s.Profiles) == 0 && len(d.Profiles) > 0 && s.DependsOn[dep].Required:
				// Without --profile, the dependency is not part of the project.
				add(at, fmt.Sprintf("service %q depends on undefined service %q", name, dep),
					"service '%s' always starts, but %s '%s', which starts only with profile %s: `docker compose up` without --profile refuses the project; add `required: false` or give both the same profiles", name, dependencyVerb(via), dep, quoteList(d.Profiles))
			}
		}
		ms := model.Service(name)
		for i, vol := range s.Volumes {
			if vol.Type != types.VolumeTypeVolume || vol.Source == "" {
				continue
			}
			if _, ok := proj.Volumes[vol.Source]; !ok {
				undeclared("volumes", vol.Source, mountRange(ms, i, v), fmt.Sprintf("service %q refers to undefined volume %s", name, vol.Source),
					"service '%s' mounts volume '%s', which no file of the project declares; declare it under the top-level `volumes:`, or write a path (./%s) for a bind mount", name, vol.Source, vol.Source)
			}
		}
		if s.Build != nil {
			for _, sec := range s.Build.Secrets {
				if _, ok := proj.Secrets[sec.Source]; !ok {
					undeclared("secrets", sec.Source, v.keyRange("build"), fmt.Sprintf("service %q refers to undefined build secret %s", name, sec.Source),
						"service '%s' builds with secret '%s', which no file of the project declares under the top-level `secrets:`", name, sec.Source)
				}
			}
		}
		for _, c := range s.Configs {
			if _, ok := proj.Configs[c.Source]; !ok {
				undeclared("configs", c.Source, v.entryIn("configs", c.Source), fmt.Sprintf("service %q refers to undefined config %s", name, c.Source),
					"service '%s' uses config '%s', which no file of the project declares under the top-level `configs:`", name, c.Source)
			}
		}
		for _, sec := range s.Secrets {
			if _, ok := proj.Secrets[sec.Source]; !ok {
				undeclared("secrets", sec.Source, v.entryIn("secrets", sec.Source), fmt.Sprintf("service %q refers to undefined secret %s", name, sec.Source),
					"service '%s' uses secret '%s', which no file of the project declares under the top-level `secrets:`", name, sec.Source)
			}
		}
		if s.Scale != nil && s.Deploy != nil && s.Deploy.Replicas != nil && *s.Scale != *s.Deploy.Replicas {
			add(v.keyRange("scale"), fmt.Sprintf("services.%s: can't set distinct values on 'scale' and 'deploy.replicas'", name),
				"service '%s' sets `scale: %d` and `deploy.replicas: %d`; keep one", name, *s.Scale, *s.Deploy.Replicas)
		}
		if s.GetScale() > 1 && s.ContainerName != "" {
			add(v.keyRange("container_name"), fmt.Sprintf("services.%s: can't set container_name and scale as container name must be unique", name),
				"service '%s' runs %d containers but names them `container_name: %s`; a name can be used once", name, s.GetScale(), s.ContainerName)
		}
		seen := map[string]bool{}
		for _, t := range s.Tmpfs {
			path, _, _ := strings.Cut(t, ":")
			seen[path] = true
		}
		for i, vol := range s.Volumes {
			if seen[vol.Target] {
				add(mountRange(ms, i, v), fmt.Sprintf("services.%s.volumes[%d]: target %s already mounted", name, i, vol.Target),
					"service '%s' mounts two things at %s; keep one", name, vol.Target)
			}
			seen[vol.Target] = true
		}
	}
	for _, n := range sortedKeys(proj.Secrets) {
		sec := proj.Secrets[n]
		if !bool(sec.External) && sec.File == "" && sec.Environment == "" && !l.topWritesSource("secrets", n) {
			add(l.topRange("secrets", n), fmt.Sprintf("secret %q must declare either `file` or `environment`", n),
				"secret '%s' has neither `file:` nor `environment:`; say where its value comes from", n)
		}
	}
	if templated != nil {
		t := filepath.Base(l.overrideTemplate().abs)
		templated.Msg = fmt.Sprintf("%s only in %s, the template of %s, which Compose merges onto this file: copy it into place, as the project's instructions likely say, or declare them here",
			declaredList(templatedNames), t, overrideOfTemplate(t))
		out = append(out, templated)
	}
	if overlay {
		if p := l.overlayNote(names, lacking, unjudged); p != nil {
			out = append(out, p)
		}
	}
	if cycle := dependencyCycle(proj, names); cycle != nil {
		v := l.views[cycle[0]]
		if v != nil {
			add(v.entryIn("depends_on", cycle[1]), "dependency cycle detected: "+strings.Join(cycle, " -> "),
				"services depend on each other in a cycle (%s), so none can start first", strings.Join(cycle, " -> "))
		}
	}
	// The dropped volume items that are wrong as written (not only
	// because a variable is unset).
	for _, f := range l.order {
		if f == nil {
			continue
		}
		for _, doc := range f.docs {
			for _, svc := range mapKeys(f.servicesOf(doc)) {
				for _, key := range []string{"volumes", "extra_hosts"} {
					for _, item := range seqItems(mapGet(svc.value, key).value) {
						why, ok := l.dropped[itemKey{f.abs, item.Line, item.Column}]
						if !ok || f.blankOnly(item.Value) {
							continue
						}
						add(f.nodeRange(item), why, "service '%s' has %s item %q, which compose cannot read", svc.key.Value, key, f.interpolate(item.Value))
					}
				}
			}
		}
	}
	// Findings are reported by place; the order within a place is the
	// order of the checks.
	fileIndex := map[string]int{}
	for i, f := range l.order {
		if f != nil {
			if _, ok := fileIndex[f.src.Path]; !ok {
				fileIndex[f.src.Path] = i
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Range, out[j].Range
		if a.File != b.File {
			return fileIndex[a.File] < fileIndex[b.File]
		}
		return a.Start.Line < b.Start.Line || a.Start.Line == b.Start.Line && a.Start.Col < b.Start.Col
	})
	return out
}

// dependencyCycle returns a depends_on cycle that starts and ends at its
// least service name, or nil.
func dependencyCycle(proj *types.Project, names []string) []string {
	const (
		unseen = iota
		open
		done
	)
	state := map[string]int{}
	var stack []string
	var found []string
	var visit func(n string) bool
	visit = func(n string) bool {
		state[n] = open
		stack = append(stack, n)
		for _, dep := range sortedKeys(proj.Services[n].DependsOn) {
			if _, ok := proj.Services[dep]; !ok {
				continue
			}
			switch state[dep] {
			case open:
				i := indexOf(stack, dep)
				found = append(append([]string{}, stack[i:]...), dep)
				return true
			case unseen:
				if visit(dep) {
					return true
				}
			}
		}
		stack = stack[:len(stack)-1]
		state[n] = done
		return false
	}
	for _, n := range names {
		if state[n] == unseen && visit(n) {
			break
		}
	}
	if found == nil {
		return nil
	}
	return canonicalRing(found[:len(found)-1])
}

// canonicalRing writes a cycle from its least member and back to it, so
// that the same cycle reads the same whichever member a walk met first.
func canonicalRing(ring []string) []string {
	least := 0
	for i, s := range ring {
		if s < ring[least] {
			least = i
		}
	}
	rotated := append(append([]string{}, ring[least:]...), ring[:least]...)
	return append(rotated, rotated[0])
}

// dependencyVerb says how a service depends on another, by the key that
// makes the dependency.
func dependencyVerb(via string) string {
	switch via {
	case "links":
		return "links to"
	case "volumes_from":
		return "mounts the volumes of"
	case "network_mode":
		return "shares the network of"
	case "ipc", "pid", "uts", "cgroup":
		return "shares the " + via + " namespace of"
	}
	return "depends on"
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

func containsStr(list []string, s string) bool { return indexOf(list, s) >= 0 }

func quoteList(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = "'" + s + "'"
	}
	return strings.Join(q, " or ")
}

// mountRange is where the i-th loaded volume of a service is written.
func mountRange(s *Service, i int, v *serviceView) Range {
	if s != nil && i < len(s.Volumes) {
		return s.Volumes[i].Range
	}
	return v.keyRange("volumes")
}

// entryIn places the part of a service's key that names sub: the entry of
// a mapping (`networks: {front: …}`), or the list item that is sub or has
// it as `source:`; else the key.
func (v *serviceView) entryIn(key, sub string) Range {
	d, e := v.lookup(key)
	if !e.found() {
		return v.nameRange()
	}
	switch e.value.Kind {
	case yaml.MappingNode:
		if se := mapGet(e.value, sub); se.found() {
			return d.file.nodeRange(se.key)
		}
	case yaml.SequenceNode:
		for _, item := range seqItems(e.value) {
			if item.Kind == yaml.ScalarNode && d.file.interpolate(item.Value) == sub {
				return d.file.nodeRange(item)
			}
			if item.Kind == yaml.MappingNode && (rawItem{file: d.file, node: item}).field("source") == sub {
				return d.file.nodeRange(item)
			}
		}
	}
	return d.file.entryRange(e)
}

// topWritesSource reports whether a top-level secret or config is written
// with `file:` or `environment:` whose value a variable makes blank (an
// unset `${FILE:?}`): unset-variable reports that, not a missing source.
func (l *composeLoader) topWritesSource(key, name string) bool {
	for _, f := range l.order {
		if f == nil {
			continue
		}
		if top := f.top(key); top.found() {
			if e := mapGet(top.value, name); e.found() {
				for _, k := range []string{"file", "environment"} {
					if v := mapGet(e.value, k); v.found() && v.value.Kind == yaml.ScalarNode && strings.Contains(v.value.Value, "$") {
						return true
					}
				}
			}
		}
	}
	return false
}

// topRange places a top-level entry (`secrets.x`) in the first file that
// writes it.
func (l *composeLoader) topRange(key, name string) Range {
	for _, f := range l.order {
		if f == nil {
			continue
		}
		if top := f.top(key); top.found() {
			if e := mapGet(top.value, name); e.found() {
				return f.nodeRange(e.key)
			}
		}
	}
	return l.main[0].nodeRange(nil)
}
