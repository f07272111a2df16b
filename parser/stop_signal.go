package parser

import (
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/moby/sys/signal"
)

// StopSignal is the signal `docker stop` sends the container's PID 1
// first: STOPSIGNAL, compose's `stop_signal:` or `docker run
// --stop-signal`. SIGTERM when none is set, unless the base image sets
// one, which dlint's image catalogue does not record.
type StopSignal struct {
	Raw     string // ARG and ENV expanded
	Written string // as written in the file (`$SIG`)
	Range   Range
	// Name is the signal as Docker reads Raw ("SIGQUIT" for `QUIT`, `3`
	// or `sigquit`), "" when Raw is no signal Docker knows or is not
	// resolved.
	Name string
	// Resolved is false when Raw has a variable the build or compose
	// leaves unset: nothing is known of the signal.
	Resolved bool
}

// Kills reports whether docker stop kills the container at once: SIGKILL
// cannot be caught, so no shutdown code runs.
func (s *StopSignal) Kills() bool { return s != nil && s.Name == "SIGKILL" }

// Terminates reports whether the signal is SIGTERM, Docker's default.
func (s *StopSignal) Terminates() bool { return s == nil || s.Name == "SIGTERM" }

// Label is the signal for messages: its name, or SIGTERM for none set.
func (s *StopSignal) Label() string {
	if s == nil || s.Name == "" {
		return "SIGTERM"
	}
	return s.Name
}

// newStopSignal reads raw as Docker's signal parser does (moby/sys/signal,
// which buildkit runs on STOPSIGNAL and the daemon on compose's value).
func newStopSignal(raw, written string, resolved bool, r Range) *StopSignal {
	s := &StopSignal{Raw: raw, Written: written, Range: r, Resolved: resolved}
	if resolved {
		s.Name, _ = SignalName(raw)
	}
	return s
}

// SignalName returns the name Docker gives raw ("SIGQUIT" for "quit",
// "SIGQUIT" or "3"), and false when Docker refuses it. The table is
// moby's for the host dlint runs on; Docker's daemon and buildkit read
// the same one on Linux.
func SignalName(raw string) (string, bool) {
	sig, err := signal.ParseSignal(strings.TrimSpace(raw))
	if err != nil {
		return "", false
	}
	if _, numeric := strconv.Atoi(strings.TrimSpace(raw)); numeric != nil {
		return "SIG" + strings.TrimPrefix(strings.ToUpper(strings.TrimSpace(raw)), "SIG"), true
	}
	if name, ok := signalNames()[int(sig)]; ok {
		return name, true
	}
	return "signal " + strings.TrimSpace(raw), true // a number no name has (Docker takes any but 0)
}

// signalNames maps signal numbers to names; of aliases (CLD and CHLD)
// the first in sort order.
var signalNames = sync.OnceValue(func() map[int]string {
	names := make([]string, 0, len(signal.SignalMap))
	for n := range signal.SignalMap {
		names = append(names, n)
	}
	sort.Strings(names)
	out := map[int]string{}
	for _, n := range names {
		if _, ok := out[int(signal.SignalMap[n])]; !ok {
			out[int(signal.SignalMap[n])] = "SIG" + n
		}
	}
	return out
})

// EffectiveStopSignal is the STOPSIGNAL in effect at the end of the
// stage, through the stages it builds on; nil when none sets one.
func (s *Stage) EffectiveStopSignal() *StopSignal {
	for _, st := range s.Ancestors() {
		if st.StopSignal != nil {
			return st.StopSignal
		}
	}
	return nil
}

// StopSignal is the signal `docker stop` sends the container: the
// service's over the image's; nil when neither sets one (SIGTERM, or a
// base image's).
func (c *Container) StopSignal() *StopSignal {
	if c.Service != nil && c.Service.StopSignal != nil {
		return c.Service.StopSignal
	}
	if c.Stage != nil {
		return c.Stage.EffectiveStopSignal()
	}
	return nil
}
