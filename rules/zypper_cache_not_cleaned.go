package rules

// ZypperCacheNotCleaned reports zypper install leaving its cache in the final image.
var ZypperCacheNotCleaned = &Rule{
	ID:       "zypper-cache-not-cleaned",
	Aliases:  []string{"DL3036", "DS020", "38300d1a-feb2-4a48-936a-d1ef1cd24313"},
	Severity: Info,
	Tags:     []string{TagDockerfile, TagBestPractice},
	Summary:  "`zypper install` leaves its cache in the image unless the same RUN cleans it",
	Doc: `## Why
` + "`zypper install`" + ` keeps the repository metadata and packages it downloads in
/var/cache/zypp: often tens of megabytes the image ships for nothing. Only a
clean in the same RUN keeps them out of the layer (` + "`" + `zypper clean` + "`" + ` (` + "`" + `zypper cc` + "`" + `) or ` + "`" + `rm -rf /var/cache/zypp` + "`" + `);
one in a later RUN hides them but the earlier layer still holds them. A
cache mount (` + "`RUN --mount=type=cache,target=/var/cache/zypp`" + `) keeps them out
of the image too. dlint reports only stages that end up in the final image
(the last stage and the stages it builds on): a build stage's cache is
dropped, since only what COPY --from names reaches the image.

## Bad
` + "```dockerfile" + `
RUN zypper install -y tomcat
` + "```" + `

## Good
` + "```dockerfile" + `
RUN zypper install -y tomcat && zypper clean --all
` + "```" + `

## Silence
` + "`# dlint ignore=zypper-cache-not-cleaned`" + ` above the RUN. hadolint's ` + "`DL3036`" + ` works too.`,
	Check: func(pass *Pass) { checkCacheNotCleaned(pass, installsPkgs, []string{"zypper"}, "zypper") },
}
