package fix

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/dlint-dev/dlint/parser"
)

// ErrNotRegular is returned for a path that is not a regular file (a pipe
// such as /dev/fd/63, a device): it cannot be read back or replaced.
var ErrNotRegular = errors.New("not a regular file")

// ReadFile reads the file at path for src, the Source it was linted as. It
// reads at most a few bytes more than src holds: a longer file has changed
// and will not match.
func ReadFile(path string, src *parser.Source) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, bareError(err)
	}
	if !info.Mode().IsRegular() {
		return nil, ErrNotRegular
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, bareError(err)
	}
	defer f.Close() //nolint:errcheck // read only
	data, err := io.ReadAll(io.LimitReader(f, int64(len(bom)+len(src.Text)+1)))
	if err != nil {
		return nil, bareError(err)
	}
	return data, nil
}

// ErrChanged is returned by WriteFile for a file that no longer holds the
// bytes the fixes were made from: someone edited it meanwhile.
var ErrChanged = errors.New("changed since dlint read it")

// WriteFile replaces the file at path, which held read when the fixes were
// made, with data: it writes a temporary file in the same directory, gives
// it the file's mode and owner (see keepOwner), checks that the file still
// holds read (ErrChanged otherwise: a concurrent edit is kept, not lost;
// only the time of the rename itself is left open) and renames it over the
// file, so that a reader never sees half a file. A symbolic link is
// followed: its target is replaced, the link kept. A file with other hard
// links gets a new inode of its own: its other names keep the old bytes.
// Errors do not repeat the path.
func WriteFile(path string, read, data []byte) (err error) {
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return bareError(err)
	}
	info, err := os.Stat(target)
	if err != nil {
		return bareError(err)
	}
	if !info.Mode().IsRegular() {
		return ErrNotRegular
	}
	if err := checkWritable(target, info); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".dlint-fix-*")
	if err != nil {
		return bareError(err)
	}
	defer func() {
		if err != nil {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
			err = bareError(err)
		}
	}()
	mode := info.Mode() & (fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky)
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	// Owner first: chown clears the setuid and setgid bits.
	if err = keepOwner(tmp, info); err != nil {
		return err
	}
	if err = tmp.Chmod(mode); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = checkUnchanged(target, read); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), target)
}

// checkUnchanged returns ErrChanged unless the file at path holds read.
func checkUnchanged(path string, read []byte) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close() //nolint:errcheck // read only
	now, err := io.ReadAll(io.LimitReader(f, int64(len(read))+1))
	if err != nil {
		return err
	}
	if !bytes.Equal(now, read) {
		return ErrChanged
	}
	return nil
}

// checkWritable refuses a file we may not write: the rename needs only
// write permission on the directory, and would replace a read-only file
// all the same. A file nobody may write is refused to root too, who may
// write anything: its mode says it is not to change.
func checkWritable(path string, info fs.FileInfo) error {
	if info.Mode().Perm()&0o222 == 0 {
		return fs.ErrPermission
	}
	f, err := os.OpenFile(path, os.O_WRONLY, 0) // no O_TRUNC: opened, not changed
	if err != nil {
		return bareError(err)
	}
	return f.Close()
}

// bareError drops the path from an *fs.PathError or *os.LinkError: the
// caller names the file the user knows, not a temporary one.
func bareError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
