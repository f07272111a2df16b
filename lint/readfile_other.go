//go:build !unix

package lint

import (
	"fmt"
	"os"
)

// readFile reads a regular file of at most limit bytes.
func readFile(path string, limit int64) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, describeOSError(err)
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file")
	}
	if info.Size() > limit {
		return nil, &tooLargeError{size: info.Size(), limit: limit}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, describeOSError(err)
	}
	return data, nil
}
