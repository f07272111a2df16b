package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dlint-dev/dlint/parser"
)

func TestServiceList(t *testing.T) {
	for _, tc := range []struct {
		services []string
		want     string
	}{
		{[]string{"api"}, "service 'api'"},
		{[]string{"api", "db"}, "services 'api' and 'db'"},
		{[]string{"api", "db", "web"}, "services 'api', 'db' and 'web'"},
		{[]string{"a", "b", "c", "d"}, "services 'a', 'b', 'c' and 'd'"},
		{[]string{"a", "b", "c", "d", "e", "f"}, "services 'a', 'b', 'c' and 3 more"},
	} {
		if got := serviceList(tc.services); got != tc.want {
			t.Errorf("serviceList(%v) = %q, want %q", tc.services, got, tc.want)
		}
	}
}

func TestRender(t *testing.T) {
	tmpl := subjectMark + " " + agree("runs", "run") + " as root like " + agree("its", "their") + " base"
	for _, tc := range []struct {
		services []string
		name     string
		want     string
	}{
		{nil, "the final stage", "the final stage runs as root like its base"},
		{[]string{"api"}, "", "service 'api' runs as root like its base"},
		{[]string{"api", "db"}, "", "services 'api' and 'db' run as root like their base"},
	} {
		if got := render(tmpl, tc.services, tc.name); got != tc.want {
			t.Errorf("render(%v) = %q, want %q", tc.services, got, tc.want)
		}
	}
	// A stray separator in text taken from a file is kept as it is.
	if got := render("a"+markSep+"b", []string{"x"}, ""); got != "a"+markSep+"b" {
		t.Errorf("stray separator: %q", got)
	}
}

// TestMerge reports one Dockerfile finding per service, as the compose
// unit does, and checks what merges: only findings that differ in nothing
// but their service.
func TestMerge(t *testing.T) {
	rule := &Rule{ID: "r", Severity: Warning}
	other := &Rule{ID: "o", Severity: Warning}
	line1 := parser.Range{File: "Dockerfile", Start: parser.Pos{Line: 1, Col: 6}, End: parser.Pos{Line: 1, Col: 9}}
	line2 := parser.Range{File: "Dockerfile", Start: parser.Pos{Line: 2, Col: 1}, End: parser.Pos{Line: 2, Col: 4}}
	var found []Finding
	report := func(r *Rule, name string, f Finding) {
		p := NewPass(r, func(f Finding) { found = append(found, f) })
		p.ReportAbout(&parser.Container{Service: &parser.Service{Name: name}}, f)
	}
	msg := subjectMark + " " + agree("runs", "run") + " as root"
	fix := func() *Fix {
		return &Fix{Description: "add USER", Edits: []Edit{{Range: line2, NewText: "USER 10001\n"}}}
	}
	for _, name := range []string{"web", "api", "worker", "api"} {
		report(rule, name, Finding{Range: line1, Message: msg, Fix: fix()})
	}
	report(rule, "db", Finding{Range: line1, Message: msg}) // no fix: not the same finding
	report(rule, "db", Finding{Range: line2, Message: msg}) // another line
	report(other, "db", Finding{Range: line1, Message: msg})
	report(rule, "cache", Finding{Range: line1, Message: msg, Severity: Info})
	report(rule, "job", Finding{Range: line1, Message: "USER root makes " + subjectMark + " run as root"})
	// ReportAbout for a container without a service names it, unmerged.
	p := NewPass(rule, func(f Finding) { found = append(found, f) })
	p.ReportAbout(&parser.Container{Stage: &parser.Stage{Name: "app"}}, Finding{Range: line1, Message: msg})

	// lint sorts by rule and range first; keep that grouping here.
	var sorted []Finding
	for _, r := range []*Rule{rule, other} {
		for _, l := range []parser.Range{line1, line2} {
			for _, f := range found {
				if f.Rule == r && f.Range == l {
					sorted = append(sorted, f)
				}
			}
		}
	}
	var got []string
	for _, f := range Merge(sorted) {
		s := fmt.Sprintf("%s %s:%d:%d %s: %s", f.Rule.ID, f.Range.File, f.Range.Start.Line, f.Range.Start.Col, f.Severity, f.Message)
		if f.Fix != nil {
			s += " (fix)"
		}
		got = append(got, s)
	}
	want := []string{
		"r Dockerfile:1:6 warning: services 'api', 'web' and 'worker' run as root (fix)",
		"r Dockerfile:1:6 warning: service 'db' runs as root",
		"r Dockerfile:1:6 info: service 'cache' runs as root",
		"r Dockerfile:1:6 warning: USER root makes service 'job' run as root",
		"r Dockerfile:1:6 warning: final stage 'app' runs as root",
		"r Dockerfile:2:1 warning: service 'db' runs as root",
		"o Dockerfile:1:6 warning: service 'db' runs as root",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("merged:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// The fingerprint text of a merged finding is its template: it does
	// not change with the services.
	if m := Merge(sorted)[0]; m.Template() != msg || len(m.Services) != 3 {
		t.Errorf("merged template %q, services %v", m.Template(), m.Services)
	}
}
