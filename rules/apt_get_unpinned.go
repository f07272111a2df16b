package rules

// AptGetUnpinned reports apt-get install naming packages without a version.
var AptGetUnpinned = &Rule{
	ID:       "apt-get-unpinned",
	Aliases:  []string{"DL3008", "965a08d7-ef86-4f14-8792-4a3b2098937e"},
	Severity: Info,
	Tags:     []string{TagDockerfile, TagBestPractice},
	Group:    GroupPinning,
	Summary:  "`apt-get install` names a package without a version, so each build takes whatever is newest",
	Doc: `## Why
A package named without a version is whatever the repository holds on the
day of the build: two builds of the same Dockerfile can ship different
software, and a rebuild for an unrelated change can bring a new major
version. Pin with ` + "`" + `name=VERSION` + "`" + ` (` + "`" + `apt-cache policy name` + "`" + ` shows the candidates). A ` + "`" + `.deb` + "`" + ` file, a path, and a version from a variable dlint cannot resolve (` + "`" + `curl=$CURL_VERSION` + "`" + `) count as pinned; ` + "`" + `name/release` + "`" + ` picks a release, not a version, and is reported. Debian removes superseded versions from its archive, so a pin also makes a build fail when the version is gone: the point is to choose when to move.

The rule is in the ` + "`pinning`" + ` group, off by default: select it with
` + "`--extend-select pinning`" + ` (or ` + "`apt-get-unpinned`" + `).

## Bad
` + "```dockerfile" + `
RUN apt-get update && apt-get install -y --no-install-recommends curl
` + "```" + `

## Good
` + "```dockerfile" + `
RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8
` + "```" + `

## Silence
` + "`# dlint ignore=apt-get-unpinned`" + ` above the RUN. hadolint's ` + "`DL3008`" + ` works too.`,
	Check: func(pass *Pass) { checkUnpinned(pass, "apt-get", "apt", "aptitude") },
}
