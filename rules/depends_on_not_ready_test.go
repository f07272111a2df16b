package rules_test

import (
	"strings"
	"testing"

	"github.com/dlint-dev/dlint/rules"
)

// The advice to add a healthcheck is hedged for an image dlint does not
// know, which may have a HEALTHCHECK of its own; for an official image,
// which has none, it is not.
func TestDependsOnNotReadyAdviceOnUnknownImage(t *testing.T) {
	compose := "services:\n  app:\n    image: example/app:1\n    depends_on: [db, pg]\n  db:\n    image: ghcr.io/immich-app/postgres:16\n  pg:\n    image: postgres:17\n"
	findings := lintFiles(t, map[string]string{"compose.yaml": compose}, rules.DependsOnNotReady)
	if len(findings) != 2 {
		t.Fatalf("findings: %+v", findings)
	}
	for _, f := range findings {
		hedged := strings.Contains(f.Message, "if its image has none")
		if strings.Contains(f.Message, "'db'") != hedged {
			t.Errorf("hedge wrong: %s", f.Message)
		}
	}
}

// What an entrypoint dlint cannot read does before the app starts is not
// known: the finding says it may wait, as information, even when the
// database has a healthcheck nobody waits for.
func TestDependsOnNotReadyUnreadEntrypoint(t *testing.T) {
	findings := lintFiles(t, map[string]string{
		"compose.yaml": "services:\n  temporal:\n    image: temporalio/auto-setup:1.29.1\n    depends_on: [db]\n  cron:\n    image: friendica:2024.08-apache\n    entrypoint: /setup.sh\n    depends_on: [db]\n  app:\n    image: postgres:17\n    depends_on: [db]\n  db:\n    image: postgres:17\n    healthcheck:\n      test: [\"CMD-SHELL\", \"pg_isready\"]\n",
	}, rules.DependsOnNotReady)
	got := map[string]rules.Finding{}
	for _, f := range findings {
		for _, svc := range []string{"temporal", "cron", "app"} {
			if strings.HasPrefix(f.Message, "service '"+svc+"'") {
				got[svc] = f
			}
		}
	}
	if f := got["temporal"]; f.Severity != rules.Info || !strings.Contains(f.Message, "unless the entrypoint of temporalio/auto-setup:1.29.1, an image unknown to dlint, waits for it") {
		t.Errorf("temporal: %+v", f)
	}
	if f := got["cron"]; f.Severity != rules.Info || !strings.Contains(f.Message, "unless `/setup.sh`, a script of the image") {
		t.Errorf("cron: %+v", f)
	}
	if f := got["app"]; f.Severity != rules.Warning || strings.Contains(f.Message, "unless") {
		t.Errorf("app, a known image: %+v", f)
	}
}

// A compose `entrypoint:` script of an image whose name is a variable left
// unset is as unread as any other image's: the finding keeps "unless".
func TestDependsOnNotReadyEntrypointOfAnUnsetImage(t *testing.T) {
	compose := "services:\n  app:\n    image: ${APP_IMAGE}\n    entrypoint: [\"/docker-entrypoint.sh\"]\n    depends_on: [db]\n  db:\n    image: mariadb:11\n"
	findings := lintFiles(t, map[string]string{"compose.yaml": compose}, rules.DependsOnNotReady)
	if len(findings) != 1 || !strings.Contains(findings[0].Message, "unless `/docker-entrypoint.sh`") {
		t.Errorf("findings: %+v", findings)
	}
}
