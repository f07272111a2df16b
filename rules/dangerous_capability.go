package rules

import (
	"fmt"
	"sort"
	"strings"
)

// dangerousCapabilities says what each reported capability allows. Docker's
// default set (CHOWN, DAC_OVERRIDE, NET_RAW, SETUID, …) is not here:
// adding one of those changes nothing.
var dangerousCapabilities = map[string]string{
	"ALL":             "every capability there is, nearly as much as `privileged: true`",
	"SYS_ADMIN":       "mount filesystems, create namespaces and use much of the kernel's administration interface, the classic container escape",
	"SYS_MODULE":      "load kernel modules, which runs code in the host's kernel",
	"SYS_PTRACE":      "trace and inject code into the processes it can see (all of the host's with `pid: host`)",
	"SYS_RAWIO":       "use raw I/O ports and /dev/mem",
	"NET_ADMIN":       "reconfigure interfaces, routes and firewall rules (the host's with `%s`)",
	"DAC_READ_SEARCH": "open any file by handle regardless of permissions, the 'shocker' escape",
	"BPF":             "load eBPF programs into the kernel",
	"PERFMON":         "observe the kernel through perf events",
	"SYS_BOOT":        "reboot and load a new kernel with kexec",
	"SYS_TIME":        "set the clock, which is the host's: the clock has no namespace",
	"MAC_ADMIN":       "change the AppArmor or SELinux policy",
	"MAC_OVERRIDE":    "bypass the AppArmor or SELinux policy",
	"SYSLOG":          "read kernel addresses and messages, and clear the kernel log",
	"SYS_RESOURCE":    "override resource limits and the disk space reserved for root",
	"LINUX_IMMUTABLE": "change immutable and append-only file attributes",
	"AUDIT_CONTROL":   "change the kernel's audit rules",
}

// DangerousCapability reports cap_add entries that hand a container a
// capability able to harm the host.
var DangerousCapability = &Rule{
	ID:       "dangerous-capability",
	Severity: Warning,
	Tags:     []string{TagSecurity, TagCompose},
	Summary:  "A compose service adds a capability that can harm the host (error for ALL and SYS_ADMIN)",
	Doc: `## Why
Capabilities split root's power into pieces; Docker gives containers a small
default set. ` + "`cap_add`" + ` hands out more, and some of them reach past the container:
` + "`SYS_ADMIN`" + ` and ` + "`ALL`" + ` are as good as a container escape (reported as errors),
others let the container load kernel code, trace processes, reprogram the
network or change the host's clock. dlint reports ` + capabilityList() + `, with or
without the ` + "`CAP_`" + ` prefix, in any case. Keep a capability only when the
service cannot work without it, and start from ` + "`cap_drop: [ALL]`" + `.

## Bad
` + "```yaml" + `
services:
  app:
    image: example/app
    cap_add: [SYS_ADMIN]
` + "```" + `

## Good
` + "```yaml" + `
services:
  app:
    image: example/app
    cap_drop: [ALL]
    cap_add: [NET_BIND_SERVICE]
` + "```" + `

## Silence
` + "`# dlint ignore=dangerous-capability`" + ` on the line above the entry (a VPN container
needs NET_ADMIN), or ` + "`dangerous-capability: off`" + ` in .dlint.yaml.`,
	Check: checkDangerousCapability,
}

func capabilityList() string {
	names := make([]string, 0, len(dangerousCapabilities))
	for n := range dangerousCapabilities {
		names = append(names, "`"+n+"`")
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

// normalizeCapability turns "cap_sys_admin" into "SYS_ADMIN".
func normalizeCapability(c string) string {
	c = strings.ToUpper(strings.TrimSpace(c))
	return strings.TrimPrefix(c, "CAP_")
}

func checkDangerousCapability(pass *Pass) {
	var hits []serviceHit
	for _, s := range composeServices(pass) {
		for _, c := range s.CapAdd {
			name := normalizeCapability(c.Value)
			if _, ok := dangerousCapabilities[name]; !ok {
				continue
			}
			h := serviceHit{Range: c.Range, Service: s.Name, Run: s.Run, Key: name}
			if name == "ALL" || name == "SYS_ADMIN" {
				h.Severity = Error
			}
			hits = append(hits, h)
		}
	}
	reportServiceHits(pass, hits, func(h serviceHit, services string) string {
		what := dangerousCapabilities[h.Key]
		if strings.Contains(what, "%s") {
			what = fmt.Sprintf(what, h.setting("network_mode", "host"))
		}
		if h.Key == "ALL" {
			return fmt.Sprintf("`%s` gives %s %s; list only the capabilities the service needs (e.g. `NET_BIND_SERVICE`)", h.setting("cap_add", "[ALL]"), services, what)
		}
		return fmt.Sprintf("capability %s lets %s %s; keep it only if the service cannot work without it, and drop the rest with `%s`", h.Key, services, what, h.setting("cap_drop", "[ALL]"))
	})
}
