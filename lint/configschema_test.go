package lint

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/dlint-dev/dlint/rules"
)

var update = flag.Bool("update", false, "rewrite schema/dlint-config.schema.json")

var schemaFile = filepath.Join("..", "schema", "dlint-config.schema.json")

// TestConfigSchemaUpToDate: the schema in the repository is the one the
// registry generates, so editors complete every rule and option.
func TestConfigSchemaUpToDate(t *testing.T) {
	want := ConfigSchema(rules.All())
	if *update {
		if err := os.WriteFile(schemaFile, want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is stale: run `go run ./cmd/dlint config schema > schema/dlint-config.schema.json` (or go test ./lint -run TestConfigSchemaUpToDate -update)", schemaFile)
	}
}

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(ConfigSchema(rules.All())))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("dlint-config.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("dlint-config.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// yamlInstance decodes YAML into the values a JSON decoder would give.
func yamlInstance(t *testing.T, text string) any {
	t.Helper()
	var v any
	if err := yaml.Unmarshal([]byte(text), &v); err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return inst
}

// TestDefaultConfig: `dlint config init` prints a file that the schema
// accepts and dlint loads, with every rule listed.
func TestDefaultConfig(t *testing.T) {
	text := DefaultConfig(rules.All())
	if err := compileSchema(t).Validate(yamlInstance(t, text)); err != nil {
		t.Errorf("the default config does not validate: %v", err)
	}
	c, err := ParseConfig(".dlint.yaml", []byte(text), rules.All())
	if err != nil {
		t.Fatalf("the default config does not load: %v", err)
	}
	if c.FailLevel != rules.Warning || c.MinSeverity != rules.Style || c.ReportUnusedIgnores == nil || *c.ReportUnusedIgnores {
		t.Errorf("defaults: %+v", c)
	}
	for _, r := range rules.All() {
		if !strings.Contains(text, "# "+r.ID+":") {
			t.Errorf("rule %s is not listed", r.ID)
		}
	}
	// Uncommenting the rule list gives a file that is valid too: every
	// rule at its default level, with its default options.
	var uncommented []string
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, "  # ") && !strings.HasPrefix(line, "  # -") && !strings.HasPrefix(line, "  #   rules") && !strings.HasPrefix(line, "  #     ") && !strings.HasPrefix(line, "  #   # ") {
			line = "  " + strings.TrimPrefix(line, "  # ")
		}
		uncommented = append(uncommented, line)
	}
	full := strings.Join(uncommented, "\n")
	if err := compileSchema(t).Validate(yamlInstance(t, full)); err != nil {
		t.Errorf("the uncommented default config does not validate: %v\n%s", err, full)
	}
	if _, err := ParseConfig(".dlint.yaml", []byte(full), rules.All()); err != nil {
		t.Errorf("the uncommented default config does not load: %v\n%s", err, full)
	}
}

// TestSchemaAgreesWithLoader: what the loader rejects, the schema rejects,
// so editors flag the same mistakes.
func TestSchemaAgreesWithLoader(t *testing.T) {
	s := compileSchema(t)
	cases := map[string]bool{ // text → valid
		"rules:\n  DL3002: error\n  sudo: off\n":                           true,
		"rules:\n  root-user: true\n":                                      true,
		"overrides:\n  - files: [tests/**]\n    rules: {root-user: off}\n": true,
		"fail-level: none\nmin-severity: info\n":                           true,
		"ignore-paths: [a, b/**]\ntrusted-registries: [docker.io]\n":       true,
		"":                                       true, // an empty file
		"rulez: {}\n":                            false,
		"rules:\n  nope: off\n":                  false,
		"rules:\n  root-user: loud\n":            false,
		"fail-level: fatal\n":                    false,
		"min-severity: none\n":                   false,
		"overrides:\n  - rules: {}\n":            false,
		"overrides:\n  - files: []\n":            false,
		"report-unused-ignores: maybe\n":         false,
		"ignore-paths: vendor\n":                 false,
		"rules:\n  root-user: {x: 1}\n":          false,
		"trusted-registries: [[a]]\n":            false,
		"overrides:\n  - files: [a]\n    x: 1\n": false,
	}
	for text, valid := range cases {
		var inst any
		if text != "" {
			inst = yamlInstance(t, text)
		}
		schemaErr := s.Validate(inst)
		_, loadErr := ParseConfig("c.yaml", []byte(text), rules.All())
		if (schemaErr == nil) != valid || (loadErr == nil) != valid {
			t.Errorf("%q: want valid=%v; schema: %v; loader: %v", text, valid, schemaErr, loadErr)
		}
	}
}
