package lint

import (
	"strings"
	"testing"
)

// TestParseBakeContexts: the names of every target's contexts, in HCL and
// JSON, with interpolations and nested blocks in the way.
func TestParseBakeContexts(t *testing.T) {
	hcl := `target "base" {
  contexts = {
    from = "target:base-${build_target.from_tag}-${branch}"
  }
}
target "dev" {
  args = { "from_tag" = "from" }
  contexts = {
    from = "target:base-slim-${branch}-${arch}"
    "templates" = "../templates", assets = "docker-image://ghcr.io/acme/assets:1"
  }
}`
	if got := strings.Join(parseBakeContexts(hcl), " "); got != "from from templates assets" {
		t.Errorf("HCL: %q", got)
	}
	json := `{"target": {"dev": {"contexts": {"templates": "../templates", "src": "."}, "args": {"A": "1"}}}}`
	if got := strings.Join(parseBakeContexts(json), " "); got != "templates src" {
		t.Errorf("JSON: %q", got)
	}
}
