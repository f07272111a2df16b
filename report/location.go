package report

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
)

// paths maps the file paths findings carry (as the user named them,
// relative to the working directory or absolute) to paths relative to the
// repository root, which is what code scanning, pull-request annotations
// and merge-request widgets expect.
type paths struct {
	dir  string // absolute working directory, or "" when unknown
	root string // absolute repository root, or "" when unknown
}

func newPaths(in *Input) paths {
	dir := in.WorkDir
	if dir == "" {
		dir, _ = os.Getwd()
	}
	if dir != "" {
		if abs, err := filepath.Abs(dir); err == nil {
			dir = abs
		}
	}
	root := in.Root
	if root == "" && dir != "" {
		root = repoRoot(dir)
	}
	if root != "" {
		if abs, err := filepath.Abs(root); err == nil {
			root = abs
		}
	}
	return paths{dir: dir, root: root}
}

// repoRoot returns the nearest directory at or above dir that holds .git
// (a directory, or a file in worktrees and submodules), or dir itself.
func repoRoot(dir string) string {
	for d := dir; ; {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return dir
		}
		d = parent
	}
}

// abs returns the absolute form of a reported path.
func (p paths) abs(path string) string {
	if filepath.IsAbs(path) || p.dir == "" {
		return filepath.Clean(path)
	}
	return filepath.Join(p.dir, path)
}

// rel returns path relative to the root with forward slashes, and false
// (with the path as given, slashed) when it lies outside the root.
func (p paths) rel(path string) (string, bool) {
	if p.root == "" {
		return filepath.ToSlash(path), !filepath.IsAbs(path)
	}
	r, err := filepath.Rel(p.root, p.abs(path))
	if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return filepath.ToSlash(path), false
	}
	return filepath.ToSlash(r), true
}

// display returns the path to show in CI annotations: repository-relative
// when possible, else as the user named it.
func (p paths) display(path string) string {
	r, _ := p.rel(path)
	return r
}

// relativeURI escapes a slash-separated relative path as a URI reference.
func relativeURI(rel string) string {
	return (&url.URL{Path: rel}).String()
}

// fileURI returns the file:// URI of an absolute path; dir adds the
// trailing slash SARIF requires of a base URI.
func fileURI(abs string, dir bool) string {
	s := filepath.ToSlash(abs)
	if !strings.HasPrefix(s, "/") {
		s = "/" + s // a Windows drive path: file:///C:/…
	}
	if dir && !strings.HasSuffix(s, "/") {
		s += "/"
	}
	return (&url.URL{Scheme: "file", Path: s}).String()
}
