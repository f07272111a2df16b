package lint

import (
	"os"
	"path/filepath"
	"strings"
)

// testDirs name directories of tests and their fixtures.
var testDirs = map[string]bool{"test": true, "tests": true, "testing": true, "e2e": true, "__tests__": true, "spec": true, "fixtures": true, "testdata": true, "integration-tests": true}

// forTests reports whether the unit's file is a test's: in a test directory
// below the one the command line named (`dlint .` finds tests/compose.yaml;
// `dlint testdata/examples` lints a project the user pointed at), or named
// for a test (docker-compose.test.yml, compose.ci.yaml).
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
	if strings.Contains(base, ".test.") || strings.Contains(base, "-test.") || strings.Contains(base, "_test.") || strings.Contains(base, ".ci.") {
		return true
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
