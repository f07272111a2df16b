package lint

import (
	"os"
	"path/filepath"
	"strings"
)

// testDirs name directories of tests and their fixtures, and of a
// developer's local setup (.devcontainer, development).
var testDirs = map[string]bool{"test": true, "tests": true, "testing": true, "e2e": true, "__tests__": true, "spec": true, "fixtures": true, "testdata": true, "integration-tests": true,
	".devcontainer": true, "development": true}

// forTests reports whether the unit's file is a test's or a developer's
// local setup: in a test or development directory below the one the
// command line named (`dlint .` finds tests/compose.yaml; `dlint
// testdata/examples` lints a project the user pointed at), or named for a
// test or development (docker-compose.test.yml, compose.ci.yaml,
// docker-compose.dev.yml).
func (r *runner) forTests(u *unit) bool {
	var path string
	switch {
	case u.compose != nil && len(u.compose.Files) > 0:
		path = u.compose.Files[0].Path
	case u.dockerfile != nil && u.dockerfile.Source != nil:
		path = u.dockerfile.Source.Path
	}
	if path == "" || strings.HasPrefix(path, "<") {
		return false
	}
	base := strings.ToLower(filepath.Base(path))
	for _, word := range []string{"test", "ci", "dev", "local"} {
		// docker-compose.test.yml, compose.ci.yaml, docker-compose.dev.yml,
		// compose-local.yaml: a test's or a developer's own setup.
		if strings.Contains(base, "."+word+".") || strings.Contains(base, "-"+word+".") || strings.Contains(base, "_"+word+".") {
			return true
		}
	}
	abs := absFrom(r.configs.cwd, path)
	rel := filepath.Dir(abs)
	if root := r.namedRoot(abs); root != "" {
		if p, err := filepath.Rel(root, filepath.Dir(abs)); err == nil {
			rel = p
		}
	}
	for _, part := range strings.Split(filepath.ToSlash(rel), "/") {
		if testDirs[strings.ToLower(part)] {
			return true
		}
	}
	return false
}

// namedRoot is the directory named on the command line that holds abs,
// the innermost of several; "" when none does (a file named itself).
func (r *runner) namedRoot(abs string) string {
	best := ""
	for _, root := range r.namedDirectories() {
		if strings.HasPrefix(abs, root+string(filepath.Separator)) && len(root) > len(best) {
			best = root
		}
	}
	return best
}

// namedDirectories lists the directories the command line names, once.
func (r *runner) namedDirectories() []string {
	r.namedDirsOnce.Do(func() {
		for _, p := range r.opts.Paths {
			root := absFrom(r.configs.cwd, p)
			if info, err := os.Stat(root); err == nil && info.IsDir() {
				r.namedDirs = append(r.namedDirs, root)
			}
		}
	})
	return r.namedDirs
}
