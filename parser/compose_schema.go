package parser

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/compose-spec/compose-go/v2/schema"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"go.yaml.in/yaml/v3"

	"github.com/dlint-dev/dlint/internal/suggest"
)

// compose-go reports one schema error of a project, the most specific, and
// picks among equally specific ones in Go's random map order: a file with
// two misspelt keys got a different message from run to run, and the
// other key went unreported. When compose-go refuses a project for a key
// its schema has no place for, dlint validates the files against the
// same schema itself and reports every such key, in file order.

// specIndex holds, by definition of compose-go's schema, the keys it
// allows. Reading it is cheap next to compiling the schema, which the v1
// layout check does not need.
type specIndex struct {
	// props holds, by fragment ("#" for the top level, "#/$defs/service"),
	// the keys a definition names, through its allOf/anyOf/oneOf parts.
	props map[string][]string
	// patterns holds the patternProperties of the same definitions (^x-).
	patterns map[string][]*regexp.Regexp
}

var composeSpecIndex = sync.OnceValue(func() *specIndex {
	s := &specIndex{props: map[string][]string{}, patterns: map[string][]*regexp.Regexp{}}
	var raw map[string]any
	if json.Unmarshal([]byte(schema.Schema), &raw) != nil {
		return s
	}
	s.index("#", raw, raw)
	defs, _ := raw["$defs"].(map[string]any)
	for name, d := range defs {
		if m, ok := d.(map[string]any); ok {
			s.index("#/$defs/"+name, raw, m)
		}
	}
	return s
})

// compiledComposeSpec is compose-go's schema compiled by dlint, once, for
// the error path: compose-go keeps its own compiled copy to itself.
var compiledComposeSpec = sync.OnceValues(func() (*jsonschema.Schema, error) {
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(schema.Schema))
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("compose-spec.json", doc); err != nil {
		return nil, err
	}
	return c.Compile("compose-spec.json")
})

// allows reports whether the definition at ref names key, or has a
// pattern it matches.
func (s *specIndex) allows(ref, key string) bool {
	if _, ok := slices.BinarySearch(s.props[ref], key); ok {
		return true
	}
	for _, re := range s.patterns[ref] {
		if re.MatchString(key) {
			return true
		}
	}
	return false
}

func (s *specIndex) index(ref string, root, def map[string]any) {
	s.props[ref] = definitionProps(root, def, "properties", 0)
	for _, p := range definitionProps(root, def, "patternProperties", 0) {
		if re, err := regexp.Compile(p); err == nil {
			s.patterns[ref] = append(s.patterns[ref], re)
		}
	}
}

// definitionProps lists the keys a schema object names under field
// ("properties", "patternProperties"), and those of the parts it combines.
func definitionProps(root, def map[string]any, field string, depth int) []string {
	if depth > 8 {
		return nil
	}
	var out []string
	if props, ok := def[field].(map[string]any); ok {
		for k := range props {
			out = append(out, k)
		}
	}
	for _, combinator := range []string{"allOf", "anyOf", "oneOf"} {
		parts, _ := def[combinator].([]any)
		for _, p := range parts {
			part, _ := p.(map[string]any)
			if ref, ok := part["$ref"].(string); ok {
				name, ok := strings.CutPrefix(ref, "#/$defs/")
				defs, _ := root["$defs"].(map[string]any)
				if target, _ := defs[name].(map[string]any); ok && target != nil {
					part = target
				}
			}
			if part != nil {
				out = append(out, definitionProps(root, part, field, depth+1)...)
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// serviceKeys are the keys the Compose specification allows in a service.
func serviceKeys() []string { return composeSpecIndex().props["#/$defs/service"] }

// unknownKey is a key of a compose file the schema has no place for.
type unknownKey struct {
	file *yamlFile
	key  *yaml.Node
	path []string // the mapping that holds it, as the schema names it
	name string
	// known lists the keys allowed where it stands, when dlint knows them.
	known []string
	// compose is compose-go's words for this error.
	compose string
}

// unknownKeys validates each of files, as compose-go loads it (contents
// holds the text prepared for a main file), and lists the keys the schema
// surely has no place for, in file order. A key in a part of the schema
// that the value may or may not match (the object branch of a oneOf with
// two object branches) is left out.
func unknownKeys(files []*yamlFile, contents map[string][]byte) []unknownKey {
	sch, err := compiledComposeSpec()
	if err != nil {
		return nil
	}
	var out []unknownKey
	for _, f := range files {
		text := f.src.Text
		if c, ok := contents[f.abs]; ok {
			text = c
		}
		dec := yaml.NewDecoder(bytes.NewReader(text))
		for {
			var v any
			if err := dec.Decode(&v); err != nil {
				break
			}
			inst, err := jsonInstance(v)
			if err != nil {
				continue
			}
			var ve *jsonschema.ValidationError
			if !errors.As(sch.Validate(inst), &ve) {
				continue
			}
			w := keyWalk{spec: composeSpecIndex(), file: f}
			w.visit(ve, "", nil)
			out = append(out, w.found...)
		}
	}
	order := map[*yamlFile]int{}
	for i, f := range files {
		order[f] = i
	}
	slices.SortStableFunc(out, func(a, b unknownKey) int {
		if a.file != b.file {
			return order[a.file] - order[b.file]
		}
		if a.key.Line != b.key.Line {
			return a.key.Line - b.key.Line
		}
		return a.key.Column - b.key.Column
	})
	return slices.CompactFunc(out, func(a, b unknownKey) bool { return a.key == b.key })
}

// jsonInstance turns a decoded YAML document into the values jsonschema
// validates: string keys, JSON numbers, as compose-go does.
func jsonInstance(v any) (any, error) {
	data, err := json.Marshal(stringKeys(v, 0))
	if err != nil {
		return nil, err
	}
	return jsonschema.UnmarshalJSON(bytes.NewReader(data))
}

func stringKeys(v any, depth int) any {
	if depth > 200 {
		return nil
	}
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = stringKeys(e, depth+1)
		}
		return x
	case map[any]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[fmt.Sprint(k)] = stringKeys(e, depth+1)
		}
		return out
	case []any:
		for i, e := range x {
			x[i] = stringKeys(e, depth+1)
		}
		return x
	}
	return v
}

type keyWalk struct {
	spec  *specIndex
	file  *yamlFile
	found []unknownKey
}

// visit walks a validation error down to its unknown keys. ref is the
// definition whose object is validated at refAt.
func (w *keyWalk) visit(e *jsonschema.ValidationError, ref string, refAt []string) {
	switch k := e.ErrorKind.(type) {
	case *kind.Schema:
		ref, refAt = "#", e.InstanceLocation
	case *kind.Reference:
		_, frag, _ := strings.Cut(k.URL, "#")
		ref, refAt = "#"+frag, e.InstanceLocation
	case *kind.OneOf, *kind.AnyOf:
		// Only a branch the value can be of says what is wrong with it.
		var viable []*jsonschema.ValidationError
		for _, c := range e.Causes {
			if !isTypeMismatch(c, e.InstanceLocation) {
				viable = append(viable, c)
			}
		}
		if len(viable) == 1 {
			w.visit(viable[0], ref, refAt)
		}
		return
	case *kind.AdditionalProperties:
		for _, name := range k.Properties {
			w.add(e.InstanceLocation, name, w.knownAt(ref, refAt, e.InstanceLocation), fmt.Sprintf("additional properties '%s' not allowed", name))
		}
		return
	case *kind.FalseSchema:
		// unevaluatedProperties refuses every key of an object one of whose
		// parts failed, known keys too: only a key the definition does not
		// name is unknown.
		loc := e.InstanceLocation
		if len(loc) == 0 || len(refAt) != len(loc)-1 || !slices.Equal(refAt, loc[:len(loc)-1]) {
			return
		}
		if w.spec.allows(ref, loc[len(loc)-1]) {
			return
		}
		w.add(loc[:len(loc)-1], loc[len(loc)-1], w.spec.props[ref], "false schema")
		return
	}
	for _, c := range e.Causes {
		w.visit(c, ref, refAt)
	}
}

// knownAt lists the keys allowed in the object at loc, when it is the
// object of a definition dlint indexed.
func (w *keyWalk) knownAt(ref string, refAt, loc []string) []string {
	if !slices.Equal(refAt, loc) {
		return nil
	}
	return w.spec.props[ref]
}

// isTypeMismatch reports a branch refused because the value at loc is not
// of its type.
func isTypeMismatch(e *jsonschema.ValidationError, loc []string) bool {
	for range 8 {
		switch e.ErrorKind.(type) {
		case *kind.Type:
			return slices.Equal(e.InstanceLocation, loc)
		case *kind.Reference, *kind.Group:
			if len(e.Causes) != 1 {
				return false
			}
			e = e.Causes[0]
		default:
			return false
		}
	}
	return false
}

func (w *keyWalk) add(at []string, name string, known []string, what string) {
	parts := at
	if w.file.legacy && len(parts) > 0 && parts[0] == "services" {
		parts = parts[1:] // the file has no services: key of its own
	}
	parts = append(slices.Clip(parts), name)
	var key *yaml.Node
	for _, doc := range w.file.docs {
		if e, depth := locateParts(doc, parts); depth == len(parts) && e.key != nil {
			key = e.key
			break
		}
	}
	if key == nil {
		return
	}
	full := strings.Join(append(slices.Clip(at), name), ".")
	compose := full + " " + what
	if what != "false schema" {
		compose = strings.TrimPrefix(strings.Join(at, ".")+" "+what, " ")
	}
	w.found = append(w.found, unknownKey{file: w.file, key: key, path: at, name: name, known: known, compose: friendlierSchemaMessage(full, compose)})
}

// problem is the finding of an unknown key.
func (u unknownKey) problem() *ComposeProblem {
	where := "in " + strings.Join(u.path, ".")
	switch {
	case len(u.path) == 0:
		where = "at the top level"
	case len(u.path) == 2 && u.path[0] == "services":
		where = fmt.Sprintf("in service '%s'", u.path[1])
	}
	msg := fmt.Sprintf("`%s` is not a Compose key %s", u.name, where)
	if to, ok := legacyKeys[u.name]; ok && len(u.path) == 2 && u.path[0] == "services" {
		msg += fmt.Sprintf(" (Compose v1's name for `%s`)", to)
	} else if best := closestKey(u.name, u.known); best != "" {
		msg += fmt.Sprintf(" (did you mean `%s`?)", best)
	} else if !strings.Contains(u.compose, "x-") {
		msg += " (prefix keys of your own with x-)"
	}
	return &ComposeProblem{Range: u.file.lineRange(nodeStart(u.key)), Msg: msg, Compose: u.compose}
}

// closestKey is the known key a misspelt one probably means: one or two
// edits away, or the only key it begins (`depends` for `depends_on`).
func closestKey(name string, known []string) string {
	if best := suggest.Closest(name, known); best != "" {
		return best
	}
	if len(name) < 4 {
		return ""
	}
	var only string
	for _, k := range known {
		if strings.HasPrefix(k, name) {
			if only != "" {
				return ""
			}
			only = k
		}
	}
	return only
}
