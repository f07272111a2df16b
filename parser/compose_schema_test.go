package parser

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
)

func problemLines(p *ComposeProject) string {
	var out []string
	for _, pr := range p.Problems {
		out = append(out, fmt.Sprintf("%s %s", at(pr.Range), pr.Msg))
	}
	return strings.Join(out, "\n")
}

// compose-go names one of several unknown keys, picked in map order; dlint
// names each, at its key, the same way every run. The keys an
// unevaluatedProperties error lists only because a sibling key failed
// (image, networks, x-team) are not among them.
func TestUnknownKeysAreEachReportedInFileOrder(t *testing.T) {
	dir := writeProject(t, map[string]string{
		"compose.yaml": `services:
  web:
    image: nginx
    x-team: web
    foo: 1
    depends: [db]
    build:
      context: .
      bogus: 1
    networks:
      a:
        aliasez: [x]
  db:
    image: postgres
    environmnt: {A: "1"}
    net: host
    ports:
      - target: 80
        publishd: 8080
networks:
  a: {}
volume:
  data: {}
`,
		"included.yaml": "services:\n  side:\n    image: busybox\n    hostnam: side\n",
	})
	want := strings.Join([]string{
		"compose.yaml:5:5-11 `foo` is not a Compose key in service 'web'",
		"compose.yaml:6:5-18 `depends` is not a Compose key in service 'web' (did you mean `depends_on`?)",
		"compose.yaml:9:7-15 `bogus` is not a Compose key in services.web.build (prefix keys of your own with x-)",
		"compose.yaml:12:9-21 `aliasez` is not a Compose key in services.web.networks.a (prefix keys of your own with x-)",
		"compose.yaml:15:5-25 `environmnt` is not a Compose key in service 'db' (did you mean `environment`?)",
		"compose.yaml:16:5-14 `net` is not a Compose key in service 'db' (Compose v1's name for `network_mode`)",
		"compose.yaml:19:9-23 `publishd` is not a Compose key in services.db.ports.0 (prefix keys of your own with x-)",
		"compose.yaml:22:1-8 `volume` is not a Compose key at the top level (did you mean `volumes`?)",
	}, "\n")
	for range 10 {
		p := mustLoad(t, dir, nil, "compose.yaml")
		if got := problemLines(p); got != want {
			t.Fatalf("problems:\n%s\nwant:\n%s", got, want)
		}
	}
	// An included project is validated too.
	if err := os.WriteFile(filepath.Join(dir, "compose.yaml"), []byte("include: [included.yaml]\nservices:\n  web:\n    image: nginx\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	p := mustLoad(t, dir, nil, "compose.yaml")
	if got, want := problemLines(p), "included.yaml:4:5-18 `hostnam` is not a Compose key in service 'side' (did you mean `hostname`?)"; got != want {
		t.Errorf("included file: %s, want %s", got, want)
	}
}

// `service:` holding services is a misspelt `services:`, not a Compose v1
// service called service; a v1 file is still one.
func TestMisspeltServicesIsNotTheV1Layout(t *testing.T) {
	dir := writeProject(t, map[string]string{
		"compose.yaml": "service:\n  web:\n    image: nginx\n  db:\n    image: postgres\n",
		"v1.yaml":      "web:\n  image: nginx\n  net: host\ncache: {}\n",
	})
	p := mustLoad(t, dir, nil, "compose.yaml")
	if len(p.Legacy) != 0 || problemLines(p) != "compose.yaml:1:1-9 `service` is not a Compose key at the top level (did you mean `services`?)" {
		t.Errorf("misspelt services: legacy %v, problems %s", p.Legacy, problemLines(p))
	}
	if p := mustLoad(t, dir, nil, "v1.yaml"); len(p.Legacy) != 1 || len(p.Services) != 2 {
		t.Errorf("v1 file: legacy %v, %d services", p.Legacy, len(p.Services))
	}
}

// A key refused by one branch of a oneOf is unknown only when the value
// cannot be of the other branches' types.
func TestUnknownKeysOnlyFromTheBranchTheValueIsOf(t *testing.T) {
	f, err := parseYAMLFile(&Source{Path: "c.yaml", Text: []byte("services:\n  web:\n    build:\n      bogus: 1\n")}, "/c.yaml")
	if err != nil {
		t.Fatal(err)
	}
	spec := composeSpecIndex()
	loc := []string{"services", "web", "build"}
	extra := &jsonschema.ValidationError{InstanceLocation: loc, ErrorKind: &kind.AdditionalProperties{Properties: []string{"bogus"}}}
	notString := &jsonschema.ValidationError{InstanceLocation: loc, ErrorKind: &kind.Type{Got: "object", Want: []string{"string"}}}
	otherObject := &jsonschema.ValidationError{InstanceLocation: loc, ErrorKind: &kind.Required{Missing: []string{"context"}}}
	for _, tc := range []struct {
		name     string
		branches []*jsonschema.ValidationError
		want     int
	}{
		{"the only object branch", []*jsonschema.ValidationError{notString, extra}, 1},
		{"one of two object branches", []*jsonschema.ValidationError{extra, otherObject}, 0},
	} {
		w := keyWalk{spec: spec, file: f}
		w.visit(&jsonschema.ValidationError{InstanceLocation: loc, ErrorKind: &kind.OneOf{}, Causes: tc.branches}, "", nil)
		if len(w.found) != tc.want {
			t.Errorf("%s: %d keys, want %d", tc.name, len(w.found), tc.want)
		}
	}
}
