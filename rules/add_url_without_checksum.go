package rules

import (
	"fmt"
	"strings"
)

// AddURLWithoutChecksum reports ADD of an http(s) URL without --checksum.
var AddURLWithoutChecksum = &Rule{
	ID:       "add-url-without-checksum",
	Aliases:  []string{"4b410d24-1cbe-4430-a632-62c9a931cf1c"},
	Severity: Info,
	Group:    GroupPinning,
	Tags:     []string{TagSecurity, TagDockerfile},
	Summary:  "ADD downloads a URL without --checksum, so the image holds whatever the server sends on the day of the build",
	Doc: `## Why
ADD of an http(s) URL puts in the image whatever the server answers: a
release re-uploaded, a mirror that was tampered with, or a file that changed
since the Dockerfile was written. HTTPS proves who the server is, not what the
file is. ` + "`ADD --checksum=sha256:…`" + ` (Dockerfile syntax 1.6 and later) makes BuildKit
check the download and fail the build when it differs; a RUN with curl and
` + "`sha256sum -c`" + ` does the same where the syntax is older. A source made of a
variable is reported when it expands to a URL; git sources are not judged.

## Bad
` + "```dockerfile" + `
FROM debian:12-slim
ADD https://example.com/tool-1.2.tar.gz /tmp/
` + "```" + `

## Good
` + "```dockerfile" + `
# syntax=docker/dockerfile:1
FROM debian:12-slim
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool-1.2.tar.gz /tmp/
` + "```" + `

## Silence
` + "`# dlint ignore=add-url-without-checksum`" + ` above the ADD. KICS's "Curl or Wget Instead of
Add" id works too.`,
	Check: checkAddURLWithoutChecksum,
}

func checkAddURLWithoutChecksum(pass *Pass) {
	if pass.Dockerfile == nil {
		return
	}
	for _, st := range pass.Dockerfile.Stages {
		for _, cp := range st.Copies {
			if !cp.Add || hasFlagPrefix(cp.Instr.Flags, "--checksum=") {
				continue
			}
			for i, src := range cp.Sources {
				if !httpSource(src) {
					continue
				}
				raw := src
				if i < len(cp.Instr.Args)-1 {
					raw = cp.Instr.Args[i]
				}
				pass.Report(cp.Instr.Find(raw), fmt.Sprintf("`ADD %s` downloads with no --checksum, so the image holds whatever the server sends that day; add `--checksum=sha256:…` of the file you expect (syntax 1.6+), and BuildKit fails the build when it differs", raw))
			}
		}
	}
}

// httpSource reports whether an ADD source is an http(s) download (not a
// git repository, which ADD clones).
func httpSource(src string) bool {
	lower := strings.ToLower(src)
	if !strings.HasPrefix(lower, "https://") && !strings.HasPrefix(lower, "http://") {
		return false
	}
	base, _, _ := strings.Cut(lower, "#")
	return !strings.HasSuffix(base, ".git") && !strings.Contains(lower, ".git#")
}
