package rules

import (
	"slices"

	"github.com/dlint-dev/dlint/images"
)

// UnusableInBuild reports commands that cannot do their job in a build
// step: editors and monitors that need a terminal, init and service
// manager commands with no init to talk to.
var UnusableInBuild = &Rule{
	ID:       "unusable-in-build",
	Aliases:  []string{"DL3001", "9b6b0f38-92a2-41f9-b881-3a1083d99f1b"},
	Severity: Warning,
	Tags:     []string{TagDockerfile, TagCorrectness},
	Summary:  "RUN runs a command that cannot work in a build step: it needs a terminal, an init or a running service manager",
	Doc: `## Why
A RUN has no terminal, no init as PID 1 and no service manager, and every
process it starts is killed when it ends. So ` + "`vim`" + `, ` + "`nano`" + ` and ` + "`top`" + ` wait for a
terminal that never comes, ` + "`shutdown`" + ` and ` + "`reboot`" + ` have no init to ask,
` + "`systemctl start`" + ` fails ("System has not been booted with systemd"), and a
daemon started by ` + "`service NAME start`" + ` as the last command of a RUN is gone
before the next instruction. What dlint knows of each command is data
(` + "`images.BuildStepMisuse`" + `); scripted uses are not reported (` + "`vim -es`" + `, ` + "`vim +cmd`" + `,
` + "`top -b`" + `, ` + "`emacs --batch`" + `, ` + "`systemctl enable`" + `, ` + "`systemctl --root`" + `), nor a
service started to be used by the commands after it in the same RUN.

hadolint's DL3001 also names ssh, ps, free, kill, mount and ifconfig; those
work in a build step (` + "`ssh`" + ` with a mounted key, ` + "`ps`" + ` and ` + "`free`" + ` print), so dlint
does not report them.

## Bad
` + "```dockerfile" + `
FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends nginx \
 && systemctl start nginx
` + "```" + `

## Good
` + "```dockerfile" + `
FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends nginx \
 && rm -rf /var/lib/apt/lists/*
CMD ["nginx", "-g", "daemon off;"]
` + "```" + `

## Silence
` + "`# dlint ignore=unusable-in-build`" + ` above the RUN. hadolint's ` + "`DL3001`" + ` works too.`,
	Check: checkUnusableInBuild,
}

func checkUnusableInBuild(pass *Pass) {
	if pass.Dockerfile == nil {
		return
	}
	for in, cmd := range runCommands(pass.Dockerfile) {
		if cmd.NameWord == nil || !cmd.NameWord.Literal {
			continue
		}
		final := slices.Contains(in.Script.Final, cmd)
		if why := images.BuildStepMisuse(cmd.Name, cmd.ArgValues(), final); why != "" {
			pass.Report(commandNameRange(in.Script, cmd), "`"+cmd.Base()+"` in RUN cannot work: "+why)
		}
	}
}
