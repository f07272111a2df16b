package rules

// DnfUnpinned reports dnf install naming packages without a version.
var DnfUnpinned = &Rule{
	ID:       "dnf-unpinned",
	Aliases:  []string{"DL3041", "93d88cf7-f078-46a8-8ddc-178e03aeacf1"},
	Severity: Info,
	Tags:     []string{TagDockerfile, TagBestPractice},
	Group:    GroupPinning,
	Summary:  "`dnf install` names a package without a version, so each build takes whatever is newest",
	Doc: `## Why
A package named without a version is whatever the repository holds on the
day of the build: two builds of the same Dockerfile can ship different
software, and a rebuild for an unrelated change can bring a new major
version. Pin with ` + "`" + `name-VERSION` + "`" + ` (` + "`" + `tomcat-9.0.1` + "`" + `, ` + "`" + `openssl-1:1.1.1k` + "`" + `): dlint reads a version where the part after the last dash starts with a digit. microdnf is read the same way. RPM files, URLs, ` + "`" + `@group` + "`" + `s and ` + "`" + `module install name:stream` + "`" + ` count as pinned, and so does a version from a variable dlint cannot resolve.

The rule is in the ` + "`pinning`" + ` group, off by default: select it with
` + "`--extend-select pinning`" + ` (or ` + "`dnf-unpinned`" + `).

## Bad
` + "```dockerfile" + `
RUN dnf install -y tomcat && dnf clean all
` + "```" + `

## Good
` + "```dockerfile" + `
RUN dnf install -y tomcat-9.0.1 && dnf clean all
` + "```" + `

## Silence
` + "`# dlint ignore=dnf-unpinned`" + ` above the RUN. hadolint's ` + "`DL3041`" + ` works too.`,
	Check: func(pass *Pass) { checkUnpinned(pass, "dnf", "microdnf") },
}
