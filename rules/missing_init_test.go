package rules_test

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/dlint-dev/dlint/lint"
	"github.com/dlint-dev/dlint/rules"
)

// TestMissingInitSeverity checks what the `# want:` harness does not:
// node as PID 1 is information (the app may handle SIGTERM), npm and
// background jobs are warnings (npm is information where /bin/sh execs a
// lone command), and no finding carries a fix.
func TestMissingInitSeverity(t *testing.T) {
	tests := []struct {
		path string
		want map[string][]string // "file:line" → details
	}{
		{"node-server.Dockerfile", map[string][]string{"node-server.Dockerfile:5": {"info"}}},
		{"npm-start.Dockerfile", map[string][]string{"npm-start.Dockerfile:8": {"warning"}}},
		{"gosu-node", map[string][]string{"Dockerfile:9": {"info"}}},
		{"background-cron", map[string][]string{"entrypoint.sh:5": {"warning"}}},
		// yarn passes the signal to a shell that execs its one command
		// (busybox, on Alpine), and pnpm to the app whatever the shell.
		{"compose-yarn", map[string][]string{"compose.yaml:8": {"info"}, "compose.yaml:13": {"info"}, "compose.yaml:25": {"info"}}},
		{"compose-private-image", map[string][]string{"compose.yaml:7": {"info"}, "compose.yaml:13": {"warning"}, "compose.yaml:18": {"warning"}, "compose.yaml:27": {"warning"}}},
		{"private-base.Dockerfile", map[string][]string{"private-base.Dockerfile:7": {"info"}}},
		// busybox's sh execs a script of one command: npm's SIGTERM reaches
		// the app then, so npm on Alpine is information.
		{"alpine-shell-form.Dockerfile", map[string][]string{"alpine-shell-form.Dockerfile:7": {"info"}}},
		{"pnpm-debian.Dockerfile", map[string][]string{"pnpm-debian.Dockerfile:8": {"info"}}},
		{"npx-alpine.Dockerfile", map[string][]string{"npx-alpine.Dockerfile:8": {"info"}}},
		{"yarn-debian.Dockerfile", map[string][]string{"yarn-debian.Dockerfile:8": {"warning"}}},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			got := detailsByLine(t, rules.MissingInit, tt.path)
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("got  %v\nwant %v", got, tt.want)
			}
		})
	}
}

// TestMissingInitMessages checks the wording: short, in the file's own
// terms (the npm command as written, no made-up file names), and one
// finding for all the jobs left under one exec'd program, each named
// through its wrappers.
func TestMissingInitMessages(t *testing.T) {
	want := map[string]string{
		"npm-start.Dockerfile:8": "CMD makes `npm` PID 1 of the final stage: npm signals only its script's shell, so an app dash forked dies without a SIGTERM; " +
			"run node directly instead of `npm start`, and use `docker run --init` or `ENTRYPOINT [\"tini\", \"--\"]`",
		"compose-private-image/compose.yaml:7": "`command:` makes `npm` PID 1 of service 'worker', unless the ENTRYPOINT of image `ghcr.io/acme/app:1` is an init: " +
			"npm signals only its script's shell, so an app dash forked dies without a SIGTERM; run node directly instead of `npm run worker`, and set `init: true` on the service",
		"node-server.Dockerfile:5": "CMD makes `node` PID 1 of the final stage: as PID 1, node ignores SIGTERM unless the app handles it, so `docker stop` kills it after 10 s; " +
			"use `docker run --init` or `ENTRYPOINT [\"tini\", \"--\"]`, or handle SIGTERM",
		"background-jobs/start.sh:6": "entrypoint script start.sh starts `celery`, `cron` and `redis-server` in the background, then execs `gunicorn` as PID 1 of the final stage, " +
			"which never stops or reaps them; use `docker run --init` or `ENTRYPOINT [\"tini\", \"--\", \"start.sh\"]`, or run them under a supervisor",
	}
	dir := filepath.Join("testdata", "missing-init")
	res := lint.Run(lint.Options{Paths: []string{dir}, Rules: []*rules.Rule{rules.MissingInit}, Workers: 1})
	got := map[string]string{}
	for _, f := range res.Findings {
		if n := len(f.Message); n > 300 {
			t.Errorf("%s:%d: message of %d characters, want at most 300: %s", f.Range.File, f.Range.Start.Line, n, f.Message)
		}
		rel, _ := filepath.Rel(dir, f.Range.File)
		got[fmt.Sprintf("%s:%d", filepath.ToSlash(rel), f.Range.Start.Line)] = f.Message
	}
	for key, msg := range want {
		if got[key] != msg {
			t.Errorf("%s:\ngot  %s\nwant %s", key, got[key], msg)
		}
	}
}
