package rules

import "fmt"

// ComposeV1Layout reports compose files written for Compose v1, with the
// services at the top level.
var ComposeV1Layout = &Rule{
	ID:       "compose-v1-layout",
	Severity: Info,
	Tags:     []string{TagCompose, TagBestPractice},
	Summary:  "A compose file uses the Compose v1 layout (services at the top level), which Compose v2 refuses",
	Doc: `## Why
Compose v1 (` + "`docker-compose`" + `, retired in 2023) read files whose top-level keys are
the services. Compose v2 (` + "`docker compose`" + `) follows the Compose Specification
and refuses such a file (` + "`additional properties 'web' not allowed`" + `). dlint
lints each top-level service as v1 ran it (` + "`net:`" + ` as ` + "`network_mode:`" + `, ` + "`links`" + `,
` + "`dockerfile:`" + ` beside ` + "`build:`" + `, ` + "`log_driver`" + `), and says how to convert the file.

## Bad
` + "```yaml" + `
web:
  image: nginx:1.27
  net: host
` + "```" + `

## Good
` + "```yaml" + `
services:
  web:
    image: nginx:1.27
    network_mode: host
` + "```" + `

## Silence
` + "`compose-v1-layout: off`" + ` in .dlint.yaml.`,
	Check: checkComposeV1Layout,
}

func checkComposeV1Layout(pass *Pass) {
	if pass.Compose == nil {
		return
	}
	for _, it := range pass.Compose.Legacy {
		pass.Report(it.Range, fmt.Sprintf("this file has the Compose v1 layout (service '%s' at the top level): Compose v2 refuses it; indent the services under a top-level `services:` key and rename `net:` to `network_mode:`", it.Value))
	}
}
