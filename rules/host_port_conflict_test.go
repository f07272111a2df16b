package rules

import (
	"testing"

	"github.com/dlint-dev/dlint/parser"
)

// TestHostPortConflictProfiles checks that services of disjoint profiles,
// which start one at a time, may share a host port.
func TestHostPortConflictProfiles(t *testing.T) {
	service := func(name string, line int, profiles ...string) *parser.Service {
		spec, err := parser.ParsePortMapping("8080:80")
		if err != nil {
			t.Fatal(err)
		}
		r := parser.Range{File: "compose.yaml", Start: parser.Pos{Line: line, Col: 9}, End: parser.Pos{Line: line, Col: 18}}
		return &parser.Service{Name: name, Profiles: profiles, Ports: []*parser.PublishedPort{{Raw: "8080:80", Spec: spec, Range: r}}}
	}
	tests := []struct {
		name string
		a, b *parser.Service
		want int
	}{
		{"disjoint profiles", service("app", 5, "prod"), service("app-dev", 10, "dev"), 0},
		{"shared profile", service("app", 5, "prod", "dev"), service("app-dev", 10, "dev"), 1},
		{"one always runs", service("app", 5), service("app-dev", 10, "dev"), 1},
		{"no profiles", service("app", 5), service("app-dev", 10), 1},
	}
	for _, tt := range tests {
		var got []Finding
		pass := NewPass(HostPortConflict, func(f Finding) { got = append(got, f) })
		pass.Compose = &parser.ComposeProject{Services: []*parser.Service{tt.a, tt.b}}
		HostPortConflict.Check(pass)
		if len(got) != tt.want {
			t.Errorf("%s: %d findings, want %d: %v", tt.name, len(got), tt.want, got)
		}
		if len(got) == 1 && got[0].Range.Start.Line != 10 {
			t.Errorf("%s: reported at line %d, want the later entry (line 10)", tt.name, got[0].Range.Start.Line)
		}
	}
}

// The other place of a conflict is named so that it can be found: by line
// in the same file, by name beside it, by path elsewhere (a project's
// included files are often all called compose.yml).
func TestWhereNamesTheOtherPlace(t *testing.T) {
	at := func(file string, line int) parser.Range {
		return parser.Range{File: file, Start: parser.Pos{Line: line, Col: 1}}
	}
	for _, tc := range []struct {
		other parser.Range
		want  string
	}{
		{at("app/compose.yml", 9), "line 9"},
		{at("app/compose.override.yml", 4), "compose.override.yml:4"},
		{at("db/compose.yml", 20), "db/compose.yml:20"},
	} {
		if got := where(at("app/compose.yml", 3), tc.other); got != tc.want {
			t.Errorf("where(%s) = %q, want %q", tc.other.File, got, tc.want)
		}
	}
}
