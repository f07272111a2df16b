package rules

// YumMissingYes reports yum commands that wait for a confirmation.
var YumMissingYes = &Rule{
	ID:       "yum-missing-yes",
	Aliases:  []string{"DL3030"},
	Severity: Warning,
	Tags:     []string{TagDockerfile, TagCorrectness},
	Summary:  "`yum install` without -y asks for confirmation, which a build cannot give, so the RUN fails",
	Doc: `## Why
A build has no terminal. yum asks "Is this ok [y/N]" before it installs,
removes or upgrades packages, reads end-of-file, and exits with an error.
` + "`" + `-y` + "`" + ` (` + "`" + `--assumeyes` + "`" + `) answers it, and so does ` + "`" + `assumeyes=1` + "`" + ` in yum.conf. ` + "`yes | yum …`" + ` answers it too and is not reported. The fix adds
` + "`-y`" + ` after the program's name.

## Bad
` + "```dockerfile" + `
RUN yum install httpd && yum clean all
` + "```" + `

## Good
` + "```dockerfile" + `
RUN yum install -y httpd && yum clean all
` + "```" + `

## Silence
` + "`# dlint ignore=yum-missing-yes`" + ` above the RUN. hadolint's ` + "`DL3030`" + ` works too.`,
	Check: func(pass *Pass) { checkMissingYes(pass, yumAssumeYesConf, "-y", "yum") },
}
