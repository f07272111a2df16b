package lint

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strings"

	"github.com/go-git/go-git/v5/plumbing/format/gitignore"
)

// walkFilter leaves out of a directory walk what git ignores (.gitignore
// files, .git/info/exclude) and what --exclude names. Only the walk is
// filtered: a file named on the command line is linted even if ignored.
// As with git (and ripgrep), .gitignore files count only inside a git
// repository.
type walkFilter struct {
	repoRoot string   // absolute; "" outside a repository
	rootRel  []string // the walk root's path below repoRoot
	// above are the patterns of .git/info/exclude and of the .gitignore
	// files from repoRoot down to the walk root's parent.
	above []gitignore.Pattern
	// coversRoot marks the patterns of above that match the walk root
	// itself: the user named that directory, so they do not hide it.
	coversRoot map[gitignore.Pattern]bool
	exclude    []glob
	cwd        string
	// named holds the files named on the command line (--context's), and
	// every directory above them: never left out.
	named map[string]bool
}

// newWalkFilter prepares the filter for a walk of root. exclude holds
// --exclude patterns, relative to cwd; named, absolute paths of files the
// walk must find all the same.
func newWalkFilter(root, cwd string, exclude []glob, named map[string]bool) *walkFilter {
	if cwd == "" {
		cwd, _ = os.Getwd()
	}
	f := &walkFilter{exclude: exclude, cwd: cwd}
	for p := range named {
		if f.named == nil {
			f.named = map[string]bool{}
		}
		for ; !f.named[p]; p = filepath.Dir(p) {
			f.named[p] = true
		}
	}
	abs := absFrom(cwd, root)
	repo := findRepoRoot(abs)
	if repo == "" {
		return f
	}
	f.repoRoot = repo
	f.rootRel = splitRel(repo, abs)
	f.above = readPatterns(filepath.Join(gitDir(repo), "info", "exclude"), nil)
	for i := 0; i < len(f.rootRel); i++ {
		dir := filepath.Join(append([]string{repo}, f.rootRel[:i]...)...)
		f.above = append(f.above, readPatterns(filepath.Join(dir, ".gitignore"), f.rootRel[:i])...)
	}
	f.coversRoot = map[gitignore.Pattern]bool{}
	for _, p := range f.above {
		if len(f.rootRel) > 0 && p.Match(f.rootRel, true) != gitignore.NoMatch {
			f.coversRoot[p] = true
		}
	}
	return f
}

// dirPatterns returns the patterns in force below dir: inherited, plus
// those of dir's own .gitignore when hasGitignore.
func (f *walkFilter) dirPatterns(inherited []gitignore.Pattern, dir string, hasGitignore bool) []gitignore.Pattern {
	if f == nil || f.repoRoot == "" || !hasGitignore {
		return inherited
	}
	own := readPatterns(filepath.Join(dir, ".gitignore"), splitRel(f.repoRoot, absFrom(f.cwd, dir)))
	if len(own) == 0 {
		return inherited
	}
	return append(append([]gitignore.Pattern(nil), inherited...), own...)
}

// ignored reports whether the walk leaves path out, given the patterns
// of the directory it is in. The last pattern that matches decides, as
// in git.
func (f *walkFilter) ignored(path string, isDir bool, patterns []gitignore.Pattern) bool {
	if f == nil {
		return false
	}
	abs := absFrom(f.cwd, path)
	if f.named[abs] {
		return false
	}
	if len(f.exclude) > 0 && matchAny(f.exclude, relTo(f.cwd, abs)) {
		return true
	}
	if f.repoRoot == "" {
		return false
	}
	rel := splitRel(f.repoRoot, abs)
	for i := len(patterns) - 1; i >= 0; i-- {
		p := patterns[i]
		if f.coversRoot[p] {
			continue
		}
		switch p.Match(rel, isDir) {
		case gitignore.Exclude:
			return true
		case gitignore.Include:
			return false
		}
	}
	return false
}

// findRepoRoot returns the nearest directory at or above dir holding
// .git (a directory, or a file as in a worktree), or "".
func findRepoRoot(dir string) string {
	for {
		if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// gitDir returns the directory that holds a repository's info/exclude:
// .git itself, or for a worktree (.git a file saying "gitdir: …") the
// common directory of the repository it belongs to.
func gitDir(repo string) string {
	dotGit := filepath.Join(repo, ".git")
	data, err := os.ReadFile(dotGit)
	if err != nil {
		return dotGit // a directory, or unreadable
	}
	line, ok := strings.CutPrefix(strings.TrimSpace(string(data)), "gitdir:")
	if !ok {
		return dotGit
	}
	dir := strings.TrimSpace(line)
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(repo, dir)
	}
	if common, err := os.ReadFile(filepath.Join(dir, "commondir")); err == nil {
		c := strings.TrimSpace(string(common))
		if !filepath.IsAbs(c) {
			c = filepath.Join(dir, c)
		}
		return filepath.Clean(c)
	}
	return dir
}

// readPatterns reads a gitignore file; a missing or unreadable one has
// no patterns, as for git.
func readPatterns(path string, domain []string) []gitignore.Pattern {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	var out []gitignore.Pattern
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := strings.TrimSuffix(sc.Text(), "\r")
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		out = append(out, gitignore.ParsePattern(line, domain))
	}
	return out
}

// splitRel returns the elements of abs below base (nil for base itself).
func splitRel(base, abs string) []string {
	rel, err := filepath.Rel(base, abs)
	if err != nil || rel == "." {
		return nil
	}
	return strings.Split(filepath.ToSlash(rel), "/")
}
