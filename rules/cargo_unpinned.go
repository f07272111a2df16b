package rules

// CargoUnpinned reports cargo install naming crates without a version.
var CargoUnpinned = &Rule{
	ID:       "cargo-unpinned",
	Severity: Info,
	Tags:     []string{TagDockerfile, TagBestPractice},
	Group:    GroupPinning,
	Summary:  "`cargo install` names a crate without a version, so each build takes whatever is newest",
	Doc: `## Why
A crate named without a version is whatever crates.io holds on the day of
the build: two builds of the same Dockerfile can ship different software,
and a rebuild for an unrelated change can bring a new major version. Pin
with ` + "`" + `crate@VERSION` + "`" + ` or ` + "`" + `--version VERSION` + "`" + `. ` + "`" + `--locked` + "`" + ` is no version: it holds the crate's
dependencies to its Cargo.lock, not the crate. With ` + "`" + `--git URL` + "`" + `, only ` + "`" + `--rev` + "`" + ` or
` + "`" + `--tag` + "`" + ` pins; the default branch (or ` + "`" + `--branch` + "`" + `) moves. ` + "`" + `--path` + "`" + ` installs what
the build context holds and is not reported.

The rule is in the ` + "`pinning`" + ` group, off by default: select it with
` + "`--extend-select pinning`" + ` (or ` + "`cargo-unpinned`" + `).

## Bad
` + "```dockerfile" + `
RUN cargo install --locked ripgrep
` + "```" + `

## Good
` + "```dockerfile" + `
RUN cargo install --locked ripgrep@14.1.1
` + "```" + `

## Silence
` + "`# dlint ignore=cargo-unpinned`" + ` above the RUN.`,
	Check: func(pass *Pass) { checkUnpinned(pass, "cargo") },
}
