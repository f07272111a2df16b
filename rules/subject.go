package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/dlint-dev/dlint/parser"
)

// A Dockerfile line that several compose services build is checked once per
// service, and a finding there that names the service would be repeated for
// each. Such a finding is reported with Pass.ReportAbout: its message is a
// template where `subjectMark` stands for the service, and agree(one, many) for
// the words that agree with it. Merge then joins the findings that differ
// only in their service into one that names them all.

// markSep delimits the marks of a message template; it cannot be typed in
// a Dockerfile or compose file by accident.
const markSep = "\x1f"

// subjectMark is the mark of the container a finding is about: "service 'api'",
// or "services 'api', 'db' and 'worker'" once merged.
const subjectMark = markSep + "subject" + markSep

// agree marks a word that agrees in number with the subject.
func agree(one, many string) string { return markSep + one + "|" + many + markSep }

// namedServices is how many services a merged message names before "and N
// more".
const namedServices = 3

// ReportAbout records a finding about container c whose Message is a
// template naming it through subjectMark (and agree). For a compose service
// the finding keeps the template and the service's name, so that the same
// finding for other services building the same Dockerfile merges with it.
func (p *Pass) ReportAbout(c *parser.Container, f Finding) {
	tmpl := f.Message
	switch {
	case c != nil && c.Service != nil && c.Service.Run == nil:
		f.template = tmpl
		f.Services = []string{c.Service.Name}
		f.Message = render(tmpl, f.Services, "")
	case c != nil && c.Service != nil:
		// A `docker run` line: merged with the same finding of other run
		// lines of the image (three Makefile targets running one test
		// image are one finding).
		f.template = tmpl
		f.runLines = []string{c.Name()}
		f.Message = render(tmpl, nil, c.Name())
	default:
		name := "the container"
		if c != nil {
			name = c.Name()
		}
		f.Message = render(tmpl, nil, name)
	}
	p.ReportFinding(f)
}

// Template returns the message with its services left out, for identities
// that must not change as services are added (fingerprints).
func (f Finding) Template() string {
	if len(f.runLines) > 0 {
		return render(f.template, nil, f.runLines[0]) // as before run lines merged
	}
	if f.template != "" {
		return f.template
	}
	return f.Message
}

// render fills a template's marks: the subject is name when services is
// empty, else the list of services.
func render(tmpl string, services []string, name string) string {
	if len(services) > 0 {
		name = serviceList(services)
	}
	return renderSubject(tmpl, name, len(services) > 1)
}

// renderSubject fills a template's marks with the subject name, the verbs
// agreeing with one subject or many.
func renderSubject(tmpl, name string, many bool) string {
	if !strings.Contains(tmpl, markSep) {
		return tmpl
	}
	parts := strings.Split(tmpl, markSep)
	var b strings.Builder
	for i, part := range parts {
		if i%2 == 0 || i == len(parts)-1 {
			if i%2 == 1 {
				b.WriteString(markSep) // an unpaired separator: not a mark
			}
			b.WriteString(part)
			continue
		}
		one, other, isAgree := strings.Cut(part, "|")
		switch {
		case part == "subject":
			b.WriteString(name)
		case isAgree && many:
			b.WriteString(other)
		case isAgree:
			b.WriteString(one)
		default:
			b.WriteString(markSep + part + markSep)
		}
	}
	return b.String()
}

// serviceList names services, sorted: "service 'a'", "services 'a' and
// 'b'", "services 'a', 'b', 'c' and 4 more".
func serviceList(services []string) string {
	if len(services) == 0 {
		return "a service"
	}
	quoted := make([]string, len(services))
	for i, s := range services {
		quoted[i] = "'" + s + "'"
	}
	if len(quoted) == 1 {
		return "service " + quoted[0]
	}
	return "services " + listNames(quoted)
}

// listNames joins names in prose, the first few of a long list and how
// many more: "a, b, c and 4 more".
func listNames(names []string) string {
	if len(names) > namedServices+1 {
		names = append(names[:namedServices:namedServices], fmt.Sprintf("%d more", len(names)-namedServices))
	}
	return joinNames(names)
}

// Merge joins the findings, sorted by rule and range first (as lint sorts
// them), that differ only in the services they are about: same rule, range,
// severity, message template and fix. The merged finding names every
// service once, in name order. Other findings pass unchanged; the order of
// the result is that of the first finding of each merged group.
func Merge(in []Finding) []Finding {
	out := in[:0:0]
	for start := 0; start < len(in); {
		end := start + 1
		for end < len(in) && in[end].Rule == in[start].Rule && in[end].Range == in[start].Range {
			end++
		}
		group := in[start:end]
		start = end
		if len(group) == 1 {
			out = append(out, group[0])
			continue
		}
		merged := map[int]int{} // index in group → index in out
		for i, f := range group {
			if f.template == "" {
				out = append(out, f)
				continue
			}
			into := -1
			for j := range i {
				if k, ok := merged[j]; ok && mergeable(out[k], f) {
					into = k
					break
				}
			}
			if into < 0 {
				f.Services, f.runLines = slices.Clone(f.Services), slices.Clone(f.runLines)
				merged[i] = len(out)
				out = append(out, f)
				continue
			}
			m := &out[into]
			if len(m.runLines) > 0 {
				for _, l := range f.runLines {
					if !slices.Contains(m.runLines, l) {
						m.runLines = append(m.runLines, l)
					}
				}
				slices.Sort(m.runLines)
				m.Message = renderSubject(m.template, listNames(m.runLines), len(m.runLines) > 1)
				continue
			}
			for _, s := range f.Services {
				if !slices.Contains(m.Services, s) {
					m.Services = append(m.Services, s)
				}
			}
			slices.Sort(m.Services)
			m.Message = render(m.template, m.Services, "")
		}
	}
	return out
}

func mergeable(a, b Finding) bool {
	return a.Severity == b.Severity && a.template == b.template && sameFix(a.Fix, b.Fix) && (len(a.runLines) > 0) == (len(b.runLines) > 0)
}

func sameFix(a, b *Fix) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Description == b.Description && a.Unsafe == b.Unsafe && slices.Equal(a.Edits, b.Edits)
}

// about names c in a message template: the subject mark for a compose
// service, so that ReportAbout can list every service that shares the
// finding, else c's name.
func about(c *parser.Container) string {
	if c != nil && c.Service != nil {
		return subjectMark
	}
	if c == nil {
		return "the container"
	}
	return c.Name()
}
