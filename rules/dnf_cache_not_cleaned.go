package rules

// DnfCacheNotCleaned reports dnf install leaving its cache in the final image.
var DnfCacheNotCleaned = &Rule{
	ID:       "dnf-cache-not-cleaned",
	Aliases:  []string{"DL3040", "DS019", "DS027", "295acb63-9246-4b21-b441-7c1f1fb62dc0"},
	Severity: Info,
	Tags:     []string{TagDockerfile, TagBestPractice},
	Summary:  "`dnf install` leaves its cache in the image unless the same RUN cleans it",
	Doc: `## Why
` + "`dnf install`" + ` keeps the repository metadata and packages it downloads in
/var/cache/dnf: often tens of megabytes the image ships for nothing. Only a
clean in the same RUN keeps them out of the layer (` + "`" + `dnf clean all` + "`" + ` (` + "`" + `microdnf clean all` + "`" + `) or ` + "`" + `rm -rf /var/cache/dnf` + "`" + `; microdnf is read the same way);
one in a later RUN hides them but the earlier layer still holds them. A
cache mount (` + "`RUN --mount=type=cache,target=/var/cache/dnf`" + `) keeps them out
of the image too. dlint reports only stages that end up in the final image
(the last stage and the stages it builds on): a build stage's cache is
dropped, since only what COPY --from names reaches the image.

## Bad
` + "```dockerfile" + `
RUN dnf install -y tomcat
` + "```" + `

## Good
` + "```dockerfile" + `
RUN dnf install -y tomcat && dnf clean all
` + "```" + `

## Silence
` + "`# dlint ignore=dnf-cache-not-cleaned`" + ` above the RUN. hadolint's ` + "`DL3040`" + ` works too.`,
	Check: func(pass *Pass) {
		checkCacheNotCleaned(pass, installsPkgs, []string{"yum", "dnf", "microdnf"}, "dnf", "microdnf")
	},
}
