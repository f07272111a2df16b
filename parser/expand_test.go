package parser

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// TestExpandWord resolves RUN words through the ARG and ENV values in effect
// at each RUN, and refuses what the shell alone decides.
func TestExpandWord(t *testing.T) {
	df := mustParseDockerfile(t, `ARG META=7
FROM debian:12 AS base
ENV HOME_UID=4000
ARG APP_UID=1000000
ARG EMPTY=
ARG NODEFAULT
RUN echo $APP_UID "${APP_UID}" ${EMPTY:-5} ${EMPTY-5} ${UNSET:-9} $META "a${HOME_UID}b" '$APP_UID' \$APP_UID $(id -u) $((1+1)) ${#APP_UID} ${APP_UID%0} $NODEFAULT plain
ARG APP_UID=2
RUN echo $APP_UID
ONBUILD RUN echo $HOME_UID $APP_UID
FROM base
RUN echo $HOME_UID $APP_UID
`)
	type want struct {
		v  string
		ok bool
	}
	check := func(in *Instruction, wants []want) {
		t.Helper()
		args := in.Script.Commands[0].Args
		if len(args) != len(wants) {
			t.Fatalf("%d words, want %d", len(args), len(wants))
		}
		for i, w := range wants {
			v, ok := in.ExpandWord(args[i])
			if v != w.v && w.ok || ok != w.ok {
				t.Errorf("word %d %q: got %q %v, want %q %v", i, args[i].Lit, v, ok, w.v, w.ok)
			}
		}
	}
	check(instr(t, df, "RUN", 0), []want{
		{"1000000", true}, {"1000000", true}, {"5", true}, {"", true},
		{"", false}, // UNSET may come from the base image
		{"", false}, // meta ARG not redeclared in the stage
		{"a4000b", true}, {"$APP_UID", true}, {"$APP_UID", true},
		{"", false}, {"", false}, {"", false}, {"", false},
		{"", false}, // ARG without a value
		{"plain", true},
	})
	// A later ARG changes the value for later RUNs only.
	check(instr(t, df, "RUN", 1), []want{{"2", true}})
	// A trigger runs in the images built on this one: ENV only.
	check(instr(t, df, "ONBUILD", 0).Trigger, []want{{"4000", true}, {"", false}})
	// ENV passes on to a stage built FROM this one, ARG does not.
	check(instr(t, df, "RUN", 2), []want{{"4000", true}, {"", false}})
}

// A Dockerfile of many ENV lines parses in memory linear in its length:
// instructions share the variables in effect instead of copying them (a
// copy per instruction took 4 GB for 20,000 ENV lines).
func TestManyEnvLinesAllocateLinearly(t *testing.T) {
	alloc := func(lines int) uint64 {
		var text strings.Builder
		text.WriteString("FROM alpine:3.20\n")
		for i := range lines {
			fmt.Fprintf(&text, "ENV V%d=%d\nRUN echo $V%d\n", i, i, i)
		}
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		if _, err := ParseDockerfile("Dockerfile", []byte(text.String())); err != nil {
			t.Fatal(err)
		}
		runtime.ReadMemStats(&after)
		return after.TotalAlloc - before.TotalAlloc
	}
	small, large := alloc(500), alloc(2000)
	if large > 8*small {
		t.Errorf("4 times the lines allocate %.1f times the bytes (%d vs %d): want about 4", float64(large)/float64(small), large, small)
	}
}
