package rules_test

import (
	"strings"
	"testing"

	"github.com/dlint-dev/dlint/rules"
)

// A later RUN that installs without updating reads the lists this RUN's
// update left: the advice is one RUN for all, not an rm that would break
// that install.
func TestAptListsAdviceKeepsALaterInstallWorking(t *testing.T) {
	findings := lintFiles(t, map[string]string{
		"Dockerfile": "FROM debian:12-slim\nRUN apt-get update && apt-get upgrade -y\nRUN apt-get install -y --no-install-recommends curl\n",
	}, rules.AptListsNotRemoved)
	if len(findings) != 1 || !strings.Contains(findings[0].Message, "the install at line 3 reads them") || strings.Contains(findings[0].Message, "end the same RUN") {
		t.Errorf("findings: %+v", findings)
	}
}
