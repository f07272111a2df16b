package rules

// YumUnpinned reports yum install naming packages without a version.
var YumUnpinned = &Rule{
	ID:       "yum-unpinned",
	Aliases:  []string{"DL3033"},
	Severity: Info,
	Tags:     []string{TagDockerfile, TagBestPractice},
	Group:    GroupPinning,
	Summary:  "`yum install` names a package without a version, so each build takes whatever is newest",
	Doc: `## Why
A package named without a version is whatever the repository holds on the
day of the build: two builds of the same Dockerfile can ship different
software, and a rebuild for an unrelated change can bring a new major
version. Pin with ` + "`" + `name-VERSION` + "`" + ` (` + "`" + `httpd-2.4.6` + "`" + `, ` + "`" + `openssl-1:1.1.1k` + "`" + `): dlint reads a version where the part after the last dash starts with a digit, so ` + "`" + `java-11-openjdk` + "`" + ` is unpinned and ` + "`" + `java-11-openjdk-11.0.25` + "`" + ` pinned. RPM files, URLs, ` + "`" + `@group` + "`" + `s and ` + "`" + `module install name:stream` + "`" + ` count as pinned, and so does a version from a variable dlint cannot resolve.

The rule is in the ` + "`pinning`" + ` group, off by default: select it with
` + "`--extend-select pinning`" + ` (or ` + "`yum-unpinned`" + `).

## Bad
` + "```dockerfile" + `
RUN yum install -y httpd && yum clean all
` + "```" + `

## Good
` + "```dockerfile" + `
RUN yum install -y httpd-2.4.6 && yum clean all
` + "```" + `

## Silence
` + "`# dlint ignore=yum-unpinned`" + ` above the RUN. hadolint's ` + "`DL3033`" + ` works too.`,
	Check: func(pass *Pass) { checkUnpinned(pass, "yum") },
}
