package rules_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/dlint-dev/dlint/lint"
	"github.com/dlint-dev/dlint/rules"
)

// TestNumericUserNamesTheKnownUID: when the Dockerfile fixes the UID but not
// the group's GID, the message gives the UID and how to fix the GID, rather
// than advising to create the user it already creates.
func TestNumericUserNamesTheKnownUID(t *testing.T) {
	path := filepath.Join("testdata", "numeric-user", "uid-without-gid.Dockerfile")
	res := lint.Run(lint.Options{Paths: []string{path}, Rules: []*rules.Rule{rules.NumericUser}, NoConfig: true})
	if len(res.Findings) != 1 {
		t.Fatalf("got %d findings, want 1", len(res.Findings))
	}
	msg := res.Findings[0].Message
	for _, want := range []string{"UID 10001", "groupadd --gid 10001 app", "USER 10001:10001"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
}

// The advice creates the user with the tool the Dockerfile uses, with
// that tool's options: Debian's adduser takes --uid.
func TestNumericUserAdviceFollowsTheTool(t *testing.T) {
	path := filepath.Join("testdata", "numeric-user", "debian-adduser.Dockerfile")
	res := lint.Run(lint.Options{Paths: []string{path}, Rules: []*rules.Rule{rules.NumericUser}, NoConfig: true})
	if len(res.Findings) != 1 || !strings.Contains(res.Findings[0].Message, "`adduser --uid 10001 jitsi`") {
		t.Errorf("findings: %+v", res.Findings)
	}
}

// A service built FROM an image whose user it names gets that user's IDs.
func TestComposeNumericUserBuiltOnKnownImage(t *testing.T) {
	path := filepath.Join("testdata", "numeric-user", "compose-built-known")
	res := lint.Run(lint.Options{Paths: []string{path}, Rules: []*rules.Rule{rules.NumericUser}, NoConfig: true})
	if len(res.Findings) != 1 || !strings.Contains(res.Findings[0].Message, "`user: \"999:999\"`") {
		t.Errorf("findings: %+v", res.Findings)
	}
}

// A group named apart from the user's own is not given the user's GID:
// Alpine's nogroup is 65533, though nobody's group is 65534 (coturn).
func TestNumericUserGroupNamedApart(t *testing.T) {
	findings := lintFiles(t, map[string]string{"Dockerfile": "FROM alpine:3.20\nUSER nobody:nogroup\nCMD [\"turnserver\"]\n"}, rules.NumericUser)
	if len(findings) != 1 || strings.Contains(findings[0].Message, "65534:65534") || !strings.Contains(findings[0].Message, "`USER 65534:<GID>`") {
		t.Errorf("findings: %+v", findings)
	}
}
