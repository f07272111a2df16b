// Package lint runs dlint: it finds the files, parses each once, links
// compose services to the Dockerfiles and scripts they run, runs the rules
// in parallel and collects sorted findings.
package lint

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Kind is what a file is linted as.
type Kind int

// File kinds.
const (
	KindUnknown Kind = iota
	KindDockerfile
	KindCompose
)

// ParseKind reads a --kind value.
func ParseKind(s string) (Kind, bool) {
	switch strings.ToLower(s) {
	case "", "auto":
		return KindUnknown, true
	case "dockerfile", "containerfile":
		return KindDockerfile, true
	case "compose":
		return KindCompose, true
	}
	return KindUnknown, false
}

// Classify tells a Dockerfile or compose file by its name.
func Classify(name string) Kind {
	base := filepath.Base(name)
	lower := strings.ToLower(base)
	switch {
	case base == "Dockerfile" || base == "Containerfile" || lower == "dockerfile" || lower == "containerfile",
		strings.HasPrefix(base, "Dockerfile.") || strings.HasPrefix(base, "Containerfile."),
		strings.HasSuffix(lower, ".dockerfile") || strings.HasSuffix(lower, ".containerfile"):
		return KindDockerfile
	}
	ext := filepath.Ext(lower)
	if ext != ".yml" && ext != ".yaml" {
		return KindUnknown
	}
	stem := strings.TrimSuffix(lower, ext)
	if stem == "compose" || strings.HasPrefix(stem, "compose.") || strings.HasPrefix(stem, "docker-compose") {
		return KindCompose
	}
	return KindUnknown
}

// skipDirs are never descended into.
var skipDirs = map[string]bool{".git": true, "node_modules": true, "vendor": true, ".hg": true, ".svn": true}

// walk finds the Dockerfiles and compose files below root. It does not
// follow symlinked directories and skips anything that is not a regular
// file (a FIFO named Dockerfile must not block the run). listed receives,
// for every directory read in full, which of the configuration file names
// and ".git" it holds, so that looking for configuration needs no stat.
func walk(root string, listed func(dir string, names map[string]bool), visit func(path string, kind Kind)) error {
	seen := map[string]map[string]bool{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			delete(seen, path) // not read in full
			if path == root {
				return err
			}
			return nil // an unreadable subdirectory is skipped, not fatal
		}
		if d.IsDir() {
			if path != root && skipDirs[d.Name()] {
				if names := seen[filepath.Dir(path)]; names != nil && d.Name() == ".git" {
					names[".git"] = true
				}
				return filepath.SkipDir
			}
			seen[path] = map[string]bool{}
			return nil
		}
		if name := d.Name(); name == ".git" || isConfigFileName(name) {
			if names := seen[filepath.Dir(path)]; names != nil {
				names[name] = true
			}
		}
		kind := Classify(d.Name())
		if kind == KindUnknown {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			info, err := os.Stat(path)
			if err != nil || !info.Mode().IsRegular() {
				return nil //nolint:nilerr // a dangling or odd link is skipped, not an error of the run
			}
		} else if !d.Type().IsRegular() {
			return nil
		}
		visit(path, kind)
		return nil
	})
	for dir, names := range seen {
		listed(dir, names)
	}
	return err
}

func isConfigFileName(name string) bool {
	for _, n := range ConfigFileNames {
		if name == n {
			return true
		}
	}
	return false
}
