package parser

import "testing"

// TestLabels: LABEL pairs are read with quotes removed and variables
// expanded, in the key=value and the old `LABEL key value` forms.
func TestLabels(t *testing.T) {
	src := "FROM alpine:3.20\nARG V=1.2.0\nLABEL \"org.x.version\"=$V k='a b'\nLABEL maintainer \"Jane Doe <jane@example.com>\"\nLABEL old style value\nARG UNSET\nLABEL u=$UNSET\n"
	df, err := ParseDockerfile("Dockerfile", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ key, value string }{
		{"org.x.version", "1.2.0"}, {"k", "a b"}, {"maintainer", "Jane Doe <jane@example.com>"}, {"old", "style value"}, {"u", ""},
	}
	labels := df.Final().Labels
	if len(labels) != len(want) {
		t.Fatalf("got %d labels, want %d", len(labels), len(want))
	}
	for i, w := range want {
		if l := labels[i]; l.Key != w.key || l.Value != w.value {
			t.Errorf("label %d: %q=%q, want %q=%q", i, l.Key, l.Value, w.key, w.value)
		}
	}
	if !labels[0].Resolved || labels[4].Resolved {
		t.Errorf("Resolved: %v %v, want true false", labels[0].Resolved, labels[4].Resolved)
	}
}
