package rules

// MultipleHealthcheck reports a HEALTHCHECK that a later HEALTHCHECK of the
// same stage replaces.
var MultipleHealthcheck = &Rule{
	ID:       "multiple-healthcheck",
	Aliases:  []string{"DL3012", "MultipleInstructionsDisallowed", "DS023"},
	Severity: Warning,
	Tags:     []string{TagDockerfile, TagCorrectness},
	Summary:  "A stage has more than one HEALTHCHECK; only the last one takes effect",
	Doc: mdDoc(`## Why
An image has one health check. Each HEALTHCHECK replaces the one before it,
so only the last of a stage is used; the earlier ones are dead code that
reads as if it checked something. §HEALTHCHECK NONE§ counts too: it switches
off the check of the base image, and a later HEALTHCHECK replaces it.`) + reimplemented + mdDoc(`

## Bad
§§§dockerfile
FROM nginx:1.27
HEALTHCHECK CMD curl -f http://localhost/ || exit 1
HEALTHCHECK CMD curl -f http://localhost/health || exit 1
§§§

## Good
§§§dockerfile
FROM nginx:1.27
HEALTHCHECK CMD curl -f http://localhost/health || exit 1
§§§

## Silence
§# dlint ignore=multiple-healthcheck§ above the earlier HEALTHCHECK. hadolint's
§DL3012§ works too.`),
	Check: func(pass *Pass) { reportOverridden(pass, "HEALTHCHECK") },
}
