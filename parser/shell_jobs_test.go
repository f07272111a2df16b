package parser

import (
	"slices"
	"testing"
)

// The PID a script saves after a background job is that job's, up to the
// next background command.
func TestJobPIDVar(t *testing.T) {
	text := "a &\npid_a=\"$!\"\nb &\necho started\nB=${!}\nc &\nx=$!other\nd\n"
	s := ParseShell(NewSource("t", []byte(text)), text, nil)
	want := map[string]string{"a": "pid_a", "b": "B", "c": "", "d": ""}
	for _, c := range s.Commands {
		if w, ok := want[c.Name]; ok {
			if got := s.JobPIDVar(c); got != w {
				t.Errorf("%s: PID variable %q, want %q", c.Name, got, w)
			}
		}
	}
}

func TestParamNames(t *testing.T) {
	for text, want := range map[string][]string{
		`"$pid"`:           {"pid"},
		`${PID:-0}`:        {"PID"},
		`$a/$b_2`:          {"a", "b_2"},
		`"$!" $$ $1 ${#x}`: nil,
	} {
		s := ParseShell(NewSource("t", []byte("kill "+text)), "kill "+text, nil)
		if got := s.Commands[0].Args[0].ParamNames(); !slices.Equal(got, want) {
			t.Errorf("%s: %q, want %q", text, got, want)
		}
	}
}
