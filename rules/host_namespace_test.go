package rules_test

import (
	"strings"
	"testing"

	"github.com/dlint-dev/dlint/rules"
)

// userns_mode: host is what the Docker socket, privileged mode and the
// host's network need under userns-remap: information, not "remove it".
func TestHostUsernsNeeded(t *testing.T) {
	findings := lintFiles(t, map[string]string{"compose.yaml": "services:\n" +
		"  proxy:\n    image: traefik:v3\n    userns_mode: host\n    volumes: [/var/run/docker.sock:/var/run/docker.sock]\n" +
		"  vpn:\n    image: example/vpn\n    userns_mode: host\n    network_mode: host\n" +
		"  app:\n    image: example/app\n    userns_mode: host\n"}, rules.HostNamespace)
	got := map[int]rules.Finding{}
	for _, f := range findings {
		if strings.Contains(f.Message, "userns_mode") {
			got[f.Range.Start.Line] = f
		}
	}
	for line, info := range map[int]bool{4: true, 8: true, 12: false} {
		f, ok := got[line]
		if !ok || (f.Severity == rules.Info) != info || strings.Contains(f.Message, "remove it") == info {
			t.Errorf("line %d: %+v", line, f)
		}
	}
}
