package rules

import (
	"fmt"

	"github.com/dlint-dev/dlint/parser"
)

// ObsoleteVersion reports the top-level `version:` key of compose files.
var ObsoleteVersion = &Rule{
	ID:       "obsolete-version",
	Aliases:  []string{"no-version-field"},
	Severity: Info,
	Tags:     []string{TagCompose, TagBestPractice},
	Summary:  "The top-level `version:` key is obsolete and ignored by Compose v2",
	Doc: `## Why
Compose v2 follows the Compose Specification, which has no file versions: the
` + "`version:`" + ` key is ignored (with a warning on every run), and it does not limit the
file to the features of that version. Keeping it suggests a guarantee that does
not exist. dlint's fix deletes the line.

A Swarm stack is left out: a file named as one (docker-stack.yml) or one that
a script's ` + "`docker stack deploy -c`" + ` names. ` + "`docker stack deploy`" + ` reads
` + "`version:`" + ` to pick its schema, and before Docker 23 it refuses a file without
one.

## Bad
` + "```yaml" + `
version: "3.8"
services:
  web:
    image: nginx:1.27
` + "```" + `

## Good
` + "```yaml" + `
services:
  web:
    image: nginx:1.27
` + "```" + `

## Silence
` + "`# dlint ignore=obsolete-version`" + ` on the line above the key, or
` + "`obsolete-version: off`" + ` in .dlint.yaml.`,
	Check: checkObsoleteVersion,
}

func checkObsoleteVersion(pass *Pass) {
	// `docker stack deploy` reads version to pick its schema (before
	// Docker 23 it refuses a file without one): a stack's is no leftover.
	if pass.Compose == nil || pass.Compose.Stack {
		return
	}
	for _, v := range pass.Compose.Versions {
		pass.ReportFix(v.Range, fmt.Sprintf("`version: %q` is obsolete: Compose v2 ignores it and warns on every run; delete the line", v.Value), deleteLineFix(v.Range))
	}
}

// deleteLineFix deletes the lines of r when r starts a line: a top-level
// key with its value on the same line.
func deleteLineFix(r parser.Range) *Fix {
	if r.Start.Col != 1 || r.End.Line != r.Start.Line || r.End.Col <= len("version:")+1 {
		return nil
	}
	return &Fix{
		Description: "delete the line",
		Edits: []Edit{{
			Range:   parser.Range{File: r.File, Start: parser.Pos{Line: r.Start.Line, Col: 1}, End: parser.Pos{Line: r.Start.Line + 1, Col: 1}},
			NewText: "",
		}},
	}
}
