package rules

import (
	"fmt"
	"path"
	"regexp"
	"sync"

	"github.com/dlint-dev/dlint/parser"
)

// checkMissingYes reports the commands of the given manager families that
// stop to ask for a confirmation a build cannot give (see
// parser.PackageCommand.AsksConfirmation), with a fix adding yesOption
// after the program's name. A Dockerfile whose text matches conf (writes
// assumeyes=1 into yum.conf) answers for every command.
func checkMissingYes(pass *Pass, conf *regexp.Regexp, yesOption string, managers ...string) {
	df := pass.Dockerfile
	if df == nil {
		return
	}
	// The text is searched for conf only once there is a command to report.
	answered := sync.OnceValue(func() bool { return conf != nil && conf.Match(df.Source.Text) })
	for _, pr := range packageRuns(df) {
		pc := pr.pkg
		if !containsString(managers, pc.Manager) || !pc.AsksConfirmation() || pipedYes(pr) {
			continue
		}
		if answered() {
			return
		}
		prompt := "Is this ok [y/N]"
		if pc.Manager == "zypper" {
			prompt = "Continue? [y/n/v/...? shows all options] (y)"
		}
		msg := fmt.Sprintf("`%s %s` without %s asks \"%s\", and a build cannot answer, so the RUN fails; add %s", pc.Manager, pc.Sub, yesOption, prompt, yesOption)
		pass.ReportFix(pc.SubWord.Range, msg, addOptionFix(pc, yesOption))
	}
}

// addOptionFix inserts option after the package manager's name
// (`yum -y install …`), or returns nil when the command is not started by
// that name (`sudo yum`, `python -m pip`).
func addOptionFix(pc *parser.PackageCommand, option string) *Fix {
	name := pc.Cmd.NameWord
	if name == nil || path.Base(name.Lit) != pc.Manager {
		return nil
	}
	at := parser.Range{File: name.Range.File, Start: name.Range.End, End: name.Range.End}
	return &Fix{Description: "add " + option, Edits: []Edit{{Range: at, NewText: " " + option}}}
}

// yumAssumeYesConf matches a yum.conf or dnf.conf setting that answers
// every prompt.
var yumAssumeYesConf = regexp.MustCompile(`(?i)\bassumeyes\s*=\s*(1|true|yes)\b`)
