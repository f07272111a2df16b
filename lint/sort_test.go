package lint

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"testing"

	"github.com/dlint-dev/dlint/parser"
	"github.com/dlint-dev/dlint/rules"
)

// TestSortStableKeepsOrderOfEqualFindings sorts findings with many equal
// keys and checks the order against sort.SliceStable's: equal findings
// (same place, rule and message, told apart here by their services) keep
// the order they were reported in.
func TestSortStableKeepsOrderOfEqualFindings(t *testing.T) {
	ruleA, ruleB := &rules.Rule{ID: "a"}, &rules.Rule{ID: "b"}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 2, 3, 17, 200, 5000} {
		in := make([]rules.Finding, n)
		for i := range in {
			start := parser.Pos{Line: rng.IntN(4), Col: rng.IntN(3)}
			rule := ruleA
			if rng.IntN(2) == 0 {
				rule = ruleB
			}
			in[i] = rules.Finding{
				Range:    parser.Range{File: fmt.Sprint("f", rng.IntN(3)), Start: start, End: parser.Pos{Line: start.Line + rng.IntN(2)}},
				Rule:     rule,
				Message:  fmt.Sprint("m", rng.IntN(2)),
				Services: []string{fmt.Sprint(i)},
			}
		}
		want := append([]rules.Finding(nil), in...)
		sort.SliceStable(want, func(i, j int) bool { return compareFindings(&want[i], &want[j]) < 0 })
		sortStable(in)
		for i := range in {
			if in[i].Services[0] != want[i].Services[0] {
				t.Fatalf("n=%d: position %d holds finding %s, want %s", n, i, in[i].Services[0], want[i].Services[0])
			}
		}
	}
}
