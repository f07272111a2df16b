package rules

import (
	"path"
	"strings"

	"github.com/dlint-dev/dlint/images"
	"github.com/dlint-dev/dlint/parser"
)

// Privileged reports compose services that run with `privileged: true`.
var Privileged = &Rule{
	ID:       "privileged",
	Severity: Error,
	Tags:     []string{TagSecurity, TagCompose},
	Summary:  "A compose service runs privileged",
	Doc: `## Why
` + "`privileged: true`" + ` turns off nearly everything that keeps a container apart from the
host: it gets every capability, every host device under /dev, no seccomp or
AppArmor profile, and a writable /sys. Root in a privileged container can mount
the host's disk or load a kernel module, so any bug in the service becomes
control of the host. Services rarely need it: grant the one capability or the
one device the service uses instead.

## Bad
` + "```yaml" + `
services:
  vpn:
    image: example/vpn
    privileged: true
` + "```" + `

## Good
` + "```yaml" + `
services:
  vpn:
    image: example/vpn
    cap_add: [NET_ADMIN]
    devices: ["/dev/net/tun:/dev/net/tun"]
` + "```" + `

## Silence
` + "`# dlint ignore=privileged`" + ` on the line above ` + "`privileged:`" + ` (for a service that
really manages the host, such as a Docker-in-Docker runner), or
` + "`privileged: off`" + ` in .dlint.yaml.`,
	Check: checkPrivileged,
}

func checkPrivileged(pass *Pass) {
	var hits []serviceHit
	for _, s := range composeServices(pass) {
		if s.Privileged == nil {
			continue
		}
		h := serviceHit{Range: s.Privileged.Range, Service: s.Name, Run: s.Run}
		if s.Image != nil && !replacesEngine(s) {
			ref := parser.ParseImageRef(s.Image.Value)
			if why := images.PrivilegedPurpose(ref.Name(), ref.Tag); why != "" {
				// Removing it would stop the image doing its one job.
				h.Severity, h.Key, h.Detail = Info, "purpose", why
			}
		}
		hits = append(hits, h)
	}
	reportServiceHits(pass, hits, func(h serviceHit, services string) string {
		grants := "`" + h.setting("privileged", "true") + "` gives " + services + " every capability, all host devices and no seccomp or AppArmor confinement, so root in the container controls the host"
		if h.Key == "purpose" {
			return grants + "; " + h.Detail + ": run it only on a host you trust, and only for as long as the job takes"
		}
		return grants + "; remove it and grant only what the service needs (`" + h.setting("cap_add", "[NET_ADMIN]") + "`, `" + h.setting("devices", "[/dev/fuse]") + "`)"
	})
}

// replacesEngine reports whether the service's command runs something
// else than what the image is for: docker:dind's entrypoint starts dockerd
// only when the command is empty or its options (`--tls=false`); a command
// of its own (`docker swarm init`) runs instead, with no engine.
func replacesEngine(s *parser.Service) bool {
	if s.Entrypoint != nil {
		return true
	}
	spec := s.Command
	if spec == nil {
		return false
	}
	if spec.Exec {
		return len(spec.Argv) > 0 && !strings.HasPrefix(spec.Argv[0], "-") && path.Base(spec.Argv[0]) != "dockerd"
	}
	return spec.Script != nil && len(spec.Script.Commands) > 0 && !strings.HasPrefix(spec.Script.Commands[0].Name, "-") && spec.Script.Commands[0].Base() != "dockerd"
}
