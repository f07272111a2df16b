package rules

import (
	"fmt"
	"strings"

	"github.com/dlint-dev/dlint/parser"
)

// UndefinedVar reports a variable that an instruction buildkit expands
// uses before any ARG or ENV defines it, in stages whose environment dlint
// knows whole: those built on scratch.
var UndefinedVar = &Rule{
	ID:       "undefined-var",
	Aliases:  []string{"UndefinedVar"},
	Severity: Warning,
	Tags:     []string{TagDockerfile, TagCorrectness},
	Summary:  "A variable is used before any ARG or ENV defines it, so it expands to nothing",
	Doc: mdDoc(`## Why
buildkit expands variables in ENV, ARG defaults, LABEL, COPY and ADD (sources,
destination, §--chown§, §--chmod§), WORKDIR, USER, VOLUME and STOPSIGNAL with the
ARGs and ENVs defined so far and the base image's environment. A name none of
them defines expands to nothing: §COPY $APP_DIR/bin /bin§ copies §/bin§. Usually a
typo, or an ARG declared in another stage (each stage declares its own).
RUN, CMD and ENTRYPOINT are left to the shell, which may set the variable.

dlint's image catalogue does not record the base images' ENV, so this rule
checks only the stages whose environment it knows whole: those whose chain of
stages starts §FROM scratch§ (the empty image sets nothing but the §PATH§
buildkit supplies). For a stage on any other image a name may come from the
image's ENV (§PATH§, §HOME§, §JAVA_HOME§, §NODE_VERSION§…), and nothing is reported.
BuildKit's UndefinedVar reads the pulled image's config and reports the others
too. RUN §--mount§ options are not checked yet.`) + reimplemented + mdDoc(`

## Bad
§§§dockerfile
FROM scratch
COPY ${APP_DIR}/server /server
§§§

## Good
§§§dockerfile
FROM scratch
ARG APP_DIR=out
COPY ${APP_DIR}/server /server
§§§

## Silence
§# dlint ignore=undefined-var§ above the instruction.`),
	Check: checkUndefinedVar,
}

func checkUndefinedVar(pass *Pass) {
	df := pass.Dockerfile
	if df == nil {
		return
	}
	for _, st := range df.Stages {
		anc := st.Ancestors()
		root := anc[len(anc)-1]
		if !root.BaseResolved || !root.Base.IsScratch() || root.Parent != nil {
			continue
		}
		defined := map[string]bool{"PATH": true}
		for _, a := range anc[1:] {
			for _, v := range a.Vars {
				if v.Env {
					defined[v.Name] = true
				}
			}
		}
		for _, in := range st.Instructions {
			reported := map[string]bool{}
			check := func(word string) {
				if !strings.Contains(word, "$") {
					return
				}
				for _, name := range df.VarsIn(word) {
					if defined[name] || reported[name] {
						continue
					}
					reported[name] = true
					pass.Report(in.Find(name), fmt.Sprintf("$%s is not defined here: no ARG or ENV before this %s sets it and the stage builds on scratch, which sets nothing, so it expands to nothing; declare it (`ARG %s=…`) in this stage", name, in.Keyword, name))
				}
			}
			for _, w := range expandedWords(in) {
				check(w)
			}
			for _, v := range st.Vars {
				if v.Instr != in {
					continue
				}
				if v.HasValue {
					check(v.Value)
				}
				if !v.Env {
					defined[v.Name] = true // an ARG is defined for the next one on its line
				}
			}
			for _, v := range st.Vars {
				if v.Instr == in {
					defined[v.Name] = true
				}
			}
		}
	}
}

// expandedWords are the words of an instruction buildkit expands, ENV and
// ARG values aside (they are checked through the stage's Vars).
func expandedWords(in *parser.Instruction) []string {
	switch in.Keyword {
	case "WORKDIR", "USER", "VOLUME", "STOPSIGNAL":
		return in.Args
	case "LABEL":
		var out []string
		for i := 0; i+1 < len(in.Args); i += 3 {
			out = append(out, in.Args[i], in.Args[i+1])
		}
		return out
	case "COPY", "ADD":
		out := append([]string(nil), in.Args...)
		for _, f := range in.Flags {
			for _, p := range []string{"--chown=", "--chmod="} {
				if strings.HasPrefix(f, p) {
					out = append(out, strings.TrimPrefix(f, p))
				}
			}
		}
		return out
	}
	return nil
}
