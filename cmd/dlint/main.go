// Command dlint lints Dockerfiles, Docker Compose files and the entrypoint
// scripts they start.
package main

import (
	"os"
	"runtime/debug"
)

// A run allocates many short-lived models and keeps little: collect less
// often than Go's default, but never let the heap pass a soft limit.
// GOGC and GOMEMLIMIT in the environment take precedence.
const (
	gcPercent   = 400
	memoryLimit = 160 << 20
)

func main() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	os.Exit(Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
