package lint

import (
	"path/filepath"
	"testing"
)

func TestGitHubDockerAction(t *testing.T) {
	cases := map[string]bool{
		"runs:\n  using: docker\n  image: Dockerfile\n":                 true,
		"runs:\n  using: \"docker\"\n  image: ./Dockerfile # local\n":   true,
		"runs:\n  using: docker\n  image: docker://alpine:3.20\n":       false,
		"runs:\n  using: docker\n  image: build/Dockerfile.action\n":    false, // another file
		"runs:\n  using: node20\n  main: dist/index.js\n":               false,
		"runs:\n  using: composite\n  steps: []\n# image: Dockerfile\n": false,
	}
	for text, want := range cases {
		root := writeTree(t, map[string]string{"action.yml": text, "Dockerfile": "FROM alpine:3.20\n"})
		if got := githubDockerAction(filepath.Join(root, "Dockerfile"), fileExists); got != want {
			t.Errorf("%q: %v, want %v", text, got, want)
		}
	}
}
