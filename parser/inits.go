package parser

import (
	"path"
	"strings"
)

// initNames are small inits that run the program given as their arguments
// as a child and stay PID 1, reaping zombies and forwarding signals to it:
// tini (also Docker's own `--init`, /docker-init in the container),
// dumb-init, catatonit, phusion's my_init and Aerospike's tini fork
// (as-tini-static in the aerospike image). Downloads keep their release
// names at times: tini-static-amd64, dumb-init_1.2.5_x86_64.
var initNames = map[string]bool{
	"tini": true, "docker-init": true, "dumb-init": true, "catatonit": true, "my_init": true,
	"as-tini": true,
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
	for _, prefix := range []string{"tini-", "as-tini-", "dumb-init_"} {
		if strings.HasPrefix(base, prefix) {
			return true
		}
	}
	return false
}

// initOptions are the options of an init that take a value: short ones
// as getopt letters, long ones by name.
type initOptions struct {
	short string
	long  map[string]bool
}

// initValueOptions by init: tini's -p SIGNAL, -e EXIT_CODE and -R A|F;
// Aerospike's fork adds -r and -t SIGNAL; dumb-init's -r/--rewrite s:r.
// catatonit's and my_init's options are all flags.
func initValueOptions(name string) initOptions {
	switch {
	case name == "tini" || name == "docker-init" || strings.HasPrefix(name, "tini-"):
		return initOptions{short: "peR"}
	case name == "as-tini" || strings.HasPrefix(name, "as-tini-"):
		return initOptions{short: "peRrt"}
	case name == "dumb-init" || strings.HasPrefix(name, "dumb-init_"):
		return initOptions{short: "r", long: map[string]bool{"rewrite": true}}
	}
	return initOptions{}
}

// InitChild returns the index in argv of the program that the init
// argv[0] runs as its child, past the init's options and a `--`: 3 for
// `tini -p SIGTERM -- app`, 1 for `/init app` (s6-overlay passes every
// argument on). It is len(argv) when the init is given no program, and 0
// when argv[0] is not an init.
func InitChild(argv []string) int {
	if len(argv) == 0 || !IsInit(argv[0]) {
		return 0
	}
	if initPaths[path.Clean(argv[0])] {
		return 1
	}
	opts := initValueOptions(path.Base(argv[0]))
	i := 1
	for i < len(argv) {
		a := argv[i]
		switch {
		case a == "--":
			return i + 1
		case a == "-" || !strings.HasPrefix(a, "-"):
			return i
		case strings.HasPrefix(a, "--"):
			name, _, inline := strings.Cut(a[2:], "=")
			i++
			if opts.long[name] && !inline {
				i++ // --rewrite 15:3
			}
		default:
			// A getopt cluster: -sg, -pSIGTERM, -gp SIGTERM.
			i++
			for j := 1; j < len(a); j++ {
				if strings.IndexByte(opts.short, a[j]) >= 0 {
					if j == len(a)-1 {
						i++ // the value is the next word
					}
					break
				}
			}
		}
	}
	return len(argv)
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
