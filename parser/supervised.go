package parser

import (
	"bufio"
	"bytes"
	"path"
	"strings"
)

// Supervised is a program a process manager in the image starts, read
// from the configuration the Dockerfile copies in: a supervisord
// [program:x] section, an s6 or runit run script, a uWSGI ini.
type Supervised struct {
	Manager string // "supervisord", "s6", "runit", "uwsgi", "procfile" (forego's and its kind's)
	Program string // the program's name in that configuration
	User    string // who it runs as; "" when the configuration sets no user (root)
	// Argv is the command it runs, split into words (supervisord's
	// `command=`, what a run script execs last); nil when not known.
	Argv []string
	File string // the file in the build context
	Line int
}

// ProcessManagerOf names the process manager argv starts ("supervisord",
// "s6" for s6-overlay's /init or s6-svscan, "runit", "uwsgi", "procfile"
// for forego, foreman, honcho and their kind), or "".
func ProcessManagerOf(argv []string) string {
	if len(argv) == 0 {
		return ""
	}
	switch base := path.Base(argv[0]); {
	case base == "supervisord":
		return "supervisord"
	case argv[0] == "/init" || base == "s6-svscan":
		return "s6"
	case base == "runsvdir" || base == "runsvdir-start" || base == "runit" || base == "runsv" || base == "my_init":
		return "runit"
	case base == "uwsgi":
		return "uwsgi"
	case procfileManagers[base]:
		return "procfile"
	}
	return ""
}

// procfileManagers run the programs of a Procfile, each as a child of
// theirs, as the user they run as.
var procfileManagers = map[string]bool{"forego": true, "foreman": true, "honcho": true, "goreman": true, "overmind": true, "hivemind": true}

// IsProcfile reports whether a file name is a Procfile (Procfile,
// Procfile.dev), which forego and its kind read.
func IsProcfile(name string) bool {
	return name == "Procfile" || strings.HasPrefix(name, "Procfile.")
}

// ScanDir is the service directory an `s6-svscan DIR` argv names
// (`s6-svscan /app/gogs/docker/s6/`); "" when it names none (s6-overlay's
// /init reads its own).
func ScanDir(argv []string) string {
	if len(argv) < 2 {
		return ""
	}
	switch path.Base(argv[0]) {
	case "s6-svscan":
		for _, a := range argv[1:] {
			if !strings.HasPrefix(a, "-") {
				return path.Clean(a)
			}
		}
	}
	return ""
}

// SupervisedIn reads the programs a configuration file starts, judged by
// where the Dockerfile puts it in the image (imagePath) and by its text;
// scanDir is the directory the container's process manager scans (see
// ScanDir), "" for its default ones. It returns nil for a file that
// configures no process manager.
func SupervisedIn(imagePath, scanDir, file string, data []byte) []*Supervised {
	dir, name := path.Split(imagePath)
	switch {
	case name == "run" && scanDir != "" && path.Dir(path.Clean(dir)) == scanDir:
		return runScriptUser("s6", path.Base(path.Clean(dir)), file, data)
	case name == "run" && (strings.Contains(dir, "/services.d/") || strings.Contains(dir, "/s6-rc.d/") || strings.HasPrefix(dir, "/etc/s6/")):
		return runScriptUser("s6", path.Base(path.Clean(dir)), file, data)
	case name == "run" && (strings.HasPrefix(dir, "/etc/service/") || strings.HasPrefix(dir, "/etc/sv/") || strings.HasPrefix(dir, "/etc/runit/")):
		return runScriptUser("runit", path.Base(path.Clean(dir)), file, data)
	case strings.HasSuffix(name, ".ini") || strings.HasSuffix(name, ".conf"):
		return iniPrograms(file, data)
	case IsProcfile(name):
		return procfilePrograms(file, data)
	}
	return nil
}

// procfilePrograms reads a Procfile's `name: command` lines. A program runs
// as the manager's user unless its command switches (`gosu app worker`).
func procfilePrograms(file string, data []byte) []*Supervised {
	var out []*Supervised
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		name, command, ok := strings.Cut(text, ":")
		if !ok || strings.HasPrefix(text, "#") || strings.ContainsAny(name, " \t") {
			continue
		}
		p := &Supervised{Manager: "procfile", Program: name, Argv: strings.Fields(command), File: file, Line: line}
		if u, ok := switchedUser(p.Argv); ok {
			p.User = u
		}
		out = append(out, p)
	}
	return out
}

// S6Longrun reports whether an s6-rc service directory's `type` file makes
// it a longrun, a program s6 keeps running. A oneshot (an init step that
// runs once at start-up, often as root by design: usermod, migrations) or
// a bundle runs no program of the container's; its `run` is a script its
// `up` calls.
func S6Longrun(typeFile []byte) bool {
	return strings.TrimSpace(string(typeFile)) == "longrun"
}

// runScriptUser reads the user an s6 or runit run script switches to
// before it execs its program (s6-setuidgid, s6-applyuidgid, chpst -u,
// gosu, su-exec, setpriv).
func runScriptUser(manager, program, file string, data []byte) []*Supervised {
	s := ParseScriptFile(file, data)
	if s == nil || s.Err != nil {
		// s6 run scripts are often execline (#!/command/execlineb), which
		// the shell parser does not read: look for the switch by words.
		return []*Supervised{{Manager: manager, Program: program, User: execlineUser(data), File: file}}
	}
	out := &Supervised{Manager: manager, Program: program, File: file}
	for _, c := range s.Commands {
		if u, ok := switchedUser(c.Argv()); ok {
			out.User, out.Line = u, c.Range.Start.Line
		}
	}
	if len(s.Final) == 1 {
		out.Argv = s.Final[0].Argv()
	}
	return []*Supervised{out}
}

// switchedUser returns the user argv switches to, for the programs that
// switch and exec.
func switchedUser(argv []string) (string, bool) {
	if len(argv) < 2 {
		return "", false
	}
	args := argv[1:]
	switch path.Base(argv[0]) {
	case "s6-setuidgid", "setuidgid", "gosu", "su-exec":
		return strings.SplitN(args[0], ":", 2)[0], true
	case "s6-applyuidgid":
		for i, a := range args {
			if a == "-u" && i+1 < len(args) {
				return args[i+1], true
			}
		}
	case "chpst":
		for i, a := range args {
			if a == "-u" && i+1 < len(args) {
				return strings.SplitN(args[i+1], ":", 2)[0], true
			}
			if strings.HasPrefix(a, "-u") && len(a) > 2 {
				return strings.SplitN(a[2:], ":", 2)[0], true
			}
		}
	case "setpriv":
		for _, a := range args {
			if v, ok := strings.CutPrefix(a, "--reuid="); ok {
				return v, true
			}
		}
	case "capsh":
		for _, a := range args {
			if v, ok := strings.CutPrefix(a, "--user="); ok {
				return v, true
			}
		}
	}
	return "", false
}

// execlineUser finds `s6-setuidgid USER` in an execline script.
func execlineUser(data []byte) string {
	fields := strings.Fields(string(data))
	for i, f := range fields {
		if (f == "s6-setuidgid" || f == "setuidgid") && i+1 < len(fields) {
			return fields[i+1]
		}
	}
	return ""
}

// iniPrograms reads supervisord [program:x] sections (user=) and uWSGI
// [uwsgi] sections (uid =).
func iniPrograms(file string, data []byte) []*Supervised {
	var out []*Supervised
	var cur *Supervised
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(text, "[") && strings.HasSuffix(text, "]") {
			section := strings.TrimSpace(text[1 : len(text)-1])
			cur = nil
			switch {
			case strings.HasPrefix(section, "program:"):
				cur = &Supervised{Manager: "supervisord", Program: strings.TrimPrefix(section, "program:"), File: file, Line: line}
			case section == "uwsgi":
				cur = &Supervised{Manager: "uwsgi", Program: "uwsgi", File: file, Line: line}
			}
			if cur != nil {
				out = append(out, cur)
			}
			continue
		}
		if cur == nil || strings.HasPrefix(text, ";") || strings.HasPrefix(text, "#") {
			continue
		}
		key, value, ok := strings.Cut(text, "=")
		if !ok {
			continue
		}
		key = strings.TrimSpace(key)
		value = strings.TrimSpace(strings.SplitN(value, ";", 2)[0])
		switch {
		case cur.Manager == "supervisord" && key == "user" || cur.Manager == "uwsgi" && key == "uid":
			cur.User, cur.Line = value, line
		case cur.Manager == "supervisord" && key == "command":
			cur.Argv = strings.Fields(value)
		}
	}
	return out
}
