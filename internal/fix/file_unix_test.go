//go:build unix

package fix

import (
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestWriteFileKeepsOwner: root fixing another user's file (dlint in a
// container on a mounted repository) leaves it that user's, setuid bit
// and all.
func TestWriteFileKeepsOwner(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("only root can give a file to another user")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "Dockerfile")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(path, 1234, 1234); err != nil {
		t.Fatal(err)
	}
	const mode = fs.ModeSetuid | 0o750
	if err := os.Chmod(path, mode); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, []byte("old"), []byte("new")); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	st := info.Sys().(*syscall.Stat_t)
	if st.Uid != 1234 || st.Gid != 1234 {
		t.Errorf("owner %d:%d, want 1234:1234", st.Uid, st.Gid)
	}
	if got := info.Mode() & (fs.ModePerm | fs.ModeSetuid); got != mode {
		t.Errorf("mode %v, want %v", got, mode)
	}
	if data, err := os.ReadFile(path); err != nil || string(data) != "new" {
		t.Errorf("the file holds %q, %v", data, err)
	}
}
