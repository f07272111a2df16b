package lint

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// In a git worktree .git is a file; info/exclude is the one of the
// repository the worktree belongs to.
func TestWalkFilterWorktreeExclude(t *testing.T) {
	root := writeTree(t, map[string]string{
		"repo/.git/info/exclude":           "secret/\n",
		"repo/.git/worktrees/wt/HEAD":      "ref: refs/heads/x\n",
		"repo/.git/worktrees/wt/commondir": "../..\n",
		"wt/Dockerfile":                    "x\n",
		"wt/secret/Dockerfile":             "x\n",
	})
	gitFile := "gitdir: " + filepath.Join(root, "repo/.git/worktrees/wt") + "\n"
	if err := os.WriteFile(filepath.Join(root, "wt/.git"), []byte(gitFile), 0o644); err != nil {
		t.Fatal(err)
	}
	wt := filepath.Join(root, "wt")
	f := newWalkFilter(wt, "", nil, nil)
	if f.repoRoot != wt {
		t.Fatalf("repository root %q, want %q", f.repoRoot, wt)
	}
	if !f.ignored(filepath.Join(wt, "secret"), true, f.above) {
		t.Error("secret/ is not ignored")
	}
	if f.ignored(filepath.Join(wt, "Dockerfile"), false, f.above) {
		t.Error("Dockerfile is ignored")
	}
}

// BenchmarkWalkGitignore walks 1000 directories of a repository whose
// .gitignore has 20 patterns, with and without the filter: the cost of
// matching every entry.
func BenchmarkWalkGitignore(b *testing.B) {
	files := map[string]string{".gitignore": ""}
	for i := range 20 {
		files[".gitignore"] += fmt.Sprintf("*.gen%d\nbuild%d/\n", i, i)
	}
	for i := range 1000 {
		dir := fmt.Sprintf("pkg%d/sub%d", i%50, i)
		files[dir+"/Dockerfile"] = "FROM alpine\n"
		files[dir+"/main.go"] = "package main\n"
		files[dir+"/README.md"] = "x\n"
	}
	root := writeTree(b, files)
	for _, c := range []struct {
		name   string
		filter func() *walkFilter
	}{
		{"none", func() *walkFilter { return nil }},
		{"gitignore", func() *walkFilter { return newWalkFilter(root, "", nil, nil) }},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				n := 0
				err := walk(root, c.filter(), func(string, map[string]bool) {}, func(string, Kind) { n++ }, func(string, error) {})
				if err != nil || n != 2000 {
					b.Fatalf("%d files, %v", n, err)
				}
			}
		})
	}
}
