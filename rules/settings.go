package rules

import (
	"strings"

	"github.com/dlint-dev/dlint/parser"
)

// Settings are the project-wide settings of .dlint.yaml that more than one
// rule may read. Rule-specific settings live in each rule's Options.
type Settings struct {
	// TrustedRegistries lists the registries (and optionally repository
	// prefixes) base images may come from: "docker.io", "ghcr.io/acme",
	// "*.dkr.ecr.us-east-1.amazonaws.com". Empty means no restriction.
	TrustedRegistries []string
	// LabelSchema lists the labels every image must carry, each with the
	// type of its value (`label-schema` in .dlint.yaml); empty means no
	// label is required.
	LabelSchema []LabelSpec
}

// LabelSpec is one label of label-schema: its key and value type.
type LabelSpec struct {
	Key  string
	Type LabelType
}

// TrustsImage reports whether ref comes from a trusted registry. It is true
// for every image when no registry is listed, and for scratch, which comes
// from no registry. Docker Hub is "docker.io"; "*.example.com" trusts every
// subdomain; "ghcr.io/acme" trusts the repositories under that prefix.
func (s *Settings) TrustsImage(ref parser.ImageRef) bool {
	if s == nil || len(s.TrustedRegistries) == 0 || ref.IsScratch() {
		return true
	}
	registry := ref.Registry
	if registry == "" {
		registry = "docker.io"
	}
	names := []string{registry + "/" + ref.Repository}
	if ref.Registry == "" && !strings.Contains(ref.Repository, "/") {
		names = append(names, "docker.io/library/"+ref.Repository)
	}
	for _, t := range s.TrustedRegistries {
		t = strings.TrimSuffix(strings.ToLower(strings.TrimSpace(t)), "/")
		switch {
		case t == "":
		case strings.HasPrefix(t, "*."):
			host, _, _ := strings.Cut(registry, ":")
			if strings.HasSuffix(host, t[1:]) {
				return true
			}
		case isDockerHub(t):
			if ref.Registry == "" {
				return true
			}
		case t == registry:
			return true
		default:
			for _, name := range names {
				if name == t || strings.HasPrefix(name, t+"/") {
					return true
				}
			}
		}
	}
	return false
}

func isDockerHub(registry string) bool {
	switch registry {
	case "docker.io", "index.docker.io", "registry-1.docker.io", "hub.docker.com":
		return true
	}
	return false
}

// OptionsOf returns the options the pass was configured with, or the
// rule's defaults when it was not (a Pass made outside the engine). T is the
// struct Rule.Options returns a pointer to.
func OptionsOf[T any](p *Pass) *T {
	if o, ok := p.Options.(*T); ok && o != nil {
		return o
	}
	if p.Rule != nil && p.Rule.Options != nil {
		if o, ok := p.Rule.Options().(*T); ok && o != nil {
			return o
		}
	}
	return new(T)
}
