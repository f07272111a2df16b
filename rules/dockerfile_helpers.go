package rules

import (
	"iter"
	"strings"

	"github.com/dlint-dev/dlint/parser"
)

// runCommands yields each command of every RUN (and RUN trigger of
// ONBUILD) of df that dlint could read as shell, with its RUN, in source
// order.
func runCommands(df *parser.Dockerfile) iter.Seq2[*parser.Instruction, *parser.Command] {
	return func(yield func(*parser.Instruction, *parser.Command) bool) {
		for _, in := range runInstructions(df) {
			if in.Script == nil {
				continue
			}
			for _, cmd := range in.Script.Commands {
				if !yield(in, cmd) {
					return
				}
			}
		}
	}
}

// packageRun is one package manager command of a RUN.
type packageRun struct {
	in  *parser.Instruction
	pkg *parser.PackageCommand
}

// packageRuns lists the package manager commands of every RUN (and RUN
// trigger of ONBUILD) in df, in source order.
func packageRuns(df *parser.Dockerfile) []packageRun {
	var out []packageRun
	for in, cmd := range runCommands(df) {
		if pc := cmd.Package(); pc != nil {
			out = append(out, packageRun{in, pc})
		}
	}
	return out
}

// cacheMountTargets returns the targets of the RUN's `--mount=type=cache`
// flags: what is written there stays out of the image.
func cacheMountTargets(in *parser.Instruction) []string {
	var out []string
	for _, f := range in.Flags {
		spec, ok := strings.CutPrefix(f, "--mount=")
		if !ok {
			continue
		}
		typ, target := "", ""
		for _, kv := range strings.Split(spec, ",") {
			k, v, _ := strings.Cut(kv, "=")
			switch strings.ToLower(strings.TrimSpace(k)) {
			case "type":
				typ = v
			case "target", "dst", "destination":
				target = v
			}
		}
		if (typ == "cache" || typ == "tmpfs") && target != "" {
			out = append(out, strings.TrimSuffix(target, "/"))
		}
	}
	return out
}

// mountsCache reports whether a cache (or tmpfs) mount of the RUN covers
// dir: at dir or at a directory above it.
func mountsCache(in *parser.Instruction, dirs ...string) bool {
	for _, t := range cacheMountTargets(in) {
		for _, d := range dirs {
			if t == d || strings.HasPrefix(d, t+"/") {
				return true
			}
		}
	}
	return false
}

// removes reports whether the RUN's script runs `rm` on a path that starts
// with one of prefixes (`rm -rf /var/lib/apt/lists/*`), or a command named
// in cleaners (`apk cache clean`, `yarn cache clean`).
func removes(s *parser.Script, prefixes ...string) bool {
	if s == nil {
		return false
	}
	for _, c := range s.Commands {
		if c.Base() != "rm" {
			continue
		}
		for _, a := range c.Args {
			arg := strings.Trim(a.Lit, `"'`)
			// A directory above goes too (`rm -rf /var/lib/apt` takes the lists).
			parent := strings.TrimRight(strings.TrimSuffix(arg, "/*"), "/")
			for _, p := range prefixes {
				if strings.HasPrefix(arg, p) || parent != "" && strings.HasPrefix(arg, "/") && strings.HasPrefix(p, parent+"/") {
					return true
				}
			}
		}
	}
	return false
}

// shipsInFinalImage reports whether what st's RUNs leave in their layers
// is part of the image `docker build` produces: st is the final stage or
// one it builds on. Files a build stage leaves behind are gone unless a
// COPY --from takes them, and then only what it names.
func shipsInFinalImage(df *parser.Dockerfile, st *parser.Stage) bool {
	final := df.Final()
	if final == nil || st == nil {
		return false
	}
	for _, a := range final.Ancestors() {
		if a == st {
			return true
		}
	}
	return false
}

// keywordFix replaces the keyword of in with word.
func keywordFix(in *parser.Instruction, word, description string) *Fix {
	return &Fix{Description: description, Edits: []Edit{{Range: in.KeywordRange(), NewText: word}}}
}
