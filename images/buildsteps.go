package images

import (
	"path"
	"strings"
)

// What a build step or a container's file system can and cannot do: the
// program and path knowledge the Dockerfile rules share.

// RuntimeDir describes a directory the container runtime (or the kernel)
// owns, and why it is no place for an image's files.
type RuntimeDir struct {
	Path string
	Why  string
}

// RuntimeDirs are the directories a WORKDIR (and the files COPY puts
// under it) must not be in.
var RuntimeDirs = []RuntimeDir{
	{"/proc", "the runtime mounts the kernel's procfs over it when the container starts"},
	{"/sys", "the runtime mounts the kernel's sysfs over it when the container starts"},
	{"/dev", "the runtime mounts a fresh /dev (tmpfs) over it when the container starts"},
	{"/boot", "a container never boots: nothing reads it, and on some hosts it is the host's kernel directory"},
	{"/lost+found", "it belongs to the file system checker of a disk, not to an application"},
	{"/initrd", "it is where an initial ramdisk is mounted while a machine boots, never in a container"},
}

// RuntimeDirOf returns the runtime directory p (absolute, cleaned or not)
// is in or at.
func RuntimeDirOf(p string) (RuntimeDir, bool) {
	if !strings.HasPrefix(p, "/") {
		return RuntimeDir{}, false
	}
	p = path.Clean(p)
	for _, d := range RuntimeDirs {
		if p == d.Path || strings.HasPrefix(p, d.Path+"/") {
			return d, true
		}
	}
	return RuntimeDir{}, false
}

// BuildStepMisuse tells whether a command, run in a RUN, cannot do what it
// is for: a build step runs with no init as PID 1, no terminal and no
// service manager, and ends all its processes when it exits. final is set
// when the command is the last the RUN runs. It returns the reason, or ""
// when the command is fine there.
func BuildStepMisuse(name string, args []string, final bool) string {
	name = path.Base(name)
	switch name {
	case "shutdown", "reboot", "halt", "poweroff":
		return "a build step has no init to ask, so `" + name + "` fails or does nothing; the step ends when its command exits"
	case "telinit":
		return "a build step has no init to ask, so `telinit` fails"
	case "systemctl":
		if verb := firstOperand(args, "--root", "-M", "--machine", "-H", "--host", "-t", "--type", "-p", "--property"); systemctlNeedsManager[verb] && !hasFlag(args, "--root") && !hasFlagPrefix(args, "--root=") {
			return "`systemctl " + verb + "` talks to systemd as PID 1, which a build step does not have (\"System has not been booted with systemd\"); a daemon the image runs is started by its ENTRYPOINT or CMD"
		}
	case "service":
		if len(args) >= 2 && serviceStarts[args[1]] && final {
			return "`service " + args[0] + " " + args[1] + "` starts a daemon that is killed when the RUN ends, so nothing of it is running in the image; start it from the ENTRYPOINT or CMD (or use it in the same RUN, after starting it)"
		}
	case "top", "htop":
		if name == "htop" || !hasShortFlag(args, 'b') {
			return "`" + name + "` needs a terminal, which a build step does not have; use `ps` (or `top -b -n 1`) to print processes"
		}
	case "vim", "vi", "nvim":
		if !editorScripted(args) {
			return "`" + name + "` waits for keystrokes on a terminal, which a build step does not have; edit files with sed, a heredoc or COPY (or run `" + name + " -es` with commands)"
		}
	case "nano", "pico", "joe", "mcedit":
		return "`" + name + "` is an interactive editor and a build step has no terminal; edit files with sed, a heredoc or COPY"
	case "emacs":
		if !hasFlag(args, "--batch") && !hasFlag(args, "-batch") && !hasFlagPrefix(args, "--script") {
			return "`emacs` waits for a terminal, which a build step does not have; use `emacs --batch`, sed, a heredoc or COPY"
		}
	}
	return ""
}

// systemctlNeedsManager are the verbs that ask the running systemd; enable,
// disable, mask and their kin edit unit links and work offline.
var systemctlNeedsManager = map[string]bool{
	"start": true, "stop": true, "restart": true, "reload": true, "try-restart": true,
	"reload-or-restart": true, "status": true, "daemon-reload": true, "isolate": true, "kill": true,
}

// serviceStarts are the actions of `service NAME ACTION` that leave a daemon
// running.
var serviceStarts = map[string]bool{"start": true, "restart": true, "reload": true, "force-reload": true}

// editorScripted reports whether vi/vim runs without a terminal: ex mode
// (-e, -E, -es), silent batch mode (-s with -e), or commands (+cmd, -c).
func editorScripted(args []string) bool {
	for _, a := range args {
		switch {
		case strings.HasPrefix(a, "+"), a == "-c", a == "--cmd":
			return true
		case strings.HasPrefix(a, "-") && !strings.HasPrefix(a, "--") && strings.ContainsAny(a[1:], "eEs"):
			return true
		}
	}
	return false
}

func firstOperand(args []string, valueFlags ...string) string {
	takesValue := map[string]bool{}
	for _, f := range valueFlags {
		takesValue[f] = true
	}
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case takesValue[a]:
			i++
		case strings.HasPrefix(a, "-"):
		default:
			return a
		}
	}
	return ""
}

func hasFlag(args []string, flag string) bool {
	for _, a := range args {
		if a == flag {
			return true
		}
	}
	return false
}

func hasFlagPrefix(args []string, prefix string) bool {
	for _, a := range args {
		if strings.HasPrefix(a, prefix) {
			return true
		}
	}
	return false
}

// hasShortFlag reports whether a cluster of short options (-bn1) holds c.
func hasShortFlag(args []string, c byte) bool {
	for _, a := range args {
		if len(a) > 1 && a[0] == '-' && a[1] != '-' && strings.IndexByte(a[1:], c) >= 0 {
			return true
		}
	}
	return false
}

// Downloader names a program that fetches URLs in build steps.
func Downloader(name string) bool {
	switch path.Base(name) {
	case "curl", "wget":
		return true
	}
	return false
}

// WgetQuiet reports whether wget's arguments set how it reports progress
// (--progress, -q, -nv, a log file), so it does not print its default dot
// progress, a line per 50 KiB, into a build log.
func WgetQuiet(args []string) bool {
	for _, a := range args {
		switch {
		case strings.HasPrefix(a, "--progress"), a == "--quiet", a == "--no-verbose", strings.HasPrefix(a, "--output-file"), strings.HasPrefix(a, "--append-output"):
			return true
		case a == "-nv":
			return true
		case len(a) > 1 && a[0] == '-' && a[1] != '-' && strings.ContainsAny(a[1:], "qoa"):
			// -q, or -o/-a FILE (a cluster such as -qO- holds q).
			return true
		}
	}
	return false
}

// TarArchiveSuffixes are the names of the archives ADD unpacks by itself
// from the build context: tar, plain or compressed with gzip, bzip2 or xz.
var TarArchiveSuffixes = []string{".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz", ".tbz2", ".tar.xz", ".txz"}

// IsTarArchiveName reports whether a file name is one ADD would unpack.
func IsTarArchiveName(name string) bool {
	name = strings.ToLower(name)
	for _, s := range TarArchiveSuffixes {
		if strings.HasSuffix(name, s) {
			return true
		}
	}
	return false
}
