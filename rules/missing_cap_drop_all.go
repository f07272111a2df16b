package rules

import "strings"

// MissingCapDropAll reports compose services that keep Docker's default
// capabilities.
var MissingCapDropAll = &Rule{
	ID:       "missing-cap-drop-all",
	Aliases:  []string{"ce76b7d0-9e77-464d-b86f-c5c48e03e22d"},
	Severity: Info,
	Tags:     []string{TagCompose, TagSecurity, "hardening"},
	Group:    GroupStrict,
	Summary:  "A compose service does not drop all capabilities (`cap_drop: [ALL]`)",
	Doc: `## Why
Docker gives every container a default set of capabilities: CHOWN,
DAC_OVERRIDE, FOWNER, SETUID, SETGID, NET_RAW, NET_BIND_SERVICE, KILL and
others. Root in the container uses them to read any file, change owners and
switch users; NET_RAW lets it forge packets on the container network. Most
services need none or one: drop them all and add back what the service uses
(` + "`cap_add: [NET_BIND_SERVICE]`" + ` to listen on port 80 as a non-root user).
Images whose entrypoint starts as root and switches user (postgres, redis)
need SETUID, SETGID and often CHOWN to do so.

The rule is in the ` + "`strict`" + ` group (off by default; ` + "`--extend-select strict`" + `).

## Bad
` + "```yaml" + `
services:
  api:
    image: example/api:1.4
` + "```" + `

## Good
` + "```yaml" + `
services:
  api:
    image: example/api:1.4
    cap_drop: [ALL]
    cap_add: [NET_BIND_SERVICE]
` + "```" + `

## Silence
` + "`# dlint ignore=missing-cap-drop-all`" + ` on the line above the service, or leave
the strict group off.`,
	Check: checkMissingCapDropAll,
}

func checkMissingCapDropAll(pass *Pass) {
	for _, s := range composeFileServices(pass) {
		if s.Privileged != nil {
			continue // privileged is its own, graver finding
		}
		all := false
		for _, c := range s.CapDrop {
			if strings.EqualFold(strings.TrimPrefix(strings.ToUpper(c.Value), "CAP_"), "ALL") {
				all = true
			}
		}
		if !all {
			pass.Report(s.Range, "service '"+s.Name+"' keeps Docker's default capabilities (CHOWN, DAC_OVERRIDE, SETUID, NET_RAW, …), which root in the container can use; add `cap_drop: [ALL]` and `cap_add:` only what it needs")
		}
	}
}
