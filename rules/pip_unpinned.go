package rules

// PipUnpinned reports pip install naming packages without a version.
var PipUnpinned = &Rule{
	ID:       "pip-unpinned",
	Aliases:  []string{"DL3013"},
	Severity: Info,
	Tags:     []string{TagDockerfile, TagBestPractice},
	Group:    GroupPinning,
	Summary:  "`pip install` names a package without a version, so each build takes whatever is newest",
	Doc: `## Why
A package named without a version is whatever the repository holds on the
day of the build: two builds of the same Dockerfile can ship different
software, and a rebuild for an unrelated change can bring a new major
version. Pin with ` + "`" + `name==VERSION` + "`" + ` (any specifier, ` + "`" + `>=` + "`" + `, ` + "`" + `~=` + "`" + `, ` + "`" + `<` + "`" + `, counts), or install from a requirements file (` + "`" + `-r` + "`" + `) or under a constraints file (` + "`" + `-c` + "`" + `, which pins every package of the command). Paths, archives, wheels, URLs and VCS references (` + "`" + `git+https://…@tag` + "`" + `) are what they name and are not reported; neither is a version from a variable dlint cannot resolve. ` + "`pipx install`" + ` is read the same way.

The rule is in the ` + "`pinning`" + ` group, off by default: select it with
` + "`--extend-select pinning`" + ` (or ` + "`pip-unpinned`" + `).

## Bad
` + "```dockerfile" + `
RUN pip install --no-cache-dir flask
` + "```" + `

## Good
` + "```dockerfile" + `
RUN pip install --no-cache-dir flask==3.0.3
` + "```" + `

## Silence
` + "`# dlint ignore=pip-unpinned`" + ` above the RUN. hadolint's ` + "`DL3013`" + ` works too.`,
	Check: func(pass *Pass) { checkUnpinned(pass, "pip", "pipx") },
}
