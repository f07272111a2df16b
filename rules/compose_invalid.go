package rules

import "fmt"

// ComposeInvalid reports what `docker compose up` refuses in a project
// dlint can still read and lint.
var ComposeInvalid = &Rule{
	ID:       "compose-invalid",
	Severity: Error,
	Tags:     []string{TagCompose, TagCorrectness},
	Summary:  "Docker Compose refuses the project: a key the specification does not have, a service with neither image nor build, an undefined network, volume, secret or dependency",
	Doc: `## Why
Compose checks that a project holds together before it starts anything: every
key is one the Compose specification has (or starts with ` + "`x-`" + `), every
service has an image or a build section, every network, volume, secret and
config a service uses is declared, every ` + "`depends_on`" + ` names a service, and
the dependencies have no cycle. When one check fails, ` + "`docker compose up`" + `
stops with an error and starts nothing. dlint still lints the rest of the
project, and reports each such problem at the key that causes it, with the
words Compose uses. Compose names one unknown key at a time; dlint names each
of them, and the key you probably meant (` + "`hostnam`" + ` is ` + "`hostname`" + `,
a top-level ` + "`service:`" + ` is ` + "`services:`" + `).

A file linted alone may be an overlay, written to be merged onto a base file
with ` + "`-f`" + ` (a test suite's, an environment's, an app store's template the
platform completes). dlint takes a file for one when no service in it has an
image or a build, when it uses Compose's merge tags (` + "`!override`" + `,
` + "`!reset`" + `), when its name or directory says so (` + "`*.override.yml`" + `,
` + "`overrides/`" + `), or when a service lacks an image in a file named like
` + "`docker-compose.dev.yml`" + `. It does not judge the networks, volumes,
secrets, configs and dependencies the base may declare, and reports the file
once, as info, naming the nearest default compose file above it to lint it
with (` + "`--compose-merge base.yaml,overlay.yaml`" + `). A reference declared
only in an override's template (` + "`compose.override.yaml.example`" + `,
` + "`.dist`" + `, ` + "`.sample`" + `) that the project's instructions have you copy
into place is reported once, as info, naming the template.

## Bad
` + "```yaml" + `
services:
  web:
    image: nginx:1.27
    networks: [proxy]   # declared nowhere
` + "```" + `

## Good
` + "```yaml" + `
services:
  web:
    image: nginx:1.27
    networks: [proxy]
networks:
  proxy:
    external: true
` + "```" + `

## Silence
` + "`# dlint ignore=compose-invalid`" + ` on the line above the key, or
` + "`compose-invalid: off`" + ` in .dlint.yaml (for a directory of fragments).`,
	Check: checkComposeInvalid,
}

func checkComposeInvalid(pass *Pass) {
	if pass.Compose == nil {
		return
	}
	for _, p := range pass.Compose.Problems {
		msg := fmt.Sprintf("%s; `docker compose up` stops with: %s", p.Msg, p.Compose)
		if p.Advisory {
			msg = fmt.Sprintf("%s; alone, `docker compose up` would stop with: %s", p.Msg, p.Compose)
			pass.ReportFinding(Finding{Range: p.Range, Message: msg, Severity: Info})
			continue
		}
		pass.Report(p.Range, msg)
	}
}
