package rules

import "github.com/dlint-dev/dlint/parser"

// Helpers of the rules that check labels against label-schema.

// schemaType returns the type label-schema gives key.
func schemaType(s *Settings, key string) (LabelType, bool) {
	for _, spec := range s.LabelSchema {
		if spec.Key == key {
			return spec.Type, true
		}
	}
	return "", false
}

// imageLabels returns the labels of the image the stage makes: its own and
// those of the stages of the file it builds on, nearest last.
func imageLabels(st *parser.Stage) []*parser.Label {
	var out []*parser.Label
	chain := st.Ancestors()
	for i := len(chain) - 1; i >= 0; i-- {
		out = append(out, chain[i].Labels...)
	}
	return out
}
