package rules

import (
	"fmt"
	"strings"
)

// ConstantPlatform reports FROM --platform with a constant value, which
// ties the stage to one platform whatever the build asks for.
var ConstantPlatform = &Rule{
	ID:       "constant-platform",
	Aliases:  []string{"FromPlatformFlagConstDisallowed", "DL3029"},
	Severity: Info,
	Group:    GroupStrict,
	Tags:     []string{TagDockerfile},
	Summary:  "FROM --platform with a constant ties the stage to one platform whatever the build asks for",
	Doc: mdDoc(`## Why
§FROM --platform=linux/amd64 node:22§ builds that stage for amd64 even when the
build asks for §--platform linux/arm64§ or several platforms: an arm64 image
then holds amd64 binaries, which run under emulation or not at all. For a build
stage that cross-compiles, §--platform=$BUILDPLATFORM§ is the usual form; for
an image meant for one platform, pass §--platform§ to the build instead.
A stage whose name names the platform (§AS build-amd64§) is taken as meant and
not reported, as BuildKit's FromPlatformFlagConstDisallowed does. In group
strict: pinning a platform on purpose (an amd64-only vendor binary) is common.`) + reimplemented + mdDoc(`

## Bad
§§§dockerfile
FROM --platform=linux/amd64 node:22-slim
§§§

## Good
§§§dockerfile
FROM --platform=$BUILDPLATFORM golang:1.23 AS build
FROM node:22-slim
§§§

## Silence
§# dlint ignore=constant-platform§ above the FROM.`),
	Check: checkConstantPlatform,
}

func checkConstantPlatform(pass *Pass) {
	df := pass.Dockerfile
	if df == nil {
		return
	}
	for _, st := range df.Stages {
		p := st.Platform
		if p == "" || strings.Contains(p, "$") {
			continue
		}
		parts := strings.Split(strings.ToLower(p), "/")
		if len(parts) > 3 || parts[0] == "" {
			continue
		}
		named := false
		for _, part := range parts[:min(2, len(parts))] {
			if part != "" && strings.Contains(st.Name, part) {
				named = true
			}
		}
		if named {
			continue
		}
		pass.Report(st.From.FlagRange("--platform="), fmt.Sprintf("--platform=%s ties this stage to %s whatever platform the build asks for, so a build for another platform still gets %s here; use $BUILDPLATFORM for a stage that cross-compiles, or pass --platform to the build", p, p, p))
	}
}
