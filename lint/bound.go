package lint

import (
	"fmt"
	"os"
	"runtime/debug"
	"time"

	"github.com/dlint-dev/dlint/parser"
)

// DefaultFileTimeout bounds the time dlint spends on one piece of per-file
// work: parsing a Dockerfile or script, loading a compose project, running
// the rules on one unit. A typical file takes well under a millisecond;
// a file of DefaultMaxFileSize takes about a second.
const DefaultFileTimeout = 30 * time.Second

// Hooks for tests, which replace them with functions that panic or block.
var (
	parseDockerfileFunc = parser.ParseDockerfile
	parseScriptFunc     = parser.ParseScriptFile
	loadComposeFunc     = parser.LoadCompose
)

// fileTimeout is the run's per-file bound; 0 means none.
func (r *runner) fileTimeout() time.Duration {
	switch d := r.opts.FileTimeout; {
	case d < 0:
		return 0
	case d == 0 && raceDetector:
		return 4 * DefaultFileTimeout
	case d == 0:
		return DefaultFileTimeout
	default:
		return d
	}
}

type outcome[T any] struct {
	value    T
	panicked any
	stack    []byte
}

// bounded runs fn for the file at path and returns its result and true.
// When fn panics, or is still running after the run's file timeout, it
// records an error for path and returns false, and the run goes on with
// the other files.
//
// Go cannot stop a goroutine: fn runs on a goroutine of its own, and one
// that overruns keeps running in the background until it returns (its
// result is then dropped) or the process exits, as the dlint command does
// right after the run. The bound is on the run's wall time, not on the CPU
// a pathological input burns, which the size limit keeps finite. fn must not
// touch the runner's shared state; it hands everything back as its result.
func bounded[T any](r *runner, path, what string, fn func() T) (T, bool) {
	call := func() (o outcome[T]) {
		defer func() {
			if v := recover(); v != nil {
				o.panicked, o.stack = v, debug.Stack()
			}
		}()
		o.value = fn()
		return o
	}
	var o outcome[T]
	if limit := r.fileTimeout(); limit <= 0 {
		o = call()
	} else {
		done := make(chan outcome[T], 1) // never blocks a late finisher
		go func() { done <- call() }()
		timer := time.NewTimer(limit)
		select {
		case o = <-done:
			timer.Stop()
		case <-timer.C:
			r.addError(&FileError{Path: path, Msg: fmt.Sprintf("%s took longer than %s; skipped (a pathological input or a dlint bug: please report it with the file)", what, limit)})
			var zero T
			return zero, false
		}
	}
	if o.panicked != nil {
		r.addError(internalError(path, what, o.panicked, o.stack))
		var zero T
		return zero, false
	}
	return o.value, true
}

// internalError reports a bug caught while working on one file.
func internalError(path, what string, v any, stack []byte) *FileError {
	if os.Getenv("DLINT_DEBUG") != "" {
		_, _ = os.Stderr.Write(stack) // best effort: a debugging aid
	}
	return &FileError{Path: path, Msg: fmt.Sprintf("internal error while %s: %v (please report this with the file)", what, v)}
}
