package lint

import (
	"path/filepath"
	"testing"

	"github.com/dlint-dev/dlint/rules"
)

// A compose file in a test directory below the one the command line
// names is a test's, and one named for development (or in .devcontainer/)
// a developer's; the directory the user names is a project, whatever
// its path (`dlint testdata/examples`).
func TestForTestsIsBelowTheNamedDirectory(t *testing.T) {
	compose := "services:\n  db:\n    image: postgres:17\n    environment:\n      POSTGRES_PASSWORD: s3cret-Value\n"
	dir := writeTree(t, map[string]string{
		"testdata/examples/shop/compose.yaml": compose,
		"tests/docker-compose.yml":            compose,
		"deploy/docker-compose.test.yml":      compose,
		"deploy/docker-compose.dev.yml":       compose,
		".devcontainer/docker-compose.yml":    compose,
		"deploy/docker-compose.yml":           compose,
	})
	for _, c := range []struct {
		path string
		want map[string]rules.Severity
	}{
		{".", map[string]rules.Severity{"testdata/examples/shop/compose.yaml": rules.Info, "tests/docker-compose.yml": rules.Info, "deploy/docker-compose.test.yml": rules.Info,
			"deploy/docker-compose.dev.yml": rules.Info, ".devcontainer/docker-compose.yml": rules.Info, "deploy/docker-compose.yml": rules.Warning}},
		{"testdata/examples", map[string]rules.Severity{"testdata/examples/shop/compose.yaml": rules.Warning}},
		{"tests", map[string]rules.Severity{"tests/docker-compose.yml": rules.Warning}},
		{"deploy", map[string]rules.Severity{"deploy/docker-compose.test.yml": rules.Info, "deploy/docker-compose.dev.yml": rules.Info, "deploy/docker-compose.yml": rules.Warning}},
	} {
		res := Run(Options{Paths: []string{filepath.Join(dir, c.path)}, Rules: []*rules.Rule{rules.LiteralSecret}, NoConfig: true, Workers: 1})
		got := map[string]rules.Severity{}
		for _, f := range res.Findings {
			rel, _ := filepath.Rel(dir, f.Range.File)
			got[filepath.ToSlash(rel)] = f.Severity
		}
		for file, sev := range c.want {
			if got[file] != sev {
				t.Errorf("dlint %s: %s is %v, want %v", c.path, file, got[file], sev)
			}
		}
		if len(got) != len(c.want) {
			t.Errorf("dlint %s: findings in %v", c.path, got)
		}
	}
}
