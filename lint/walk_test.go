package lint

import (
	"net"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"

	"github.com/dlint-dev/dlint/rules"
)

// The directory walk is no source of errors: it does not follow symlinked
// directories (a loop, or a link out of the tree) and skips FIFOs, sockets
// and devices without opening them. Opening a FIFO would block the run.
func TestWalkSkipsSpecialFilesAndDirectoryLinks(t *testing.T) {
	root := writeTree(t, map[string]string{
		"app/Dockerfile":       "FROM alpine:3.20\nUSER root\n",
		"app/sub/Dockerfile.x": "FROM alpine:3.20\nUSER root\n",
	})
	outside := writeTree(t, map[string]string{"Dockerfile": "FROM alpine:3.20\nUSER root\n"})
	made := []string{}
	must := func(what string, err error) {
		if err != nil {
			t.Logf("cannot make %s here: %v", what, err)
			return
		}
		made = append(made, what)
	}
	must("FIFO", syscall.Mkfifo(filepath.Join(root, "app", "sub", "Dockerfile"), 0o644))
	must("FIFO compose file", syscall.Mkfifo(filepath.Join(root, "compose.yaml"), 0o644))
	if l, err := net.Listen("unix", filepath.Join(root, "app", "api.Dockerfile")); err == nil {
		defer l.Close()
		made = append(made, "socket")
	}
	// A character device like /dev/null (needs root, as in CI).
	must("device", syscall.Mknod(filepath.Join(root, "Dockerfile.dev"), syscall.S_IFCHR|0o644, 1<<8|3))
	must("symlink loop", os.Symlink("..", filepath.Join(root, "app", "sub", "loop")))
	must("link out of the tree", os.Symlink(outside, filepath.Join(root, "outside")))
	must("link to a file", os.Symlink(filepath.Join(outside, "Dockerfile"), filepath.Join(root, "app", "sub", "linked.Dockerfile")))
	must("dangling link", os.Symlink("nowhere", filepath.Join(root, "app", "gone.Dockerfile")))
	t.Logf("made: %s", strings.Join(made, ", "))

	res := Run(Options{Paths: []string{root}, Rules: []*rules.Rule{rules.RootUser}, NoConfig: true})
	if len(res.Errors) > 0 {
		t.Errorf("errors: %q", fileErrors(root, res))
	}
	got := findingFiles(root, res, rules.RootUser)
	sort.Strings(got)
	want := []string{"app/Dockerfile", "app/sub/Dockerfile.x"}
	if containsString(made, "link to a file") {
		// A symlink to a regular file is read like the file.
		want = append(want, "app/sub/linked.Dockerfile")
		sort.Strings(want)
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("linted %q, want %q", got, want)
	}
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
