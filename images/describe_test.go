package images

import (
	"strings"
	"testing"
)

// A user whose UID the build picks (useradd without --uid) is described
// so, not as UID -1; no EXPOSE of an unset ARG is a port.
func TestDescribeUnknownUID(t *testing.T) {
	img, ok := Default().Lookup("kong", "2.8.1")
	if !ok {
		t.Skip("kong is not catalogued")
	}
	var b strings.Builder
	Describe(&b, "kong:2.8.1", img)
	if out := b.String(); strings.Contains(out, "-1") || strings.Contains(out, "$") {
		t.Errorf("describe:\n%s", out)
	}
}
