package parser

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// A compose file linted alone may be an overlay: one written to be merged
// onto a base file with `-f base -f overlay`, which declares what the
// overlay uses (its networks, volumes, secrets, the services it depends
// on) and completes the services it names without an image. Alone, such a
// file is not a project anyone runs: dlint does not judge what it leaves
// to the base, and says once, as a note, how to lint the two together.

// isOverlay reports whether the project's one main file is an overlay:
// no service of it has an image or a build; it uses Compose's merge tags;
// or its name or directory says so and some service lacks an image.
func (l *composeLoader) isOverlay(names, lacking []string) bool {
	f := l.main[0]
	switch {
	case len(names) > 0 && len(lacking) == len(names), f.usesMergeTags(), namedOverride(f.abs):
		return true
	}
	return len(lacking) > 0 && looksLikeOverride(filepath.Base(f.abs)) || l.writtenFromAbove(names)
}

// writtenFromAbove reports whether the file's build contexts are not
// there from its own directory but are from the directory of a default
// compose file above it: the file was written to be merged onto that one
// (`-f docker-compose.yml -f extensions/curator/curator-compose.yml`),
// whose directory is the project's, the base of every relative path.
func (l *composeLoader) writtenFromAbove(names []string) bool {
	f := l.main[0]
	var contexts []string
	for _, name := range names {
		if ctx, ok := l.views[name].writtenContext(); ok {
			contexts = append(contexts, ctx)
		}
	}
	isDir := func(p string) bool {
		info, err := os.Stat(p)
		return err == nil && info.IsDir()
	}
	isRegular := func(p string) bool {
		info, err := os.Stat(p)
		return err == nil && info.Mode().IsRegular()
	}
	dir := filepath.Dir(f.abs)
	if len(contexts) == 0 || slices.ContainsFunc(contexts, func(c string) bool { return isDir(filepath.Join(dir, c)) }) {
		return false
	}
	for range 3 {
		parent := filepath.Dir(dir)
		if parent == dir {
			return false
		}
		dir = parent
		if slices.ContainsFunc(defaultComposeNames, func(n string) bool { return isRegular(filepath.Join(dir, n)) }) {
			return !slices.ContainsFunc(contexts, func(c string) bool { return !isDir(filepath.Join(dir, c)) })
		}
	}
	return false
}

// writtenContext is the service's build context as written, when it is a
// relative local path: `build: dir` or `build: {context: dir}`.
func (v *serviceView) writtenContext() (string, bool) {
	if v == nil {
		return "", false
	}
	_, e := v.lookup("build")
	if !e.found() || e.value == nil {
		return "", false
	}
	n := e.value
	if n.Kind == yaml.MappingNode {
		n = MappingValue(n, "context")
	}
	if n == nil || n.Kind != yaml.ScalarNode {
		return "", false
	}
	ctx := n.Value
	if ctx == "" || filepath.IsAbs(ctx) || strings.ContainsAny(ctx, "$") || strings.Contains(ctx, "://") || strings.HasPrefix(ctx, "~") {
		return "", false
	}
	return ctx, true
}

// namedOverride reports whether a path names an override whatever the
// file holds: docker-compose.override.yml, compose.prod.override.yaml, or
// a file in a directory called overrides.
func namedOverride(abs string) bool {
	base := strings.ToLower(filepath.Base(abs))
	if strings.Contains(base, ".override.") || strings.HasSuffix(strings.TrimSuffix(strings.TrimSuffix(base, ".yml"), ".yaml"), ".override") {
		return true
	}
	for _, part := range strings.Split(filepath.ToSlash(filepath.Dir(abs)), "/") {
		if p := strings.ToLower(part); p == "overrides" || p == "override" {
			return true
		}
	}
	return false
}

// usesMergeTags reports whether the file uses `!override` or `!reset`,
// which mean something only when the file is merged onto another.
func (f *yamlFile) usesMergeTags() bool {
	var walk func(n *yaml.Node) bool
	walk = func(n *yaml.Node) bool {
		if n == nil {
			return false
		}
		if n.Tag == "!override" || n.Tag == "!reset" {
			return true
		}
		for _, c := range n.Content {
			if walk(c) {
				return true
			}
		}
		return false
	}
	for _, d := range f.docs {
		if walk(d) {
			return true
		}
	}
	return false
}

// overlayNote is the one finding for an overlay linted alone, or nil when
// every service has an image and it leaves nothing unjudged. It is
// advisory: the project the file belongs to may well be valid.
func (l *composeLoader) overlayNote(names, lacking []string, unjudged *ComposeProblem) *ComposeProblem {
	f := l.main[0]
	file := f.src.Path
	base := l.overlayBase(f)
	together := fmt.Sprintf("it runs merged onto a base (e.g. `-f %s -f %s`), so lint them together: `dlint --compose-merge %s,%s`", base, file, base, file)
	if _, _, onDisk := baseOnDisk(f); !onDisk {
		// No default file is there: the base is named some other way
		// (nginx-proxy-manager's docker-compose.ci.yml).
		together = fmt.Sprintf("it runs merged onto a base file, which is not beside it under a default name, so lint them together: `dlint --compose-merge BASE,%s`", file)
	}
	switch {
	case len(names) > 0 && len(lacking) == len(names):
		at := l.views[names[0]].nameRange()
		return &ComposeProblem{Range: at, Advisory: true,
			Compose: fmt.Sprintf("service %q has neither an image nor a build context specified", names[0]),
			Msg:     "no service in this file has `image:` or `build:`, so Compose cannot run it alone: " + together}
	case len(lacking) > 0:
		at := l.views[lacking[0]].nameRange()
		return &ComposeProblem{Range: at, Advisory: true,
			Compose: fmt.Sprintf("service %q has neither an image nor a build context specified", lacking[0]),
			Msg:     fmt.Sprintf("%s neither `image:` nor `build:`: this file completes services of another; %s", serviceListHave(lacking), together)}
	case unjudged != nil:
		return &ComposeProblem{Range: unjudged.Range, Advisory: true, Compose: unjudged.Compose,
			Msg: "this file is an override, and what it uses without declaring is left to the file it completes; " + together}
	}
	return nil
}

// serviceListHave names services as the subject of "have".
func serviceListHave(names []string) string {
	if len(names) == 1 {
		return fmt.Sprintf("service '%s' has", names[0])
	}
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = "'" + n + "'"
	}
	return "services " + strings.Join(quoted, ", ") + " have"
}

// overlayBase names the base file an overlay is merged onto, as a path
// beside the overlay's own: the nearest default compose file in its
// directory or the three above it, or, when none is on disk, the default
// name its own name suggests.
func (l *composeLoader) overlayBase(f *yamlFile) string {
	if shown, _, ok := baseOnDisk(f); ok {
		return shown
	}
	return filepath.Join(filepath.Dir(f.src.Path), baseFileOf(filepath.Base(f.abs)))
}

// baseOnDisk finds the nearest default compose file other than f in f's
// directory or the three above it: its path as shown beside f's, and its
// absolute path.
func baseOnDisk(f *yamlFile) (shown, abs string, ok bool) {
	shownDir := filepath.Dir(f.src.Path)
	dir := filepath.Dir(f.abs)
	prefer := defaultComposeNames
	if strings.HasPrefix(strings.ToLower(filepath.Base(f.abs)), "docker-compose") {
		prefer = append(append([]string{}, defaultComposeNames[2:]...), defaultComposeNames[:2]...)
	}
	rel := ""
	for up := 0; up < 4; up++ {
		for _, name := range prefer {
			p := filepath.Join(dir, name)
			if p == f.abs {
				continue
			}
			if info, err := os.Stat(p); err == nil && info.Mode().IsRegular() {
				return filepath.Join(shownDir, rel, name), p, true
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir, rel = parent, filepath.Join(rel, "..")
	}
	return "", "", false
}

// baseDefines reports whether the default compose file beside the main
// file defines every service named: the file is merged onto that one
// (zipkin's docker-compose-ui.yml depends on the zipkin of
// docker-compose.yml; FreshRSS's docker-compose-proxy.yml completes its
// freshrss).
func (l *composeLoader) baseDefines(names []string) bool {
	if len(names) == 0 || len(l.main) != 1 {
		return false
	}
	// Only a base beside it: one above resolves relative paths from its
	// own directory, which a file with a local build context was not
	// written for (writtenFromAbove tells those written for it).
	_, abs, ok := baseOnDisk(l.main[0])
	if !ok || filepath.Dir(abs) != filepath.Dir(l.main[0].abs) {
		return false
	}
	info, err := os.Stat(abs)
	if err != nil || info.Size() > maxComposeFileSize {
		return false
	}
	text, err := os.ReadFile(abs)
	if err != nil {
		return false
	}
	base, err := parseYAMLFile(NewSource(abs, text), abs)
	if err != nil {
		return false
	}
	services := base.top("services")
	if !services.found() {
		return false
	}
	for _, name := range names {
		if !mapGet(services.value, name).found() {
			return false
		}
	}
	return true
}

// defaultComposeNames are the files `docker compose` reads when given no
// -f, in its order of preference.
var defaultComposeNames = []string{"compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml"}

// overrideTemplateSuffixes end the name of an override file's template,
// which a project's instructions have the user copy into place
// (compose.override.yaml.example → compose.override.yaml).
var overrideTemplateSuffixes = []string{".example", ".dist", ".sample", ".template", ".tmpl", ".default"}

// overrideTemplate returns the template of the override file Compose
// would read beside the project's one main file, when the override
// itself is not there; nil otherwise.
func (l *composeLoader) overrideTemplate() *yamlFile {
	if l.templateRead {
		return l.template
	}
	l.templateRead = true
	if len(l.main) != 1 {
		return nil
	}
	main := l.main[0].abs
	stem, ok := strings.CutSuffix(strings.ToLower(filepath.Base(main)), filepath.Ext(main))
	if !ok || stem != "compose" && stem != "docker-compose" {
		return nil
	}
	dir := filepath.Dir(main)
	for _, ext := range []string{".yaml", ".yml"} {
		if _, err := os.Stat(filepath.Join(dir, stem+".override"+ext)); err == nil {
			return nil
		}
	}
	for _, ext := range []string{".yaml", ".yml"} {
		for _, suffix := range overrideTemplateSuffixes {
			p := filepath.Join(dir, stem+".override"+ext+suffix)
			info, err := os.Stat(p)
			if err != nil || !info.Mode().IsRegular() || info.Size() > 1<<20 {
				continue
			}
			text, err := os.ReadFile(p)
			if err != nil {
				continue
			}
			if f, err := parseYAMLFile(NewSource(p, text), p); err == nil {
				l.template = f
				return f
			}
		}
	}
	return nil
}

// templateDeclares returns the path of the override template that
// declares name under the top-level section, or "".
func (l *composeLoader) templateDeclares(section, name string) string {
	t := l.overrideTemplate()
	if t == nil {
		return ""
	}
	if top := t.top(section); top.found() && mapGet(top.value, name).found() {
		return t.abs
	}
	return ""
}

// overrideOfTemplate names the file a template is copied to.
func overrideOfTemplate(path string) string {
	base := filepath.Base(path)
	for _, suffix := range overrideTemplateSuffixes {
		if rest, ok := strings.CutSuffix(base, suffix); ok {
			return rest
		}
	}
	return base
}

// declaredList names references by kind, as the subject of "declared":
// "secrets 'a', 'b' are declared", "network 'n' is declared".
func declaredList(refs [][2]string) string {
	var parts []string
	count := 0
	for i := 0; i < len(refs); {
		section := refs[i][0]
		var names []string
		for ; i < len(refs) && refs[i][0] == section; i++ {
			names = append(names, "'"+refs[i][1]+"'")
		}
		count += len(names)
		kind := section
		if len(names) == 1 {
			kind = strings.TrimSuffix(section, "s")
		}
		parts = append(parts, kind+" "+strings.Join(names, ", "))
	}
	if count == 1 {
		return parts[0] + " is declared"
	}
	return strings.Join(parts, " and ") + " are declared"
}
