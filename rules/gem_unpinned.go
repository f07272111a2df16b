package rules

// GemUnpinned reports gem install naming packages without a version.
var GemUnpinned = &Rule{
	ID:       "gem-unpinned",
	Aliases:  []string{"DL3028"},
	Severity: Info,
	Tags:     []string{TagDockerfile, TagBestPractice},
	Group:    GroupPinning,
	Summary:  "`gem install` names a package without a version, so each build takes whatever is newest",
	Doc: `## Why
A package named without a version is whatever the repository holds on the
day of the build: two builds of the same Dockerfile can ship different
software, and a rebuild for an unrelated change can bring a new major
version. Pin with ` + "`" + `name:VERSION` + "`" + `, or ` + "`" + `-v VERSION` + "`" + ` (which pins every gem of the command). A ` + "`" + `.gem` + "`" + ` file counts as pinned; so does a version from a variable dlint cannot resolve. What follows ` + "`" + `--` + "`" + ` is handed to the gem's build and is not read.

The rule is in the ` + "`pinning`" + ` group, off by default: select it with
` + "`--extend-select pinning`" + ` (or ` + "`gem-unpinned`" + `).

## Bad
` + "```dockerfile" + `
RUN gem install bundler
` + "```" + `

## Good
` + "```dockerfile" + `
RUN gem install bundler:2.5.22
` + "```" + `

## Silence
` + "`# dlint ignore=gem-unpinned`" + ` above the RUN. hadolint's ` + "`DL3028`" + ` works too.`,
	Check: func(pass *Pass) { checkUnpinned(pass, "gem") },
}
