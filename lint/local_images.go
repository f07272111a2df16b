package lint

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/dlint-dev/dlint/images"
	"github.com/dlint-dev/dlint/parser"
)

// localImage is an image a compose service of the repository builds and
// tags (`image:` with `build:`): a Dockerfile that says FROM that tag
// builds on it, as on a stage.
type localImage struct {
	name, tag  string // normalised image name, tag ("latest" when none)
	dockerfile string // absolute path
	target     string // build target stage, "" for the final one
	service    string // for the order of a compose file's images
	builder    string // for the facts' source: "service 'web' of compose.yaml"

	// Resolution runs under runner.localMu: resolving is set while the
	// image's Dockerfile is read (a FROM that names the image itself then
	// means the published one), done once img is final.
	resolving, done bool
	img             *images.Image
}

// maxLocalDepth bounds chains of local images built on each other
// (and cycles: a tag built FROM itself).
const maxLocalDepth = 8

// findLocalImages reads every compose file found for the services that
// build and tag an image. The YAML is read as written, without
// interpolation: a tag taken from a variable is not matched. A tag that
// two services build from different Dockerfiles is ambiguous and left out.
func (r *runner) findLocalImages() {
	found := map[string]*localImage{}
	ambiguous := map[string]bool{}
	for _, g := range r.composeGroups {
		if g.stdin != nil {
			continue
		}
		for _, file := range g.files {
			data, err := r.readLinted(file)
			if err != nil {
				continue // reported when the project is loaded
			}
			for _, li := range localImagesIn(data, file, r.configs.cwd) {
				key := li.name + ":" + li.tag
				if prev, ok := found[key]; ok && (prev.dockerfile != li.dockerfile || prev.target != li.target) {
					ambiguous[key] = true
					continue
				}
				found[key] = li
			}
		}
	}
	for _, f := range r.runParsed {
		if f == nil {
			continue
		}
		for _, li := range buildLineImages(f.buildLines, r.configs.cwd) {
			key := li.name + ":" + li.tag
			if prev, ok := found[key]; ok && (prev.dockerfile != li.dockerfile || prev.target != li.target) {
				ambiguous[key] = true
				continue
			}
			found[key] = li
		}
	}
	for key := range ambiguous {
		delete(found, key)
	}
	r.localImages = found
}

// exportOnlyDockerfiles are the Dockerfiles, absolute, that the run files
// build only with --output to files (`docker build --output=. …`): the
// build writes the final stage's files out, and no container runs it.
func (r *runner) exportOnlyDockerfiles() map[string]bool {
	exported, run := map[string]bool{}, map[string]bool{}
	for _, f := range r.runParsed {
		if f == nil {
			continue
		}
		for _, b := range f.buildLines {
			_, dockerfile, ok := b.Paths()
			if !ok || b.Target != "" {
				continue // a target stage is not the one a container of the Dockerfile runs
			}
			if abs := absFrom(r.configs.cwd, dockerfile); b.Exports {
				exported[abs] = true
			} else {
				run[abs] = true
			}
		}
	}
	for df := range run {
		delete(exported, df)
	}
	return exported
}

// localImagesIn lists the services of one compose file that build and tag
// an image.
func localImagesIn(data []byte, file, cwd string) []*localImage {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 {
		return nil
	}
	services := parser.MappingValue(doc.Content[0], "services")
	if services == nil || services.Kind != yaml.MappingNode {
		return nil
	}
	dir := filepath.Dir(absFrom(cwd, file))
	var out []*localImage
	for i := 0; i+1 < len(services.Content); i += 2 {
		name, svc := services.Content[i].Value, services.Content[i+1]
		image, build := parser.MappingValue(svc, "image"), parser.MappingValue(svc, "build")
		if image == nil || build == nil || image.Kind != yaml.ScalarNode || strings.Contains(image.Value, "$") {
			continue
		}
		context, dockerfile, target := ".", "Dockerfile", ""
		switch build.Kind {
		case yaml.ScalarNode:
			context = build.Value
		case yaml.MappingNode:
			if v := parser.MappingValue(build, "context"); v != nil {
				context = v.Value
			}
			if v := parser.MappingValue(build, "dockerfile"); v != nil {
				dockerfile = v.Value
			}
			if v := parser.MappingValue(build, "target"); v != nil {
				target = strings.ToLower(v.Value)
			}
			if parser.MappingValue(build, "dockerfile_inline") != nil {
				continue
			}
		default:
			continue
		}
		if strings.Contains(context+dockerfile+target, "$") || strings.Contains(context, "://") {
			continue
		}
		ctxDir := context
		if !filepath.IsAbs(ctxDir) {
			ctxDir = filepath.Join(dir, ctxDir)
		}
		if !filepath.IsAbs(dockerfile) {
			dockerfile = filepath.Join(ctxDir, dockerfile)
		}
		ref := parser.ParseImageRef(image.Value)
		tag := ref.Tag
		if tag == "" {
			tag = "latest"
		}
		out = append(out, &localImage{name: images.Normalize(ref.Name()), tag: strings.ToLower(tag), dockerfile: filepath.Clean(dockerfile), target: target, service: name,
			builder: fmt.Sprintf("service '%s' of %s", name, file)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].service < out[j].service })
	return out
}

// buildLineImages lists the images the build lines of a run file tag.
func buildLineImages(builds []*parser.BuildLine, cwd string) []*localImage {
	var out []*localImage
	for _, b := range builds {
		_, dockerfile, ok := b.Paths()
		if !ok {
			continue
		}
		for _, t := range b.Tags {
			if strings.ContainsAny(t, "$`") {
				continue
			}
			ref := parser.ParseImageRef(t)
			tag := strings.ToLower(ref.Tag)
			if tag == "" {
				tag = "latest"
			}
			out = append(out, &localImage{name: images.Normalize(ref.Name()), tag: tag, dockerfile: absFrom(cwd, dockerfile), target: strings.ToLower(b.Target),
				builder: fmt.Sprintf("`%s` at %s:%d", b.Tool, b.Range.File, b.Range.Start.Line)})
		}
	}
	return out
}

// localImageKey names an image as the registry of local images does:
// normalised name and tag.
func localImageKey(ref parser.ImageRef) string {
	tag := strings.ToLower(ref.Tag)
	if tag == "" {
		tag = "latest"
	}
	return images.Normalize(ref.Name()) + ":" + tag
}

// localBase returns what a local image built in this repository brings,
// or nil when ref names none (or its Dockerfile cannot be read).
func (r *runner) localBase(ref parser.ImageRef, depth int) *images.Image {
	if len(r.localImages) == 0 || strings.Contains(ref.Raw, "$") {
		return nil
	}
	li := r.localImages[localImageKey(ref)]
	if li == nil || depth >= maxLocalDepth {
		return nil
	}
	if depth == 0 {
		// The outermost lookup holds the lock; the lookups of the base
		// images its Dockerfile names run inside it.
		r.localMu.Lock()
		defer r.localMu.Unlock()
	}
	if li.resolving {
		return nil // FROM the tag it builds: the published image
	}
	if !li.done {
		li.resolving = true
		li.img = r.readLocalImage(li, li.tag, depth)
		li.resolving, li.done = false, true
	}
	return li.img
}

// readLocalImage reads the facts of the stage a local image is built
// from; nil when its Dockerfile cannot be read.
func (r *runner) readLocalImage(li *localImage, tag string, depth int) *images.Image {
	data, err := r.readLinted(li.dockerfile) // the editor's text, when it has the file open
	if err != nil {
		return nil
	}
	df, err := parser.ParseDockerfile(li.dockerfile, data)
	if err != nil {
		return nil
	}
	r.attachImagesDepth(df, li.dockerfile, depth+1)
	st := df.Final()
	if li.target != "" {
		st = df.StageByName(li.target)
	}
	if st == nil {
		return nil
	}
	return &images.Image{
		Name: li.name, Tag: tag, Pattern: tag, Facts: st.Facts(),
		Source: fmt.Sprintf("built from %s by %s", r.configs.display(li.dockerfile), li.builder),
		Origin: images.OriginRepository,
	}
}
