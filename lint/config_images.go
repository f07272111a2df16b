package lint

import (
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/dlint-dev/dlint/images"
)

// imageKeys are the fields of an `images:` entry in .dlint.yaml: the
// catalogue's own, flattened into one mapping per image.
var imageKeys = []string{"image", "tags", "product", "source", "user", "uid", "shell", "expose", "entrypoint", "cmd", "drops_to", "drop_tool", "workers", "init", "user_tool", "base", "accounts", "app_user", "healthcheck"}

var imageShells = []string{string(images.ShellDash), string(images.ShellAsh), string(images.ShellBash), string(images.ShellOldBash), string(images.ShellNone), string(images.ShellWindows)}

// imageList reads `images:`, a team's own base images, into catalogue
// entries whose facts dlint uses as it uses those it ships.
func (p *configParser) imageList(n *yaml.Node, c *Config) error {
	if isNull(n) {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		return p.errorf(n, "images must be a list of images (each with image: and the facts to know about it), not %s", describeNode(n))
	}
	for _, item := range n.Content {
		item = deref(item)
		if item.Kind != yaml.MappingNode {
			return p.errorf(item, "an images entry must be a mapping such as {image: ghcr.io/acme/base, user: \"10001\"}, not %s", describeNode(item))
		}
		var name *yaml.Node
		err := p.eachKey(item, func(key, value *yaml.Node) error {
			if !contains(imageKeys, key.Value) {
				return p.errorf(key, "unknown images field %q%s (want one of %s)", key.Value, didYouMean(key.Value, imageKeys), strings.Join(imageKeys, ", "))
			}
			switch key.Value {
			case "image":
				if value.Kind != yaml.ScalarNode || strings.TrimSpace(value.Value) == "" {
					return p.errorf(value, "image must be an image name such as ghcr.io/acme/base, not %s", describeNode(value))
				}
				name = value
			case "shell":
				if !contains(imageShells, value.Value) {
					return p.errorf(value, "shell must be one of %s, not %q", strings.Join(imageShells, ", "), value.Value)
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		if name == nil {
			return p.errorf(item, "an images entry needs image: (the image name, a path.Match pattern allowed)")
		}
		var flat struct {
			Image        string   `yaml:"image"`
			Tags         []string `yaml:"tags"`
			Product      string   `yaml:"product"`
			Source       string   `yaml:"source"`
			images.Facts `yaml:",inline"`
		}
		if err := item.Decode(&flat); err != nil {
			return p.errorf(item, "images entry %s: %v", name.Value, strings.TrimPrefix(err.Error(), "yaml: "))
		}
		tags := flat.Tags
		if len(tags) == 0 {
			tags = []string{"*"}
		}
		source := flat.Source
		if source == "" {
			source = p.path
		}
		c.Images = append(c.Images, images.Entry{
			Image:    images.Normalize(strings.TrimSpace(flat.Image)),
			Product:  flat.Product,
			Variants: []images.Variant{{Tags: tags, Facts: flat.Facts, Source: source}},
		})
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// imageCatalog is the catalogue that applies under c (nil: no config):
// the shipped one, with the configuration's images first.
func imageCatalog(c *Config) *images.Catalog {
	if c == nil || len(c.Images) == 0 {
		return images.Default()
	}
	c.catalogOnce.Do(func() { c.catalog = images.Default().With(c.Path, c.Images) })
	return c.catalog
}
