package rules

import (
	"fmt"
	"strings"
)

// MissingResourceLimits reports compose services without memory, PID or
// CPU limits.
var MissingResourceLimits = &Rule{
	ID:       "missing-resource-limits",
	Aliases:  []string{"bb9ac4f7-e13b-423d-a010-c74a1bfbe492", "221e0658-cb2a-44e3-b08a-db96a341d6fa", "6b610c50-99fb-4ef0-a5f3-e312fd945bc3"},
	Severity: Info,
	Tags:     []string{TagCompose, TagSecurity, "hardening"},
	Group:    GroupStrict,
	Summary:  "A compose service has no memory, PID or CPU limit",
	Doc: `## Why
A container without limits shares the host with no ceiling: a memory leak
makes the kernel's OOM killer pick processes on the whole host, a fork bomb
or a runaway thread pool exhausts the host's PIDs, and a busy loop starves
the other services of CPU. Limits keep one service's failure inside its
container. Set ` + "`mem_limit`" + `, ` + "`pids_limit`" + ` and ` + "`cpus`" + ` (or ` + "`deploy.resources.limits`" + `
with memory, pids and cpus); the finding names the ones missing.

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
    mem_limit: 512m
    pids_limit: 200
    cpus: 1.5
` + "```" + `

## Silence
` + "`# dlint ignore=missing-resource-limits`" + ` on the line above the service, or
leave the strict group off.`,
	Check: checkMissingResourceLimits,
}

func checkMissingResourceLimits(pass *Pass) {
	for _, s := range composeFileServices(pass) {
		var missing []string
		for _, k := range []string{"mem_limit", "pids_limit", "cpus"} {
			if !s.Limits[k] {
				missing = append(missing, "`"+k+"`")
			}
		}
		if len(missing) > 0 {
			pass.Report(s.Range, fmt.Sprintf("service '%s' sets no %s, so a leak, a fork bomb or a busy loop in it takes the host's memory, PIDs or CPU from every other container; set %s",
				s.Name, limitNames(missing), strings.Join(missing, ", ")))
		}
	}
}

func limitNames(keys []string) string {
	if len(keys) == 1 {
		return keys[0]
	}
	return strings.Join(keys[:len(keys)-1], ", ") + " or " + keys[len(keys)-1]
}
