package rules

import (
	"fmt"
	"regexp"
	"strings"
)

// LabelInvalidKey reports a LABEL key outside Docker's key format or in a
// namespace Docker reserves.
var LabelInvalidKey = &Rule{
	ID:       "label-invalid-key",
	Aliases:  []string{"DL3048"},
	Severity: Style,
	Group:    GroupStyle,
	Tags:     []string{TagDockerfile, TagBestPractice},
	Summary:  "A LABEL key is not in Docker's key format (lower-case letters, digits, dots and dashes) or uses a namespace Docker reserves",
	Doc: `## Why
Docker's guidelines for label keys: start with a lower-case letter,
use only lower-case letters, digits, ` + "`.`" + ` and ` + "`-`" + `, never two of ` + "`.`" + ` or ` + "`-`" + ` in a
row, and prefix your own keys with a reverse domain
(` + "`org.opencontainers.image.source`" + `, ` + "`com.example.team`" + `). The ` + "`com.docker.*`" + `,
` + "`io.docker.*`" + ` and ` + "`org.dockerproject.*`" + ` namespaces are Docker's own. Tools that
read labels (` + "`docker ps --filter label=…`" + `, registries, scanners) match keys
exactly, so ` + "`Version`" + ` and ` + "`version`" + ` are two labels. A key made of a variable
with no value is not judged.

## Bad
` + "```dockerfile" + `
FROM alpine:3.20
LABEL Maintainer="team@example.com" com.docker.app=web
` + "```" + `

## Good
` + "```dockerfile" + `
FROM alpine:3.20
LABEL org.opencontainers.image.authors="team@example.com" com.example.app=web
` + "```" + `

## Silence
` + "`# dlint ignore=label-invalid-key`" + ` above the LABEL. hadolint's ` + "`DL3048`" + ` works too.`,
	Check: checkLabelInvalidKey,
}

var labelKeyRe = regexp.MustCompile(`^[a-z]([a-z0-9]|[.-][a-z0-9])*$`)

func checkLabelInvalidKey(pass *Pass) {
	if pass.Dockerfile == nil {
		return
	}
	for _, st := range pass.Dockerfile.Stages {
		for _, l := range st.Labels {
			if !l.Resolved {
				continue
			}
			switch {
			case reservedLabelNamespace(l.Key) != "":
				pass.Report(l.Range, fmt.Sprintf("label key %q is in the %s namespace, which Docker reserves for its own labels; use a reverse domain of your own, such as com.example.%s", l.Key, reservedLabelNamespace(l.Key), lastLabelPart(l.Key)))
			case !labelKeyRe.MatchString(l.Key) || strings.HasSuffix(l.Key, "-"):
				pass.Report(l.Range, fmt.Sprintf("label key %q is not in Docker's key format: lower-case letters, digits, single dots and dashes, starting with a letter; tools match keys exactly, so write it as %q", l.Key, suggestLabelKey(l.Key)))
			}
		}
	}
}

func reservedLabelNamespace(key string) string {
	for _, ns := range []string{"com.docker.", "io.docker.", "org.dockerproject."} {
		if strings.HasPrefix(strings.ToLower(key), ns) {
			return ns + "*"
		}
	}
	return ""
}

func lastLabelPart(key string) string {
	return key[strings.LastIndex(key, ".")+1:]
}

// suggestLabelKey lowers the key and turns other characters into dashes.
func suggestLabelKey(key string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(key) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '.', r == '-':
			b.WriteRune(r)
		default:
			b.WriteRune('-')
		}
	}
	s := b.String()
	for strings.Contains(s, "--") || strings.Contains(s, "..") {
		s = strings.ReplaceAll(strings.ReplaceAll(s, "--", "-"), "..", ".")
	}
	return strings.TrimLeft(strings.Trim(s, ".-"), "0123456789.-")
}
