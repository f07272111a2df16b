package rules

import (
	"sort"
	"strings"
)

// ShellCheck stands for the findings of the ShellCheck binary on RUN bodies
// and entrypoint scripts. lint runs ShellCheck once for the whole run, after
// the rules, and reports its comments under this rule, each with its SC
// code in Finding.Code; Check does nothing.
var ShellCheck = &Rule{
	ID:         "shellcheck",
	Severity:   Warning,
	Tags:       []string{TagDockerfile, TagCorrectness},
	CodePrefix: "SC",
	CodeDocs:   "https://www.shellcheck.net/wiki/%s",
	OffCodes:   shellCheckOffCodes,
	Summary:    "ShellCheck's findings on RUN bodies and entrypoint scripts, when a shellcheck binary is on PATH",
	Doc: `## Why
ShellCheck knows the shell's pitfalls (quoting, ` + "`cd`" + ` without a check, tests
that are always true) far beyond what a Dockerfile linter should repeat.
When a ` + "`shellcheck`" + ` binary is on PATH (or named with ` + "`--shellcheck PATH`" + `),
dlint gives it every shell-form RUN, CMD, ENTRYPOINT and HEALTHCHECK body
(heredocs too), the script string of each exec-form ` + "`[\"sh\", \"-c\", \"…\"]`" + `,
and the entrypoint scripts it reads, in a few processes, and reports each
comment at the Dockerfile's or script's own line and column (inside the
JSON string of an exec form), with ShellCheck's severity
and the code's page on https://www.shellcheck.net/wiki/ (SC2086 is
https://www.shellcheck.net/wiki/SC2086).

The dialect is the shell that runs the snippet: a ` + "`SHELL [\"/bin/bash\", \"-c\"]`" + `
stage is checked as bash; otherwise the base image's /bin/sh, from dlint's
image catalogue (dash on Debian and Ubuntu, busybox ash on Alpine, checked
as busybox by ShellCheck 0.10 and newer and as sh before, bash on RHEL),
and sh when the image is unknown. A script is checked as its #! line says.
A shell run with -e is checked with a ` + "`set -e`" + ` line in front. Windows
stages (cmd, PowerShell, a Windows base image) are skipped.

Without the binary nothing is checked and nothing is reported; ` + "`--verbose`" + `
says so. dlint never downloads ShellCheck.

## Codes off by default
Some codes are right about a script and wrong about a Dockerfile, where
word splitting of a package list is the point. They report only when a
selection names them (` + "`--extend-select SC2086`" + `, or ` + "`extend-select: [SC2086]`" + ` in
.dlint.yaml):
` + shellCheckOffCodesDoc + `
## Bad
` + "```dockerfile" + `
RUN cd /src; make install
` + "```" + `

## Good
` + "```dockerfile" + `
RUN cd /src && make install
` + "```" + `

## Silence
By code: ` + "`# dlint ignore=SC2164`" + ` (or hadolint's ` + "`# hadolint ignore=SC2164`" + `) above the
instruction, ` + "`--ignore SC2164`" + `, ` + "`ignore: [SC2164]`" + ` in .dlint.yaml, or ShellCheck's
own ` + "`# shellcheck disable=SC2164`" + ` inside a script or heredoc body. ` + "`--ignore shellcheck`" + ` turns all
of them off.`,
	Check: func(*Pass) {},
}

// shellCheckOffCodes are the ShellCheck codes that report only when
// selected, with the reason; judged on real Dockerfiles.
var shellCheckOffCodes = map[string]string{
	"SC1007": "`ARCH= OPENSSL_ARCH= && …` empties variables on purpose; the code asks whether a value was meant",
	"SC1090": "ShellCheck cannot follow a `source` of a variable path; it says so about itself, not about the script",
	"SC1091": "ShellCheck was not given the sourced file (it is in the image, not the repository)",
	"SC2016": "single-quoted `$` is how a RUN writes config files and scripts that expand later (`echo 'baseurl=…/$basearch/'`)",
	"SC2034": "a variable an entrypoint sets for the scripts it sources looks unused to ShellCheck",
	"SC2043": "one-item loops come from templated Dockerfiles (`for key in KEY; do`) and do what they say",
	"SC2046": "`$(…)` unquoted is how a RUN passes a computed list of words or none (`$(test … && echo --flag)`, `-j$(nproc)`)",
	"SC2086": "word splitting of `$PKGS`, `$PHPIZE_DEPS` or `${VERSION}` is what a RUN means: package lists, versions without spaces; hadolint users disable it most",
	"SC2097": "`VAR= cmd --opt=\"$VAR\"` passes the old value and empties it for cmd on purpose",
	"SC2098": "the other half of SC2097's idiom",
	"SC2128": "on real scripts it fires on `\"$BASH_SOURCE\"`, whose first element is what they want",
	"SC2155": "`export GNUPGHOME=\"$(mktemp -d)\"` is the idiom of RUN bodies (186 of 186 on real repositories); the failure it would mask is of a command that does not fail",
	"SC2185": "GNU find and busybox find, the finds of the images RUN runs in, default to `.`",
}

var shellCheckOffCodesDoc = offCodesDoc(shellCheckOffCodes)

func offCodesDoc(codes map[string]string) string {
	keys := make([]string, 0, len(codes))
	for k := range codes {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var sb strings.Builder
	for _, k := range keys {
		sb.WriteString("- `" + k + "`: " + codes[k] + "\n")
	}
	return sb.String()
}
