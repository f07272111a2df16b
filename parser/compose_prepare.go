package parser

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/compose-spec/compose-go/v2/format"
	"go.yaml.in/yaml/v3"
	yaml4 "go.yaml.in/yaml/v4"
)

// yamlError places a YAML error of the file's own reading. compose-go is
// not asked: its YAML library accepts some inputs this one refuses (a DEL
// character) and then spends seconds walking merge keys that refer to
// themselves. Its words are better, though (it places an indentation
// error at the line to fix), so its parser reads the text, without
// compose-go's walk, and its error is preferred when it has one.
func (l *composeLoader) yamlError(f *yamlFile, err error) *ParseError {
	var pe *ParseError
	if errors.As(err, &pe) {
		pe.File = f.src.Path
		return pe
	}
	dec := yaml4.NewDecoder(bytes.NewReader(f.src.Text))
	for {
		var n yaml4.Node
		e4 := dec.Decode(&n)
		if e4 == nil {
			continue
		}
		if !errors.Is(e4, io.EOF) {
			err = e4
		}
		break
	}
	out := &ParseError{File: f.src.Path, Msg: strings.Join(strings.Fields(err.Error()), " ")}
	if line, col, text, ok := yamlErrorPos(out.Msg); ok {
		out.Line, out.Col, out.Msg = line, col, text
	} else if strings.Contains(out.Msg, "control characters") {
		out.Line, out.Col = controlCharPos(f.src.Text)
	}
	return out
}

// isLegacyLayout reports a Compose v1 file: no top-level `services:`, and
// top-level keys that are not those of the compose specification, each a
// mapping of service settings. Compose v2 refuses such a file; v1 ran each
// key as a service.
func isLegacyLayout(f *yamlFile) bool {
	if len(f.docs) == 0 {
		return false
	}
	services := 0
	for _, doc := range f.docs {
		for _, e := range mapKeys(doc) {
			if isTopLevelKey(e.key.Value) {
				return false
			}
			if e.value == nil || e.value.Kind != yaml.MappingNode || !looksLikeService(e.value) {
				return false
			}
			services++
		}
	}
	return services > 0
}

// looksLikeService reports a mapping that could be a service: empty, or
// with a key a service has. `service:` holding `web:` and `db:` is a
// misspelt `services:`, not a v1 service called service.
func looksLikeService(m *yaml.Node) bool {
	keys := mapKeys(m)
	if len(keys) == 0 {
		return true
	}
	known := serviceKeys()
	for _, e := range keys {
		if _, ok := slices.BinarySearch(known, e.key.Value); ok || strings.HasPrefix(e.key.Value, "x-") || legacyKeys[e.key.Value] != "" {
			return true
		}
	}
	return false
}

// servicesOf returns the mapping that holds a document's services: the
// `services:` value, or the document itself in a Compose v1 file.
func (f *yamlFile) servicesOf(doc *yaml.Node) *yaml.Node {
	if f.legacy {
		return doc
	}
	return mapGet(doc, "services").value
}

// legacyKeys are the Compose v1 service keys that v2 names differently.
var legacyKeys = map[string]string{"net": "network_mode"}

// prepare returns the text compose-go loads for each main file that needs
// one of its own: a Compose v1 file moved under `services:`, and the list
// items compose rejects (a port or volume made invalid by an unset
// variable) left out, so that one bad item does not lose the project. The
// items left out are recorded in l.dropped.
func (l *composeLoader) prepare() map[string][]byte {
	out := map[string][]byte{}
	for _, f := range l.main {
		docs := decodeDocs(f.src.Text)
		changed := f.legacy
		for _, doc := range docs {
			if len(doc.Content) == 0 {
				continue
			}
			root := doc.Content[0]
			services := f.servicesOf(root)
			if len(l.refused) > 0 && dropRefused(f, services, l.refused) {
				changed = true
			}
			for _, svc := range mapKeys(services) {
				if l.dropBadItems(f, svc.value) {
					changed = true
				}
				if f.legacy {
					convertLegacyService(svc.value)
				}
			}
			if l.rewriteIncludes(f, root, 0) {
				changed = true
			}
			if f.legacy && root.Kind == yaml.MappingNode {
				doc.Content[0] = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: []*yaml.Node{
					{Kind: yaml.ScalarNode, Tag: "!!str", Value: "services"}, root,
				}}
			}
		}
		if !changed {
			continue
		}
		if text, ok := encodeDocs(docs); ok {
			out[f.abs] = text
		}
	}
	return out
}

func decodeDocs(text []byte) []*yaml.Node {
	dec := yaml.NewDecoder(bytes.NewReader(text))
	var docs []*yaml.Node
	for {
		var doc yaml.Node
		if err := dec.Decode(&doc); err != nil {
			break
		}
		docs = append(docs, &doc)
	}
	return docs
}

// dropBadItems removes from a service mapping (a fresh decoding, not the
// index) the list items compose cannot parse, and the settings an unset
// variable leaves blank.
func (l *composeLoader) dropBadItems(f *yamlFile, svc *yaml.Node) bool {
	svc = resolveAlias(svc)
	if svc == nil || svc.Kind != yaml.MappingNode {
		return false
	}
	changed := false
	for _, key := range []string{"ports", "volumes", "extra_hosts"} {
		e := mapGet(svc, key)
		if !e.found() || e.value.Kind != yaml.SequenceNode {
			continue
		}
		kept := e.value.Content[:0:0]
		for _, item := range e.value.Content {
			n := resolveAlias(item)
			if why := f.badItem(key, n); why != "" {
				l.dropped[itemKey{f.abs, n.Line, n.Column}] = why
				changed = true
				continue
			}
			kept = append(kept, item)
		}
		e.value.Content = kept
	}
	if f.dropBlankValues(svc) {
		changed = true
	}
	return changed
}

// freeFormKeys hold mappings whose values are any text: a blank value
// there is a value (FOO= in the environment), not a missing setting.
var freeFormKeys = map[string]bool{
	"environment": true, "labels": true, "annotations": true, "args": true, "sysctls": true,
	"extra_hosts": true, "options": true, "driver_opts": true,
}

// dropBlankValues removes, at any depth of a mapping (a fresh decoding),
// the settings an unset variable leaves blank (`retries: ${RETRIES}`,
// `container_name: ${NAME}`): compose-go refuses a blank number, boolean,
// duration or size for the whole file, while the variable will be set
// where the file is used (the unset-variable finding names it). For a
// text setting, blank and absent mean the same to Compose.
func (f *yamlFile) dropBlankValues(m *yaml.Node) bool {
	m = resolveAlias(m)
	if m == nil || m.Kind != yaml.MappingNode {
		return false
	}
	changed := false
	kept := m.Content[:0:0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		key, val := m.Content[i], resolveAlias(m.Content[i+1])
		switch {
		case val == nil || freeFormKeys[key.Value] || strings.HasPrefix(key.Value, "x-"):
		case val.Kind == yaml.ScalarNode && val.Value != "" && f.blankOnly(val.Value) && strings.TrimSpace(f.interpolate(val.Value)) == "":
			changed = true
			continue
		case val.Kind == yaml.MappingNode:
			if f.dropBlankValues(val) {
				changed = true
			}
		case val.Kind == yaml.SequenceNode:
			if f.dropBlankItems(val) {
				changed = true
			}
		}
		kept = append(kept, m.Content[i], m.Content[i+1])
	}
	m.Content = kept
	return changed
}

// dropBlankItems removes from a list the mappings with a setting an unset
// variable leaves blank (a `develop.watch` item whose `path: ${CODE}` is
// unset): the item would be refused without it too.
func (f *yamlFile) dropBlankItems(seq *yaml.Node) bool {
	changed := false
	kept := seq.Content[:0:0]
	for _, item := range seq.Content {
		n := resolveAlias(item)
		if n != nil && n.Kind == yaml.MappingNode {
			if f.hasBlankValue(n) {
				changed = true
				continue
			}
			if f.dropBlankValues(n) {
				changed = true
			}
		}
		kept = append(kept, item)
	}
	seq.Content = kept
	return changed
}

// hasBlankValue reports whether a mapping sets a text an unset variable
// leaves blank.
func (f *yamlFile) hasBlankValue(m *yaml.Node) bool {
	for i := 0; i+1 < len(m.Content); i += 2 {
		val := resolveAlias(m.Content[i+1])
		if val != nil && val.Kind == yaml.ScalarNode && val.Value != "" && f.blankOnly(val.Value) && strings.TrimSpace(f.interpolate(val.Value)) == "" {
			return true
		}
	}
	return false
}

// badItem says why compose rejects a list item, or returns "".
func (f *yamlFile) badItem(key string, n *yaml.Node) string {
	if n == nil {
		return ""
	}
	switch key {
	case "ports":
		if f.badPortItem(n) {
			return "invalid port"
		}
	case "volumes":
		if n.Kind != yaml.ScalarNode {
			return ""
		}
		if _, err := format.ParseVolume(f.interpolate(n.Value)); err != nil {
			return err.Error()
		}
	case "extra_hosts":
		if n.Kind != yaml.ScalarNode {
			return ""
		}
		text := f.interpolate(n.Value)
		sep := strings.IndexAny(text, "=:")
		if sep <= 0 || sep == len(text)-1 {
			return fmt.Sprintf("bad host name '%s'", text)
		}
	}
	return ""
}

// convertLegacyService rewrites the Compose v1 keys of a service (a fresh
// decoding) as v2 reads them: `net:` is network_mode, `dockerfile:` goes
// into build, `log_driver`/`log_opt` into logging; volume_driver, which v2
// dropped, is left out.
func convertLegacyService(svc *yaml.Node) {
	svc = resolveAlias(svc)
	if svc == nil || svc.Kind != yaml.MappingNode {
		return
	}
	var logging *yaml.Node
	var dockerfile *yaml.Node
	kept := svc.Content[:0:0]
	for i := 0; i+1 < len(svc.Content); i += 2 {
		k, v := svc.Content[i], svc.Content[i+1]
		if to, ok := legacyKeys[k.Value]; ok {
			k.Value = to
		}
		switch k.Value {
		case "volume_driver":
			continue
		case "dockerfile":
			dockerfile = v
			continue
		case "log_driver", "log_opt":
			if logging == nil {
				logging = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
				kept = append(kept, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: "logging"}, logging)
			}
			name := "driver"
			if k.Value == "log_opt" {
				name = "options"
			}
			logging.Content = append(logging.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: name}, v)
			continue
		}
		kept = append(kept, k, v)
	}
	svc.Content = kept
	if dockerfile == nil {
		return
	}
	for i := 0; i+1 < len(svc.Content); i += 2 {
		if svc.Content[i].Value == "build" && svc.Content[i+1].Kind == yaml.ScalarNode {
			ctx := svc.Content[i+1]
			svc.Content[i+1] = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: []*yaml.Node{
				{Kind: yaml.ScalarNode, Tag: "!!str", Value: "context"}, ctx,
				{Kind: yaml.ScalarNode, Tag: "!!str", Value: "dockerfile"}, dockerfile,
			}}
			return
		}
	}
}

// maxEnvFileSize bounds an env file read for interpolation.
const maxEnvFileSize = 1 << 20

// envFileProblem says why an env file cannot be read as one, or returns
// "" (also when it does not exist: compose reports that itself).
func envFileProblem(path string) string {
	info, err := os.Stat(path)
	switch {
	case err != nil:
		return ""
	case info.Mode()&os.ModeNamedPipe != 0:
		return "is a named pipe (FIFO), not a regular file: compose would wait on it forever"
	case info.Mode()&os.ModeDevice != 0:
		return "is a device, not a regular file: compose would read it without end"
	case info.IsDir():
		return ""
	case !info.Mode().IsRegular():
		return "is not a regular file"
	case info.Size() > maxEnvFileSize:
		return fmt.Sprintf("is %d bytes, more than the %d an env file may have", info.Size(), maxEnvFileSize)
	}
	return ""
}

// checkIncludeEnv reads every include of the project (they are needed for
// positions anyway) and returns the first env file problem found.
func (l *composeLoader) checkIncludeEnv() error {
	for i := 0; i < len(l.order) && i < 100; i++ {
		f := l.order[i]
		if f == nil {
			continue
		}
		l.includes(f)
		if f.includeErr != nil {
			return f.includeErr
		}
	}
	return nil
}

// maxExpandedValue bounds the value a variable of an env file may expand
// to: each line may refer to the ones before, so 26 lines that each double
// the previous value make 64 MiB from 400 bytes.
const maxExpandedValue = 1 << 20

// checkExpansion estimates, before compose's parser expands them, how large
// the values of an env file become: a value is as long as its text plus
// the values it refers to. The estimate is an upper bound.
func checkExpansion(data []byte) *ParseError {
	sizes := map[string]int{}
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "export "))
		key, value, ok := strings.Cut(line, "=")
		if !ok || strings.HasPrefix(key, "#") {
			continue
		}
		key = strings.TrimSpace(key)
		size := len(value)
		for _, ref := range varRefs(value) {
			size += sizes[ref.name]
			if size > maxExpandedValue {
				break
			}
		}
		if size > maxExpandedValue {
			return &ParseError{Line: i + 1, Msg: fmt.Sprintf("%s would expand to more than %d bytes (it refers to variables that refer to others); dlint stops here", key, maxExpandedValue)}
		}
		sizes[key] = size
	}
	return nil
}

// controlCharPos finds the first character YAML refuses, 1-based.
func controlCharPos(text []byte) (line, col int) {
	line, col = 1, 1
	for _, r := range string(text) {
		switch {
		case r == '\n':
			line, col = line+1, 1
			continue
		case r < 0x20 && r != '\t' && r != '\r', r == 0x7f:
			return line, col
		}
		col++
	}
	return 0, 0
}

// dropRefused removes from a fresh decoding of f the mapping entries and
// list items at the positions in refused (the key's or the item's).
func dropRefused(f *yamlFile, n *yaml.Node, refused map[itemKey]bool) bool {
	n = resolveAlias(n)
	if n == nil {
		return false
	}
	at := func(c *yaml.Node) bool { return refused[itemKey{f.abs, c.Line, c.Column}] }
	changed := false
	switch n.Kind {
	case yaml.MappingNode:
		kept := n.Content[:0:0]
		for i := 0; i+1 < len(n.Content); i += 2 {
			if at(n.Content[i]) {
				changed = true
				continue
			}
			if dropRefused(f, n.Content[i+1], refused) {
				changed = true
			}
			kept = append(kept, n.Content[i], n.Content[i+1])
		}
		n.Content = kept
	case yaml.SequenceNode:
		kept := n.Content[:0:0]
		for _, item := range n.Content {
			if at(item) {
				changed = true
				continue
			}
			if dropRefused(f, item, refused) {
				changed = true
			}
			kept = append(kept, item)
		}
		n.Content = kept
	}
	return changed
}
