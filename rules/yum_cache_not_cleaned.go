package rules

// YumCacheNotCleaned reports yum install leaving its cache in the final image.
var YumCacheNotCleaned = &Rule{
	ID:       "yum-cache-not-cleaned",
	Aliases:  []string{"DL3032", "DS015"},
	Severity: Info,
	Tags:     []string{TagDockerfile, TagBestPractice},
	Summary:  "`yum install` leaves its cache in the image unless the same RUN cleans it",
	Doc: `## Why
` + "`yum install`" + ` keeps the repository metadata and packages it downloads in
/var/cache/yum: often tens of megabytes the image ships for nothing. Only a
clean in the same RUN keeps them out of the layer (` + "`" + `yum clean all` + "`" + `, ` + "`" + `dnf clean all` + "`" + ` or ` + "`" + `rm -rf /var/cache/yum` + "`" + `);
one in a later RUN hides them but the earlier layer still holds them. A
cache mount (` + "`RUN --mount=type=cache,target=/var/cache/yum`" + `) keeps them out
of the image too. dlint reports only stages that end up in the final image
(the last stage and the stages it builds on): a build stage's cache is
dropped, since only what COPY --from names reaches the image.

## Bad
` + "```dockerfile" + `
RUN yum install -y httpd
` + "```" + `

## Good
` + "```dockerfile" + `
RUN yum install -y httpd && yum clean all
` + "```" + `

## Silence
` + "`# dlint ignore=yum-cache-not-cleaned`" + ` above the RUN. hadolint's ` + "`DL3032`" + ` works too.`,
	Check: func(pass *Pass) { checkCacheNotCleaned(pass, installsPkgs, []string{"yum", "dnf", "microdnf"}, "yum") },
}
