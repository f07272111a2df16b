package parser

import (
	"path/filepath"
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
// is the directory they run in.
func FindBuildLines(s *Script, dir string) []*BuildLine {
	if s == nil {
		return nil
	}
	var out []*BuildLine
	for _, cmd := range s.Commands {
		if cmd.NameWord == nil {
			continue
		}
		if b := parseBuildWords(s.Source, append([]*Word{cmd.NameWord}, cmd.Args...)); b != nil {
			b.Dir = dir
			out = append(out, b)
		}
	}
	return out
}

// parseBuildWords reads words as a build command line; nil when it is
// not one, or when it tags nothing.
func parseBuildWords(src *Source, words []*Word) *BuildLine {
	tool, toolWord, i, ok := engineCommand(words)
	if !ok || tool == "docker-compose" {
		return nil
	}
	sub := func() string {
		if i < len(words) && words[i].Literal {
			return words[i].Lit
		}
		return ""
	}
	name := tool
	switch sub() {
	case "image", "builder", "buildx":
		name += " " + sub()
		i++
		if sub() != "build" && !(strings.HasSuffix(name, "buildx") && sub() == "b") {
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
		flag, value, hasValue := text, "", false
		if strings.HasPrefix(text, "--") {
			flag, value, hasValue = strings.Cut(text, "=")
		} else if len(text) > 2 {
			flag, value, hasValue = text[:2], strings.TrimPrefix(text[2:], "="), true
		}
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
		}
	}
	if len(b.Tags) == 0 {
		return nil
	}
	return b
}
