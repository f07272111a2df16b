package parser

import "testing"

func TestLiteralDefault(t *testing.T) {
	tests := []struct {
		raw, name, word string
		ok              bool
	}{
		{"${DB_PASSWORD:-hunter2}", "DB_PASSWORD", "hunter2", true},
		{"${DB_PASSWORD-hunter2}", "DB_PASSWORD", "hunter2", true},
		{"${P:-a$$b}", "P", "a$b", true},
		{"${P:-}", "P", "", true},
		{"${P}", "", "", false},
		{"${P:?set it}", "", "", false},
		{"${P:+x}", "", "", false},
		{"${P:-${Q}}", "", "", false},
		{"${P:-x}${Q:-y}", "", "", false},
		{"pre${P:-x}", "", "", false},
		{"hunter2", "", "", false},
	}
	for _, tt := range tests {
		name, word, ok := LiteralDefault(tt.raw)
		if name != tt.name || word != tt.word || ok != tt.ok {
			t.Errorf("LiteralDefault(%q) = %q, %q, %v; want %q, %q, %v", tt.raw, name, word, ok, tt.name, tt.word, tt.ok)
		}
	}
}
