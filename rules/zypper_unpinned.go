package rules

// ZypperUnpinned reports zypper install naming packages without a version.
var ZypperUnpinned = &Rule{
	ID:       "zypper-unpinned",
	Aliases:  []string{"DL3037"},
	Severity: Info,
	Tags:     []string{TagDockerfile, TagBestPractice},
	Group:    GroupPinning,
	Summary:  "`zypper install` names a package without a version, so each build takes whatever is newest",
	Doc: `## Why
A package named without a version is whatever the repository holds on the
day of the build: two builds of the same Dockerfile can ship different
software, and a rebuild for an unrelated change can bring a new major
version. Pin with ` + "`" + `name=VERSION` + "`" + ` (or ` + "`" + `>=` + "`" + `, ` + "`" + `<` + "`" + `, quoted or escaped for the shell). RPM files and a version from a variable dlint cannot resolve count as pinned.

The rule is in the ` + "`pinning`" + ` group, off by default: select it with
` + "`--extend-select pinning`" + ` (or ` + "`zypper-unpinned`" + `).

## Bad
` + "```dockerfile" + `
RUN zypper install -y tomcat && zypper clean
` + "```" + `

## Good
` + "```dockerfile" + `
RUN zypper install -y tomcat=9.0.39 && zypper clean
` + "```" + `

## Silence
` + "`# dlint ignore=zypper-unpinned`" + ` above the RUN. hadolint's ` + "`DL3037`" + ` works too.`,
	Check: func(pass *Pass) { checkUnpinned(pass, "zypper") },
}
