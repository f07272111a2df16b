package main

import (
	"runtime"
	"runtime/debug"
	"testing"
)

// The soft memory limit is the floor while little is live, and follows
// the live heap past it.
func TestMemoryLimitFollowsLiveHeap(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	defer func(f int64) { floor.Store(f) }(floor.Load())
	floor.Store(memoryFloor)
	runtime.GC()
	if got := followLiveHeap(); got != memoryFloor {
		t.Errorf("limit with a small live heap: %d MiB, want the floor %d MiB", got>>20, memoryFloor>>20)
	}
	live := make([]byte, 100<<20)
	for i := range live {
		live[i] = byte(i)
	}
	runtime.GC()
	got := followLiveHeap()
	if want := int64(len(live)) * liveHeapPercent / 100; got < want {
		t.Errorf("limit with 100 MiB live: %d MiB, want at least %d MiB", got>>20, want>>20)
	}
	if got != debug.SetMemoryLimit(-1) {
		t.Error("the limit computed is not the one set")
	}
	runtime.KeepAlive(live)
}
