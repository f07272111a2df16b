package rules

import (
	"strings"

	"github.com/dlint-dev/dlint/parser"
)

// mdDoc writes a rule doc kept in a raw string: § stands for a backquote,
// which a raw string cannot hold.
func mdDoc(s string) string { return strings.ReplaceAll(s, "§", "`") }

// argWordRange places the i-th word of the instruction's arguments
// (`AS` of `FROM img AS name` is word 1), searching the words in order on
// the first line; the whole instruction when it is not found there.
func argWordRange(in *parser.Instruction, i int, src *parser.Source) parser.Range {
	if i >= len(in.Args) {
		return in.Range
	}
	col := in.ArgsRange().Start.Col
	var r parser.Range
	for k := 0; k <= i; k++ {
		found := false
		r, found = src.FindInLine(in.Range.Start.Line, col, in.Args[k])
		if !found {
			return in.Find(in.Args[i])
		}
		col = r.End.Col
	}
	return r
}

// reimplemented is the note of the BuildKit checks dlint computes itself.
const reimplemented = "\n\nBuildKit computes this check while converting the Dockerfile to LLB (`dockerfile2llb`), " +
	"which dlint does not import (some 500 more packages, and a registry client for base images), " +
	"so dlint computes it on its own model. (The buildkit packages dlint uses compute only " +
	"StageNameCasing, FromAsCasing, InvalidDefinitionDescription and NoEmptyContinuation; dlint reads those.)"
