package rules

import (
	"fmt"
	"strings"
)

// UndefinedArgInFrom reports a variable in FROM that no ARG before the
// first FROM declares.
var UndefinedArgInFrom = &Rule{
	ID:       "undefined-arg-in-from",
	Aliases:  []string{"UndefinedArgInFrom"},
	Severity: Warning,
	Tags:     []string{TagDockerfile, TagCorrectness},
	Summary:  "FROM uses a variable that no ARG before the first FROM declares, so it is empty",
	Doc: mdDoc(`## Why
FROM sees only the ARGs declared before the first FROM (and the platform
arguments buildkit defines: §TARGETARCH§, §BUILDPLATFORM§…). A variable declared
later, inside a stage, or not at all, expands to nothing in FROM, even when
§--build-arg§ passes it: §FROM node:${NODE_VERSION}§ becomes §node:§, which fails,
or §FROM ${REGISTRY}app§ quietly pulls §app§ from Docker Hub. Declare it at the
top (§ARG NAME§, with a default if there is one). An ARG declared without a
value is fine: the build passes it. As BuildKit's UndefinedArgInFrom; the
image and §--platform§ are checked.`) + reimplemented + mdDoc(`

## Bad
§§§dockerfile
FROM node:${NODE_VERSION}-slim
ARG NODE_VERSION=22
§§§

## Good
§§§dockerfile
ARG NODE_VERSION=22
FROM node:${NODE_VERSION}-slim
§§§

## Silence
§# dlint ignore=undefined-arg-in-from§ above the FROM.`),
	Check: checkUndefinedArgInFrom,
}

func checkUndefinedArgInFrom(pass *Pass) {
	df := pass.Dockerfile
	if df == nil {
		return
	}
	for _, st := range df.Stages {
		for _, word := range []string{st.Platform, st.BaseName} {
			if !strings.Contains(word, "$") {
				continue
			}
			for _, name := range df.UndeclaredInFrom(word) {
				later := ""
				for _, s := range df.Stages {
					for _, v := range s.Vars {
						if v.Name == name && !v.Env && later == "" {
							later = fmt.Sprintf(" (the ARG on line %d is inside a stage, which FROM does not see)", v.Instr.Range.Start.Line)
						}
					}
				}
				pass.Report(st.From.Find(name), fmt.Sprintf("FROM uses $%s, which no ARG before the first FROM declares%s, so FROM never sees a value for it, not even from --build-arg; declare `ARG %s` above the first FROM", name, later, name))
			}
		}
	}
}
