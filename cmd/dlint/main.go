// Command dlint lints Dockerfiles, Docker Compose files and the entrypoint
// scripts they start.
package main

import (
	"os"
	"runtime"
	"runtime/debug"
)

// A run allocates many short-lived models and keeps little: collect less
// often than Go's default, but never let the heap pass a soft limit.
// GOGC and GOMEMLIMIT in the environment take precedence.
const (
	gcPercent   = 400
	memoryLimit = 160 << 20
)

// roomForFiles raises the soft memory limit when --max-file-size lets each
// worker hold a model of 40 times a larger file: under the limit the
// collector would run without pause (an 8 MiB Dockerfile took 17.6 s
// instead of 6.1 s). GOMEMLIMIT in the environment still wins.
func roomForFiles(maxFileSize int64) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	need := 40 * maxFileSize * int64(runtime.GOMAXPROCS(0))
	if need > memoryLimit && need > debug.SetMemoryLimit(-1) {
		debug.SetMemoryLimit(need)
	}
}

func main() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	os.Exit(Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
