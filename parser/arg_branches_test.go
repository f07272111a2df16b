package parser

import (
	"slices"
	"testing"
)

// TestForArgsSelectsTheCaseBranch: the view of a script for its first
// argument keeps the commands of the `case "$1"` item it selects, and of
// the functions that item calls, and drops the rest.
func TestForArgsSelectsTheCaseBranch(t *testing.T) {
	const script = `#!/bin/bash
set -e
run() { exec supervisord -n; }
shell() { exec gosu app bash; }
main() {
	case "$1" in
		app:run) run ;;
		app:shell|app:sh) shell ;;
		-*) exec app "$@" ;;
		*) exec "$@" ;;
	esac
}
main "$@"
`
	names := func(cmds []*Command) []string {
		var out []string
		for _, c := range cmds {
			out = append(out, c.Name)
		}
		return out
	}
	s := ParseScriptFile("entrypoint.sh", []byte(script))
	if !s.HasArgBranches() {
		t.Fatal("no argument branches found")
	}
	cases := []struct {
		arg   string
		final []string
	}{
		{"app:run", []string{"supervisord"}},
		{"app:sh", []string{"gosu"}},
		{"--verbose", []string{"app"}},
		{"/usr/bin/other", []string{`"$@"`}},
	}
	for _, c := range cases {
		v := s.ForArgs([]string{c.arg})
		if got := names(v.Final); !slices.Equal(got, c.final) {
			t.Errorf("%s: Final %q, want %q", c.arg, got, c.final)
		}
		for _, cmd := range v.Commands {
			if cmd.Name == "gosu" && c.arg == "app:run" {
				t.Errorf("%s: the gosu of the shell branch is in the view", c.arg)
			}
		}
		if !slices.Contains(names(v.Commands), "set") {
			t.Errorf("%s: the view lost the commands outside the case", c.arg)
		}
	}
}

// TestForArgsKeepsWhatItCannotDecide: no view is narrowed when the case
// is not on the script's own first argument as it was started.
func TestForArgsKeepsWhatItCannotDecide(t *testing.T) {
	for name, script := range map[string]string{
		"option loop":        "while [ $# -gt 0 ]; do case \"$1\" in -v) v=1 ;; esac; shift; done\nexec gosu app \"$@\"\n",
		"shift before":       "shift\ncase \"$1\" in run) exec app ;; *) exec gosu app \"$@\" ;; esac\n",
		"set -- before":      "set -- app \"$@\"\ncase \"$1\" in run) exec app ;; *) exec gosu app \"$@\" ;; esac\n",
		"function's own arg": "f() { case \"$1\" in run) exec app ;; *) exec gosu app x ;; esac; }\nf other\n",
		"pattern variable":   "case \"$1\" in $MODE) exec app ;; *) exec gosu app \"$@\" ;; esac\n",
		"not $1":             "case \"$2\" in run) exec app ;; *) exec gosu app \"$@\" ;; esac\n",
	} {
		s := ParseScriptFile("entrypoint.sh", []byte("#!/bin/sh\n"+script))
		v := s.ForArgs([]string{"run"})
		if len(v.Commands) != len(s.Commands) {
			t.Errorf("%s: the view dropped commands: %d of %d", name, len(v.Commands), len(s.Commands))
		}
	}
}
