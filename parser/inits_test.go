package parser

import "testing"

func TestIsInit(t *testing.T) {
	for name, want := range map[string]bool{
		"tini": true, "/sbin/tini": true, "/usr/bin/tini": true, "/tini": true, "tini-static": true,
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
