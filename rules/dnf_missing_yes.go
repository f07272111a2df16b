package rules

// DnfMissingYes reports dnf commands that wait for a confirmation.
var DnfMissingYes = &Rule{
	ID:       "dnf-missing-yes",
	Aliases:  []string{"DL3038"},
	Severity: Warning,
	Tags:     []string{TagDockerfile, TagCorrectness},
	Summary:  "`dnf install` without -y asks for confirmation, which a build cannot give, so the RUN fails",
	Doc: `## Why
A build has no terminal. dnf asks "Is this ok [y/N]" before it installs,
removes or upgrades packages, reads end-of-file, and exits with an error.
` + "`" + `-y` + "`" + ` (` + "`" + `--assumeyes` + "`" + `) answers it, and so does ` + "`" + `assumeyes=True` + "`" + ` in dnf.conf. microdnf never asks (its ` + "`" + `-y` + "`" + ` does nothing), so it is not reported. ` + "`yes | dnf …`" + ` answers it too and is not reported. The fix adds
` + "`-y`" + ` after the program's name.

## Bad
` + "```dockerfile" + `
RUN dnf install tomcat && dnf clean all
` + "```" + `

## Good
` + "```dockerfile" + `
RUN dnf install -y tomcat && dnf clean all
` + "```" + `

## Silence
` + "`# dlint ignore=dnf-missing-yes`" + ` above the RUN. hadolint's ` + "`DL3038`" + ` works too.`,
	Check: func(pass *Pass) { checkMissingYes(pass, yumAssumeYesConf, "-y", "dnf") },
}
