package rules

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/dlint-dev/dlint/images"
	"github.com/dlint-dev/dlint/parser"
)

// DependsOnNotReady reports services that wait only for a database,
// broker or cache container to start, not for its server to be ready.
var DependsOnNotReady = &Rule{
	ID:       "depends-on-not-ready",
	Severity: Warning,
	Tags:     []string{TagCompose, TagCorrectness},
	Summary:  "A service depends on a database, broker or cache without waiting for it to be healthy",
	Doc: `## Why
` + "`depends_on: [db]`" + ` (and ` + "`links:`" + `) only orders the containers: compose starts
the application as soon as the database's container has started, which is
seconds before the database accepts connections (longer on the first start,
when it initialises its data directory). An application that connects once at
startup then fails or crashes, and the project only works on the second
` + "`up`" + `. Compose can wait for the server itself: give the database a
healthcheck and depend on it with ` + "`condition: service_healthy`" + `.

A service counts as a database, message broker or cache when its image is one
dlint knows (it EXPOSEs the port of such a server, such as 5432 or 6379, or
is a known image of one, such as bitnami/postgresql); ` + "`dlint image NAME`" + `
shows what dlint knows of an image. A dependency whose healthcheck is
disabled is left alone, and so is one with a healthcheck whose entry writes
` + "`condition: service_started`" + ` (the file chose not to wait), and one the service's own entrypoint script
(or a file it sources) waits for: a poll such as ` + "`until pg_isready`" + `,
` + "`mysqladmin status`" + ` or ` + "`redis-cli ping`" + ` for that kind of server, or a wait
tool (wait-for-it, ` + "`dockerize -wait`" + `, ` + "`nc -z`" + `) for any, or a command a loop retries
with sleeps until it succeeds. A cron daemon connects to nothing when it starts,
so it is left alone too. When the service's entrypoint is one dlint cannot read
(of an image it does not know, or a script of the image), the finding says it
may wait, as information. The finding is a warning when the dependency already
has a healthcheck (nothing waits for it, an oversight), and information when
it has none (the application may retry its connections on its own).

## Bad
` + "```yaml" + `
services:
  app:
    image: example/app:1.4
    depends_on: [db]
  db:
    image: postgres:16
` + "```" + `

## Good
` + "```yaml" + `
services:
  app:
    image: example/app:1.4
    depends_on:
      db:
        condition: service_healthy
  db:
    image: postgres:16
    healthcheck:
      test: ["CMD-SHELL", "pg_isready -U postgres"]
      interval: 5s
      retries: 10
` + "```" + `

## Silence
` + "`# dlint ignore=depends-on-not-ready`" + ` on the line above the dependency (for
an application that retries its connections), or ` + "`depends-on-not-ready: off`" + `
in .dlint.yaml.`,
	Check: checkDependsOnNotReady,
}

// orderOnly reports a dependency the service does not connect to: its
// environment names other services it talks to but not this one, which
// another service's environment names instead (grist waits for
// keycloak's database, which keycloak's KC_DB_URL_HOST names).
func orderOnly(pass *Pass, s *parser.Service, dep string) bool {
	if pass.Compose == nil || len(s.EnvHosts) == 0 || slices.Contains(s.EnvHosts, dep) || commandNamesService(s, dep) {
		return false
	}
	for _, other := range pass.Compose.Services {
		if other != s && slices.Contains(other.EnvHosts, dep) {
			return true
		}
	}
	return false
}

// commandNamesService reports whether the service's command or entrypoint names
// the service dep as a word (`wait-for db:5432`, `--db-host=db`).
func commandNamesService(s *parser.Service, dep string) bool {
	for _, spec := range []*parser.ExecSpec{s.Entrypoint, s.Command} {
		if spec == nil {
			continue
		}
		for _, arg := range spec.Argv {
			if slices.Contains(strings.FieldsFunc(arg, func(r rune) bool { return strings.ContainsRune(" \t\n:=/@,;'\"", r) }), dep) {
				return true
			}
		}
	}
	return false
}

func checkDependsOnNotReady(pass *Pass) {
	byName := map[string]*parser.Container{}
	for _, c := range pass.Containers {
		if c.Service != nil {
			byName[c.Service.Name] = c
		}
	}
	var hits []serviceHit
	for _, s := range composeFileServices(pass) {
		// A cron daemon or a keep-alive connects to nothing when it
		// starts; cron's jobs run long after the dependency is up.
		if connectsLater(byName[s.Name]) {
			continue
		}
		for _, d := range s.DependsOn {
			if d.Via != "depends_on" && d.Via != "links" || d.Condition != "" && d.Condition != "service_started" {
				continue
			}
			t := byName[d.Service]
			if t == nil || t.Service.Healthcheck != nil && t.Service.Healthcheck.Disabled || waitsThrough(byName, s, d.Service) {
				continue
			}
			// `condition: service_started` written on a dependency whose
			// healthcheck service_healthy could wait for: a choice (sentry's
			// memcached, whose client ignores a missing cache).
			if d.ConditionWritten && d.Condition == "service_started" && t.Service.Healthcheck != nil {
				continue
			}
			b, ok := images.BackingService(t.BaseImage(), runImageName(t))
			if !ok || entrypointWaitsFor(byName[s.Name], b.Port) || orderOnly(pass, s, d.Service) {
				continue
			}
			// A dependency that has a healthcheck nobody waits for is an
			// oversight; one without is a readiness gap the application
			// may cover by retrying.
			sev := Info
			if hc := imageHealthcheck(t); t.Service.Healthcheck != nil || hc != nil && *hc {
				sev = Warning
			}
			detail := "; " + notReadyAdvice(t, b)
			// What an entrypoint dlint cannot read does first is not known:
			// temporalio/auto-setup's polls its database with nc -z.
			if unread := unreadEntrypoint(byName[s.Name]); unread != "" {
				sev, detail = Info, fmt.Sprintf(", unless %s waits for it%s", unread, detail)
			}
			hits = append(hits, serviceHit{Range: d.Range, Service: s.Name, Key: d.Service, Severity: sev, Detail: detail})
		}
	}
	reportServiceHits(pass, hits, func(h serviceHit, services string) string {
		return fmt.Sprintf("%s %s once the container of '%s' (a %s) starts, not once it accepts connections, so early connections can fail%s",
			services, agreeVerb(services, "starts", "start"), h.Key, kindOf(byName[h.Key]), h.Detail)
	})
}

// entrypointWaitsFor reports whether the container's entrypoint script,
// or a file it sources, waits for a server on port (or for any server)
// before it starts the application: `until pg_isready …`, wait-for-it.
func entrypointWaitsFor(c *parser.Container, port string) bool {
	if c == nil {
		return false
	}
	if c.Service != nil && serviceWaits(c.Service, port) {
		return true
	}
	if c.Script == nil {
		return false
	}
	for _, s := range append([]*parser.Script{c.RunningScript()}, c.Sourced...) {
		for _, p := range s.ServerWaits() {
			if p == "" || p == port {
				return true
			}
		}
	}
	return false
}

// serviceWaits reports whether the service's own command or entrypoint
// starts with a wait (`wait-for.sh -t 0 db:5432 -- /docker-entrypoint.sh`,
// `sh -c "until pg_isready …; do sleep 1; done; exec app"`), or its
// environment hands the wait's targets to the image's entrypoint
// (`WAIT_FOR_TARGETS: mariadb:3306`, `WAIT_HOSTS`).
func serviceWaits(s *parser.Service, port string) bool {
	for _, spec := range []*parser.ExecSpec{s.Entrypoint, s.Command} {
		if spec == nil {
			continue
		}
		if spec.Exec && len(spec.Argv) > 0 {
			if p, ok := parser.ArgvWaitsForServer(spec.Argv); ok && (p == "" || p == port) {
				return true
			}
		}
		if spec.Script != nil {
			// Its commands include those of a `sh -c` string.
			for _, p := range spec.Script.ServerWaits() {
				if p == "" || p == port {
					return true
				}
			}
		}
	}
	number, _, _ := strings.Cut(port, "/")
	for _, ev := range s.Environment {
		if strings.Contains(strings.ToUpper(ev.Name), "WAIT") && strings.Contains(ev.Value, ":"+number) {
			return true
		}
	}
	return false
}

// unreadEntrypoint describes the entrypoint of a container that dlint
// could not read, for "unless it waits": that of a base or service image
// dlint does not know, or a script of the image that a compose
// `entrypoint:` or the ENTRYPOINT names (friendica's /cron.sh); "" when
// what starts the app was read, or is a known image's.
func unreadEntrypoint(c *parser.Container) string {
	if c == nil || c.Script != nil {
		return ""
	}
	if c.Stage != nil {
		if name := imageScriptName(c); name != "" {
			return fmt.Sprintf("`%s`, a script of the image that dlint cannot read,", name)
		}
		if c.Entrypoint() == nil && c.BaseImage() == nil && !unresolvedImage(c.Stage.RootBase()) {
			return fmt.Sprintf("the entrypoint of its base image %s, unknown to dlint,", c.Stage.RootBase().Raw)
		}
		return ""
	}
	if c.Service == nil {
		return ""
	}
	// A compose `entrypoint:` script of the image, whatever the image is
	// (`image: ${POSTAL_IMAGE}`, unset, is one dlint cannot know).
	if spec := c.Service.Entrypoint; spec != nil {
		if prog := specProgram(spec); strings.HasSuffix(prog, ".sh") || strings.Contains(path.Base(prog), "entrypoint") {
			return fmt.Sprintf("`%s`, a script of the image that dlint cannot read,", prog)
		}
		return ""
	}
	if c.Service.Image == nil {
		return ""
	}
	if c.Image == nil && !strings.Contains(c.Service.Image.Value, "$") {
		return fmt.Sprintf("the entrypoint of %s, an image unknown to dlint,", c.Service.Image.Value)
	}
	return ""
}

// specProgram is the program an ENTRYPOINT or compose entrypoint starts.
func specProgram(spec *parser.ExecSpec) string {
	if spec.Exec {
		if len(spec.Argv) > 0 {
			return spec.Argv[0]
		}
		return ""
	}
	if spec.Script != nil && len(spec.Script.Commands) > 0 {
		return spec.Script.Commands[0].Name
	}
	return ""
}

// connectsLater reports whether the container's main program connects
// to nothing when it starts: a cron daemon, whose jobs run on their
// schedule, or a keep-alive (`tail -f /dev/null`, a dev container one
// execs into). Its compose or image ENTRYPOINT or CMD is read, or what its
// entrypoint script ends in.
func connectsLater(c *parser.Container) bool {
	if c == nil {
		return false
	}
	later := func(argv []string) bool { return images.RunsCron(argv) || parser.IsKeepAlive(argv) }
	for _, spec := range []*parser.ExecSpec{c.Entrypoint(), c.Cmd()} {
		switch {
		case spec == nil:
		case spec.Exec && later(spec.Argv):
			return true
		case !spec.Exec && spec.Script != nil && len(spec.Script.Final) == 1 && later(spec.Script.Final[0].Argv()):
			return true
		}
	}
	if s := c.RunningScript(); s != nil {
		for _, f := range s.Final {
			if later(f.Argv()) {
				return true
			}
		}
	}
	return false
}

// waitsThrough reports whether s starts only after target is healthy
// through another of its dependencies: Compose starts that dependency
// once its own `condition: service_healthy` on target holds (umami's
// cypress depends on db and on umami, which waits for db to be healthy).
func waitsThrough(byName map[string]*parser.Container, s *parser.Service, target string) bool {
	seen := map[string]bool{s.Name: true}
	var healthyBefore func(name string) bool
	healthyBefore = func(name string) bool {
		c := byName[name]
		if c == nil || seen[name] {
			return false
		}
		seen[name] = true
		for _, d := range c.Service.DependsOn {
			if d.Service == target && d.Condition == "service_healthy" || d.Service != target && healthyBefore(d.Service) {
				return true
			}
		}
		return false
	}
	for _, d := range s.DependsOn {
		if d.Service != target && (d.Via == "depends_on" || d.Via == "links") && healthyBefore(d.Service) {
			return true
		}
	}
	return false
}

// runImageName is the image a service runs or builds on, for lookups by name.
func runImageName(c *parser.Container) string {
	if c.Stage != nil {
		return c.Stage.RootBase().Name()
	}
	if c.Service != nil && c.Service.Image != nil {
		return parser.ParseImageRef(c.Service.Image.Value).Name()
	}
	return ""
}

func kindOf(c *parser.Container) string {
	b, _ := images.BackingService(c.BaseImage(), runImageName(c))
	return b.Kind
}

func notReadyAdvice(t *parser.Container, b images.Backing) string {
	name := t.Service.Name
	hc := imageHealthcheck(t)
	switch {
	case t.Service.Healthcheck != nil:
		return fmt.Sprintf("'%s' has a healthcheck: depend on it with `condition: service_healthy`", name)
	case hc != nil && *hc:
		return fmt.Sprintf("the image of '%s' has a HEALTHCHECK: depend on it with `condition: service_healthy`", name)
	}
	test := "a command that succeeds once the server answers"
	if b.Probe != "" {
		test = fmt.Sprintf("`test: [\"CMD-SHELL\", \"%s\"]`", b.Probe)
	}
	if hc == nil && t.Stage == nil {
		// Nothing is known of the image's own HEALTHCHECK.
		return fmt.Sprintf("depend on it with `condition: service_healthy`, giving '%s' a healthcheck (%s) if its image has none", name, test)
	}
	return fmt.Sprintf("give '%s' a healthcheck (%s) and depend on it with `condition: service_healthy`", name, test)
}

// imageHealthcheck tells whether the image a service runs sets a
// HEALTHCHECK: its Dockerfile's, or the catalogue's fact; nil when not
// known.
func imageHealthcheck(c *parser.Container) *bool {
	if c.Stage != nil {
		return c.Stage.Facts().Healthcheck
	}
	img := c.BaseImage()
	switch {
	case img == nil:
		return nil
	case img.Healthcheck == nil && img.Origin == "generated":
		// The official images set none (docker-library's policy), and the
		// catalogue reads their Dockerfiles.
		none := false
		return &none
	}
	return img.Healthcheck
}

// agreeVerb picks the verb form for a services phrase.
func agreeVerb(services, one, many string) string {
	if len(services) > 9 && services[:9] == "services " {
		return many
	}
	return one
}
