package rules

import (
	"fmt"
)

// SSHPortExposed reports EXPOSE of port 22, the SSH server's.
var SSHPortExposed = &Rule{
	ID:       "ssh-port-exposed",
	Aliases:  []string{"DS004", "AVD-DS-0004", "5907595b-5b6d-4142-b173-dbb0e73fbff8"},
	Severity: Warning,
	Group:    GroupStrict,
	Tags:     []string{TagSecurity, TagDockerfile, TagNetwork},
	Summary:  "EXPOSE 22: the image offers an SSH server, a second way into the container beside docker exec",
	Doc: `## Why
Port 22 is SSH's. An SSH server in a container is a second way in, with its
own keys and passwords to manage and patch, where ` + "`docker exec`" + ` (or
` + "`kubectl exec`" + `) already gives a shell to those allowed one. Some images serve
SSH on purpose (a git server's SSH access, an SFTP server, a CI agent), so
the rule is in the ` + "`strict`" + ` group. Ranges that hold 22 (` + "`EXPOSE 20-25`" + `) count;
` + "`22/udp`" + ` does not.

## Bad
` + "```dockerfile" + `
FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends openssh-server
EXPOSE 22
` + "```" + `

## Good
` + "```dockerfile" + `
FROM debian:12-slim
# no SSH server: use docker exec for a shell
EXPOSE 8080
` + "```" + `

## Silence
` + "`# dlint ignore=ssh-port-exposed`" + ` above the EXPOSE. Trivy's ` + "`DS004`" + ` works too.`,
	Check: checkSSHPortExposed,
}

func checkSSHPortExposed(pass *Pass) {
	if pass.Dockerfile == nil {
		return
	}
	for _, st := range pass.Dockerfile.Stages {
		for _, e := range st.Expose {
			if e.Err != nil || !e.Spec.Contains(22, "tcp") {
				continue
			}
			pass.Report(e.Range, fmt.Sprintf("`EXPOSE %s` offers port 22, SSH's: an SSH server in a container is a second way in, with keys to manage; use `docker exec` for a shell, or serve SSH on purpose and silence this", e.Raw))
		}
	}
}
