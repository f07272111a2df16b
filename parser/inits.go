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
// runs its arguments as its child and stays PID 1. It goes by the name
// alone: Stage.RunsInit also knows the files a Dockerfile puts there.
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

// RunsInit reports whether name, as the stage's ENTRYPOINT or CMD starts
// it, is an init (IsInit). It is not when the stage copies a file of its
// build context there under another name (`COPY init.sh /init`): that is
// the project's own script. A copied file named like an init (`COPY tini
// /tini`) stays one.
func (s *Stage) RunsInit(name string) bool {
	if !IsInit(name) {
		return false
	}
	for _, p := range s.CommandPaths(name) {
		if cp, src := s.CopyTo(p); cp != nil && !IsInit(path.Base(src)) {
			return false
		}
	}
	return true
}

// commandDirs are where a bare command name is looked up: the PATH of the
// common base images.
var commandDirs = []string{"/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"}

// CommandPaths returns the paths in the image that a command name may
// stand for: an absolute path itself, a relative one against the stage's
// WORKDIR, a bare name in each PATH directory.
func (s *Stage) CommandPaths(name string) []string {
	switch {
	case strings.HasPrefix(name, "/"):
		return []string{path.Clean(name)}
	case strings.Contains(name, "/"):
		return []string{joinPath(s.Workdir, name)}
	}
	out := make([]string, len(commandDirs))
	for i, d := range commandDirs {
		out[i] = path.Join(d, name)
	}
	return out
}

// CopyTo returns the COPY or ADD of the build context, and the source it
// names, that last puts a file at the absolute path p in the stage or a
// stage it builds on: `COPY init.sh /init`, `COPY init.sh /usr/local/bin/`.
// A directory copied whole (`COPY rootfs/ /`) is not looked into without
// the files at hand, and downloads (`ADD https://…/tini /tini`) are not
// the build context's; nil when no copy names p.
func (s *Stage) CopyTo(p string) (*Copy, string) {
	for _, st := range s.Ancestors() {
		for i := len(st.Copies) - 1; i >= 0; i-- {
			cp := st.Copies[i]
			if cp.From != "" {
				continue
			}
			dest := path.Clean(cp.Dest)
			for _, src := range cp.Sources {
				if strings.Contains(src, "://") || strings.HasPrefix(src, "git@") || strings.ContainsAny(src, "*?[") {
					continue
				}
				base := path.Base(path.Clean("/" + src))
				if base == "/" || base == "." || strings.HasSuffix(src, "/") {
					continue // a directory's contents
				}
				// Without a trailing slash the destination may still be a
				// directory of the image (/usr/local/bin).
				if !cp.DirDest && dest == p || path.Join(dest, base) == p {
					return cp, src
				}
			}
		}
	}
	return nil, ""
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
