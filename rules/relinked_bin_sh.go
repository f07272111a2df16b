package rules

import (
	"fmt"
	"path"
	"strings"

	"github.com/dlint-dev/dlint/parser"
)

// RelinkedBinSh reports `ln -s … /bin/sh`, which replaces the image's
// /bin/sh for every program in it, where SHELL changes the shell of the
// build steps only.
var RelinkedBinSh = &Rule{
	ID:       "relinked-bin-sh",
	Aliases:  []string{"DL4005", "8a301064-c291-4b20-adcb-403fe7fd95fd"},
	Severity: Warning,
	Tags:     []string{TagDockerfile, TagCorrectness},
	Summary:  "RUN ln -s … /bin/sh replaces the image's /bin/sh for every program; SHELL changes the build's shell only",
	Doc: `## Why
/bin/sh is the shell of every ` + "`system()`" + `, every ` + "`#!/bin/sh`" + ` script and every
package's maintainer script in the image, written for the shell the
distribution ships (dash on Debian and Ubuntu). Linking bash (or anything
else) there changes all of them, and the next package upgrade may put the
old link back. To run the build steps with bash, say so with
` + "`SHELL [\"/bin/bash\", \"-c\"]`" + `; to run the application with bash, name bash
in its ENTRYPOINT or its script's ` + "`#!`" + ` line.

## Bad
` + "```dockerfile" + `
FROM debian:12-slim
RUN ln -sf /bin/bash /bin/sh
` + "```" + `

## Good
` + "```dockerfile" + `
FROM debian:12-slim
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
` + "```" + `

## Silence
` + "`# dlint ignore=relinked-bin-sh`" + ` above the RUN. hadolint's ` + "`DL4005`" + ` works too.`,
	Check: checkRelinkedBinSh,
}

func checkRelinkedBinSh(pass *Pass) {
	if pass.Dockerfile == nil {
		return
	}
	for _, cmd := range runCommands(pass.Dockerfile) {
		if cmd.Base() != "ln" {
			continue
		}
		target, link := lnOperands(cmd)
		if link == nil || !isBinSh(link.Lit) {
			continue
		}
		pass.Report(link.Range, fmt.Sprintf("`ln … %s %s` replaces the image's %s, the shell of every script and `system()` call in it, not only of the build; use `SHELL [\"%s\", \"-c\"]` for the build steps instead", target, link.Lit, link.Lit, target))
	}
}

// lnOperands returns the target and the link name of `ln -s TARGET LINK`;
// link is nil unless the command makes a symbolic link with two operands.
func lnOperands(cmd *parser.Command) (string, *parser.Word) {
	var operands []*parser.Word
	symbolic := false
	for i := 0; i < len(cmd.Args); i++ {
		a := cmd.Args[i].Lit
		switch {
		case a == "--symbolic" || strings.HasPrefix(a, "-") && !strings.HasPrefix(a, "--") && strings.Contains(a, "s"):
			symbolic = true
		case a == "-t" || a == "--target-directory" || a == "-S" || a == "--suffix":
			return "", nil // other forms than TARGET LINK
		case strings.HasPrefix(a, "-") && len(a) > 1:
		default:
			operands = append(operands, cmd.Args[i])
		}
	}
	if !symbolic || len(operands) != 2 || !operands[1].Literal {
		return "", nil
	}
	return operands[0].Lit, operands[1]
}

func isBinSh(p string) bool {
	p = path.Clean(p)
	return p == "/bin/sh" || p == "/usr/bin/sh"
}
