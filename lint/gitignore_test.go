package lint

import (
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
	f := newWalkFilter(wt, "", nil)
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
