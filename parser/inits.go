package parser

import (
	"path"
	"strings"
)

// initNames are small inits that run the program given as their arguments
// as a child and stay PID 1, reaping zombies and forwarding signals to it:
// tini (also Docker's own `--init`, /docker-init in the container),
// dumb-init, catatonit and phusion's my_init. Downloads keep their
// release names at times: tini-static-amd64, dumb-init_1.2.5_x86_64.
var initNames = map[string]bool{
	"tini": true, "docker-init": true, "dumb-init": true, "catatonit": true, "my_init": true,
}

// initPaths are inits known by their full path: s6-overlay's /init, which
// runs the CMD under its supervision tree.
var initPaths = map[string]bool{"/init": true}

// IsInit reports whether name (a path or a bare name) is an init that
// runs its arguments as its child and stays PID 1.
func IsInit(name string) bool {
	if initPaths[path.Clean(name)] {
		return true
	}
	base := path.Base(name)
	if initNames[base] {
		return true
	}
	for _, prefix := range []string{"tini-", "dumb-init_"} {
		if strings.HasPrefix(base, prefix) {
			return true
		}
	}
	return false
}

// supervisorNames start the services their configuration names, not their
// arguments, and stay PID 1, reaping zombies and passing signals on.
var supervisorNames = map[string]bool{
	"supervisord": true, "runsvdir": true, "runit": true, "s6-svscan": true, "systemd": true,
}

// supervisorPaths are supervisors known by their full path: the init
// systems of full distributions (systemd or sysvinit).
var supervisorPaths = map[string]bool{"/sbin/init": true, "/usr/sbin/init": true}

// IsSupervisor reports whether name (a path or a bare name) is a process
// supervisor made to run as PID 1: supervisord, runit's runsvdir, s6-svscan,
// systemd.
func IsSupervisor(name string) bool {
	return supervisorPaths[path.Clean(name)] || supervisorNames[path.Base(name)]
}
