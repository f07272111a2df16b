package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
)

// gitRepo reads files of one repository's history with the git command:
// a bare mirror (what the search tool's fetch brings) or a clone.
type gitRepo struct {
	dir  string // where git runs (-C)
	name string // "github.com/owner/name", for sources
	// files caches what show read (nil: not there), commits what commit
	// resolved: the generator reads the same files many times.
	files   map[string][]byte
	commits map[string]string
}

func (r *gitRepo) git(args ...string) ([]byte, error) {
	cmd := exec.Command("git", append([]string{"-C", r.dir}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("git %s: %v: %s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return out, nil
}

// commit returns the full hash rev names, if the repository has it.
func (r *gitRepo) commit(rev string) (string, bool) {
	if c, ok := r.commits[rev]; ok {
		return c, c != ""
	}
	out, err := r.git("rev-parse", "--verify", "-q", rev+"^{commit}")
	c := ""
	if err == nil {
		c = strings.TrimSpace(string(out))
	}
	if r.commits == nil {
		r.commits = map[string]string{}
	}
	r.commits[rev] = c
	return c, c != ""
}

func (r *gitRepo) exists(commit, file string) bool {
	_, err := r.show(commit, file)
	return err == nil
}

func (r *gitRepo) show(commit, file string) ([]byte, error) {
	key := commit + ":" + file
	if data, ok := r.files[key]; ok {
		if data == nil {
			return nil, fmt.Errorf("%s: no %s", r.name, key)
		}
		return data, nil
	}
	data, err := r.git("show", key)
	if r.files == nil {
		r.files = map[string][]byte{}
	}
	if err != nil {
		r.files[key] = nil
		return nil, err
	}
	if data == nil {
		data = []byte{}
	}
	r.files[key] = data
	return data, nil
}

// list returns the names of the files in dir at commit.
func (r *gitRepo) list(commit, dir string) []string {
	spec := commit + ":" + dir
	if dir == "" || dir == "." {
		spec = commit
	}
	out, err := r.git("ls-tree", "--name-only", spec)
	if err != nil {
		return nil
	}
	return strings.Fields(string(out))
}

// resolve finds the commit to read an entry's Dockerfile at: the entry's
// GitCommit when the repository has it, else the head of its GitFetch
// branch, else HEAD (a mirror older or newer than the library file),
// provided the file exists there. fallback is set when it is not GitCommit.
func (r *gitRepo) resolve(e *libraryEntry) (commit string, fallback bool, ok bool) {
	file := path.Join(e.Directory, e.File)
	revs := []string{e.GitCommit}
	if b, found := strings.CutPrefix(e.GitFetch, "refs/heads/"); found {
		revs = append(revs, "refs/heads/"+b, "refs/remotes/origin/"+b)
	}
	revs = append(revs, "HEAD")
	for i, rev := range revs {
		if rev == "" {
			continue
		}
		c, found := r.commit(rev)
		if found && r.exists(c, file) {
			return c, i > 0, true
		}
	}
	return "", false, false
}

// repoName turns a GitRepo URL into "host/owner/name".
func repoName(url string) string {
	u := strings.TrimSuffix(strings.TrimSpace(url), "/")
	u = strings.TrimSuffix(u, ".git")
	for _, p := range []string{"https://", "http://", "git://"} {
		u = strings.TrimPrefix(u, p)
	}
	return u
}

// findMirror finds the git directory of a repository under mirrors, in
// the layouts the refresh steps produce: <owner>+<name>/repo (the fetch
// tool's), <owner>+<name>, <owner>/<name>, <host>/<owner>/<name>.
func findMirror(mirrors, url string) (*gitRepo, bool) {
	name := repoName(url)
	parts := strings.Split(name, "/")
	if len(parts) < 3 {
		return nil, false
	}
	owner, repo := parts[len(parts)-2], parts[len(parts)-1]
	for _, cand := range []string{
		filepath.Join(mirrors, owner+"+"+repo, "repo"),
		filepath.Join(mirrors, owner+"+"+repo),
		filepath.Join(mirrors, owner, repo),
		filepath.Join(mirrors, filepath.FromSlash(name)),
	} {
		if isGitDir(cand) {
			return &gitRepo{dir: cand, name: name}, true
		}
	}
	return nil, false
}

func isGitDir(dir string) bool {
	for _, p := range []string{"HEAD", ".git"} {
		if _, err := os.Stat(filepath.Join(dir, p)); err == nil {
			return true
		}
	}
	return false
}
