package rules

import "strings"

// MissingNoNewPrivileges reports compose services that let their
// processes gain privileges through setuid programs.
var MissingNoNewPrivileges = &Rule{
	ID:       "missing-no-new-privileges",
	Aliases:  []string{"27fcc7d6-c49b-46e0-98f1-6c082a6a2750"},
	Severity: Info,
	Tags:     []string{TagCompose, TagSecurity, "hardening"},
	Group:    GroupStrict,
	Summary:  "A compose service does not set `security_opt: [no-new-privileges:true]`",
	Doc: `## Why
Without ` + "`no-new-privileges`" + `, a process in the container can gain privileges by
running a setuid or setcap program (su, sudo, ping, a planted binary): an
attacker who gets code execution as the application's unprivileged user can
climb back to root inside the container. The flag sets the kernel's
no_new_privs bit for every process of the container, so exec never adds
privileges. Few applications need setuid programs at run time.

The rule is in the ` + "`strict`" + ` group (off by default; ` + "`--extend-select strict`" + `),
since it fires on nearly every compose file.

## Bad
` + "```yaml" + `
services:
  app:
    image: example/app:1.4
` + "```" + `

## Good
` + "```yaml" + `
services:
  app:
    image: example/app:1.4
    security_opt:
      - no-new-privileges:true
` + "```" + `

## Silence
` + "`# dlint ignore=missing-no-new-privileges`" + ` on the line above the service (for
one that runs sudo or su), or leave the strict group off.`,
	Check: checkMissingNoNewPrivileges,
}

func checkMissingNoNewPrivileges(pass *Pass) {
	for _, s := range composeFileServices(pass) {
		set := false
		for _, o := range s.SecurityOpt {
			name, value, hasValue := strings.Cut(strings.ReplaceAll(o.Value, "=", ":"), ":")
			if name != "no-new-privileges" {
				continue
			}
			if hasValue && value != "true" {
				pass.Report(o.Range, "`"+o.Value+"` lets the processes of service '"+s.Name+"' gain privileges through setuid programs (su, sudo, a planted binary); set `no-new-privileges:true`")
			}
			set = true
		}
		if !set {
			pass.Report(s.Range, "service '"+s.Name+"' does not set `no-new-privileges`, so its processes can gain privileges through setuid programs (su, sudo, a planted binary); add `security_opt: [\"no-new-privileges:true\"]`")
		}
	}
}
