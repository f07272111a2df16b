package fingerprint

import (
	"testing"

	"github.com/dlint-dev/dlint/parser"
	"github.com/dlint-dev/dlint/rules"
)

func TestNormalizeLine(t *testing.T) {
	for in, want := range map[string]string{
		"  RUN   sudo  make\t": "RUN sudo make",
		"USER root":            "USER root",
		"":                     "",
	} {
		if got := NormalizeLine(in); got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
}

func TestCompute(t *testing.T) {
	a := parser.NewSource("a", []byte("FROM x\nUSER root\n\n  USER   root\nUSER root\n"))
	b := parser.NewSource("b", []byte("# moved down\nFROM x\nUSER root\n"))
	sources := map[string]*parser.Source{"a": a, "b": b}
	rule := &rules.Rule{ID: "root-user"}
	at := func(file string, line int) rules.Finding {
		return rules.Finding{Rule: rule, Range: parser.Range{File: file, Start: parser.Pos{Line: line, Col: 1}}}
	}
	fps := Compute([]rules.Finding{at("a", 2), at("a", 4), at("a", 5), at("b", 3)}, sources, nil)
	if fps[0] == fps[1] || fps[1] == fps[2] {
		t.Errorf("identical lines must differ by occurrence: %v", fps)
	}
	if fps[0] != fps[3] {
		t.Error("the first occurrence in another file (or after a move) must keep its fingerprint")
	}
	if fps[0] != Of("root-user", "", "USER  root", 0) || fps[1] != Of("root-user", "", "USER root", 1) {
		t.Error("Of must agree with Compute")
	}
	if Of("sudo", "", "USER root", 0) == fps[0] {
		t.Error("the rule is part of the fingerprint")
	}
	noSource := Compute([]rules.Finding{{Rule: rule, Message: "m", Range: parser.Range{File: "c", Start: parser.Pos{Line: 1}}}}, nil, nil)
	if noSource[0] != Of("root-user", "", "m", 0) {
		t.Error("without the source the message stands in")
	}
	withPath := Compute([]rules.Finding{at("a", 2), at("b", 3)}, sources, func(f string) string { return "dir/" + f })
	if withPath[0] == withPath[1] || withPath[0] == fps[0] {
		t.Error("with pathOf, the path is part of the fingerprint")
	}
}
