package rules

import (
	"fmt"

	"github.com/dlint-dev/dlint/parser"
)

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
			// (postgres, redis) still drops under `user: root`. A
			// privileged service is root on the host whatever its user:
			// rule privileged says so, and what it is privileged for
			// (eBPF, devices) needs root.
			// A job a run line starts as root to install the system's
			// packages (`docker run --rm -u 0 img sh -c 'apt-get install
			// …'`) needs root for what it does.
			if !isRootName(name) || dropsPrivileges(c) || c.Service.Privileged != nil || c.OneOff() && installsSystemPackages(c.Cmd()) {
				continue
			}
			setting := c.Service.Setting("user", u.Value)
			f := Finding{Range: u.Range, Message: fmt.Sprintf("%s %s as root (`%s`); set `%s` or another unprivileged UID", about(c), agree("runs", "run"), setting, c.Service.Setting("user", `"10001:10001"`))}
			switch workers, byDesign := masterWorkers(c, c.BaseImage()); {
			case byDesign:
				// cron, nginx: root is the master's, by the server's design.
				f.Severity = Info
				f.Message = fmt.Sprintf("%s %s as root (`%s`), which the server's master process needs by its design, running its work as %s; to have no root process at all, %s",
					about(c), agree("runs", "run"), setting, workers, rootlessAdvice(c, c.BaseImage()))
			case mountsDockerSocket(c.Service):
				f.Message = fmt.Sprintf("%s %s as root (`%s`), perhaps to open the Docker socket it mounts; an unprivileged UID opens it too in the socket's group: set `%s` and `group_add` the GID of /var/run/docker.sock on the host",
					about(c), agree("runs", "run"), setting, c.Service.Setting("user", `"10001:10001"`))
			}
			pass.ReportAbout(c, f)
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
		if workers, byDesign := masterWorkers(c, c.BaseImage()); byDesign {
			// php's apache, nginx: the master binds its port and reads its
			// configuration as root, by design; USER 10001 would break it.
			pass.ReportAbout(c, Finding{Range: u.Range, Severity: Info,
				Message: fmt.Sprintf("%s makes %s run as root, which the server's master process needs by its design, running its work as %s; to have no root process at all, %s", what, about(c), workers, rootlessAdvice(c, c.BaseImage()))})
			continue
		}
		pass.ReportAbout(c, Finding{Range: u.Range, Fix: userFix(c.Dockerfile, u),
			Message: fmt.Sprintf("%s makes %s run as root; create an unprivileged user and switch to it with `USER 10001:10001` after installing packages", what, about(c))})
	}
}

// installsSystemPackages reports whether the command installs packages
// of the operating system, in its own words or a `sh -c` string it runs.
func installsSystemPackages(spec *parser.ExecSpec) bool {
	return spec != nil && scriptInstallsSystemPackages(spec.Script)
}

func scriptInstallsSystemPackages(s *parser.Script) bool {
	if s == nil {
		return false
	}
	for _, cmd := range s.Commands {
		if pc := cmd.Package(); pc != nil && pc.System() && pc.Installs() || scriptInstallsSystemPackages(cmd.Inline) {
			return true
		}
	}
	return false
}

// mountsDockerSocket reports whether the service bind-mounts the Docker
// socket, or a directory that holds it.
func mountsDockerSocket(s *parser.Service) bool {
	for _, m := range s.Volumes {
		if socketMount(m.Type, m.Source) != "" {
			return true
		}
	}
	return false
}
