package rules

import (
	"fmt"
	"strings"
)

// MaintainerDeprecated reports MAINTAINER, which Docker deprecated.
var MaintainerDeprecated = &Rule{
	ID:       "maintainer-deprecated",
	Aliases:  []string{"DL4000", "MaintainerDeprecated", "DS022"},
	Severity: Info,
	Tags:     []string{TagDockerfile, TagBestPractice},
	Summary:  "MAINTAINER is deprecated; a LABEL carries the author where tools look for it",
	Doc: `## Why
MAINTAINER sets a field of the image config that Docker deprecated and tools
no longer read; the OCI annotation ` + "`org.opencontainers.image.authors`" + `, set with
LABEL, is where registries and scanners look. The fix rewrites a one-line
MAINTAINER into that LABEL.

## Bad
` + "```dockerfile" + `
MAINTAINER Jane Doe <jane@example.com>
` + "```" + `

## Good
` + "```dockerfile" + `
LABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"
` + "```" + `

## Silence
` + "`# dlint ignore=maintainer-deprecated`" + ` above it. hadolint's ` + "`DL4000`" + ` and BuildKit's
` + "`MaintainerDeprecated`" + ` work too.`,
	Check: checkMaintainerDeprecated,
}

func checkMaintainerDeprecated(pass *Pass) {
	df := pass.Dockerfile
	if df == nil {
		return
	}
	for _, in := range df.Instructions {
		if in.Keyword != "MAINTAINER" {
			continue
		}
		who := strings.TrimSpace(strings.Join(in.Args, " "))
		var fix *Fix
		if in.Range.Start.Line == in.Range.End.Line && who != "" {
			r := in.Range
			r.End.Col = len([]rune(df.Source.Line(r.Start.Line))) + 1
			fix = &Fix{Description: "replace MAINTAINER with LABEL org.opencontainers.image.authors",
				Edits: []Edit{{Range: r, NewText: "LABEL org.opencontainers.image.authors=" + labelQuote(who)}}}
		}
		pass.ReportFix(in.KeywordRange(), fmt.Sprintf("MAINTAINER is deprecated and tools no longer read it; write `LABEL org.opencontainers.image.authors=%s`, the OCI annotation registries and scanners show", labelQuote(who)), fix)
	}
}

// labelQuote writes s as a double-quoted Dockerfile word: backslash, quote
// and dollar escaped.
func labelQuote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, `$`, `\$`)
	return `"` + r.Replace(s) + `"`
}
