package rules

import (
	"fmt"
	"strings"
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
arguments count as linux/amd64).`) + reimplemented + mdDoc(`

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
		if ok {
			continue
		}
		pass.Report(argWordRange(st.From, 0, df.Source), fmt.Sprintf("with the ARG defaults alone `FROM %s` is `%s`, not a valid image name, so the build fails unless --build-arg sets the value; give the ARG a default", st.BaseName, expanded))
	}
}
