package parser

import (
	"strings"
	"testing"
)

func TestIsInit(t *testing.T) {
	for name, want := range map[string]bool{
		"tini": true, "/sbin/tini": true, "/usr/bin/tini": true, "/tini": true, "tini-static": true, "/usr/bin/as-tini-static": true,
		"/tini-static-amd64": true, "/docker-init": true, "dumb-init": true, "/usr/local/bin/dumb-init_1.2.5_x86_64": true,
		"catatonit": true, "/init": true, "/sbin/my_init": true,
		"init": false, "./init": false, "/app/init": false, "node": false, "/sbin/init": false, "supervisord": false,
	} {
		if got := IsInit(name); got != want {
			t.Errorf("IsInit(%q) = %v, want %v", name, got, want)
		}
	}
	for name, want := range map[string]bool{
		"supervisord": true, "/usr/bin/supervisord": true, "runsvdir": true, "s6-svscan": true, "/sbin/init": true,
		"/lib/systemd/systemd": true, "tini": false, "nginx": false,
	} {
		if got := IsSupervisor(name); got != want {
			t.Errorf("IsSupervisor(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestStageRunsInit(t *testing.T) {
	df, err := ParseDockerfile("Dockerfile", []byte(`FROM alpine AS base
ADD https://github.com/krallin/tini/releases/download/v0.19.0/tini /tini
COPY vendor/tini-static /usr/local/bin/
COPY rootfs/ /
COPY scripts/start.sh /init
FROM base
WORKDIR /app
COPY dumb.sh ./bin/dumb-init
COPY catatonit.sh /usr/bin
`))
	if err != nil {
		t.Fatal(err)
	}
	st := df.Final()
	for name, want := range map[string]bool{
		"/init":                 false, // the project's start.sh
		"/tini":                 true,  // downloaded, not from the build context
		"tini-static":           true,  // copied, but named as the init it is
		"./bin/dumb-init":       false, // relative to WORKDIR
		"dumb-init":             true,  // a different file
		"/usr/bin/catatonit.sh": false, // not an init's name at all
		"catatonit":             true,
		"node":                  false,
	} {
		if got := st.RunsInit(name); got != want {
			t.Errorf("RunsInit(%q) = %v, want %v", name, got, want)
		}
	}
	if cp, src := st.CopyTo("/init"); cp == nil || src != "scripts/start.sh" {
		t.Errorf("CopyTo(/init) = %v, %q; want the COPY of scripts/start.sh", cp, src)
	}
	if cp, _ := st.CopyTo("/etc/passwd"); cp != nil {
		t.Errorf("CopyTo(/etc/passwd) = %v, want nil: rootfs/ is not looked into", cp)
	}
}

func TestInitChild(t *testing.T) {
	for _, tt := range []struct {
		argv string
		want int
	}{
		{"tini -- app", 2},
		{"tini app --flag", 1},
		{"tini -p SIGTERM -- /entrypoint.sh", 4},
		{"tini -p SIGTERM /entrypoint.sh", 3},
		{"tini -pSIGTERM -g -- app", 4},
		{"tini -gp SIGKILL app", 3},
		{"tini -e 143 -e 130 -s app", 6},
		{"tini -vvv -- app", 3},
		{"/sbin/tini -R A -- app", 4},
		{"/docker-init -- app", 2},
		{"tini-static-amd64 -s -- app", 3},
		{"/usr/bin/as-tini-static -r SIGUSR1 -t SIGTERM /entrypoint.sh", 5},
		{"tini --", 2},
		{"tini -p", 2},
		{"dumb-init app", 1},
		{"dumb-init -c --rewrite 15:3 app", 4},
		{"dumb-init --rewrite=15:3 -- app -v", 3},
		{"dumb-init -r 15:3 -v app", 4},
		{"dumb-init_1.2.5_x86_64 --single-child app", 2},
		{"catatonit -g -- app", 3},
		{"catatonit -P", 2},
		{"/sbin/my_init --quiet -- app", 3},
		{"/init -x app", 1}, // s6-overlay passes everything on
		{"node server.js", 0},
		{"", 0},
	} {
		argv := strings.Fields(tt.argv)
		if got := InitChild(argv); got != tt.want {
			t.Errorf("InitChild(%q) = %d, want %d", tt.argv, got, tt.want)
		}
	}
}

func TestProcessManagerOf(t *testing.T) {
	for argv, want := range map[string]string{
		"supervisord -n": "supervisord", "/init": "s6", "s6-svscan /etc/s6": "s6",
		"runsvdir -P /etc/service": "runit", "/usr/sbin/runsvdir-start": "runit", "uwsgi --ini app.ini": "uwsgi",
		"nginx -g daemon": "",
	} {
		if got := ProcessManagerOf(strings.Fields(argv)); got != want {
			t.Errorf("ProcessManagerOf(%s) = %q, want %q", argv, got, want)
		}
	}
}
