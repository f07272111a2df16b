package rules

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Base60Port reports unquoted `ports:` items that YAML 1.1 reads as a
// base-60 number.
var Base60Port = &Rule{
	ID:       "base60-port",
	Aliases:  []string{"require-quotes-in-ports"},
	Severity: Warning,
	Tags:     []string{TagCompose, TagCorrectness},
	Summary:  "An unquoted port mapping that YAML 1.1 reads as a base-60 number",
	Doc: `## Why
YAML 1.1 has sexagesimal integers: a plain scalar of digits followed by
` + "`:`" + ` and one or two digits below 60 is a number in base 60. Unquoted,
` + "`- 22:22`" + ` is the port mapping 22:22 to Docker Compose v2 (YAML 1.2) but the
integer 1342 to every YAML 1.1 parser: docker-compose v1, PyYAML, Ruby's
Psych, and the tools built on them (Ansible, older CI linters and
generators). The same file then means a different container port to each
tool. ` + "`- 8080:80`" + ` is safe (80 is not a base-60 digit pair), ` + "`- 2222:22`" + ` and
` + "`- 53:53`" + ` are not. Quoting the mapping makes it a string everywhere; Docker's
own documentation writes ports quoted for this reason.

## Bad
` + "```yaml" + `
services:
  git:
    image: gitea/gitea:1.22
    ports:
      - 2222:22
` + "```" + `

## Good
` + "```yaml" + `
services:
  git:
    image: gitea/gitea:1.22
    ports:
      - "2222:22"
` + "```" + `

## Silence
` + "`# dlint ignore=base60-port`" + ` on the line above the item, or
` + "`base60-port: off`" + ` in .dlint.yaml. ` + "`dlint --fix`" + ` quotes the item.`,
	Check: checkBase60Port,
}

// sexagesimalInt is YAML 1.1's base-60 integer (yaml.org/type/int.html).
var sexagesimalInt = regexp.MustCompile(`^[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+$`)

func checkBase60Port(pass *Pass) {
	var hits []serviceHit
	for _, s := range composeFileServices(pass) {
		for _, p := range s.Ports {
			if !p.Plain || !sexagesimalInt.MatchString(p.Written) {
				continue
			}
			fix := &Fix{Description: "quote the port mapping", Edits: []Edit{{Range: p.Range, NewText: strconv.Quote(p.Written)}}}
			hits = append(hits, serviceHit{Range: p.Range, Service: s.Name, Fix: fix, Key: p.Written, Detail: base60Value(p.Written)})
		}
	}
	reportServiceHits(pass, hits, func(h serviceHit, services string) string {
		return fmt.Sprintf("the port mapping `%s` of %s is unquoted, so YAML 1.1 tools (docker-compose v1, PyYAML, Ansible) read it as the base-60 number %s, not a mapping; quote it: \"%s\"",
			h.Key, services, h.Detail, h.Key)
	})
}

// base60Value is the number YAML 1.1 makes of a sexagesimal integer.
func base60Value(s string) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimLeft(s, "+-")
	n := 0
	for _, part := range strings.Split(strings.ReplaceAll(s, "_", ""), ":") {
		d, err := strconv.Atoi(part)
		if err != nil || n > 1<<40 {
			return "that YAML 1.1 makes of it"
		}
		n = n*60 + d
	}
	if neg {
		n = -n
	}
	return strconv.Itoa(n)
}
