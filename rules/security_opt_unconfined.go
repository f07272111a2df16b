package rules

import (
	"fmt"
	"strings"

	"github.com/dlint-dev/dlint/parser"
)

// SecurityOptUnconfined reports security_opt entries that turn off a
// kernel confinement layer.
var SecurityOptUnconfined = &Rule{
	ID:       "security-opt-unconfined",
	Severity: Warning,
	Tags:     []string{TagSecurity, TagCompose},
	Summary:  "A compose service turns off seccomp, AppArmor or SELinux confinement",
	Doc: `## Why
Docker confines every container with a seccomp filter (which blocks about 50
dangerous system calls), an AppArmor profile or an SELinux label, and masks
parts of /proc and /sys. ` + "`security_opt`" + ` entries such as ` + "`seccomp:unconfined`" + `,
` + "`apparmor:unconfined`" + `, ` + "`label:disable`" + ` (or ` + "`label:type:spc_t`" + `) and
` + "`systempaths=unconfined`" + ` remove one of those layers, so a kernel bug or a
mistake elsewhere in the configuration is one step closer to the host. When a
program needs one blocked system call, write a seccomp profile that allows just
that call.

## Bad
` + "```yaml" + `
services:
  app:
    image: example/app
    security_opt:
      - seccomp:unconfined
` + "```" + `

## Good
` + "```yaml" + `
services:
  app:
    image: example/app
    security_opt:
      - no-new-privileges:true
      - seccomp:./seccomp-app.json
` + "```" + `

## Silence
` + "`# dlint ignore=security-opt-unconfined`" + ` on the line above the entry, or
` + "`security-opt-unconfined: off`" + ` in .dlint.yaml.`,
	Check: checkSecurityOptUnconfined,
}

// unconfinedOption explains an option that turns confinement off, or
// returns "".
func unconfinedOption(opt string) string {
	o := strings.ToLower(strings.TrimSpace(opt))
	key, value, found := strings.Cut(o, ":")
	if eq, v, ok := strings.Cut(o, "="); ok && (!found || len(eq) < len(key)) {
		key, value = eq, v
	}
	value = strings.TrimSpace(value)
	switch strings.TrimSpace(key) {
	case "seccomp":
		if value == "unconfined" {
			return "turns off the seccomp filter, so every system call reaches the kernel; allow only the calls the program needs with a seccomp profile (`seccomp:./profile.json`)"
		}
	case "apparmor":
		if value == "unconfined" {
			return "turns off the AppArmor profile; keep the default profile or write one for the service"
		}
	case "label":
		if value == "disable" {
			return "turns off SELinux separation; if it is there for bind mounts, relabel them with `:z` (shared) or `:Z` (private) instead"
		}
		if value == "type:spc_t" {
			return "runs the container as an SELinux super-privileged container (spc_t), outside SELinux separation; if it is there for bind mounts, relabel them with `:z` (shared) or `:Z` (private) instead"
		}
	case "systempaths":
		if value == "unconfined" {
			return "unmasks /proc and /sys paths Docker hides (kcore, sysrq-trigger, …); remove it"
		}
	}
	return ""
}

// hostSystemPaths are host paths a confined container cannot use whatever
// their SELinux label: the engine's socket and the kernel's files.
var hostSystemPaths = []string{"/var/run", "/run", "/proc", "/sys", "/dev", "/lib/modules", "/etc"}

// hostSystemMount names the first host socket or system path the service
// bind-mounts, or "".
func hostSystemMount(s *parser.Service) string {
	for _, m := range s.Volumes {
		if m.Type != "bind" {
			continue
		}
		for _, p := range hostSystemPaths {
			if m.Source == p || strings.HasPrefix(m.Source, p+"/") {
				return "`" + m.Source + "`"
			}
		}
	}
	return ""
}

func checkSecurityOptUnconfined(pass *Pass) {
	var hits []serviceHit
	for _, s := range composeServices(pass) {
		for _, opt := range s.SecurityOpt {
			if unconfinedOption(opt.Value) != "" {
				hits = append(hits, serviceHit{Range: opt.Range, Service: s.Name, Run: s.Run, Key: opt.Value, Detail: hostSystemMount(s)})
			}
		}
	}
	reportServiceHits(pass, hits, func(h serviceHit, services string) string {
		why := unconfinedOption(h.Key)
		if h.Detail != "" && strings.HasPrefix(strings.ToLower(h.Key), "label") {
			// No relabelling lets a confined container use the host's
			// sockets and system files: that is what the option is for.
			why = fmt.Sprintf("turns off SELinux separation, which no relabelling replaces for the host's %s it mounts (relabelling a host socket or system path with `:z` would open it to every container); keep it only where the service needs that, and reach the Docker API through a socket proxy where you can", h.Detail)
		}
		return fmt.Sprintf("`%s` for %s %s", h.Key, services, why)
	})
}
