package parser

import (
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mvdan.cc/sh/v3/syntax"
)

// fullExpansions is expansions without the skip of statements that have no
// $: the reference the skip must agree with.
func fullExpansions(f *syntax.File) (reads map[string]bool, usesArgs bool, args argReads) {
	return expansions(f, "")
}

// TestExpansionsSkipAgreesWithFullWalk checks that skipping statements
// whose text has no $ loses no expansion: here-document bodies after a
// chain, nested and quoted expansions, functions, loops, tests and
// arithmetic, and every RUN of ../shared/corpus and the rules' test data.
func TestExpansionsSkipAgreesWithFullWalk(t *testing.T) {
	scripts := []string{
		"apt-get update && cat <<EOF > /etc/x\n$HOME\nEOF",
		"a && b && cat <<-EOF | sh\n\techo $A\n\tEOF\necho done",
		"cat <<'EOF'\n$NOT_READ\nEOF",
		"if true; then echo $B; elif false; then echo ${C:-$D}; else :; fi",
		"f() { echo \"$1\"; }; f x",
		"x=$(echo $E) && y=`echo $F`",
		"echo 'no $G' && echo \"$H\"",
		"for i in $I; do echo \"$i\"; done",
		"case $J in a) echo $K;; esac",
		"[[ $L == x ]] && (( M + $N ))",
		"echo a; echo b; echo $O",
		"cmd1 \\\n  && cmd2 $P \\\n  && cmd3",
		"echo $@ && exec \"$0\"",
		"plain && commands && only",
	}
	for _, dir := range []string{filepath.Join("..", "..", "shared", "corpus"), filepath.Join("..", "testdata")} {
		_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasPrefix(d.Name(), "Dockerfile") {
				return err
			}
			data, readErr := os.ReadFile(p)
			if readErr != nil {
				return nil //nolint:nilerr // an unreadable file is left out
			}
			if df, parseErr := ParseDockerfile(p, data); parseErr == nil {
				for _, st := range df.Stages {
					for _, in := range st.Instructions {
						if in.Script != nil && in.Script.Text != "" {
							scripts = append(scripts, in.Script.Text)
						}
					}
				}
			}
			return nil
		})
	}
	if len(scripts) < 100 {
		t.Logf("only %d scripts: ../shared/corpus is absent", len(scripts))
	}
	parser := syntax.NewParser(syntax.KeepComments(true))
	for _, text := range scripts {
		f, err := parser.Parse(strings.NewReader(text), "")
		if err != nil {
			continue
		}
		wantReads, wantArgs, wantSites := fullExpansions(f)
		gotReads, gotArgs, gotSites := expansions(f, text)
		if !maps.Equal(gotReads, wantReads) || gotArgs != wantArgs || gotSites.top != wantSites.top || !maps.Equal(gotSites.funcs, wantSites.funcs) {
			t.Errorf("%q: expansions found %v, %v, %v; the full walk %v, %v, %v", text, gotReads, gotArgs, gotSites, wantReads, wantArgs, wantSites)
		}
	}
}

// A function's own $1 is not the script's argument, unless the script
// hands the function its arguments.
func TestInspectsArgs(t *testing.T) {
	for text, want := range map[string]bool{
		"exec \"$@\"": false,
		"f() { v=\"$1\"; }; f DB_PASSWORD; exec \"$@\"":                      false,
		"f() { case \"$1\" in -*) ;; esac; }; f \"$@\"; exec \"$@\"":         true,
		"_main() { if [ \"${1#-}\" != \"$1\" ]; then :; fi; }; _main \"$@\"": true,
		"if [ \"$1\" = web ]; then exec app; fi; exec \"$@\"":                true,
		"[ $# -gt 0 ] && exec \"$@\"":                                        true,
		"g() { echo \"$*\"; }; g a b":                                        false,
	} {
		s := ParseShell(NewSource("t", []byte(text)), text, nil)
		if got := s.InspectsArgs(); got != want {
			t.Errorf("%q: InspectsArgs = %v, want %v", text, got, want)
		}
	}
}
