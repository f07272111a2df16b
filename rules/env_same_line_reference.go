package rules

import (
	"fmt"
	"strings"

	"github.com/dlint-dev/dlint/parser"
)

// EnvSameLineReference reports `ENV A=1 B=$A`: B gets the A from before
// the line, not the 1 set beside it.
var EnvSameLineReference = &Rule{
	ID:       "env-same-line-reference",
	Aliases:  []string{"DL3044"},
	Severity: Warning,
	Tags:     []string{TagDockerfile, TagCorrectness},
	Summary:  "An ENV value uses a variable the same ENV sets earlier on its line, and gets the value from before the line",
	Doc: mdDoc(`## Why
buildkit expands every value of one ENV instruction before it sets any of
them. In §ENV APP_HOME=/srv/app APP_BIN=$APP_HOME/bin§, §$APP_HOME§ is the value
from before the line (here: none), so §APP_BIN§ is §/bin§. Split the ENV in two,
or write the value out. A value that uses the variable it sets
(§ENV PATH=/opt/bin:$PATH§) is fine: it means the earlier value.

## Bad
§§§dockerfile
ENV APP_HOME=/srv/app APP_BIN=$APP_HOME/bin
§§§

## Good
§§§dockerfile
ENV APP_HOME=/srv/app
ENV APP_BIN=$APP_HOME/bin
§§§

## Silence
§# dlint ignore=env-same-line-reference§ above the ENV. hadolint's §DL3044§ works too.`),
	Check: checkEnvSameLineReference,
}

func checkEnvSameLineReference(pass *Pass) {
	df := pass.Dockerfile
	if df == nil {
		return
	}
	for _, st := range df.Stages {
		var line []*parser.Var // what the current ENV sets so far
		var cur = st.Vars
		for i, v := range cur {
			if !v.Env {
				continue
			}
			if i == 0 || cur[i-1].Instr != v.Instr {
				line = nil
			}
			if strings.Contains(v.Value, "$") {
				for _, used := range df.VarsIn(v.Value) {
					for _, set := range line {
						// `ZBX_VERSION=$ZBX_VERSION` re-exports an ARG: its
						// value before the line is its value after.
						if used == set.Name && used != v.Name && !reexports(set) {
							pass.Report(v.Range, fmt.Sprintf("%s uses $%s, which this ENV sets just before it, but buildkit expands all of one ENV's values first, so it gets %s's value from before the line; split the ENV in two", v.Name, used, used))
						}
					}
				}
			}
			line = append(line, v)
		}
	}
}

// reexports reports whether the variable is set to its own value
// (`A=$A`, `A="${A}"`), which the line leaves unchanged.
func reexports(v *parser.Var) bool {
	val := strings.Trim(v.Value, `"`)
	return val == "$"+v.Name || val == "${"+v.Name+"}"
}
