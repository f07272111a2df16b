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

// A tag older than every version the catalogue read keeps the image's
// facts but not the accounts its newer Dockerfiles create: node:0.10 had
// no node user. A listed version keeps them.
func TestOlderTagForgetsCreatedAccounts(t *testing.T) {
	old, ok := Default().Lookup("node", "0.10.35")
	if !ok {
		t.Skip("node is not catalogued")
	}
	if _, has := old.Account("node"); has || old.AppUser != "" {
		t.Errorf("node:0.10.35 has the node user: %+v", old.Accounts)
	}
	if old.Cmd == nil {
		t.Error("node:0.10.35 lost its other facts")
	}
	cur, _ := Default().Lookup("node", "22")
	if _, has := cur.Account("node"); !has {
		t.Errorf("node:22 lacks the node user: %+v", cur.Accounts)
	}
}
