package rules

import (
	"fmt"
	"strings"

	"github.com/dlint-dev/dlint/parser"
)

// checkUnpinned reports the installs of the given manager families that
// name packages without a version (see parser.PackageCommand.Unpinned,
// which holds each manager's pinning syntax).
func checkUnpinned(pass *Pass, managers ...string) {
	df := pass.Dockerfile
	if df == nil {
		return
	}
	for _, pr := range packageRuns(df) {
		pc := pr.pkg
		if !containsString(managers, pc.Manager) {
			continue
		}
		list := pc.Unpinned(pr.in)
		if len(list) == 0 {
			continue
		}
		pass.Report(pc.Cmd.Range, unpinnedMessage(pc, list))
	}
}

func unpinnedMessage(pc *parser.PackageCommand, list []parser.UnpinnedPackage) string {
	var names []string
	fromVar := ""
	for i, u := range list {
		if i == 4 {
			names = append(names, fmt.Sprintf("and %d more", len(list)-i))
			break
		}
		names = append(names, u.Name)
		if u.FromVariable && fromVar == "" {
			fromVar = fmt.Sprintf(" (from %s)", u.Word.Lit)
		}
	}
	what := "package"
	if len(list) > 1 {
		what = "packages"
	}
	cmd := pc.Manager
	if pc.YarnGlobal {
		cmd += " global"
	}
	if pc.SubWord != nil {
		cmd += " " + pc.Sub
	}
	return fmt.Sprintf("`%s` takes whatever version is newest for %s %s%s, so two builds of this Dockerfile can differ; pin each as %s",
		cmd, what, strings.Join(names, ", "), fromVar, parser.PinSyntax(pc.Manager))
}
