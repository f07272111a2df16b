package suggest

import "testing"

func TestClosest(t *testing.T) {
	cands := []string{"rules", "explain", "root-user", "RootUser"}
	for _, c := range []struct{ name, want string }{
		{"rule", "rules"},
		{"rot-user", "root-user"},
		{"ROO-USER", "root-user"},
		{"explian", "explain"}, // a swap is two edits
		{"rules", ""},          // the word itself is no suggestion
		{"baseline", ""},       // nothing close
		{"", ""},
	} {
		if got := Closest(c.name, cands); got != c.want {
			t.Errorf("Closest(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}
