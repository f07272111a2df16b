//go:build unix

package fix

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

// keepOwner gives tmp the owner and group of the file it replaces (info):
// run as root, as in a container on a mounted repository, the new file
// would otherwise be root's. Only root may give a file away: another user
// keeps the group when allowed to, and the file is theirs otherwise, as an
// editor's save would make it.
func keepOwner(tmp *os.File, info fs.FileInfo) error {
	want, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return nil
	}
	tmpInfo, err := tmp.Stat()
	if err != nil {
		return err
	}
	have, ok := tmpInfo.Sys().(*syscall.Stat_t)
	if !ok || have.Uid == want.Uid && have.Gid == want.Gid {
		return nil
	}
	err = tmp.Chown(int(want.Uid), int(want.Gid))
	switch {
	case err == nil:
		return nil
	case os.Geteuid() != 0 && errors.Is(err, fs.ErrPermission):
		_ = tmp.Chown(-1, int(want.Gid))
		return nil
	}
	return fmt.Errorf("cannot give the new file the owner %d:%d: %w", want.Uid, want.Gid, bareError(err))
}
