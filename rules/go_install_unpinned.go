package rules

// GoInstallUnpinned reports go install naming packages without a version.
var GoInstallUnpinned = &Rule{
	ID:       "go-install-unpinned",
	Aliases:  []string{"DL3062"},
	Severity: Info,
	Tags:     []string{TagDockerfile, TagBestPractice},
	Group:    GroupPinning,
	Summary:  "`go install` names a package without a version, so each build takes whatever is newest",
	Doc: `## Why
A package named without a version is whatever the repository holds on the
day of the build: two builds of the same Dockerfile can ship different
software, and a rebuild for an unrelated change can bring a new major
version. Pin with ` + "`" + `module/cmd@vX.Y.Z` + "`" + ` (or a commit). ` + "`" + `@latest` + "`" + `, and a branch such as ` + "`" + `@master` + "`" + `, take whatever is newest. A package without ` + "`" + `@version` + "`" + ` is built at the version the current module's go.mod requires (outside a module the go command refuses it), so dlint does not report it; nor local paths (` + "`" + `./cmd/app` + "`" + `).

The rule is in the ` + "`pinning`" + ` group, off by default: select it with
` + "`--extend-select pinning`" + ` (or ` + "`go-install-unpinned`" + `).

## Bad
` + "```dockerfile" + `
RUN go install golang.org/x/tools/gopls@latest
` + "```" + `

## Good
` + "```dockerfile" + `
RUN go install golang.org/x/tools/gopls@v0.16.2
` + "```" + `

## Silence
` + "`# dlint ignore=go-install-unpinned`" + ` above the RUN. hadolint's ` + "`DL3062`" + ` works too.`,
	Check: func(pass *Pass) { checkUnpinned(pass, "go") },
}
