package rules

import (
	"fmt"
	"path"
	"regexp"
	"strings"
)

// SensitiveMount reports host directories and devices that give a
// container the host's system files, kernel or hardware.
var SensitiveMount = &Rule{
	ID:       "sensitive-mount",
	Aliases:  []string{"1c1325ff-831d-43a1-973e-839ae57dfcc0"},
	Severity: Error,
	Tags:     []string{TagSecurity, TagCompose},
	Summary:  "A compose service mounts a sensitive host path (/etc, /proc, /sys, /dev, /root, D-Bus…) or device (/dev/mem, a raw disk)",
	Doc: `## Why
A bind mount shares a host directory with the container, with the container's
root user as its owner. Writable, ` + "`/etc`" + `, ` + "`/root`" + `, ` + "`/boot`" + ` or ` + "`/lib/modules`" + ` let the
container change the host's users, SSH keys, boot files or kernel modules;
` + "`/proc`" + `, ` + "`/sys`" + ` and ` + "`/dev`" + ` reach the host's kernel and hardware; ` + "`/var/lib/docker`" + `
holds every container's files. Read-only (` + "`:ro`" + `), they still reveal the host's
secrets (` + "`/etc/shadow`" + `, keys, other containers' data), so the finding drops to a
warning, or to information for the kernel's views (` + "`/proc`" + `, ` + "`/sys`" + `) that
monitoring agents read. The D-Bus system socket controls systemd and the udev
socket the host's devices; ` + "`:ro`" + ` does not limit a socket.

` + "`devices:`" + ` that give raw memory (` + "`/dev/mem`" + `, ` + "`/dev/kmem`" + `, ` + "`/dev/port`" + `) or a raw disk
(` + "`/dev/sda`" + `, ` + "`/dev/nvme0n1`" + `) bypass every file permission on the host.

The host's root directory and the directories that hold the Docker socket are
reported by docker-socket-mount. Files such as ` + "`/etc/localtime`" + ` are not reported.

## Bad
` + "```yaml" + `
services:
  agent:
    image: example/agent
    volumes:
      - /etc:/host/etc
    devices:
      - /dev/mem
` + "```" + `

## Good
` + "```yaml" + `
services:
  agent:
    image: example/agent
    volumes:
      - /etc/localtime:/etc/localtime:ro
` + "```" + `

## Silence
` + "`# dlint ignore=sensitive-mount`" + ` on the line above the item (a node exporter that
must read ` + "`/proc`" + `), or ` + "`sensitive-mount: off`" + ` in .dlint.yaml.`,
	Check: checkSensitiveMount,
}

// sensitivePath is a host path and what mounting it gives.
type sensitivePath struct {
	what string
	// readOnly is the severity when mounted `:ro`; 0 keeps the rule's.
	readOnly Severity
}

var sensitivePaths = map[string]sensitivePath{
	"/etc":                            {"the host's configuration (users, passwords, SSH and sudo settings)", Warning},
	"/root":                           {"root's home on the host (SSH keys, shell history, credentials)", Warning},
	"/boot":                           {"the host's kernel and boot loader", Info},
	"/lib/modules":                    {"the host's kernel modules", Info},
	"/usr/lib/modules":                {"the host's kernel modules", Info},
	"/var/lib/docker":                 {"every container's files and Docker's state", Warning},
	"/proc":                           {"the host's processes and kernel settings", Info},
	"/sys":                            {"the host's kernel and device settings", Info},
	"/dev":                            {"every device of the host, its disks included", Info},
	"/run/dbus":                       {"the host's D-Bus system bus, which controls systemd", 0},
	"/var/run/dbus":                   {"the host's D-Bus system bus, which controls systemd", 0},
	"/run/dbus/system_bus_socket":     {"the host's D-Bus system bus, which controls systemd", 0},
	"/var/run/dbus/system_bus_socket": {"the host's D-Bus system bus, which controls systemd", 0},
	"/run/udev":                       {"the host's udev, which manages its devices", Warning},
	"/run/udev/control":               {"the host's udev, which manages its devices", Warning},
}

// rawDevice matches the devices that give raw memory or a raw disk.
var rawDevice = regexp.MustCompile(`^/dev/(mem|kmem|port|sd[a-z]+\d*|hd[a-z]+\d*|vd[a-z]+\d*|xvd[a-z]+\d*|nvme\d+(n\d+(p\d+)?)?|mmcblk\d+(p\d+)?|disk/.+)$`)

func checkSensitiveMount(pass *Pass) {
	var hits []serviceHit
	for _, s := range composeServices(pass) {
		for _, m := range s.Volumes {
			if m.Type != "bind" || !strings.HasPrefix(m.Source, "/") {
				continue
			}
			src := path.Clean(m.Source)
			sp, ok := sensitivePaths[src]
			if !ok {
				continue
			}
			h := serviceHit{Range: m.Range, Service: s.Name, Run: s.Run, Key: src, Detail: sp.what}
			if m.ReadOnly {
				h.Severity = sp.readOnly
				h.Key += " read-only"
			}
			hits = append(hits, h)
		}
		for _, d := range s.Devices {
			if rawDevice.MatchString(path.Clean(d.Value)) {
				hits = append(hits, serviceHit{Range: d.Range, Service: s.Name, Run: s.Run, Key: "device " + path.Clean(d.Value), Detail: "raw access that bypasses every file permission on the host"})
			}
		}
	}
	reportServiceHits(pass, hits, func(h serviceHit, services string) string {
		advice := "mount only the files it needs, read-only"
		if strings.HasSuffix(h.Key, " read-only") {
			advice = "mount only the files it needs"
		}
		return fmt.Sprintf("mounting %s gives %s %s; %s", h.Key, services, h.Detail, advice)
	})
}
