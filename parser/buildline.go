package parser

import (
	"path/filepath"
	"regexp"
	"strings"
)

// BuildLine is one command line that builds and tags an image: `docker
// build`, `docker image build`, `docker builder build`, `docker buildx
// build`, `podman build`, `nerdctl build`. A later run line of one of its
// tags runs the stage it builds.
type BuildLine struct {
	Tool  string // as typed: "docker build", "docker buildx build"
	Range Range  // the whole command
	Tags  []string
	// Context and Dockerfile are as written; Dockerfile is "" for the
	// context's Dockerfile. Target is the --target stage, "" for the last.
	Context, Dockerfile, Target string
	// Exports is set for --output to files (`--output=.`): the build writes
	// the stage's files out, and no container runs them.
	Exports bool
	// Dir is the directory the command runs in, as the caller named it;
	// "" when it is not known here.
	Dir string
}

// Paths resolves the build's context and Dockerfile against Dir, as the
// CLI does: the context against the working directory, `-f` against the
// working directory too, a missing `-f` inside the context. ok is false
// when either is not a local path known here (a variable, a URL, stdin).
func (b *BuildLine) Paths() (context, dockerfile string, ok bool) {
	unknown := func(s string) bool {
		return s == "-" || strings.ContainsAny(s, "$`") || strings.Contains(s, "://") || strings.HasPrefix(s, "git@")
	}
	if b.Dir == "" || b.Context == "" || unknown(b.Context) || unknown(b.Dockerfile) || unknown(b.Target) {
		return "", "", false
	}
	at := func(p string) string {
		if filepath.IsAbs(p) {
			return filepath.Clean(p)
		}
		return filepath.Join(b.Dir, p)
	}
	context = at(b.Context)
	dockerfile = filepath.Join(context, "Dockerfile")
	if b.Dockerfile != "" {
		dockerfile = at(b.Dockerfile)
	}
	return context, dockerfile, true
}

// buildFlags are the flags of `docker build`, `docker buildx build` and
// `podman build` that take a value; any other flag is read as a boolean.
var buildFlags = func() map[string]string {
	m := map[string]string{}
	valued := "add-host allow annotation attest build-arg build-context builder cache-from cache-to call cgroup-parent " +
		"cpu-period cpu-quota c=cpu-shares cpuset-cpus cpuset-mems f=file iidfile isolation label m=memory memory-swap " +
		"metadata-file network o=output platform progress secret security-opt shm-size ssh t=tag target ulimit " +
		// podman
		"arch authfile cap-add cap-drop cert-dir cgroupns creds decryption-key device dns dns-option dns-search env " +
		"format from hooks-dir ignorefile iidfile ipc jobs label layer-label logfile manifest os os-feature os-version " +
		"pid runtime runtime-flag sign-by skip-unused-stages timestamp unsetenv unsetlabel userns userns-gid-map " +
		"userns-uid-map userns-uid-map-user userns-gid-map-group uts variant v=volume"
	for _, f := range strings.Fields(valued) {
		short, long, ok := strings.Cut(f, "=")
		if !ok {
			long = f
		}
		m["--"+long] = long
		if ok {
			m["-"+short] = long
		}
	}
	return m
}()

// FindBuildLines returns the build lines among a script's commands; dir
// is the directory the script starts in. A `cd` the script runs
// unconditionally moves it (`cd "$(dirname "$0")/.."`, `cd web &&`); after
// any other `cd` the directory is unknown. atLineStart tells whether an
// unconditional `cd` must start its line (a script) or may be indented (a
// recipe or CI step, whose shell starts indented).
func FindBuildLines(s *Script, dir string, atLineStart bool) []*BuildLine {
	return findBuildLines(s, dir, atLineStart, nil)
}

// findBuildLines is FindBuildLines with a Makefile's variables, which make
// expands first (`$(DOCKER_CMD) build`).
func findBuildLines(s *Script, dir string, atLineStart bool, makeVars map[string]string) []*BuildLine {
	var out []*BuildLine
	eachCommandDir(s, dir, atLineStart, func(cmd *Command, dir string) {
		if b := parseBuildWords(s.Source, expandMakeVars(append([]*Word{cmd.NameWord}, cmd.Args...), makeVars)); b != nil {
			b.Dir = dir
			out = append(out, b)
		}
	})
	return out
}

// eachCommandDir calls fn for each command of a script but `cd`, with the
// directory it runs in ("" when not known); see FindBuildLines.
func eachCommandDir(s *Script, dir string, atLineStart bool, fn func(cmd *Command, dir string)) {
	if s == nil {
		return
	}
	start := dir
	for _, cmd := range s.Commands {
		if cmd.NameWord == nil {
			continue
		}
		if cmd.Name == "cd" && cmd.Parent == nil {
			dir = changeDir(s.Source, cmd, start, dir, atLineStart)
			continue
		}
		fn(cmd, dir)
	}
}

// scriptDirCd is `cd` to the script's own directory, or below it.
var scriptDirCd = regexp.MustCompile(`^\$\(dirname (\$0|\$\{0\}|\$BASH_SOURCE|\$\{BASH_SOURCE(\[0\])?\})\)(/.*)?$`)

// changeDir returns the directory after a `cd`: "" when it is not known.
func changeDir(src *Source, cmd *Command, start, dir string, atLineStart bool) string {
	args := cmd.Args
	if len(args) > 0 && args[0].Literal && args[0].Lit == "--" {
		args = args[1:]
	}
	if len(args) != 1 || cmd.InLoop || cmd.InFunc || cmd.Background || cmd.Piped {
		return ""
	}
	before := []rune(src.Line(cmd.Range.Start.Line))
	if n := cmd.Range.Start.Col - 1; n <= len(before) {
		before = before[:n]
	}
	if atLineStart && len(before) > 0 || strings.Trim(string(before), " \t@-+") != "" {
		return "" // in a subshell, a condition or a block: not always run
	}
	to := wordValue(args[0])
	if m := scriptDirCd.FindStringSubmatch(to); m != nil && !args[0].Literal {
		return filepath.Join(start, strings.TrimPrefix(m[3], "/"))
	}
	if dir == "" || !args[0].Literal || to == "-" || strings.HasPrefix(to, "~") || filepath.IsAbs(to) {
		return "" // a path on the machine that runs it
	}
	return filepath.Join(dir, to)
}

// parseBuildWords reads words as a build command line; nil when it is
// not one, or when it tags nothing.
func parseBuildWords(src *Source, words []*Word) *BuildLine {
	tool, toolWord, i, ok := engineCommand(words)
	if !ok || tool == "docker-compose" {
		return nil
	}
	name := tool
	switch literalAt(words, i) {
	case "image", "builder", "buildx":
		name += " " + literalAt(words, i)
		i++
		if literalAt(words, i) != "build" && !(strings.HasSuffix(name, "buildx") && literalAt(words, i) == "b") {
			return nil
		}
		name += " build"
		i++
	case "build":
		name += " build"
		i++
	default:
		return nil
	}
	b := &BuildLine{Tool: name, Range: Range{File: src.Path, Start: toolWord.Range.Start, End: words[len(words)-1].Range.End}}
	for ; i < len(words); i++ {
		text := wordValue(words[i])
		if isExpansion(words[i]) {
			return nil // flags or the context may hide in it
		}
		if text == "--" {
			if i+1 < len(words) {
				b.Context = wordValue(words[i+1])
			}
			break
		}
		if !strings.HasPrefix(text, "-") || text == "-" {
			if b.Context != "" {
				return nil // two contexts: not a command the CLI takes
			}
			b.Context = text
			continue
		}
		flag, value, hasValue := splitFlag(text)
		long, valued := buildFlags[flag]
		if !valued {
			continue
		}
		if !hasValue {
			if i+1 >= len(words) {
				break
			}
			i++
			value = wordValue(words[i])
		}
		switch long {
		case "tag":
			b.Tags = append(b.Tags, value)
		case "file":
			b.Dockerfile = value
		case "target":
			b.Target = value
		case "output":
			b.Exports = b.Exports || exportsFiles(value)
		}
	}
	if len(b.Tags) == 0 && !b.Exports {
		return nil
	}
	return b
}

// exportsFiles reports whether an --output writes the build's files out
// (`--output=.`, `type=local,dest=out`, `type=tar`) rather than an image
// that may run (`type=image`, `type=docker`, `type=registry`).
func exportsFiles(output string) bool {
	for _, kind := range []string{"type=image", "type=docker", "type=registry"} {
		if strings.Contains(output, kind) {
			return false
		}
	}
	return output != ""
}
