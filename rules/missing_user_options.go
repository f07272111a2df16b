package rules

import (
	"path"
	"strings"

	"github.com/dlint-dev/dlint/parser"
)

// MissingUserOptions are missing-user's settings in .dlint.yaml.
type MissingUserOptions struct {
	// NonRootBases extends the table of base images known to run
	// unprivileged with a team's own images.
	NonRootBases []string `yaml:"non-root-bases" doc:"More base images that already run as a non-root user, such as your own runtime images: \"ghcr.io/acme/runtime\", \"acme/base:nonroot\" (only that tag), \"ghcr.io/acme/*\" (path.Match pattern)"`
}

// runsUnprivileged reports whether ref is one of the configured non-root
// bases. An entry without a tag matches every tag; the repository may be a
// path.Match pattern; a Docker Hub entry matches with or without docker.io/.
func (o *MissingUserOptions) runsUnprivileged(ref parser.ImageRef) bool {
	for _, entry := range o.NonRootBases {
		want := parser.ParseImageRef(strings.TrimSpace(entry))
		if want.Registry != ref.Registry || want.Tag != "" && want.Tag != ref.Tag || want.Digest != "" && want.Digest != ref.Digest {
			continue
		}
		if ok, _ := path.Match(want.Repository, ref.Repository); ok {
			return true
		}
	}
	return false
}
