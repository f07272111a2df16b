package rules

import (
	"fmt"
	"strconv"
)

// UnquotedPort reports short-syntax `ports:` items written unquoted; the
// ones YAML 1.1 misreads are base60-port's.
var UnquotedPort = &Rule{
	ID:       "unquoted-port",
	Aliases:  []string{"require-quotes-in-ports"},
	Severity: Info,
	Tags:     []string{TagCompose},
	Group:    GroupStyle,
	Summary:  "A `ports:` item is unquoted",
	Doc: `## Why
A port mapping is a string to compose, but an unquoted one is typed by YAML
first: ` + "`8080`" + ` is an integer, and in YAML 1.1 (docker-compose v1, PyYAML, Ansible)
` + "`22:22`" + ` is the base-60 number 1342. Those base-60 items are reported by the
default rule ` + "`base60-port`" + `; this rule asks for quotes on all the others, so that
the next edit cannot produce one, as dclint's require-quotes-in-ports does.
The fix quotes the item as written.

The rule is in the ` + "`style`" + ` group (off by default; ` + "`--extend-select style`" + `).

## Bad
` + "```yaml" + `
services:
  web:
    image: nginx:1.27
    ports:
      - 8080:80
` + "```" + `

## Good
` + "```yaml" + `
services:
  web:
    image: nginx:1.27
    ports:
      - "8080:80"
` + "```" + `

## Silence
Leave the style group off, or ` + "`unquoted-port: off`" + ` in .dlint.yaml.`,
	Check: checkUnquotedPort,
}

func checkUnquotedPort(pass *Pass) {
	var hits []serviceHit
	for _, s := range composeFileServices(pass) {
		for _, p := range s.Ports {
			if !p.Plain || p.Written == "" || sexagesimalInt.MatchString(p.Written) {
				continue
			}
			fix := &Fix{Description: "quote the port mapping", Edits: []Edit{{Range: p.Range, NewText: strconv.Quote(p.Written)}}}
			hits = append(hits, serviceHit{Range: p.Range, Service: s.Name, Fix: fix, Key: p.Written})
		}
	}
	reportServiceHits(pass, hits, func(h serviceHit, services string) string {
		return fmt.Sprintf("the port mapping `%s` of %s is unquoted; quote it (\"%s\") so that YAML never reads a port as a number", h.Key, services, h.Key)
	})
}
