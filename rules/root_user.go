package rules

import "fmt"

// RootUser reports containers whose last USER, or compose `user:`, is root.
var RootUser = &Rule{
	ID:       "root-user",
	Aliases:  []string{"DL3002"},
	Severity: Warning,
	Tags:     []string{TagSecurity, TagDockerfile, TagCompose},
	Summary:  "The container runs as root because the final USER (or compose `user:`) is root",
	Doc: `## Why
A process running as root inside a container is root on the host's kernel: a
container escape, a writable host mount or a kernel bug turns an application
bug into a host compromise. The last USER of the final stage decides who the
app runs as; root in an earlier build stage is fine. dlint resolves ARG and ENV
(` + "`USER ${APP_UID}`" + ` with ` + "`ARG APP_UID=0`" + ` is root) and follows
stages built on other stages. An entrypoint script that starts as root and then
drops privileges with ` + "`exec gosu`" + `/` + "`su-exec`" + `/` + "`setpriv`" + ` is not reported.

## Bad
` + "```dockerfile" + `
FROM debian:12-slim
RUN useradd --uid 10001 app
USER root
CMD ["/usr/local/bin/app"]
` + "```" + `

## Good
` + "```dockerfile" + `
FROM debian:12-slim
RUN useradd --uid 10001 app
USER 10001:10001
CMD ["/usr/local/bin/app"]
` + "```" + `

## Silence
` + "`# dlint ignore=root-user`" + ` on the line above the USER instruction (or the compose key),
or ` + "`root-user: off`" + ` in .dlint.yaml. hadolint's ` + "`# hadolint ignore=DL3002`" + ` works too.`,
	Check: checkRootUser,
}

func checkRootUser(pass *Pass) {
	for _, c := range pass.Containers {
		if u := c.ComposeUser(); u != nil {
			name, _, _ := cutUser(u.Value)
			// An entrypoint that starts as root to hand over with gosu
			// (postgres, redis) still drops under `user: root`.
			if isRootName(name) && !dropsPrivileges(c) {
				pass.ReportAbout(c, Finding{Range: u.Range, Message: fmt.Sprintf("%s %s as root (`%s`); set `%s` or another unprivileged UID", about(c), agree("runs", "run"), c.Service.Setting("user", u.Value), c.Service.Setting("user", `"10001:10001"`))})
			}
			continue
		}
		u := c.ImageUser()
		if !u.IsRoot() || dropsPrivileges(c) || c.Dockerfile != nil && c.Dockerfile.GitHubAction && c.Service == nil {
			continue
		}
		what := fmt.Sprintf("USER %s", u.Raw)
		if u.Raw != joinUser(u.Name, u.Group) {
			what = fmt.Sprintf("USER %s (resolves to %s)", u.Raw, joinUser(u.Name, u.Group))
		}
		pass.ReportAbout(c, Finding{Range: u.Range, Fix: userFix(c.Dockerfile, u),
			Message: fmt.Sprintf("%s makes %s run as root; create an unprivileged user and switch to it with `USER 10001:10001` after installing packages", what, about(c))})
	}
}
