package lint

import (
	"path/filepath"
	"strings"

	"github.com/dlint-dev/dlint/images"
	"github.com/dlint-dev/dlint/parser"
	"github.com/dlint-dev/dlint/rules"
)

// catalogFor is the image catalogue that applies to the file at path.
func (r *runner) catalogFor(path string) *images.Catalog {
	cs := r.configs
	cs.mu.Lock()
	c := cs.configFor(absFrom(cs.cwd, path))
	cs.mu.Unlock()
	return imageCatalog(c)
}

// attachImages gives each stage that starts from an image (not from an
// earlier stage) what the catalogue knows of that image.
// An image a compose service of the repository builds and tags is read
// from its own Dockerfile.
func (r *runner) attachImages(df *parser.Dockerfile, path string) {
	r.attachImagesDepth(df, path, 0)
}

func (r *runner) attachImagesDepth(df *parser.Dockerfile, path string, depth int) {
	cat := r.catalogFor(path)
	for _, st := range df.Stages {
		if st.Parent != nil {
			continue
		}
		if img := r.localBase(st.Base, depth); img != nil {
			st.BaseImage = img
			continue
		}
		st.BaseImage = lookupRef(cat, st.Base)
	}
}

// attachServiceImage gives a service that runs an image no Dockerfile of
// the repository builds what the catalogue knows of it.
func (r *runner) attachServiceImage(c *parser.Container, path string) {
	if c.Service == nil || c.Service.Image == nil {
		return
	}
	ref := parser.ParseImageRef(c.Service.Image.Value)
	if c.Service.Build != nil {
		c.Published = lookupRef(r.catalogFor(path), ref)
	}
	if c.Stage != nil {
		return
	}
	if img := r.localBase(ref, 0); img != nil {
		c.Image = img
		return
	}
	c.Image = lookupRef(r.catalogFor(path), ref)
}

func lookupRef(cat *images.Catalog, ref parser.ImageRef) *images.Image {
	if ref.Repository == "" || strings.Contains(ref.Raw, "$") {
		return nil
	}
	img, _ := cat.Lookup(ref.Name(), ref.Tag)
	return img
}

// ImageCatalog is the image catalogue that applies to files in dir: the
// shipped one with the images of the nearest .dlint.yaml (or of
// configFile, when set) first. It returns the configuration's errors.
func ImageCatalog(dir, configFile string, noConfig bool, pool []*rules.Rule) (*images.Catalog, []*FileError) {
	cs := newConfigSet(&Options{ConfigFile: configFile, NoConfig: noConfig}, pool)
	abs, err := filepath.Abs(filepath.Join(dir, "Dockerfile"))
	if err != nil {
		abs = filepath.Join(dir, "Dockerfile")
	}
	cs.mu.Lock()
	c := cs.configFor(abs)
	cs.mu.Unlock()
	return imageCatalog(c), cs.errors
}
