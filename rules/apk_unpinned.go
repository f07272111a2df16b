package rules

// ApkUnpinned reports apk add naming packages without a version.
var ApkUnpinned = &Rule{
	ID:       "apk-unpinned",
	Aliases:  []string{"DL3018", "d3499f6d-1651-41bb-a9a7-de925fea487b"},
	Severity: Info,
	Tags:     []string{TagDockerfile, TagBestPractice},
	Group:    GroupPinning,
	Summary:  "`apk add` names a package without a version, so each build takes whatever is newest",
	Doc: `## Why
A package named without a version is whatever the repository holds on the
day of the build: two builds of the same Dockerfile can ship different
software, and a rebuild for an unrelated change can bring a new major
version. Pin with ` + "`" + `name=VERSION` + "`" + `, or allow patch releases only with ` + "`" + `name~MAJOR.MINOR` + "`" + `. An ` + "`" + `.apk` + "`" + ` file and a version from a variable dlint cannot resolve count as pinned. Alpine keeps only the newest version in each branch, so an exact pin breaks when the branch moves on; ` + "`" + `~` + "`" + ` is the usual compromise.

The rule is in the ` + "`pinning`" + ` group, off by default: select it with
` + "`--extend-select pinning`" + ` (or ` + "`apk-unpinned`" + `).

## Bad
` + "```dockerfile" + `
RUN apk add --no-cache git
` + "```" + `

## Good
` + "```dockerfile" + `
RUN apk add --no-cache git~2.45
` + "```" + `

## Silence
` + "`# dlint ignore=apk-unpinned`" + ` above the RUN. hadolint's ` + "`DL3018`" + ` works too.`,
	Check: func(pass *Pass) { checkUnpinned(pass, "apk") },
}
