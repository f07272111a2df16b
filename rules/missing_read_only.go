package rules

// MissingReadOnly reports compose services whose root filesystem is
// writable.
var MissingReadOnly = &Rule{
	ID:       "missing-read-only",
	Severity: Info,
	Tags:     []string{TagCompose, TagSecurity, "hardening"},
	Group:    GroupStrict,
	Summary:  "A compose service's root filesystem is writable (no `read_only: true`)",
	Doc: `## Why
With a writable root filesystem, an attacker who gets code execution can
replace the application's files, drop tools into /usr/local/bin or plant a
cron job, and the change lives as long as the container. ` + "`read_only: true`" + `
mounts the image read-only; the service writes only where you say: volumes
for its data, ` + "`tmpfs:`" + ` for /tmp and /run. It also makes an application that
writes somewhere unexpected fail loudly instead of filling the container's
layer.

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
    read_only: true
    tmpfs: [/tmp]
` + "```" + `

## Silence
` + "`# dlint ignore=missing-read-only`" + ` on the line above the service, or leave the
strict group off.`,
	Check: checkMissingReadOnly,
}

func checkMissingReadOnly(pass *Pass) {
	for _, s := range composeFileServices(pass) {
		if s.ReadOnly == nil {
			pass.Report(s.Range, "the root filesystem of service '"+s.Name+"' is writable, so code that breaks in can change the application's files; set `read_only: true` and give it `tmpfs:` or volumes where it writes")
		}
	}
}
