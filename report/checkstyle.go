package report

import (
	"encoding/xml"
	"io"
	"sort"

	"github.com/dlint-dev/dlint/rules"
)

// checkstyleDoc is the Checkstyle XML report that Jenkins' warnings plugin,
// reviewdog, SonarQube and most CI dashboards read.
type checkstyleDoc struct {
	XMLName xml.Name         `xml:"checkstyle"`
	Version string           `xml:"version,attr"`
	Files   []checkstyleFile `xml:"file"`
}

type checkstyleFile struct {
	Name   string            `xml:"name,attr"`
	Errors []checkstyleError `xml:"error"`
}

type checkstyleError struct {
	Line     int    `xml:"line,attr"`
	Column   int    `xml:"column,attr,omitempty"`
	Severity string `xml:"severity,attr"`
	Message  string `xml:"message,attr"`
	Source   string `xml:"source,attr"`
}

// Checkstyle writes one <file> per file, sorted by path, holding the
// reason it could not be read or parsed, then its findings. The
// source attribute is "dlint.rules.<rule-id>" (or "dlint.file-error").
func Checkstyle(w io.Writer, in *Input) error {
	doc := checkstyleDoc{Version: "4.3"}
	index := map[string]int{}
	file := func(path string) *checkstyleFile {
		i, ok := index[path]
		if !ok {
			i = len(doc.Files)
			index[path] = i
			doc.Files = append(doc.Files, checkstyleFile{Name: path})
		}
		return &doc.Files[i]
	}
	for _, e := range in.Errors {
		f := file(e.Path)
		f.Errors = append(f.Errors, checkstyleError{Line: max(e.Line, 1), Column: e.Col, Severity: "error", Message: e.Msg, Source: "dlint.file-error"})
	}
	for _, f := range in.Findings {
		cf := file(f.Range.File)
		cf.Errors = append(cf.Errors, checkstyleError{
			Line: f.Range.Start.Line, Column: f.Range.Start.Col,
			Severity: checkstyleSeverity(f.Severity), Message: f.Message, Source: "dlint.rules." + f.Rule.ID,
		})
	}
	sort.SliceStable(doc.Files, func(i, j int) bool { return doc.Files[i].Name < doc.Files[j].Name })
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// checkstyleSeverity maps onto Checkstyle's error, warning and info.
func checkstyleSeverity(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "error"
	case rules.Warning:
		return "warning"
	}
	return "info"
}
