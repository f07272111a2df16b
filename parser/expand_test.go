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

func TestExpansionIsBounded(t *testing.T) {
	// 24 doublings of a 20-byte value make 335 MB: the value is left
	// unknown, so USER is unresolved rather than built.
	df := "FROM alpine\nENV a=aaaaaaaaaaaaaaaaaaaa\n" + strings.Repeat("ENV a=$a$a\n", 24) + "USER $a\nRUN echo $a\n"
	d, err := ParseDockerfile("Dockerfile", []byte(df))
	if err != nil {
		t.Fatal(err)
	}
	u := d.Stages[0].User
	if u.Resolved || len(u.Name) > 100 {
		t.Errorf("USER resolved %v to %d bytes, want it unresolved", u.Resolved, len(u.Name))
	}
	run := d.Stages[0].Instructions[len(d.Stages[0].Instructions)-1]
	if v, ok := run.ExpandWord(run.Script.Commands[0].Args[0]); ok {
		t.Errorf("RUN's $a expanded to %d bytes, want unresolved", len(v))
	}
	// Below the bound a value is expanded as before: 12 doublings are 80 KiB
	// in all, but ENV b holds 20 KiB.
	df = "FROM alpine\nENV a=aaaaaaaaaaaaaaaaaaaa\n" + strings.Repeat("ENV a=$a$a\n", 10) + "USER ${a}x\n"
	if d, err = ParseDockerfile("Dockerfile", []byte(df)); err != nil {
		t.Fatal(err)
	}
	if u := d.Stages[0].User; !u.Resolved || len(u.Name) != 20<<10+1 {
		t.Errorf("USER resolved %v to %d bytes, want %d", u.Resolved, len(u.Name), 20<<10+1)
	}
}

func TestExpansionBudgetOfAFile(t *testing.T) {
	// Many variables each just under the bound would add up: past the
	// file's budget, values are unknown too.
	var b strings.Builder
	b.WriteString("FROM alpine\nENV a=" + strings.Repeat("x", 60000) + "\n")
	for i := range 400 {
		fmt.Fprintf(&b, "ENV b%d=$a\n", i)
	}
	b.WriteString("USER $b399\n")
	d, err := ParseDockerfile("Dockerfile", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if d.Stages[0].User.Resolved {
		t.Error("USER resolved past the file's expansion budget")
	}
}

// One ENV sets its variables only after expanding all its values, as
// buildkit does: B gets the A from before the line.
func TestEnvExpandsWithValuesBeforeTheLine(t *testing.T) {
	df := mustParseDockerfile(t, `FROM debian:12
ENV A=old
ENV A=new B=$A
ARG C=1 D=$C
RUN echo $A $B $D
`)
	args := instr(t, df, "RUN", 0).Script.Commands[0].Args
	for i, want := range []string{"new", "old", "1"} {
		if v, ok := instr(t, df, "RUN", 0).ExpandWord(args[i]); !ok || v != want {
			t.Errorf("word %d: got %q %v, want %q", i, v, ok, want)
		}
	}
}
