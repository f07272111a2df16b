package report

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"

	"github.com/dlint-dev/dlint/rules"
)

// gitlabIssue is one entry of a GitLab code quality report (the Code
// Climate issue format, as GitLab reads it for merge-request widgets).
type gitlabIssue struct {
	Description string         `json:"description"`
	CheckName   string         `json:"check_name"`
	Fingerprint string         `json:"fingerprint"`
	Severity    string         `json:"severity"`
	Location    gitlabLocation `json:"location"`
}

type gitlabLocation struct {
	Path  string      `json:"path"`
	Lines gitlabLines `json:"lines"`
}

type gitlabLines struct {
	Begin int `json:"begin"`
	End   int `json:"end,omitempty"`
}

// GitLab writes a GitLab code quality report: a JSON array with one issue
// per finding and per file that could not be read or parsed. Paths are
// relative to the repository root; fingerprints are the line-number-free
// hashes the SARIF format uses, so an issue keeps its identity when
// unrelated lines move.
func GitLab(w io.Writer, in *Input) error {
	p := newPaths(in)
	fps := findingFingerprints(in, p.display)
	// Errors first, then findings; one issue is made at a time, so a large
	// run's report is never held in memory whole.
	issue := func(i int) gitlabIssue {
		if i < len(in.Errors) {
			e := in.Errors[i]
			rel := p.display(e.Path)
			return gitlabIssue{
				Description: e.Msg,
				CheckName:   "file-error",
				Fingerprint: gitlabFingerprint("file-error", rel, e.Msg),
				Severity:    "critical",
				Location:    gitlabLocation{Path: rel, Lines: gitlabLines{Begin: max(e.Line, 1)}},
			}
		}
		i -= len(in.Errors)
		f := in.Findings[i]
		lines := gitlabLines{Begin: max(f.Range.Start.Line, 1)}
		if last := lastLine(f.Range); last > lines.Begin {
			lines.End = last
		}
		return gitlabIssue{
			Description: fmt.Sprintf("%s [%s]", f.Message, f.Rule.ID),
			CheckName:   f.Rule.ID,
			Fingerprint: fps[i],
			Severity:    gitlabSeverity(f),
			Location:    gitlabLocation{Path: p.display(f.Range.File), Lines: lines},
		}
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := writeJSONArray(bw, len(in.Errors)+len(in.Findings), issue, ""); err != nil {
		return err
	}
	_ = bw.WriteByte('\n')
	return bw.Flush()
}

// gitlabSeverity maps onto GitLab's blocker, critical, major, minor and
// info: an error-level security finding blocks.
func gitlabSeverity(f rules.Finding) string {
	switch f.Severity {
	case rules.Error:
		if f.Rule.HasTag(rules.TagSecurity) {
			return "blocker"
		}
		return "critical"
	case rules.Warning:
		return "major"
	case rules.Info:
		return "minor"
	}
	return "info"
}

// gitlabFingerprint hashes its parts into the 32 hex digits GitLab shows.
func gitlabFingerprint(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}
