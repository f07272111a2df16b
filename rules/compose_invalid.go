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

A file linted alone in which a service has neither image nor build is a
fragment: an app store's template that the platform completes, or a file
merged onto another with ` + "`-f`" + ` (a test suite's, an environment's). dlint
reports the service (once for the file when no service has an image), and
does not judge the networks, volumes, secrets, configs and dependencies the
other file may declare. Lint it together with the files that complete it
(` + "`--compose-merge a.yaml,b.yaml`" + `), or silence the rule for those files.

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
		pass.Report(p.Range, fmt.Sprintf("%s; `docker compose up` stops with: %s", p.Msg, p.Compose))
	}
}
