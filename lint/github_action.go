package lint

import (
	"path/filepath"
	"regexp"
	"strings"
)

// actionUsesDocker finds `using: docker` in an action's metadata, and
// actionImage the `image:` it runs (Dockerfile, or a path to one).
var (
	actionUsesDocker = regexp.MustCompile(`(?m)^\s+using:\s*['"]?docker['"]?\s*(#.*)?$`)
	actionImage      = regexp.MustCompile(`(?m)^\s+image:\s*['"]?([^'"#\s]+)`)
)

// githubDockerAction reports whether an action.yml (or action.yaml) in the
// Dockerfile's directory runs it as a Docker container action: `runs:
// using: docker` with `image:` naming this Dockerfile.
func githubDockerAction(dockerfile string, exists func(dir, name string) bool) bool {
	if strings.HasPrefix(dockerfile, "<") {
		return false
	}
	dir := filepath.Dir(dockerfile)
	abs, err := filepath.Abs(dir)
	if err != nil {
		return false
	}
	for _, name := range []string{"action.yml", "action.yaml"} {
		if !exists(abs, name) {
			continue
		}
		data, err := readFile(filepath.Join(dir, name), 256<<10)
		if err != nil || !actionUsesDocker.Match(data) {
			continue
		}
		m := actionImage.FindSubmatch(data)
		if m == nil {
			continue
		}
		image := string(m[1])
		if strings.Contains(image, "://") {
			continue // docker://alpine:3: an image, not this Dockerfile
		}
		return filepath.Clean(filepath.Join(dir, image)) == filepath.Clean(dockerfile)
	}
	return false
}
