package rules

import "fmt"

// RunSecurityInsecure reports RUN steps that ask for BuildKit's insecure
// sandbox, and compose builds that grant it.
var RunSecurityInsecure = &Rule{
	ID:       "run-security-insecure",
	Severity: Error,
	Tags:     []string{TagSecurity, TagDockerfile, TagCompose},
	Summary:  "A build step runs privileged: RUN --security=insecure, or a compose build that grants security.insecure",
	Doc: `## Why
` + "`RUN --security=insecure`" + ` is ` + "`docker run --privileged`" + ` for one build step: it runs
with every capability, no seccomp or AppArmor profile and the host's devices, so
the step (and every script or package it downloads) can reach the build host.
It only runs when the builder was started with
` + "`--allow-insecure-entitlement security.insecure`" + ` and the build passes
` + "`--allow security.insecure`" + `; a CI that grants it builds any Dockerfile that asks,
including one changed in a pull request. In compose, ` + "`build: {privileged: true}`" + `
and ` + "`entitlements: [security.insecure]`" + ` grant it to the service's build.

Most steps that seem to need it (mounting a loop device, running a nested
container) can be done at run time, or in a VM builder.

## Bad
` + "```dockerfile" + `
# syntax=docker/dockerfile:1-labs
FROM debian:12-slim
RUN --security=insecure mount -t tmpfs none /mnt && ./build.sh
` + "```" + `

## Good
` + "```dockerfile" + `
FROM debian:12-slim
RUN --mount=type=tmpfs,target=/mnt ./build.sh
` + "```" + `

## Silence
` + "`# dlint ignore=run-security-insecure`" + ` on the line above the RUN or the compose key,
or ` + "`run-security-insecure: off`" + ` in .dlint.yaml.`,
	Check: checkRunSecurityInsecure,
}

func checkRunSecurityInsecure(pass *Pass) {
	if df := pass.Dockerfile; df != nil {
		for _, in := range runInstructions(df) {
			if in.Run == nil || in.Run.Security != "insecure" {
				continue
			}
			pass.Report(in.FlagRange("--security"), "`RUN --security=insecure` runs this build step privileged: every capability, no seccomp or AppArmor, the host's devices, so the step and what it downloads can take over the build host; do the privileged work at run time, or use a `--mount=type=tmpfs` or `--mount=type=cache` where that was the reason")
		}
	}
	var hits []serviceHit
	for _, s := range composeServices(pass) {
		b := s.Build
		if b == nil {
			continue
		}
		if b.Privileged != nil {
			hits = append(hits, serviceHit{Range: b.Privileged.Range, Service: s.Name, Key: "privileged"})
		}
		for _, e := range b.Entitlements {
			if e.Value == "security.insecure" {
				hits = append(hits, serviceHit{Range: e.Range, Service: s.Name, Key: "security.insecure"})
			}
		}
	}
	reportServiceHits(pass, hits, func(h serviceHit, services string) string {
		what := "`privileged: true` in the build of " + services + " grants the `security.insecure` entitlement"
		if h.Key == "security.insecure" {
			what = "the `security.insecure` entitlement of the build of " + services
		}
		return fmt.Sprintf("%s lets any `RUN --security=insecure` step of the Dockerfile run privileged on the build host; remove it, and do the privileged work at run time", what)
	})
}
