package lint

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strings"

	gitconfig "github.com/go-git/go-git/v5/plumbing/format/config"
	"github.com/go-git/go-git/v5/plumbing/format/gitignore"
)

// walkFilter leaves out of a directory walk what git ignores (the user's
// core.excludesFile, .git/info/exclude, .gitignore files) and what
// --exclude names. Only the walk is
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
	// Lowest first, as git weighs them: core.excludesFile, then
	// .git/info/exclude, then the .gitignore files.
	if global := excludesFile(repo); global != "" {
		f.above = readPatterns(global, nil)
	}
	f.above = append(f.above, readPatterns(filepath.Join(gitDir(repo), "info", "exclude"), nil)...)
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

// excludesFile returns the file of patterns git ignores in every
// repository: core.excludesFile of the user's git configuration
// ($XDG_CONFIG_HOME/git/config, then ~/.gitconfig, then the repository's
// own config; the last that sets it wins, as in git), by default
// $XDG_CONFIG_HOME/git/ignore (~/.config/git/ignore without
// XDG_CONFIG_HOME). go-git's LoadGlobalPatterns reads ~/.gitconfig alone
// and knows no default, so the configuration is read here, with go-git's
// config decoder. The system configuration is not read.
func excludesFile(repo string) string {
	home, _ := os.UserHomeDir()
	xdg := os.Getenv("XDG_CONFIG_HOME")
	if xdg == "" && home != "" {
		xdg = filepath.Join(home, ".config")
	}
	var configs []string
	if xdg != "" {
		configs = append(configs, filepath.Join(xdg, "git", "config"))
	}
	if home != "" {
		configs = append(configs, filepath.Join(home, ".gitconfig"))
	}
	configs = append(configs, filepath.Join(gitDir(repo), "config"))
	path := ""
	if xdg != "" {
		path = filepath.Join(xdg, "git", "ignore")
	}
	for _, c := range configs {
		if v, ok := coreExcludesFile(c); ok {
			path = expandHome(v, home, repo)
		}
	}
	return path
}

// coreExcludesFile reads core.excludesFile from a git config file; ok is
// false when the file does not set it (or cannot be read or decoded).
func coreExcludesFile(path string) (string, bool) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", false
	}
	cfg := gitconfig.New()
	if err := gitconfig.NewDecoder(bytes.NewReader(data)).Decode(cfg); err != nil {
		return "", false
	}
	if !cfg.HasSection("core") {
		return "", false
	}
	opts := cfg.Section("core").Options
	if !opts.Has("excludesfile") {
		return "", false
	}
	return opts.Get("excludesfile"), true
}

// expandHome resolves a path of git's configuration: `~/` is the home
// directory; a relative path is taken from the repository's top, where git
// runs its commands.
func expandHome(p, home, repo string) string {
	switch {
	case p == "":
		return ""
	case p == "~" || strings.HasPrefix(p, "~/"):
		if home == "" {
			return ""
		}
		return filepath.Join(home, strings.TrimPrefix(p, "~"))
	case filepath.IsAbs(p):
		return p
	}
	return filepath.Join(repo, p)
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
