// Command dlint lints Dockerfiles, Docker Compose files and the entrypoint
// scripts they start.
package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
)

// A run allocates many short-lived models and keeps little: collect less
// often than Go's default, under a soft memory limit that follows the live
// heap. GOGC and GOMEMLIMIT in the environment take precedence.
const (
	gcPercent = 400
	// memoryFloor is the least the soft limit is: a small run never
	// collects because of it. At 160 MiB a run whose live heap was 30 to
	// 90 MB (a repository of 30,000 files) collected twice as often per
	// byte as a small one and cost 9x for 8x the files; 200 MiB keeps
	// that run under 8.5x, its peak RSS near 217 MB (docs/performance.md).
	memoryFloor = 200 << 20
	// liveHeapPercent sets the limit to this share of the heap that
	// survived the last collection. A fixed limit makes the collector run
	// without pause once the live heap nears it (a large repository keeps
	// its findings and sources to the end); a proportional one keeps the
	// collector's cost per allocated byte the same at any size.
	liveHeapPercent = 225
)

// floor is the current least soft limit: memoryFloor, or more when
// --max-file-size lets each worker hold a larger model.
var floor atomic.Int64

// roomForFiles raises the soft memory limit when --max-file-size lets each
// worker hold a model of 40 times a larger file: under the limit the
// collector would run without pause (an 8 MiB Dockerfile took 17.6 s
// instead of 6.1 s). GOMEMLIMIT in the environment still wins.
func roomForFiles(maxFileSize int64) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	need := 40 * maxFileSize * int64(runtime.GOMAXPROCS(0))
	if need > floor.Load() {
		floor.Store(need)
		followLiveHeap()
	}
}

var liveHeap = []metrics.Sample{{Name: "/gc/heap/live:bytes"}}

// followLiveHeap sets the soft memory limit to liveHeapPercent of the heap
// live after the last collection, and no less than the floor.
func followLiveHeap() int64 {
	metrics.Read(liveHeap)
	limit := floor.Load()
	if v := liveHeap[0].Value; v.Kind() == metrics.KindUint64 {
		limit = max(limit, int64(min(v.Uint64(), 1<<50))*liveHeapPercent/100)
	}
	debug.SetMemoryLimit(limit)
	return limit
}

// gcSentinel is garbage at once: its finalizer runs after each collection
// and arms the next one.
type gcSentinel struct{ _ [16]byte }

func afterEachGC(fn func()) {
	s := &gcSentinel{}
	runtime.SetFinalizer(s, func(*gcSentinel) {
		fn()
		afterEachGC(fn)
	})
}

//go:generate go test -run ^TestManPagesUpToDate$ . -args -update-man

func main() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		floor.Store(memoryFloor)
		followLiveHeap()
		afterEachGC(func() { followLiveHeap() })
	}
	os.Exit(Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
