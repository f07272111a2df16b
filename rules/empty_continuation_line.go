package rules

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/dlint-dev/dlint/parser"
)

// EmptyContinuationLine reports an empty line inside an instruction
// continued with `\`; buildkit's parser finds it.
var EmptyContinuationLine = &Rule{
	ID:       "empty-continuation-line",
	Aliases:  []string{"NoEmptyContinuation"},
	Severity: Warning,
	Tags:     []string{TagDockerfile, TagCorrectness},
	Summary:  "An empty line inside an instruction continued with a backslash; the instruction goes on after it",
	Doc: mdDoc(`## Why
An empty line does not end an instruction continued with §\§: the lines after
it still belong to the same RUN. Often that is a slip (a trailing §\§ left after
the last command, so the next instruction's text or a later line joins the
RUN), and where it is meant it reads as if the instruction ended. BuildKit
warns about it and says empty continuation lines will become errors in a
future release. This is buildkit's own finding, read from its parser.

## Bad
§§§dockerfile
RUN apt-get update && \
    apt-get install -y curl \

RUN echo done
§§§

## Good
§§§dockerfile
RUN apt-get update && \
    apt-get install -y curl

RUN echo done
§§§

## Silence
§# dlint ignore=empty-continuation-line§ above the instruction; §# check=skip=NoEmptyContinuation§
works too.`),
	Check: checkEmptyContinuationLine,
}

func checkEmptyContinuationLine(pass *Pass) {
	df := pass.Dockerfile
	if df == nil {
		return
	}
	for _, c := range df.Checks("NoEmptyContinuation") {
		in := c.Instr
		where := "an empty line"
		if n := firstEmptyLine(df.Source, in); n > 0 {
			where = "line " + strconv.Itoa(n) + ", an empty line,"
		}
		after := "the lines after it still belong to the " + in.Keyword
		if n, kw := swallowedInstruction(df.Source, in); n > 0 {
			after = fmt.Sprintf("line %d, `%s …`, is read as words of this %s, not as a %s", n, kw, in.Keyword, strings.ToUpper(kw))
		}
		pass.Report(in.KeywordRange(), fmt.Sprintf("%s inside this continued %s does not end it: %s, and BuildKit says this will become an error; remove the empty line, or the `%c` before it if the instruction should end there", where, in.Keyword, after, df.Escape))
	}
}

// firstEmptyLine is the first blank line inside a continued instruction,
// before any heredoc body (whose blank lines are content); 0 when none.
func firstEmptyLine(src *parser.Source, in *parser.Instruction) int {
	for n := in.Range.Start.Line + 1; n <= in.Range.End.Line; n++ {
		line := src.Line(n)
		if strings.TrimSpace(line) == "" {
			return n
		}
		if len(in.Heredocs) > 0 && strings.Contains(src.Line(n-1), "<<") {
			return 0
		}
	}
	return 0
}

// swallowedInstruction finds a line inside the instruction, after an
// empty line, that starts with an instruction keyword: what the author
// meant as the next instruction. 0 when there is none.
func swallowedInstruction(src *parser.Source, in *parser.Instruction) (int, string) {
	empty := false
	for n := in.Range.Start.Line + 1; n <= in.Range.End.Line; n++ {
		line := strings.TrimSpace(src.Line(n))
		switch {
		case line == "":
			empty = true
		case strings.HasPrefix(line, "#"):
		case empty:
			word, _, _ := strings.Cut(line, " ")
			if dockerfileKeywords[strings.ToUpper(word)] {
				return n, word
			}
			return 0, ""
		}
	}
	return 0, ""
}

var dockerfileKeywords = map[string]bool{
	"ADD": true, "ARG": true, "CMD": true, "COPY": true, "ENTRYPOINT": true, "ENV": true, "EXPOSE": true,
	"FROM": true, "HEALTHCHECK": true, "LABEL": true, "MAINTAINER": true, "ONBUILD": true, "RUN": true,
	"SHELL": true, "STOPSIGNAL": true, "USER": true, "VOLUME": true, "WORKDIR": true,
}
