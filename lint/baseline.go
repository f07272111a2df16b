package lint

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"sort"

	"github.com/dlint-dev/dlint/internal/fingerprint"
	"github.com/dlint-dev/dlint/parser"
	"github.com/dlint-dev/dlint/rules"
)

// BaselineVersion is the format version of baseline files.
const BaselineVersion = 1

// Baseline is a recorded set of findings that later runs do not report
// again. A finding matches an entry by rule, file and fingerprint (the text
// of its line and its order among identical lines), not by line number, so
// entries survive edits elsewhere in the file.
type Baseline struct {
	Path    string // as shown in messages
	Dir     string // absolute directory the entries' files are relative to
	Entries []*BaselineEntry
	source  *parser.Source
}

// BaselineEntry is one recorded finding.
type BaselineEntry struct {
	Rule        string `json:"rule"`
	File        string `json:"file"` // slash path relative to the baseline's directory
	Line        int    `json:"line"` // where it was when recorded; informative only
	Fingerprint string `json:"fingerprint"`
	Message     string `json:"message,omitempty"`

	at      int // line of the entry in the baseline file
	matched bool
}

// NewBaseline records findings (sorted, as in Result.Recorded); file paths
// are made relative to dir.
func NewBaseline(findings []rules.Finding, sources map[string]*parser.Source, dir string) *Baseline {
	absDir, err := filepath.Abs(dir)
	if err != nil {
		absDir = dir
	}
	b := &Baseline{Dir: absDir}
	fps := fingerprint.Compute(findings, sources, nil)
	for i, f := range findings {
		b.Entries = append(b.Entries, &BaselineEntry{
			Rule: f.Rule.ID, File: relTo(absDir, fileKey(f.Range.File)), Line: f.Range.Start.Line,
			Fingerprint: fps[i], Message: f.Message,
		})
	}
	sort.SliceStable(b.Entries, func(i, j int) bool {
		a, c := b.Entries[i], b.Entries[j]
		if a.File != c.File {
			return a.File < c.File
		}
		return a.Line < c.Line
	})
	return b
}

// WriteTo writes the baseline as JSON, one entry per line so that diffs
// stay readable and stale entries can be pointed at.
func (b *Baseline) WriteTo(w io.Writer) (int64, error) {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "{\n  \"version\": %d,\n  \"findings\": [", BaselineVersion)
	for i, e := range b.Entries {
		line, err := json.Marshal(e)
		if err != nil {
			return 0, err
		}
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.WriteString("\n    ")
		buf.Write(line)
	}
	if len(b.Entries) > 0 {
		buf.WriteString("\n  ")
	}
	buf.WriteString("]\n}\n")
	n, err := w.Write(buf.Bytes())
	return int64(n), err
}

// ReadBaseline reads a baseline file written by WriteTo.
func ReadBaseline(path string) (*Baseline, error) {
	return readBaseline(path, sizeLimit{bytes: DefaultMaxFileSize})
}

// readBaseline reads a baseline file of at most limit's size.
func readBaseline(path string, limit sizeLimit) (*Baseline, error) {
	data, err := readFile(path, limit.bytes)
	if tl, ok := err.(*tooLargeError); ok {
		tl.hint = limit.hint()
	}
	if err != nil {
		return nil, &FileError{Path: path, Msg: "cannot read baseline: " + err.Error()}
	}
	return ParseBaseline(path, data)
}

// ParseBaseline reads a baseline's text.
func ParseBaseline(path string, data []byte) (*Baseline, error) {
	dir, err := filepath.Abs(filepath.Dir(path))
	if err != nil {
		dir = filepath.Dir(path)
	}
	src := parser.NewSource(path, data)
	b := &Baseline{Path: path, Dir: dir, source: src}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	fail := func(msg string) error {
		pos := src.Offset(int(dec.InputOffset()))
		return &FileError{Path: path, Line: pos.Line, Col: pos.Col, Msg: "invalid baseline: " + msg}
	}
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, fail("want a JSON object with version and findings (write one with `dlint baseline`)")
	}
	version := 0
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, fail(err.Error())
		}
		switch tok {
		case "version":
			if err := dec.Decode(&version); err != nil {
				return nil, fail("version: " + err.Error())
			}
			if version != BaselineVersion {
				return nil, fail(fmt.Sprintf("version %d is not supported (want %d)", version, BaselineVersion))
			}
		case "findings":
			if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
				return nil, fail("findings must be a list")
			}
			for dec.More() {
				start := int(dec.InputOffset())
				if i := bytes.IndexByte(data[start:], '{'); i >= 0 {
					start += i
				}
				e := &BaselineEntry{at: src.Offset(start).Line}
				if err := dec.Decode(e); err != nil {
					return nil, fail(err.Error())
				}
				if e.Rule == "" || e.File == "" || e.Fingerprint == "" {
					return nil, fail("an entry needs rule, file and fingerprint")
				}
				b.Entries = append(b.Entries, e)
			}
			if _, err := dec.Token(); err != nil {
				return nil, fail(err.Error())
			}
		default:
			return nil, fail(fmt.Sprintf("unknown key %v (want version and findings)", tok))
		}
	}
	if version == 0 {
		return nil, fail("no version")
	}
	return b, nil
}

// WriteBaseline records the findings of res in a baseline whose file paths
// are relative to dir (the directory the baseline file will be in).
func WriteBaseline(w io.Writer, res *Result, dir string) error {
	_, err := NewBaseline(res.Recorded, res.Sources, dir).WriteTo(w)
	return err
}

// applyBaseline drops the findings the baseline records and, when
// unused-ignore reports for the baseline file, adds one finding for each
// entry whose finding is gone from a file this run linted.
func (r *runner) applyBaseline(findings []rules.Finding) []rules.Finding {
	b := r.baseline
	type key struct{ rule, file, fp string }
	index := map[key][]*BaselineEntry{}
	for _, e := range b.Entries {
		k := key{e.Rule, e.File, e.Fingerprint}
		index[k] = append(index[k], e)
	}
	take := func(k key) bool {
		if list := index[k]; len(list) > 0 {
			list[0].matched = true
			index[k] = list[1:]
			return true
		}
		return false
	}
	fps := fingerprint.Compute(findings, r.sources, nil)
	matched := make([]bool, len(findings))
	for i, f := range findings {
		matched[i] = take(key{f.Rule.ID, relTo(b.Dir, fileKey(f.Range.File)), fps[i]})
	}
	// A finding several services share was recorded once per service by
	// dlint before it merged them: it matches those entries too, and
	// stands for all of them.
	for i, fps := range fingerprint.PerService(findings, r.sources) {
		f := findings[i]
		for _, fp := range fps {
			if take(key{f.Rule.ID, relTo(b.Dir, fileKey(f.Range.File)), fp}) {
				matched[i] = true
			}
		}
	}
	var kept []rules.Finding
	for i, f := range findings {
		if matched[i] {
			r.hidden.Baseline++
		} else {
			kept = append(kept, f)
		}
	}
	unused := rules.Lookup(r.pool, rules.UnusedIgnore.ID)
	if unused == nil {
		return kept
	}
	bs := r.configs.settings(b.Path)
	decision := bs.rules[unused.ID]
	if !decision.on || bs.ignored {
		return kept
	}
	linted := map[string]string{} // baseline-relative path → display path
	for p := range r.sources {
		linted[relTo(b.Dir, fileKey(p))] = p
	}
	stale := false
	for _, e := range b.Entries {
		shown, ok := linted[e.File]
		if e.matched || !ok {
			continue
		}
		if rule := rules.Lookup(r.pool, e.Rule); rule == nil || !r.configs.ruleOn(shown, rule) {
			continue // the rule did not run on that file: dlint cannot tell
		}
		stale = true
		rng := b.source.LineRange(e.at, e.at)
		kept = append(kept, rules.Finding{
			Rule: unused, Severity: decision.severity, Range: rng,
			Message: fmt.Sprintf("baseline entry for %s in %s (recorded at line %d) matches no finding any more: the problem was fixed or its line changed; remove the entry or regenerate the baseline with `dlint baseline`", e.Rule, e.File, e.Line),
		})
	}
	if stale {
		r.addSource(b.source)
	}
	return kept
}
