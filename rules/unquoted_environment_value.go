package rules

import (
	"fmt"
	"strconv"
	"strings"
)

// UnquotedEnvironmentValue reports `environment:` values written
// unquoted that YAML reads as a number or a boolean.
var UnquotedEnvironmentValue = &Rule{
	ID:       "unquoted-environment-value",
	Severity: Info,
	Tags:     []string{TagCompose},
	Group:    GroupStyle,
	Summary:  "An `environment:` value is unquoted and YAML reads it as a number or a boolean",
	Doc: `## Why
An environment variable is text, but YAML types an unquoted value before
compose sees it: ` + "`12`" + ` is an integer, ` + "`true`" + ` a boolean, ` + "`1.10`" + ` a float. Compose
turns it back into text, and that text need not be what was written: the
float 1.10 becomes ` + "`1.1`" + `, ` + "`0x1F`" + ` becomes ` + "`31`" + `, and YAML 1.1 tools (docker-compose v1,
PyYAML, Ansible) read ` + "`yes`" + ` and ` + "`on`" + ` as booleans too. Quoting every such value
keeps what the container gets equal to what the file says, and keeps the
next edit (a version ` + "`8.10`" + `) from changing it silently.

dlint says when the value the container gets differs from the text; the fix
quotes the value as written.

The rule is in the ` + "`style`" + ` group (off by default; ` + "`--extend-select style`" + `).

## Bad
` + "```yaml" + `
services:
  app:
    image: example/app:1.4
    environment:
      WORKERS: 4
      DEBUG: false
` + "```" + `

## Good
` + "```yaml" + `
services:
  app:
    image: example/app:1.4
    environment:
      WORKERS: "4"
      DEBUG: "false"
` + "```" + `

## Silence
` + "`# dlint ignore=unquoted-environment-value`" + ` on the line above the variable, or
leave the style group off.`,
	Check: checkUnquotedEnvironmentValue,
}

func checkUnquotedEnvironmentValue(pass *Pass) {
	var hits []serviceHit
	for _, s := range composeFileServices(pass) {
		for _, ev := range s.Environment {
			if ev.Typed == "" {
				continue
			}
			fix := &Fix{Description: "quote the value", Edits: []Edit{{Range: ev.ValueRange, NewText: strconv.Quote(ev.Raw)}}}
			detail := yamlKinds[ev.Typed]
			if detail == "" {
				detail = "a " + strings.TrimPrefix(ev.Typed, "!!")
			}
			if ev.Value != ev.Raw {
				detail += fmt.Sprintf(", and the container gets `%s`, not `%s`", ev.Value, ev.Raw)
			}
			hits = append(hits, serviceHit{Range: ev.ValueRange, Service: s.Name, Fix: fix, Key: ev.Name, Detail: detail})
		}
	}
	reportServiceHits(pass, hits, func(h serviceHit, services string) string {
		return fmt.Sprintf("the value of %s in %s is unquoted, so YAML reads it as %s; quote it", h.Key, services, h.Detail)
	})
}

var yamlKinds = map[string]string{"!!int": "an integer", "!!float": "a float", "!!bool": "a boolean"}
