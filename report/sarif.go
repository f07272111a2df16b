package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"regexp"
	"strings"

	"github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/dlint-dev/dlint/internal/fingerprint"
	"github.com/dlint-dev/dlint/internal/fix"
	"github.com/dlint-dev/dlint/parser"
	"github.com/dlint-dev/dlint/rules"
)

const (
	sarifSchema = "https://json.schemastore.org/sarif-2.1.0.json"
	// srcRoot is the uriBaseId every repository-relative URI hangs from.
	srcRoot = "%SRCROOT%"
	// fingerprintKey names dlint's own partial fingerprint; its version is
	// the fingerprint scheme's.
	fingerprintKey = "dlintFingerprint/" + fingerprint.Version
	// language is that of dlint's messages and rule texts.
	language = "en-US"
)

// SARIF result and notification levels.
const (
	levelError   = "error"
	levelWarning = "warning"
	levelNote    = "note"
)

// semverPattern is SemVer 2.0, which tool.driver.semanticVersion must be.
var semverPattern = regexp.MustCompile(`^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$`)

// SARIF writes a SARIF 2.1.0 log that GitHub code scanning accepts: one
// run with every rule that ran, results with repository-relative
// locations, dlint's own partial fingerprints and suggested fixes, and
// unreadable files as tool execution notifications. The results are
// written one at a time: the log as one document took 1.1 GB for the
// 71,000 findings of 81,000 files.
func SARIF(w io.Writer, in *Input) error {
	b, log := newSARIFLog(in)
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := b.stream(bw, log); err != nil {
		return err
	}
	return bw.Flush()
}

// newSARIFLog makes the log without its results, with every rule they
// refer to already in tool.driver.rules, in the order the results name
// them.
func newSARIFLog(in *Input) (*sarifBuilder, *sarif.Report) {
	b := &sarifBuilder{in: in, paths: newPaths(in), ruleIndex: map[string]int{}}
	run := sarif.NewRunWithInformationURI("dlint", InformationURL).WithLanguage(language)
	b.run = run
	// Written out explicitly (like kind and enabled below) because earlier
	// dlint logs carried them; consumers may rely on them.
	run.Tool.Driver.WithLanguage(language).WithIsComprehensive(false).
		WithContents([]any{"localizedData", "nonLocalizedData"})
	if in.Version != "" {
		run.Tool.Driver.WithVersion(in.Version)
		if v := strings.TrimPrefix(in.Version, "v"); semverPattern.MatchString(v) {
			run.Tool.Driver.WithSemanticVersion(v)
		}
	}
	run.WithColumnKind("unicodeCodePoints")
	// dlint's positions end a line at CRLF, LF or a lone CR.
	run.NewlineSequences = []string{"\r\n", "\n", "\r"}
	if b.paths.root != "" {
		run.WithOriginalUriBaseIds(map[string]*sarif.ArtifactLocation{
			srcRoot: sarif.NewArtifactLocation().WithUri(fileURI(b.paths.root, true)),
		})
	}
	for _, r := range in.Rules {
		b.rule(r)
	}
	for _, f := range in.Findings {
		b.rule(f.Rule)
	}
	b.fingerprints = findingFingerprints(in, func(file string) string { rel, _ := b.paths.rel(file); return rel })
	run.WithInvocations([]*sarif.Invocation{b.invocation()})
	if id := automationID(in.SARIFCategory); id != "" {
		run.WithAutomationDetails(sarif.NewRunAutomationDetails().WithID(id))
	}
	return b, &sarif.Report{Version: string(sarif.Version210), Schema: sarifSchema, Runs: []*sarif.Run{run}}
}

// resultsMark stands for the results in the encoded log, where stream
// writes them. No string of a log can hold it: JSON escapes the NULs.
const resultsMark = "\x00dlint results\x00"

// resultIndent is the indentation of an element of runs[0].results.
const resultIndent = "        "

// stream writes the log with its results. Like the rest of the log, each
// is encoded with sorted keys, so the output is byte-stable, and without
// the schema defaults that SARIF §3.4 and Sarif.Multitool (SARIF2004) ask
// tools to omit (pruneDefaults).
func (b *sarifBuilder) stream(w *bufio.Writer, log *sarif.Report) error {
	doc, err := sarifTree(log)
	if err != nil {
		return err
	}
	doc.(map[string]any)["runs"].([]any)[0].(map[string]any)["results"] = resultsMark
	var head bytes.Buffer
	if err := encodeSARIF(&head, "", doc); err != nil {
		return err
	}
	mark, _ := json.Marshal(resultsMark)
	before, after, ok := bytes.Cut(head.Bytes(), mark)
	if !ok {
		return errors.New("sarif: the results have no place in the log")
	}
	_, _ = w.Write(before)
	if len(b.in.Findings) == 0 {
		_, _ = w.WriteString("[]")
	} else {
		_ = w.WriteByte('[')
		var item bytes.Buffer
		for i, f := range b.in.Findings {
			tree, err := sarifTree(b.result(f, b.fingerprints[i]))
			if err != nil {
				return err
			}
			item.Reset()
			if err := encodeSARIF(&item, resultIndent, tree); err != nil {
				return err
			}
			if i > 0 {
				_ = w.WriteByte(',')
			}
			_, _ = w.WriteString("\n" + resultIndent)
			_, _ = w.Write(bytes.TrimSuffix(item.Bytes(), []byte("\n")))
		}
		_, _ = w.WriteString("\n      ]")
	}
	_, err = w.Write(after)
	return err
}

// sarifTree is v as generic JSON values, whose maps encode with sorted
// keys, without the schema defaults.
func sarifTree(v any) (any, error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var doc any
	if err := dec.Decode(&doc); err != nil {
		return nil, err
	}
	return pruneDefaults(doc), nil
}

func encodeSARIF(w io.Writer, prefix string, tree any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, "  ")
	return enc.Encode(tree)
}

// sentinelKeys are the SARIF properties whose -1 means "unset".
var sentinelKeys = map[string]bool{"index": true, "id": true, "byteOffset": true, "charOffset": true, "rank": true, "ruleIndex": true}

// pruneDefaults drops -1 sentinels, empty arrays and empty objects, except
// results, which a log of an actual scan must carry even when empty.
func pruneDefaults(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, val := range v {
			val = pruneDefaults(val)
			v[k] = val
			switch val := val.(type) {
			case json.Number:
				if sentinelKeys[k] && val == "-1" {
					delete(v, k)
				}
			case []any:
				if len(val) == 0 && k != "results" {
					delete(v, k)
				}
			case map[string]any:
				if len(val) == 0 {
					delete(v, k)
				}
			}
		}
	case []any:
		for i := range v {
			v[i] = pruneDefaults(v[i])
		}
	}
	return v
}

type sarifBuilder struct {
	in        *Input
	run       *sarif.Run
	paths     paths
	ruleIndex map[string]int
	// fingerprints are the findings' partial fingerprints, in their order.
	fingerprints []string
}

// rule adds r to tool.driver.rules once and returns its index.
func (b *sarifBuilder) rule(r *rules.Rule) int {
	if i, ok := b.ruleIndex[r.ID]; ok {
		return i
	}
	props := sarif.Properties{"precision": "high"}
	if len(r.Tags) > 0 {
		props["tags"] = append([]string{}, r.Tags...)
	}
	if r.HasTag(rules.TagSecurity) {
		props["security-severity"] = securitySeverity(r.Severity)
	}
	if len(r.Aliases) > 0 {
		props["aliases"] = append([]string{}, r.Aliases...)
	}
	desc := sarif.NewRule(r.ID).
		WithShortDescription(sarif.NewMultiformatMessageString(sentence(r.Summary))).
		WithHelpURI(RuleDocURL(r.ID)).
		WithDefaultConfiguration(sarif.NewReportingConfiguration().WithEnabled(true).WithLevel(sarifLevel(r.Severity))).
		WithProperties(props)
	// SARIF wants a name that differs from the ID, so a one-word ID gets none.
	if name := RuleName(r.ID); !strings.EqualFold(name, r.ID) {
		desc.WithName(name)
	}
	if why := docSection(r.Doc, "Why"); why != "" {
		desc.WithFullDescription(sarif.NewMultiformatMessageString(oneParagraph(markdownToText(why))))
	}
	if doc := strings.TrimSpace(r.Doc); doc != "" {
		desc.WithHelp(sarif.NewMultiformatMessageString(markdownToText(doc) + "\n\nDocumentation: " + RuleDocURL(r.ID)).
			WithMarkdown(doc + "\n\n[Documentation](" + RuleDocURL(r.ID) + ")"))
	}
	b.run.Tool.Driver.Rules = append(b.run.Tool.Driver.Rules, desc)
	i := len(b.run.Tool.Driver.Rules) - 1
	b.ruleIndex[r.ID] = i
	return i
}

func (b *sarifBuilder) result(f rules.Finding, fp string) *sarif.Result {
	src := b.in.Sources[f.Range.File]
	res := sarif.NewRuleResult(f.Rule.ID).
		WithRuleIndex(b.rule(f.Rule)).
		WithKind("fail").
		WithLevel(sarifLevel(f.Severity)).
		WithMessage(sarif.NewTextMessage(sentence(f.Message))).
		WithLocations([]*sarif.Location{sarif.NewLocationWithPhysicalLocation(b.physical(f.Range, src))}).
		WithPartialFingerPrints(map[string]any{fingerprintKey: fp})
	if f.Fix != nil && len(f.Fix.Edits) > 0 {
		res.AddFix(b.fix(f))
	}
	return res
}

// contextLines is how many lines around a finding its context region shows.
const contextLines = parser.ReportContextLines

// physical locates a finding. With the source at hand it carries the
// reported text as a snippet and the lines around it as a context region,
// so a viewer without a checkout still shows the code.
func (b *sarifBuilder) physical(r parser.Range, src *parser.Source) *sarif.PhysicalLocation {
	region := sarifRegion(r)
	loc := sarif.NewPhysicalLocation().WithArtifactLocation(b.artifact(r.File)).WithRegion(region)
	if src == nil || *region.StartLine > src.LineCount() {
		return loc
	}
	if text := regionText(src, r); text != "" {
		region.WithSnippet(sarif.NewArtifactContent().WithText(text))
	}
	first := max(*region.StartLine-contextLines, 1)
	last := min(max(lastLine(r), *region.StartLine)+contextLines, src.LineCount())
	var lines []string
	for n := first; n <= last; n++ {
		lines = append(lines, src.Line(n))
	}
	context := sarif.NewRegion().WithStartLine(first).WithEndLine(last).
		WithSnippet(sarif.NewArtifactContent().WithText(strings.Join(lines, "\n")))
	return loc.WithContextRegion(context)
}

// artifact locates a file: relative to %SRCROOT% inside the repository,
// an absolute file:// URI outside it.
func (b *sarifBuilder) artifact(path string) *sarif.ArtifactLocation {
	if rel, ok := b.paths.rel(path); ok {
		return sarif.NewArtifactLocation().WithUri(relativeURI(rel)).WithUriBaseId(srcRoot)
	}
	return sarif.NewArtifactLocation().WithUri(fileURI(b.paths.abs(path), false))
}

// fix turns text edits into one artifactChange per file, in edit order.
func (b *sarifBuilder) fix(f rules.Finding) *sarif.Fix {
	fx := f.Fix
	out := sarif.NewFix()
	if fx.Description != "" {
		out.WithDescription(sarif.NewTextMessage(sentence(fx.Description)))
	}
	changes := map[string]*sarif.ArtifactChange{}
	for _, e := range fx.Edits {
		file := fix.EditFile(f, e)
		ch := changes[file]
		if ch == nil {
			ch = sarif.NewArtifactChange(b.artifact(file))
			changes[file] = ch
			out.AddArtifactChanges(ch)
		}
		ch.WithReplacement(sarif.NewReplacement(sarifRegion(e.Range)).
			WithInsertedContent(sarif.NewArtifactContent().WithText(e.NewText)))
	}
	return out
}

// invocation reports files that could not be read or parsed; the run
// counts as successful only when there were none, as the exit status does.
func (b *sarifBuilder) invocation() *sarif.Invocation {
	inv := sarif.NewInvocation().WithExecutionSuccess(len(b.in.Errors) == 0)
	for _, e := range b.in.Errors {
		n := sarif.NewNotification().WithLevel(levelError).WithMessage(sarif.NewTextMessage(sentence(e.Msg)))
		if e.Path != "" {
			phys := sarif.NewPhysicalLocation().WithArtifactLocation(b.artifact(e.Path))
			if e.Line > 0 {
				region := sarif.NewRegion().WithStartLine(e.Line)
				if e.Col > 0 {
					region.WithStartColumn(e.Col)
				}
				phys.WithRegion(region)
			}
			n.AddLocation(sarif.NewLocationWithPhysicalLocation(phys))
		}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, n)
	}
	return inv
}

// sarifRegion converts a range; SARIF columns are 1-based with an
// exclusive end, as dlint's are. A range without a usable end covers one
// character.
func sarifRegion(r parser.Range) *sarif.Region {
	start := r.Start
	if start.Line < 1 {
		start.Line = 1
	}
	if start.Col < 1 {
		start.Col = 1
	}
	end := r.End
	if end.Line < start.Line || (end.Line == start.Line && end.Col < start.Col) {
		end = parser.Pos{Line: start.Line, Col: start.Col + 1}
	}
	return sarif.NewRegion().
		WithStartLine(start.Line).WithStartColumn(start.Col).
		WithEndLine(end.Line).WithEndColumn(end.Col)
}

func sarifLevel(s rules.Severity) string {
	switch s {
	case rules.Error:
		return levelError
	case rules.Warning:
		return levelWarning
	}
	return levelNote
}

// securitySeverity is GitHub's 0–10 score for security rules: above 7 is
// "high", 4–7 "medium", below 4 "low".
func securitySeverity(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "8.0"
	case rules.Warning:
		return "5.5"
	}
	return "2.0"
}

// automationID turns --sarif-category into runs[].automationDetails.id.
// GitHub reads the part before the last '/' as the category and the rest
// as a run ID, so a bare name gets a trailing slash, as upload-sarif does
// with its category input; a value with a slash is kept as given.
func automationID(category string) string {
	category = strings.TrimSpace(category)
	if category == "" || strings.Contains(category, "/") {
		return category
	}
	return category + "/"
}

// sentence ends a message with a full stop, as SARIF asks of messages.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") {
		return s
	}
	return s + "."
}
