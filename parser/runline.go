package parser

import (
	"fmt"
	"path"
	"strings"

	"github.com/compose-spec/compose-go/v2/format"
)

// RunLine is one command line that starts a container: `docker run`,
// `docker container run`, `docker create`, `podman run`, `nerdctl run` or
// `docker compose run`, found in a script, a Makefile recipe, a CI file or
// a README. Its settings fill a Service, so the rules that read compose
// services read it too.
type RunLine struct {
	Tool  string // as the person typed it: "docker run", "podman create", "docker compose run"
	Range Range  // the whole command
	// Image is the image word; for `docker compose run`, the service it
	// runs. nil when the line names none (or an expansion hides it).
	Image *Item
	// Service names a workflow's job container: the key under `services:`,
	// or "container" for the job's own `container:`. Its flags are the
	// `options:` string.
	Service string
	// HostedRunner is set for a workflow's job container on a
	// GitHub-hosted runner: a virtual machine made for the job alone.
	HostedRunner bool
	// Detach is set for -d/--detach.
	Detach bool
	// Uncertain is set when an expansion may have hidden flags or the
	// image (`docker run $OPTS app`): the flags written after it are not
	// reported.
	Uncertain bool
}

// ComposeRun reports whether the line is `docker compose run`: its image
// word names a service of a compose file.
func (r *RunLine) ComposeRun() bool { return strings.HasSuffix(r.Tool, "compose run") }

// Label names the line in messages: "`docker run` at deploy.sh:12".
func (r *RunLine) Label() string {
	if r.Service == "container" {
		return fmt.Sprintf("the job container at %s:%d", PrintablePath(path.Base(r.Range.File)), r.Range.Start.Line)
	}
	if r.Service != "" {
		return fmt.Sprintf("service container '%s' at %s:%d", r.Service, PrintablePath(path.Base(r.Range.File)), r.Range.Start.Line)
	}
	return fmt.Sprintf("`%s` at %s:%d", r.Tool, PrintablePath(path.Base(r.Range.File)), r.Range.Start.Line)
}

// runFlag is what the Docker CLI knows of one flag of `docker run`.
type runFlag struct {
	long  string
	value bool // takes a value (`-v x`); otherwise a boolean (`--rm`, `--privileged=false`)
}

// runFlags are the flags of `docker run`/`docker create`, with podman's and
// nerdctl's common additions, by every name they can be written with.
// Knowing which take a value is what keeps `-v x` from being read as the
// image.
var runFlags = func() map[string]runFlag {
	m := map[string]runFlag{}
	valued := "a=attach add-host annotation blkio-weight blkio-weight-device cap-add cap-drop cgroup-parent cgroupns cidfile " +
		"cpu-count cpu-percent cpu-period cpu-quota cpu-rt-period cpu-rt-runtime c=cpu-shares cpus cpuset-cpus cpuset-mems " +
		"detach-keys device device-cgroup-rule device-read-bps device-read-iops device-write-bps device-write-iops " +
		"dns dns-opt dns-option dns-search domainname entrypoint e=env env-file expose gpus group-add " +
		"health-cmd health-interval health-retries health-start-period health-start-interval health-timeout " +
		"h=hostname ip ip6 ipc isolation kernel-memory l=label label-file link link-local-ip log-driver log-opt " +
		"mac-address m=memory memory-reservation memory-swap memory-swappiness mount name network net " +
		"network-alias net-alias oom-score-adj pid pids-limit platform p=publish pull restart runtime " +
		"security-opt shm-size stop-signal stop-timeout storage-opt sysctl tmpfs ulimit u=user userns uts " +
		"v=volume volume-driver volumes-from w=workdir " +
		// podman and nerdctl
		"pod uidmap gidmap subuidname subgidname arch os variant secret systemd sdnotify seccomp-policy tz umask " +
		"pidfile preserve-fds init-path conmon-pidfile requires timeout hostuser chrootdirs personality " +
		"log-level cgroups cgroup-conf image-volume passwd-entry group-entry label-file " +
		// docker compose run
		"project-name"
	for _, f := range strings.Fields(valued) {
		short, long, ok := strings.Cut(f, "=")
		if !ok {
			long = f
		}
		m["--"+long] = runFlag{long: long, value: true}
		if ok {
			m["-"+short] = runFlag{long: long, value: true}
		}
	}
	boolean := "d=detach disable-content-trust help init i=interactive no-healthcheck oom-kill-disable privileged " +
		"P=publish-all q=quiet read-only rm sig-proxy t=tty use-api-socket replace rootfs http-proxy " +
		// docker compose run
		"no-deps service-ports use-aliases T=no-TTY build quiet-pull remove-orphans"
	for _, f := range strings.Fields(boolean) {
		short, long, ok := strings.Cut(f, "=")
		if !ok {
			long = f
		}
		m["--"+long] = runFlag{long: long}
		if ok {
			m["-"+short] = runFlag{long: long}
		}
	}
	return m
}()

// globalFlags are the options of docker, podman, nerdctl and `docker
// compose` that come before the subcommand and take a value.
var globalFlags = map[string]bool{
	"-H": true, "--host": true, "-c": true, "--context": true, "--config": true, "-l": true, "--log-level": true,
	"--tlscacert": true, "--tlscert": true, "--tlskey": true, "--url": true, "--connection": true,
	"--namespace": true, "-n": true, "--address": true, "--root": true, "--runroot": true, "--storage-driver": true,
	// docker compose
	"-f": true, "--file": true, "-p": true, "--project-name": true, "--profile": true, "--env-file": true,
	"--project-directory": true, "--ansi": true, "--progress": true, "--parallel": true,
}

// runTools are the programs whose run subcommands start a container.
var runTools = map[string]bool{"docker": true, "podman": true, "nerdctl": true, "docker-compose": true, "finch": true}

// runWrappers run the command that follows them.
var runWrappers = map[string]bool{"sudo": true, "command": true, "exec": true, "time": true, "nohup": true}

// FindRunLines returns the run lines among a script's commands, with the
// services their flags make. A command that is not a run line is skipped.
func FindRunLines(s *Script) []*Service {
	return findRunLines(s, nil)
}

// findRunLines is FindRunLines with a Makefile's variables, which make
// expands first (`$(DOCKER) run`).
func findRunLines(s *Script, makeVars map[string]string) []*Service {
	if s == nil {
		return nil
	}
	var out []*Service
	for _, cmd := range s.Commands {
		if cmd.NameWord == nil {
			continue
		}
		words := expandMakeVars(append([]*Word{cmd.NameWord}, cmd.Args...), makeVars)
		if svc := parseRunWords(s.Source, words); svc != nil {
			out = append(out, svc)
		}
	}
	return out
}

// engineCommand finds the container engine a command runs, past wrappers
// (`sudo -E docker …`) and the engine's global flags: its program name,
// the word naming it, and the index of the subcommand.
func engineCommand(words []*Word) (tool string, toolWord *Word, i int, ok bool) {
	for i < len(words) && words[i].Literal && runWrappers[path.Base(words[i].Lit)] {
		i++
		for i < len(words) && words[i].Literal && strings.HasPrefix(words[i].Lit, "-") {
			i++ // sudo -E, time -p
		}
	}
	if i >= len(words) || !words[i].Literal {
		return "", nil, 0, false
	}
	tool = path.Base(words[i].Lit)
	if !runTools[tool] {
		return "", nil, 0, false
	}
	toolWord = words[i]
	i++
	return tool, toolWord, skipGlobalFlags(words, i), true
}

// skipGlobalFlags returns the index of the first word at or after i that
// is not a global flag of the engine or of `docker compose`.
func skipGlobalFlags(words []*Word, i int) int {
	for i < len(words) && words[i].Literal && strings.HasPrefix(words[i].Lit, "-") {
		f := words[i].Lit
		i++
		if !strings.Contains(f, "=") && globalFlags[f] {
			i++
		}
	}
	return i
}

// parseRunWords reads words as a run command line; nil when it is not one.
func parseRunWords(src *Source, words []*Word) *Service {
	tool, toolWord, i, ok := engineCommand(words)
	if !ok {
		return nil
	}
	name := tool
	switch literalAt(words, i) {
	case "container":
		i++
		if s := literalAt(words, i); s != "run" && s != "create" {
			return nil
		}
		name += " container " + literalAt(words, i)
		i++
	case "run", "create":
		name += " " + literalAt(words, i)
		i++
	case "compose":
		i++
		i = skipGlobalFlags(words, i)
		if literalAt(words, i) != "run" {
			return nil
		}
		name += " compose run"
		i++
	default:
		return nil
	}
	if tool == "docker-compose" && !strings.HasSuffix(name, " run") {
		return nil
	}
	if tool == "docker-compose" {
		name = "docker-compose run"
	}
	line := &RunLine{Tool: name, Range: Range{File: src.Path, Start: toolWord.Range.Start, End: words[len(words)-1].Range.End}}
	svc := &Service{Run: line, Name: line.Label(), Range: line.Range, Namespaces: map[string]*Item{}}
	rest := words[i:]
	cmdStart := readRunFlags(svc, rest)
	if cmdStart < len(rest) {
		w := rest[cmdStart]
		line.Image = &Item{Value: wordValue(w), Range: w.Range}
		if !line.ComposeRun() {
			svc.Image = line.Image
		}
		if args := rest[cmdStart+1:]; len(args) > 0 && !line.Uncertain {
			svc.Command = wordsSpec(src, args)
		}
	}
	return svc
}

// wordValue is a word's value with variables left as written: a literal's
// value, else its text without quotes (`"$HOME/.ssh"` → `$HOME/.ssh`).
func wordValue(w *Word) string {
	if w.Literal {
		return w.Lit
	}
	return strings.NewReplacer(`"`, "", `'`, "").Replace(w.Lit)
}

// isExpansion reports whether a word is nothing but an expansion that may
// stand for several words or for the image: `$OPTS`, `"${IMAGE}"`,
// `$(opts)`.
func isExpansion(w *Word) bool {
	if w.Literal {
		return false
	}
	v := strings.Trim(w.Lit, `"`)
	if strings.HasPrefix(v, "$(") && strings.HasSuffix(v, ")") || strings.HasPrefix(v, "`") {
		return true
	}
	if !strings.HasPrefix(v, "$") {
		return false
	}
	v = strings.TrimPrefix(v, "$")
	if strings.HasPrefix(v, "{") {
		end := strings.IndexByte(v, '}')
		return end == len(v)-1
	}
	for _, r := range v {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// namesImage guesses whether an expansion holds the image: its variable
// says so (IMAGE, IMG, TAG) or says it holds flags (OPTS, ARGS, FLAGS);
// otherwise it is the image unless a flag follows it.
func namesImage(w *Word, next *Word) bool {
	upper := strings.ToUpper(w.Lit)
	for _, s := range []string{"IMAGE", "IMG", "TAG", "REPO"} {
		if strings.Contains(upper, s) {
			return true
		}
	}
	for _, s := range []string{"OPT", "ARG", "FLAG", "PARAM", "EXTRA"} {
		if strings.Contains(upper, s) {
			return false
		}
	}
	return next == nil || !strings.HasPrefix(wordValue(next), "-") && !isExpansion(next)
}

// readRunFlags applies the flags at the start of words to svc and returns
// the index of the first word after them: the image.
func readRunFlags(svc *Service, words []*Word) int {
	line := svc.Run
	for i := 0; i < len(words); i++ {
		w := words[i]
		text := wordValue(w)
		if isExpansion(w) {
			var next *Word
			if i+1 < len(words) {
				next = words[i+1]
			}
			if namesImage(w, next) {
				return i
			}
			// `$OPTS`: flags the script passes on. A flag after it says so;
			// otherwise the image may hide in it, and what follows is not
			// known to be flags.
			if next == nil || !strings.HasPrefix(wordValue(next), "-") && !isExpansion(next) {
				line.Uncertain = true
			}
			continue
		}
		if text == "--" {
			return i + 1
		}
		if !strings.HasPrefix(text, "-") || text == "-" {
			return i
		}
		if strings.HasPrefix(text, "--") {
			name, value, hasValue := strings.Cut(text, "=")
			f, known := runFlags[name]
			r, vr := w.Range, attachedValue(w, len(name)+1)
			if f.value && !hasValue {
				if i+1 >= len(words) {
					return len(words)
				}
				i++
				value, r, vr = wordValue(words[i]), Range{File: r.File, Start: r.Start, End: words[i].Range.End}, words[i].Range
			}
			if !known {
				continue // an unknown flag is read as a boolean, as most new ones are
			}
			if !line.Uncertain {
				applyRunFlag(svc, f, value, hasValue || f.value, r, vr)
			}
			continue
		}
		// Short flags, combined (-itd) or with the value attached (-p80:80).
		for j := 1; j < len(text); j++ {
			f, known := runFlags["-"+text[j:j+1]]
			if !known {
				continue
			}
			if !f.value {
				if !line.Uncertain {
					applyRunFlag(svc, f, "", false, w.Range, w.Range)
				}
				continue
			}
			value, r := strings.TrimPrefix(text[j+1:], "="), w.Range
			vr := attachedValue(w, len(text)-len(value))
			if j+1 >= len(text) {
				if i+1 >= len(words) {
					return len(words)
				}
				i++
				value, r, vr = wordValue(words[i]), Range{File: r.File, Start: r.Start, End: words[i].Range.End}, words[i].Range
			}
			if !line.Uncertain {
				applyRunFlag(svc, f, value, true, r, vr)
			}
			break
		}
	}
	return len(words)
}

// attachedValue is the range of a flag's value written in the flag's own
// word after skip bytes (`--publish=80:80`, `-p80:80`); the whole word
// when its text is not as written (quotes, escapes) or it spans lines.
func attachedValue(w *Word, skip int) Range {
	r := w.Range
	if !w.Literal || r.Start.Line != r.End.Line || r.End.Col-r.Start.Col != len([]rune(w.Lit)) || skip > len(w.Lit) {
		return r
	}
	r.Start.Col += len([]rune(w.Lit[:skip]))
	return r
}

// applyRunFlag sets what one flag says on the service. r spans the flag
// and its value, valueRange the value alone.
func applyRunFlag(svc *Service, f runFlag, value string, hasValue bool, r, valueRange Range) {
	it := &Item{Value: value, Range: r}
	on := !hasValue || isTrue(value)
	switch f.long {
	case "detach":
		svc.Run.Detach = on
	case "privileged":
		svc.Privileged = nil
		if on {
			svc.Privileged = &Item{Value: "true", Range: r}
		}
	case "init":
		b := on
		svc.Init, svc.InitRange = &b, r
	case "user":
		svc.User = it
	case "env":
		// `-e NAME=value`; `-e NAME` passes the shell's value on.
		name, v, valued := strings.Cut(value, "=")
		if name == "" || strings.ContainsAny(name, "$`") {
			return
		}
		ev := &EnvVar{Name: name, Unset: !valued, Range: valueRange}
		if valued {
			ev.Value, ev.Raw, ev.Literal = v, v, !strings.ContainsAny(v, "$`")
		}
		svc.Environment = append(svc.Environment, ev)
	case "stop-signal":
		svc.StopSignal = newStopSignal(value, value, !strings.Contains(value, "$"), valueRange)
	case "cap-add":
		for _, c := range strings.Split(value, ",") {
			if c = strings.TrimSpace(c); c != "" {
				svc.CapAdd = append(svc.CapAdd, &Item{Value: c, Range: r})
			}
		}
	case "security-opt":
		svc.SecurityOpt = append(svc.SecurityOpt, it)
	case "group-add":
		svc.GroupAdd = append(svc.GroupAdd, value)
	case "network", "net":
		svc.Namespaces["network_mode"] = it
	case "pid", "ipc", "uts", "cgroupns":
		key := f.long
		if key == "cgroupns" {
			key = "cgroup"
		}
		svc.Namespaces[key] = it
	case "userns":
		svc.Namespaces["userns_mode"] = it
	case "publish":
		// The entry's range is its value, as a compose entry's is: where
		// an edit of the mapping goes.
		p := &PublishedPort{Raw: value, Range: valueRange}
		p.Spec, p.Err = ParsePortMapping(value)
		if p.Err != nil && strings.Contains(value, "$") {
			return // unresolved (`-p $PORT:80`): not known to be invalid
		}
		svc.Ports = append(svc.Ports, p)
	case "volume":
		svc.Volumes = append(svc.Volumes, runVolume(value, r))
	case "mount":
		if m := runMount(value, r); m != nil {
			svc.Volumes = append(svc.Volumes, m)
		}
	case "device":
		host, _, _ := strings.Cut(value, ":")
		svc.Devices = append(svc.Devices, &Item{Value: host, Range: r})
	case "entrypoint":
		svc.Entrypoint = &ExecSpec{Exec: true, Argv: strings.Fields(value), Range: r}
		if value == "" {
			svc.Entrypoint.Argv = []string{}
		}
	}
}

func isTrue(s string) bool {
	switch strings.ToLower(s) {
	case "1", "t", "true":
		return true
	}
	return false
}

// runVolume reads a `-v` value: a bind when the host side is a path, else a
// named volume; a host side an expansion makes is unresolved.
func runVolume(value string, r Range) *Mount {
	m := &Mount{Range: r}
	if strings.Contains(value, "$") || strings.Contains(value, "`") {
		m.Unresolved = true
		parts := strings.Split(value, ":")
		if len(parts) >= 2 {
			m.Target = parts[1]
			if !strings.Contains(parts[0], "$") && !strings.Contains(parts[0], "`") {
				m.Unresolved = false
				m.Type, m.Source = "bind", parts[0]
				if !strings.HasPrefix(parts[0], "/") && !strings.HasPrefix(parts[0], ".") && !strings.HasPrefix(parts[0], "~") {
					m.Type = "volume"
				}
			}
		}
		return m
	}
	vol, err := format.ParseVolume(value)
	if err != nil {
		m.Unresolved = true
		return m
	}
	m.Type, m.Source, m.Target, m.ReadOnly = vol.Type, vol.Source, vol.Target, vol.ReadOnly
	if vol.Type == "bind" && !strings.HasPrefix(vol.Source, "/") {
		m.Source = vol.Source // relative to the directory docker runs in: not known here
	}
	return m
}

// runMount reads a `--mount` value (type=bind,source=/x,target=/y,readonly).
func runMount(value string, r Range) *Mount {
	m := &Mount{Type: "volume", Range: r}
	for _, kv := range strings.Split(value, ",") {
		k, v, _ := strings.Cut(kv, "=")
		switch strings.ToLower(strings.TrimSpace(k)) {
		case "type":
			m.Type = v
		case "source", "src":
			m.Source = v
		case "target", "destination", "dst":
			m.Target = v
		case "readonly", "ro":
			m.ReadOnly = v == "" || isTrue(v)
		}
	}
	if strings.Contains(m.Source, "$") {
		m.Unresolved, m.Source = true, ""
	}
	return m
}

// wordsSpec makes the command after the image an exec-form spec; `sh -c
// '…'` gets its script.
func wordsSpec(src *Source, args []*Word) *ExecSpec {
	argv := make([]string, len(args))
	ranges := make([]Range, len(args))
	for i, a := range args {
		argv[i], ranges[i] = wordValue(a), a.Range
	}
	r := Range{File: src.Path, Start: args[0].Range.Start, End: args[len(args)-1].Range.End}
	return &ExecSpec{Exec: true, Argv: argv, Range: r, Script: ExecFormScript(src, argv, ranges, nil)}
}

// runFlagOf is the `docker run` flag that sets each compose key.
var runFlagOf = map[string]string{
	"privileged": "--privileged", "user": "--user", "network_mode": "--network", "pid": "--pid", "ipc": "--ipc",
	"uts": "--uts", "userns_mode": "--userns", "cgroup": "--cgroupns", "cap_add": "--cap-add", "cap_drop": "--cap-drop",
	"ports": "-p", "security_opt": "--security-opt", "init": "--init", "volumes": "-v", "devices": "--device",
	"stop_signal": "--stop-signal",
}

// Setting writes a setting the way the service's file does, for messages:
// `privileged: true` in compose, `--privileged` on a run line (`--pid
// host`, `--cap-drop ALL`). A list value is written as compose's
// (`[ALL]`) and as a flag's (`ALL`).
func (s *Service) Setting(key, value string) string {
	if s == nil || s.Run == nil {
		return key + ": " + value
	}
	return RunSetting(key, value)
}

// RunSetting writes a compose setting as the `docker run` flag that sets it.
func RunSetting(key, value string) string {
	flag, ok := runFlagOf[key]
	if !ok {
		return key + ": " + value
	}
	value = strings.Trim(value, "[]")
	if value == "true" {
		return flag
	}
	return flag + " " + value
}

// literalAt returns words[i] when it is a literal word, else "".
func literalAt(words []*Word, i int) string {
	if i < len(words) && words[i].Literal {
		return words[i].Lit
	}
	return ""
}
