//go:build race

package lint

// raceDetector is set when the race detector is built in: it makes code
// run 5 to 15 times slower, so the per-file bound, which is there to stop
// hangs, not to measure speed, is stretched to match.
const raceDetector = true
