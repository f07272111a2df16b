package report

import (
	"bufio"
	"encoding/json"
	"io"

	"github.com/dlint-dev/dlint/rules"
)

// jsonDoc is the stable JSON format, which JSON writes a finding at a time.
// Lines and columns are 1-based; end_column is one past the last character.
// Fields are only ever added.
type jsonDoc struct {
	Findings []jsonFinding `json:"findings"`
	Errors   []jsonError   `json:"errors"`
}

type jsonFinding struct {
	File      string   `json:"file"`
	Line      int      `json:"line"`
	Column    int      `json:"column"`
	EndLine   int      `json:"end_line"`
	EndColumn int      `json:"end_column"`
	Rule      string   `json:"rule"`
	Severity  string   `json:"severity"`
	Message   string   `json:"message"`
	Services  []string `json:"services,omitempty"`
	Code      string   `json:"code,omitempty"`
	URL       string   `json:"url,omitempty"`
	Fix       *jsonFix `json:"fix,omitempty"`
}

type jsonFix struct {
	Description string     `json:"description"`
	Edits       []jsonEdit `json:"edits"`
	Unsafe      bool       `json:"unsafe,omitempty"`
}

type jsonEdit struct {
	// File is the file the edit changes, when it is not the finding's.
	File      string `json:"file,omitempty"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"end_line"`
	EndColumn int    `json:"end_column"`
	NewText   string `json:"new_text"`
}

type jsonError struct {
	File    string `json:"file"`
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
	Message string `json:"message"`
}

// JSON writes {"findings": […], "errors": […]}, indented by two spaces.
// It writes one finding at a time, as json.Encoder would have written the
// whole document: a large run's report is never held in memory whole.
func JSON(w io.Writer, in *Input) error {
	// bufio.Writer keeps the first write error and Flush returns it, so
	// the writes between are not checked one by one.
	bw := bufio.NewWriterSize(w, 64<<10)
	_, _ = bw.WriteString("{\n  \"findings\": ")
	if err := writeJSONArray(bw, len(in.Findings), func(i int) jsonFinding { return toJSONFinding(in.Findings[i]) }, "  "); err != nil {
		return err
	}
	_, _ = bw.WriteString(",\n  \"errors\": ")
	toError := func(i int) jsonError {
		e := in.Errors[i]
		return jsonError{File: e.Path, Line: e.Line, Column: e.Col, Message: e.Msg}
	}
	if err := writeJSONArray(bw, len(in.Errors), toError, "  "); err != nil {
		return err
	}
	_, _ = bw.WriteString("\n}\n")
	return bw.Flush()
}

// writeJSONArray writes the n items item makes, one at a time, as a JSON
// array whose own line is indented by outer, as json.Encoder with a
// two-space indent writes it there.
func writeJSONArray[J any](bw *bufio.Writer, n int, item func(int) J, outer string) error {
	if n == 0 {
		_, err := bw.WriteString("[]")
		return err
	}
	inner := outer + "  "
	_ = bw.WriteByte('[')
	for i := range n {
		b, err := json.MarshalIndent(item(i), inner, "  ")
		if err != nil {
			return err
		}
		if i > 0 {
			_ = bw.WriteByte(',')
		}
		_, _ = bw.WriteString("\n" + inner)
		_, _ = bw.Write(b)
	}
	_, err := bw.WriteString("\n" + outer + "]")
	return err
}

func toJSONFinding(f rules.Finding) jsonFinding {
	r := f.Range
	out := jsonFinding{
		File: r.File, Line: r.Start.Line, Column: r.Start.Col, EndLine: r.End.Line, EndColumn: r.End.Col,
		Rule: f.Rule.ID, Severity: f.Severity.String(), Message: f.Message, Services: f.Services,
		Code: f.Code, URL: f.URL,
	}
	if f.Fix != nil {
		fx := &jsonFix{Description: f.Fix.Description, Edits: []jsonEdit{}, Unsafe: f.Fix.Unsafe}
		for _, e := range f.Fix.Edits {
			je := jsonEdit{Line: e.Range.Start.Line, Column: e.Range.Start.Col, EndLine: e.Range.End.Line, EndColumn: e.Range.End.Col, NewText: e.NewText}
			if e.Range.File != r.File {
				je.File = e.Range.File // "" already means the finding's file
			}
			fx.Edits = append(fx.Edits, je)
		}
		out.Fix = fx
	}
	return out
}
