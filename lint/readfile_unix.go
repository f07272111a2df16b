//go:build unix

package lint

import (
	"errors"
	"fmt"
	"syscall"
)

// readFile reads a regular file of at most limit bytes. It talks to the
// kernel directly: os.Open adds poller registration and fcntl calls that cost as
// much as the read itself for the small files dlint reads by the thousand.
// O_NONBLOCK makes opening a FIFO return at once, so fstat can refuse it.
func readFile(path string, limit int64) ([]byte, error) {
	var fd int
	var err error
	for {
		fd, err = syscall.Open(path, syscall.O_RDONLY|syscall.O_NONBLOCK|syscall.O_CLOEXEC, 0)
		if !errors.Is(err, syscall.EINTR) {
			break
		}
	}
	if err != nil {
		// A socket cannot be opened at all (ENXIO): say what it is.
		var st syscall.Stat_t
		if errors.Is(err, syscall.ENXIO) && syscall.Stat(path, &st) == nil && st.Mode&syscall.S_IFMT != syscall.S_IFREG {
			return nil, fmt.Errorf("not a regular file")
		}
		return nil, describeOSError(err)
	}
	defer syscall.Close(fd) //nolint:errcheck // read-only: nothing to flush
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		return nil, describeOSError(err)
	}
	if st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		return nil, fmt.Errorf("not a regular file")
	}
	if st.Size > limit {
		return nil, &tooLargeError{size: st.Size, limit: limit}
	}
	// One byte more than the size, to see the end in one read.
	buf := make([]byte, 0, st.Size+1)
	for {
		n, err := syscall.Read(fd, buf[len(buf):cap(buf)])
		switch {
		case errors.Is(err, syscall.EINTR) || errors.Is(err, syscall.EAGAIN):
			continue
		case err != nil:
			return nil, describeOSError(err)
		case n == 0:
			return buf, nil
		}
		buf = buf[:len(buf)+n]
		if int64(len(buf)) > limit {
			return nil, &tooLargeError{size: int64(len(buf)), limit: limit}
		}
		if len(buf) == cap(buf) { // the file grew while read
			buf = append(buf, 0)[:len(buf)]
		}
	}
}
