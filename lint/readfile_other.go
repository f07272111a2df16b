//go:build !unix

package lint

import (
	"fmt"
	"os"
)

// readFile reads a regular file of bounded size.
func readFile(path string) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, describeOSError(err)
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file")
	}
	if info.Size() > MaxFileSize {
		return nil, tooLarge(info.Size())
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, describeOSError(err)
	}
	return data, nil
}
