package rules

import (
	"fmt"
	"strings"
)

// DefinitionDescription reports a comment above `FROM … AS name` or
// `ARG name` that does not start with the name; buildkit computes it.
var DefinitionDescription = &Rule{
	ID:       "definition-description",
	Aliases:  []string{"InvalidDefinitionDescription"},
	Severity: Style,
	Group:    GroupStyle,
	Tags:     []string{TagDockerfile},
	Summary:  "The comment above a named stage or an ARG does not start with its name, so tools do not take it as its description",
	Doc: mdDoc(`## Why
§docker buildx build --call=outline§ and §--call=targets§ show the comment directly
above §ARG NAME§ or §FROM … AS name§ as the description of the argument or the
build target, when the comment starts with that name, as Go's doc comments do.
A comment that starts otherwise is not shown. A blank line does not end the
comment block; an empty §#§ line does, when the comment is not meant as a
description. This is BuildKit's experimental InvalidDefinitionDescription,
read from its linter; a last comment line that is a pragma (§# dlint ignore=…§,
§# hadolint ignore=…§, §# check=…§) is not reported, as it describes nothing.

## Bad
§§§dockerfile
# compile the server
FROM golang:1.23 AS build
§§§

## Good
§§§dockerfile
# build compiles the server
FROM golang:1.23 AS build
§§§

## Silence
§# dlint ignore=definition-description§ above the comment block.`),
	Check: checkDefinitionDescription,
}

func checkDefinitionDescription(pass *Pass) {
	df := pass.Dockerfile
	if df == nil {
		return
	}
	for _, c := range df.Checks("InvalidDefinitionDescription") {
		in := c.Instr
		if len(in.Comments) > 0 && isPragma(in.Comments[len(in.Comments)-1]) {
			continue
		}
		what := "argument"
		if in.Keyword == "FROM" {
			what = "build target"
		}
		pass.Report(in.KeywordRange(), fmt.Sprintf("the comment above this %s does not start with its name, so `docker buildx build --call=outline` does not show it as the %s's description; start it with the name, or end the comment block with an empty `#` line", in.Keyword, what))
	}
}

// isPragma tells a comment meant for a tool (an ignore, a check
// directive) from prose.
func isPragma(comment string) bool {
	c := strings.ToLower(strings.TrimSpace(comment))
	for _, p := range []string{"dlint ", "dlint:", "hadolint ", "check=", "trivy:", "kics ", "syntax=", "escape="} {
		if strings.HasPrefix(c, p) {
			return true
		}
	}
	return false
}
