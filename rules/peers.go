package rules

import (
	"strings"

	"github.com/dlint-dev/dlint/parser"
)

// Some hadolint and BuildKit checks that dlint rules have as aliases report
// more than those rules do: DL3025 every shell-form CMD and ENTRYPOINT,
// where shell-form-pid1 and entrypoint-ignores-cmd report only those that
// cost something. An ignore written for such a check still silences that
// tool where dlint finds nothing, so it is not unused. peerChecks says
// which instructions each of them reports, erring towards "reports": a
// code missing here reports what its dlint rules report.
var peerChecks = map[string]func(*parser.Instruction) bool{
	// hadolint DL3025, BuildKit JSONArgsRecommended: CMD or ENTRYPOINT in
	// shell form.
	"dl3025":              shellFormCmd,
	"jsonargsrecommended": shellFormCmd,
	// hadolint DL3002: a USER root (the last of its stage), whatever the
	// entrypoint does afterwards.
	"dl3002": func(in *parser.Instruction) bool {
		if in.Keyword != "USER" || len(in.Args) == 0 {
			return false
		}
		name, _, _ := cutUser(in.Args[0])
		return isRootName(name)
	},
	// hadolint DL3066: a USER whose UID is not a number, in any stage.
	"dl3066": func(in *parser.Instruction) bool {
		if in.Keyword != "USER" || len(in.Args) == 0 {
			return false
		}
		name, _, _ := cutUser(in.Args[0])
		return strings.Trim(name, "0123456789") != ""
	},
	// hadolint DL3012, Trivy DS023: reported at a later HEALTHCHECK of the
	// stage, where multiple-healthcheck reports the earlier, ignored one.
	"dl3012": isHealthcheck,
	"ds023":  isHealthcheck,
	// hadolint DL3021, Trivy DS011: any COPY or ADD of several sources
	// whose destination does not end in a slash, `.` and directories
	// known to exist included.
	"dl3021": copyToNoSlash,
	"ds011":  copyToNoSlash,
	// hadolint DL3029: any FROM --platform, $BUILDPLATFORM included.
	"dl3029": func(in *parser.Instruction) bool {
		if in.Keyword != "FROM" {
			return false
		}
		for _, f := range in.Flags {
			if strings.HasPrefix(f, "--platform") {
				return true
			}
		}
		return false
	},
}

func isHealthcheck(in *parser.Instruction) bool { return in.Keyword == "HEALTHCHECK" }

func copyToNoSlash(in *parser.Instruction) bool {
	return (in.Keyword == "COPY" || in.Keyword == "ADD") && len(in.Args) > 2 && !strings.HasSuffix(in.Args[len(in.Args)-1], "/")
}

func shellFormCmd(in *parser.Instruction) bool {
	return (in.Keyword == "CMD" || in.Keyword == "ENTRYPOINT") && !in.JSON
}

// PeerReports reports whether the hadolint or BuildKit check named code
// reports in where the dlint rules it is an alias of may not: an ignore
// for code above in is never unused.
func PeerReports(code string, in *parser.Instruction) bool {
	check := peerChecks[strings.ToLower(code)]
	return check != nil && in != nil && check(in)
}
