package rules

import (
	"fmt"
	"strings"

	"github.com/dlint-dev/dlint/parser"
)

// InvalidDefaultArgInFrom reports a FROM whose image, expanded with the ARG
// defaults alone, is not a valid reference: the build fails unless a
// --build-arg supplies the value.
var InvalidDefaultArgInFrom = &Rule{
	ID:       "invalid-default-arg-in-from",
	Aliases:  []string{"InvalidDefaultArgInFrom"},
	Severity: Info,
	Tags:     []string{TagDockerfile, TagCorrectness},
	Summary:  "With the ARG defaults alone, FROM names no valid image, so a plain docker build fails",
	Doc: mdDoc(`## Why
§ARG TAG§ without a default and §FROM alpine:${TAG}§ make §alpine:§ unless the build
passes §--build-arg TAG=…§; a plain §docker build .§ fails with an invalid
reference. Give the ARG a default that builds, or keep it required on purpose
and silence this. As BuildKit's InvalidDefaultArgInFrom (the platform
arguments count as linux/amd64). A Dockerfile whose every compose build
passes the variables in §build.args§ is not reported: those builds never
use the defaults alone.`) + reimplemented + mdDoc(`

## Bad
§§§dockerfile
ARG TAG
FROM alpine:${TAG}
§§§

## Good
§§§dockerfile
ARG TAG=3.20
FROM alpine:${TAG}
§§§

## Silence
§# dlint ignore=invalid-default-arg-in-from§ above the FROM.`),
	Check: checkInvalidDefaultArgInFrom,
}

func checkInvalidDefaultArgInFrom(pass *Pass) {
	df := pass.Dockerfile
	if df == nil {
		return
	}
	for _, st := range df.Stages {
		if !strings.Contains(st.BaseName, "$") {
			continue
		}
		expanded, ok := df.DefaultBase(st)
		if ok || buildsSetArgs(df, pass.Builders, st.BaseName) {
			continue
		}
		is := "`" + expanded + "`, not a valid image name"
		if strings.TrimSpace(expanded) == "" {
			is = "empty"
		}
		pass.Report(argWordRange(st.From, 0, df.Source), fmt.Sprintf("with the ARG defaults alone `FROM %s` is %s, so the build fails unless --build-arg sets the value; give the ARG a default", st.BaseName, is))
	}
}

// buildsSetArgs reports whether every compose build of the Dockerfile
// passes a value for each variable the FROM names: `docker compose build`
// then never builds it with the defaults alone. With no such build (the
// Dockerfile linted on its own), nothing says what --build-arg passes.
func buildsSetArgs(df *parser.Dockerfile, builders []*parser.Container, from string) bool {
	names := df.VarsIn(from)
	seen := false
	for _, c := range builders {
		if c.Service == nil || c.Service.Build == nil {
			continue
		}
		set := map[string]bool{}
		for _, a := range c.Service.Build.Args {
			set[a.Name] = true
		}
		for _, n := range names {
			if !set[n] {
				return false
			}
		}
		seen = true
	}
	return seen && len(names) > 0
}
