package parser

import "testing"

func TestLooksLikeOverride(t *testing.T) {
	for name, want := range map[string]bool{
		"docker-compose.override.yml": true, "docker-compose.dev.yml": true, "compose.prod.yaml": true,
		"docker-compose.yml": false, "compose.yaml": false, "docker-compose.yaml": false, "stack.yml": false,
	} {
		if got := looksLikeOverride(name); got != want {
			t.Errorf("%s: %v", name, got)
		}
	}
}
