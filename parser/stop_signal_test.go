package parser

import (
	"testing"
)

// Docker reads a stop signal by name with or without SIG, in any case, or
// by number, and refuses anything else (moby/sys/signal.ParseSignal).
func TestSignalName(t *testing.T) {
	for _, c := range []struct {
		raw, want string
		ok        bool
	}{
		{"SIGTERM", "SIGTERM", true},
		{"term", "SIGTERM", true},
		{"sigkill", "SIGKILL", true},
		{"9", "SIGKILL", true},
		{"3", "SIGQUIT", true},
		{"SIGRTMIN+3", "SIGRTMIN+3", true},
		{" SIGINT ", "SIGINT", true},
		{"SIGTERN", "", false},
		{"0", "", false},
		{"", "", false},
		{"-1", "signal -1", true}, // a number: Docker takes any but 0
	} {
		got, ok := SignalName(c.raw)
		if got != c.want || ok != c.ok {
			t.Errorf("SignalName(%q) = %q, %v; want %q, %v", c.raw, got, ok, c.want, c.ok)
		}
	}
}

// STOPSIGNAL is expanded with ARG and ENV, kept by the stages built on
// it, and overridden by the last one of a stage.
func TestStopSignalOfStages(t *testing.T) {
	df := mustParseDockerfile(t, "FROM alpine AS base\nARG SIG=quit\nSTOPSIGNAL SIG${SIG}\n"+
		"FROM base AS same\nFROM base AS own\nSTOPSIGNAL 9\nSTOPSIGNAL SIGINT\n"+
		"FROM alpine AS unset\nARG S\nSTOPSIGNAL $S\nFROM debian AS none\n")
	want := map[string]string{"base": "SIGQUIT", "same": "SIGQUIT", "own": "SIGINT", "unset": "", "none": "SIGTERM"}
	for _, st := range df.Stages {
		s := st.EffectiveStopSignal()
		got := s.Label()
		if st.Name == "unset" {
			if s == nil || s.Resolved || s.Written != "$S" {
				t.Errorf("stage unset: %+v", s)
			}
			continue
		}
		if got != want[st.Name] {
			t.Errorf("stage %s: stop signal %s, want %s", st.Name, got, want[st.Name])
		}
	}
	if s := df.Stages[0].StopSignal; s.Written != "SIG${SIG}" || s.Raw != "SIGquit" || s.Name != "SIGQUIT" || s.Range.Start.Line != 3 || s.Range.Start.Col != 12 {
		t.Errorf("base: %+v", s)
	}
}

// Compose's stop_signal and docker run's --stop-signal set the service's.
func TestStopSignalOfServices(t *testing.T) {
	src := NewSource("compose.yaml", []byte("services:\n  db:\n    image: postgres\n    stop_signal: SIGINT\n  web:\n    image: nginx\n"))
	p, err := LoadCompose(t.TempDir(), []*Source{src}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range p.Services {
		switch s.Name {
		case "db":
			if s.StopSignal == nil || s.StopSignal.Name != "SIGINT" || s.StopSignal.Range.Start.Line != 4 {
				t.Errorf("db: %+v", s.StopSignal)
			}
		case "web":
			if s.StopSignal != nil {
				t.Errorf("web: %+v", s.StopSignal)
			}
		}
	}
	run := runOf(t, "docker run -d --stop-signal=KILL app")
	if run.StopSignal == nil || !run.StopSignal.Kills() || run.StopSignal.Written != "KILL" {
		t.Errorf("run line: %+v", run.StopSignal)
	}
	if run := runOf(t, `docker run -d --stop-signal "$SIG" app`); run.StopSignal == nil || run.StopSignal.Resolved {
		t.Errorf("run line with a variable: %+v", run.StopSignal)
	}
}
