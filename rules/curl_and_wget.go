package rules

import (
	"fmt"

	"github.com/dlint-dev/dlint/parser"
)

// CurlAndWget reports an image whose build steps use both curl and wget.
var CurlAndWget = &Rule{
	ID:       "curl-and-wget",
	Aliases:  []string{"DL4001", "DS014", "AVD-DS-0014", "fc775e75-fcfb-4c98-b2f2-910c5858b359"},
	Severity: Style,
	Group:    GroupStyle,
	Tags:     []string{TagDockerfile, TagBestPractice},
	Summary:  "The build of one image uses both curl and wget; one downloader is enough",
	Doc: `## Why
curl and wget do the same job in a build. Using both means both are
installed (or must be), which is a second package to keep patched in the
image and a second set of flags for the reader. dlint looks at the RUNs of
each image: a stage and the stages it builds on, so a builder stage that
uses wget beside a final stage that uses curl is not reported. The finding
is at the first use of the downloader the image uses less.

## Bad
` + "```dockerfile" + `
FROM debian:12-slim
RUN curl -fsSL https://example.com/a.tar.gz -o /tmp/a.tar.gz
RUN wget -q https://example.com/b.tar.gz -O /tmp/b.tar.gz
` + "```" + `

## Good
` + "```dockerfile" + `
FROM debian:12-slim
RUN curl -fsSL https://example.com/a.tar.gz -o /tmp/a.tar.gz \
 && curl -fsSL https://example.com/b.tar.gz -o /tmp/b.tar.gz
` + "```" + `

## Silence
` + "`# dlint ignore=curl-and-wget`" + ` above the RUN. hadolint's ` + "`DL4001`" + ` and Trivy's ` + "`DS014`" + ` work too.`,
	Check: checkCurlAndWget,
}

type downloaderUse struct {
	in  *parser.Instruction
	cmd *parser.Command
}

func checkCurlAndWget(pass *Pass) {
	df := pass.Dockerfile
	if df == nil {
		return
	}
	reported := map[*parser.Command]bool{}
	for _, st := range df.Stages {
		uses := map[string][]downloaderUse{}
		chain := st.Ancestors()
		for i := len(chain) - 1; i >= 0; i-- {
			for _, in := range chain[i].Instructions {
				if in.Keyword != "RUN" || in.Script == nil {
					continue
				}
				for _, cmd := range in.Script.Commands {
					if b := cmd.Base(); b == "curl" || b == "wget" {
						uses[b] = append(uses[b], downloaderUse{in, cmd})
					}
				}
			}
		}
		if len(uses["curl"]) == 0 || len(uses["wget"]) == 0 {
			continue
		}
		less, more := "wget", "curl"
		if len(uses["curl"]) < len(uses["wget"]) {
			less, more = more, less
		}
		u := uses[less][0]
		if reported[u.cmd] {
			continue
		}
		reported[u.cmd] = true
		pass.Report(commandNameRange(u.in.Script, u.cmd), fmt.Sprintf("this image's build uses both curl and wget (%s %d times, %s %d); do this download with %s too, so one downloader is installed and patched", more, len(uses[more]), less, len(uses[less]), more))
	}
}
