package rules

import (
	"fmt"
	"strings"
)

// LegacyKeyValueFormat reports `ENV key value` and `LABEL key value`, the
// form without `=`.
var LegacyKeyValueFormat = &Rule{
	ID:       "legacy-key-value-format",
	Aliases:  []string{"LegacyKeyValueFormat"},
	Severity: Style,
	Group:    GroupStyle,
	Tags:     []string{TagDockerfile},
	Summary:  "ENV or LABEL in the legacy `key value` form; write `key=value`",
	Doc: mdDoc(`## Why
§ENV key value§ sets one variable to the whole rest of the line, spaces
included, while §ENV key=value§ can set several, each value ending at an
unquoted space. The two forms read alike and mean different things: §ENV A B=1§
sets A to §B=1§. Docker's reference calls the form without §=§ legacy, and
BuildKit warns about it. The fix writes §key=value§, quoting a value with spaces;
a value with quotes or backslashes, or on several lines, is left for you to
rewrite.`) + reimplemented + mdDoc(`

## Bad
§§§dockerfile
ENV NODE_ENV production
LABEL maintainer Jane Doe
§§§

## Good
§§§dockerfile
ENV NODE_ENV=production
LABEL maintainer="Jane Doe"
§§§

## Silence
§# dlint ignore=legacy-key-value-format§ above the line; §# check=skip=LegacyKeyValueFormat§
works too.`),
	Check: checkLegacyKeyValueFormat,
}

func checkLegacyKeyValueFormat(pass *Pass) {
	df := pass.Dockerfile
	if df == nil {
		return
	}
	for _, in := range df.Instructions {
		if in.Keyword != "ENV" && in.Keyword != "LABEL" || len(in.Args) != 3 || in.Args[2] != "" {
			continue
		}
		key, value := in.Args[0], in.Args[1]
		var fix *Fix
		if in.Range.Start.Line == in.Range.End.Line && !strings.ContainsAny(value, "\"'\\`") && !strings.ContainsAny(key, "\"'\\`=") {
			v := value
			if strings.ContainsAny(v, " \t") {
				v = `"` + v + `"`
			}
			fix = &Fix{Description: "write " + key + "=" + v, Edits: []Edit{{Range: in.ArgsRange(), NewText: key + "=" + v}}}
		}
		pass.ReportFix(in.ArgsRange(), fmt.Sprintf("`%s %s %s` is the legacy form without `=`, which takes the whole rest of the line as the value; write `%s %s=…`", in.Keyword, key, value, in.Keyword, key), fix)
	}
}
