package rules

import (
	"fmt"
	"strings"

	"github.com/dlint-dev/dlint/parser"
)

// UntrustedRegistry reports base images from registries .dlint.yaml does
// not list in trusted-registries.
var UntrustedRegistry = &Rule{
	ID:       "untrusted-registry",
	Aliases:  []string{"DL3026"},
	Severity: Error,
	Tags:     []string{TagSecurity, TagDockerfile},
	Summary:  "FROM or COPY --from pulls an image from a registry that trusted-registries does not list",
	Doc: `## Why
A team that lists its registries in ` + "`trusted-registries`" + ` wants every image a
build pulls to come from them: an image from anywhere else is code nobody
vetted, and may vanish or change. The rule does nothing until
` + "`trusted-registries`" + ` is set in .dlint.yaml. It checks FROM and ` + "`COPY --from`" + `
of an image (not of a stage); an image named by an ARG without a default is
not judged. Entries are a registry (` + "`docker.io`" + `, ` + "`ghcr.io`" + `), a registry and
repository prefix (` + "`ghcr.io/acme`" + `) or a wildcard domain (` + "`*.example.com`" + `).

## Bad
` + "```yaml" + `
# .dlint.yaml
trusted-registries: [registry.example.com]
` + "```" + `
` + "```dockerfile" + `
FROM ghcr.io/someone/tool:1.2
` + "```" + `

## Good
` + "```dockerfile" + `
FROM registry.example.com/mirror/tool:1.2
` + "```" + `

## Silence
` + "`# dlint ignore=untrusted-registry`" + ` above the line, or add the registry to
` + "`trusted-registries`" + `. hadolint's ` + "`DL3026`" + ` works too.`,
	Check: checkUntrustedRegistry,
}

func checkUntrustedRegistry(pass *Pass) {
	df := pass.Dockerfile
	if df == nil || len(pass.Settings.TrustedRegistries) == 0 {
		return
	}
	trusted := strings.Join(pass.Settings.TrustedRegistries, ", ")
	for _, st := range df.Stages {
		if st.Parent == nil && !st.BaseImage.BuiltHere() && st.BaseResolved && st.Base.Repository != "" && !pass.Settings.TrustsImage(st.Base) {
			pass.Report(fromBaseRange(df, st), untrustedMessage("FROM", st.Base, trusted))
		}
		for _, cp := range st.Copies {
			if cp.From == "" || strings.Contains(cp.From, "$") || copySourceStage(df, cp.From) != nil {
				continue
			}
			ref := parser.ParseImageRef(cp.From)
			if !strings.ContainsAny(cp.From, ":/@") || pass.Settings.TrustsImage(ref) {
				continue // a bare word is more likely a stage name gone wrong: copy-from-unknown-stage
			}
			pass.Report(cp.Instr.Find(cp.From), untrustedMessage("COPY --from", ref, trusted))
		}
	}
}

func untrustedMessage(what string, ref parser.ImageRef, trusted string) string {
	registry := ref.Registry
	if registry == "" {
		registry = "docker.io"
	}
	return fmt.Sprintf("%s pulls %s from %s, which trusted-registries (%s) does not list; take the image from a trusted registry, or add %s to trusted-registries in .dlint.yaml",
		what, ref.Raw, registry, trusted, registry)
}
