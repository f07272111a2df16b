package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/dlint-dev/dlint/rules"
)

// GitHub writes GitHub Actions workflow commands, one per finding, so that
// findings show inline on a pull request without uploading SARIF:
//
//	::warning file=app/Dockerfile,line=3,col=6,endLine=3,endColumn=10,title=dlint (root-user)::USER root makes …
//
// Paths are relative to the repository root, as the runner expects. Info
// and style findings become notices. GitHub shows only the first 10
// errors and 10 warnings of a step, so large repositories should upload
// SARIF instead.
func GitHub(w io.Writer, in *Input) error {
	bw := bufio.NewWriter(w)
	p := newPaths(in)
	for _, e := range in.Errors {
		props := []string{"file=" + escapeProperty(p.display(e.Path))}
		if e.Line > 0 {
			props = append(props, fmt.Sprintf("line=%d", e.Line))
			if e.Col > 0 {
				props = append(props, fmt.Sprintf("col=%d", e.Col))
			}
		}
		props = append(props, "title="+escapeProperty("dlint (file error)"))
		fmt.Fprintf(bw, "::error %s::%s\n", strings.Join(props, ","), escapeData(e.Msg))
	}
	for _, f := range in.Findings {
		r := f.Range
		props := []string{
			"file=" + escapeProperty(p.display(r.File)),
			fmt.Sprintf("line=%d", max(r.Start.Line, 1)),
		}
		// GitHub takes columns only for an annotation on a single line.
		if r.End.Line <= r.Start.Line {
			props = append(props, fmt.Sprintf("col=%d", max(r.Start.Col, 1)))
			props = append(props, fmt.Sprintf("endLine=%d", max(r.Start.Line, 1)))
			props = append(props, fmt.Sprintf("endColumn=%d", max(r.End.Col, r.Start.Col+1)))
		} else {
			props = append(props, fmt.Sprintf("endLine=%d", lastLine(r)))
		}
		props = append(props, "title="+escapeProperty("dlint ("+f.Rule.ID+")"))
		fmt.Fprintf(bw, "::%s %s::%s\n", githubCommand(f.Severity), strings.Join(props, ","), escapeData(f.Message))
	}
	return bw.Flush()
}

func githubCommand(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "error"
	case rules.Warning:
		return "warning"
	}
	return "notice"
}

// dataEscaper escapes a workflow command's message as GitHub's toolkit
// does: %, CR and LF.
var dataEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")

// propertyEscaper also escapes the ':' and ',' that delimit properties.
var propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")

func escapeData(s string) string     { return dataEscaper.Replace(s) }
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }
