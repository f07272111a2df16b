// Package fuzzseed gathers the seed inputs of dlint's fuzz targets from the
// repository's test data and, when it is there, the shared corpus.
package fuzzseed

import (
	"flag"
	"io/fs"
	"os"
	"path/filepath"
)

// FuzzingLimit is how many seeds of one kind a target keeps while it fuzzes.
// Every seed already ran in the plain test run; a fuzzing run must first
// measure the coverage of each seed it is given, and with the whole corpus
// that took 5 to 8 s of a 10 s budget on a quiet host, and more than all of
// it on a loaded one ("context deadline exceeded").
const FuzzingLimit = 60

// Files returns the regular files below dirs whose base name keep accepts and
// whose size is under maxSize. Missing directories are skipped. While the
// test binary fuzzes, an evenly spread sample of at most FuzzingLimit files
// is returned instead of all of them.
func Files(dirs []string, keep func(base string) bool, maxSize int64) [][]byte {
	var paths []string
	for _, dir := range dirs {
		_ = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || !d.Type().IsRegular() || !keep(d.Name()) {
				return nil //nolint:nilerr // a missing or unreadable seed directory is skipped
			}
			if info, err := d.Info(); err == nil && info.Size() < maxSize {
				paths = append(paths, path)
			}
			return nil
		})
	}
	if Fuzzing() && len(paths) > FuzzingLimit {
		sample := make([]string, 0, FuzzingLimit)
		for i := range FuzzingLimit {
			sample = append(sample, paths[i*len(paths)/FuzzingLimit])
		}
		paths = sample
	}
	out := make([][]byte, 0, len(paths))
	for _, path := range paths {
		if data, err := os.ReadFile(path); err == nil {
			out = append(out, data)
		}
	}
	return out
}

// Fuzzing reports whether the test binary was started with -test.fuzz.
func Fuzzing() bool {
	f := flag.Lookup("test.fuzz")
	return f != nil && f.Value.String() != ""
}
