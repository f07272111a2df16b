package rules

import (
	"fmt"
	"strings"
)

// StageNameCasing reports a stage name with upper-case letters; buildkit
// computes it while parsing.
var StageNameCasing = &Rule{
	ID:       "stage-name-casing",
	Aliases:  []string{"StageNameCasing"},
	Severity: Style,
	Group:    GroupStyle,
	Tags:     []string{TagDockerfile},
	Summary:  "A stage name has upper-case letters, though buildkit matches stage names in lower case",
	Doc: mdDoc(`## Why
buildkit lower-cases stage names: §FROM node AS Build§ is the stage §build§, and
§COPY --from=BUILD§ finds it too. A name written in mixed case suggests a
distinction that does not exist. The fix lower-cases the name after §AS§;
references to it keep working, as they are matched without regard to case.
This is buildkit's own check (§docker build --check§), read from its linter.

## Bad
§§§dockerfile
FROM golang:1.23 AS Build
§§§

## Good
§§§dockerfile
FROM golang:1.23 AS build
§§§

## Silence
§# dlint ignore=stage-name-casing§ above the FROM; BuildKit's
§# check=skip=StageNameCasing§ works too.`),
	Check: checkStageNameCasing,
}

func checkStageNameCasing(pass *Pass) {
	df := pass.Dockerfile
	if df == nil {
		return
	}
	for _, c := range df.Checks("StageNameCasing") {
		in := c.Instr
		if len(in.Args) != 3 {
			continue
		}
		name := in.Args[2]
		r := argWordRange(in, 2, df.Source)
		fix := &Fix{Description: "lower-case the stage name", Edits: []Edit{{Range: r, NewText: strings.ToLower(name)}}}
		pass.ReportFix(r, fmt.Sprintf("stage name '%s' has upper-case letters; buildkit matches stage names in lower case, so write '%s'", name, strings.ToLower(name)), fix)
	}
}
