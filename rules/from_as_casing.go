package rules

import (
	"fmt"
	"strings"
)

// FromAsCasing reports `FROM x as y` (or `from x AS y`); buildkit computes
// it while parsing.
var FromAsCasing = &Rule{
	ID:       "from-as-casing",
	Aliases:  []string{"FromAsCasing"},
	Severity: Style,
	Group:    GroupStyle,
	Tags:     []string{TagDockerfile},
	Summary:  "The AS of a FROM is not in the casing of the FROM keyword",
	Doc: mdDoc(`## Why
§FROM node:22 as build§ mixes an upper-case keyword with a lower-case §as§. It
builds the same, but reads as two styles in one line. The fix writes §AS§ in
the casing of §FROM§. A FROM keyword in mixed case (§From§) is left to
instruction-casing. This is buildkit's own check, read from its linter.

## Bad
§§§dockerfile
FROM node:22 as build
§§§

## Good
§§§dockerfile
FROM node:22 AS build
§§§

## Silence
§# dlint ignore=from-as-casing§ above the FROM; §# check=skip=FromAsCasing§ works too.`),
	Check: checkFromAsCasing,
}

func checkFromAsCasing(pass *Pass) {
	df := pass.Dockerfile
	if df == nil {
		return
	}
	for _, c := range df.Checks("FromAsCasing") {
		in := c.Instr
		if len(in.Args) != 3 {
			continue
		}
		want := "AS"
		if written := in.KeywordText(); written == strings.ToLower(written) {
			want = "as"
		}
		r := argWordRange(in, 1, df.Source)
		fix := &Fix{Description: "write " + want + " in the casing of FROM", Edits: []Edit{{Range: r, NewText: want}}}
		pass.ReportFix(r, fmt.Sprintf("'%s' is not in the casing of '%s'; write '%s' so the line reads in one style", in.Args[1], in.KeywordText(), want), fix)
	}
}
