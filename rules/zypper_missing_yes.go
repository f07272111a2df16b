package rules

// ZypperMissingYes reports zypper commands that wait for a confirmation.
var ZypperMissingYes = &Rule{
	ID:       "zypper-missing-yes",
	Aliases:  []string{"DL3034", "45e1fca5-f90e-465d-825f-c2cb63fa3944"},
	Severity: Warning,
	Tags:     []string{TagDockerfile, TagCorrectness},
	Summary:  "`zypper install` without -n asks for confirmation, which a build cannot give, so the RUN fails",
	Doc: `## Why
A build has no terminal. zypper asks "Continue? [y/n/v/...? shows all options] (y)" before it installs,
removes or upgrades packages, reads end-of-file, and exits with an error.
The global ` + "`" + `-n` + "`" + ` (` + "`" + `--non-interactive` + "`" + `) answers it, as does ` + "`" + `-y` + "`" + ` (` + "`" + `--no-confirm` + "`" + `) after the command. ` + "`yes | zypper …`" + ` answers it too and is not reported. The fix adds
` + "`-n`" + ` after the program's name.

## Bad
` + "```dockerfile" + `
RUN zypper install tomcat && zypper clean
` + "```" + `

## Good
` + "```dockerfile" + `
RUN zypper -n install tomcat && zypper clean
` + "```" + `

## Silence
` + "`# dlint ignore=zypper-missing-yes`" + ` above the RUN. hadolint's ` + "`DL3034`" + ` works too.`,
	Check: func(pass *Pass) { checkMissingYes(pass, nil, "-n", "zypper") },
}
