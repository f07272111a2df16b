package parser

import (
	"strings"
	"testing"

	"github.com/dlint-dev/dlint/images"
)

// TestExecsLast follows the measured table of shared/notes/pid1-shells.md,
// and the subshell and background cases measured for docs/images.md:
// which `-c` strings each shell replaces itself with the last command of.
func TestExecsLast(t *testing.T) {
	const (
		ash  = images.ShellAsh
		bash = images.ShellBash
		old  = images.ShellOldBash
		dash = images.ShellDash
		none = images.ShellUnknown
	)
	for _, tc := range []struct {
		script string
		execs  []images.Shell
	}{
		{"sleep 3", []images.Shell{ash, bash, old}},
		{"sleep 3 >/dev/null", []images.Shell{ash}},
		{"FOO=1 sleep 3", []images.Shell{ash, bash, old}},
		{"cd /tmp; sleep 3", []images.Shell{ash, bash}},
		{"cd /tmp && sleep 3", []images.Shell{ash, bash}},
		{"set -xe && cd /tmp && sleep 3", []images.Shell{ash, bash}},
		{"test -f x || sleep 3", []images.Shell{ash, bash}},
		{`trap "" HUP; sleep 3`, []images.Shell{ash, bash}},
		{`trap "echo x" TERM; sleep 3`, nil},
		{"if true; then sleep 3; fi", []images.Shell{ash}},
		{"sleep 3 | cat", nil},
		{"sleep 3 &", nil},
		// Measured with busybox 1.35, bash 5.2, Debian's dash (docs/images.md).
		{"(sleep 3)", []images.Shell{ash}},
		{"true && (sleep 1 & sleep 3)", []images.Shell{ash}},
		{"sleep 1 & sleep 3", []images.Shell{ash}},
		{"(sleep 3 | cat)", nil},
		{"sleep 3; exit 0", nil},
		// Measured with busybox 1.35 and bash 5.2: a branch that only
		// reports and exits leaves the other branch's exec to busybox.
		{"if [ -x /bin/true ]; then true && sleep 3; else echo no; exit 1; fi", []images.Shell{ash}},
		{"if [ -x /nonexist ]; then sleep 3; else echo no; sleep 2; exit 1; fi", nil},
		{"sleep 3 || exit 1", nil},
		{"while true; do sleep 3; done", nil},
		{"f() { sleep 3; }; f", nil},
		{"! sleep 3", nil},
		{"echo done", nil},
		{"exec sleep 3", nil}, // exec'd by hand: nothing left for the shell to do
	} {
		s := ParseShell(NewSource("t", []byte(tc.script)), tc.script, nil)
		if s.Err != nil {
			t.Fatalf("%q: %v", tc.script, s.Err)
		}
		want := map[images.Shell]bool{}
		for _, sh := range tc.execs {
			want[sh] = true
		}
		for _, sh := range []images.Shell{ash, bash, old, dash, none} {
			if got := s.ExecsLast(sh); got != want[sh] {
				t.Errorf("%q on %s: execs last %v, want %v", tc.script, sh, got, want[sh])
			}
		}
	}
}

func TestShellKind(t *testing.T) {
	debian := &images.Image{Name: "debian", Tag: "bookworm", Facts: images.Facts{Shell: images.ShellDash}}
	buster := &images.Image{Name: "debian", Tag: "buster-slim", Facts: images.Facts{Shell: images.ShellDash}}
	alpine := &images.Image{Name: "alpine", Tag: "3.21", Facts: images.Facts{Shell: images.ShellAsh}}
	distroless := &images.Image{Name: "gcr.io/distroless/static", Facts: images.Facts{Shell: images.ShellNone}}
	for _, tc := range []struct {
		img   *images.Image
		tag   string // of an image not in the catalogue (img nil)
		argv0 string
		want  images.Shell
	}{
		{debian, "", "/bin/sh", images.ShellDash},
		{debian, "", "bash", images.ShellBash},
		{buster, "", "/bin/bash", images.ShellOldBash},
		{alpine, "", "sh", images.ShellAsh},
		{alpine, "", "/bin/bash", images.ShellBash},
		{distroless, "", "/bin/sh", images.ShellNone},
		{distroless, "", "bash", images.ShellNone},
		{nil, "", "sh", images.ShellUnknown},
		{nil, "", "bash", images.ShellUnknown},
		{nil, "", "/bin/ash", images.ShellAsh},
		{nil, "", "powershell", images.ShellWindows},
		{debian, "", "zsh", images.ShellUnknown},
		// An image the catalogue does not hold, judged by its tag.
		{nil, "8.0-alpine", "sh", images.ShellAsh},
		{nil, "1.2-alpine3.20", "/bin/sh", images.ShellAsh},
		{nil, "1.2-alpine3.6", "sh", images.ShellUnknown},
		{nil, "1.2-alpine3.12", "sh", images.ShellAsh},
		{nil, "8.0-bookworm", "sh", images.ShellUnknown},
	} {
		if got := shellKind(tc.img, "", tc.tag, tc.argv0); got != tc.want {
			t.Errorf("%v %s: %q, want %q", tc.img, tc.argv0, got, tc.want)
		}
	}
}

// An image not in the catalogue whose repository's last part is alpine is
// Alpine (a copy of its minirootfs), its tag the release.
func TestShellKindByAlpineName(t *testing.T) {
	for _, tc := range []struct {
		name, tag string
		want      images.Shell
	}{
		{"openzipkin/alpine", "3.23.3", images.ShellAsh},
		{"ghcr.io/acme/alpine", "3.6", images.ShellUnknown}, // busybox before 1.28
		{"acme/alpine-tools", "1.0", images.ShellUnknown},
		{"acme/app", "1.0", images.ShellUnknown},
	} {
		if got := shellKind(nil, tc.name, tc.tag, "/bin/sh"); got != tc.want {
			t.Errorf("%s:%s: %q, want %q", tc.name, tc.tag, got, tc.want)
		}
	}
}

func TestExitsAtOnceAndKeepAlive(t *testing.T) {
	for argv, want := range map[string]bool{"node -v": true, "app --version": true, "echo ready": true, "printenv": true, "env": true, "node server.js": false, "env FOO=1 app": false, "sleep infinity": false,
		"npm ci": true, "npm install --omit=dev": true, "yarn": true, "yarn --frozen-lockfile": true, "pnpm i": true, "npm run build": true, "yarn build": true,
		"npm start": false, "npm run dev": false, "npm run build -- --watch": false, "yarn start": false, "npm build": false} {
		if got := ExitsAtOnce(strings.Fields(argv)); got != want {
			t.Errorf("ExitsAtOnce(%s) = %v", argv, got)
		}
	}
	for argv, want := range map[string]bool{"tail -f /dev/null": true, "tail -F /dev/null": true, "sleep infinity": true, "sleep 86400000": true, "sleep 5": false, "tail -f /var/log/app.log": false} {
		if got := IsKeepAlive(strings.Fields(argv)); got != want {
			t.Errorf("IsKeepAlive(%s) = %v", argv, got)
		}
	}
}
