package rules

import (
	"strings"
	"testing"
)

func selectionPool() []*Rule {
	return []*Rule{
		{ID: "base-untagged", Aliases: []string{"DL3006"}, Tags: []string{TagDockerfile}},
		{ID: "apt-pin", Aliases: []string{"DL3008"}, Tags: []string{TagDockerfile}, Group: GroupPinning},
		{ID: "pip-pin", Aliases: []string{"DL3013"}, Tags: []string{TagDockerfile}, Group: GroupPinning},
		{ID: "run-merge", Aliases: []string{"DL3059"}, Tags: []string{TagBestPractice}, Group: GroupStyle},
		{ID: "quiet-off", Tags: []string{TagCompose}, DefaultOff: true},
		{ID: "shared-a", Aliases: []string{"DL4001"}, Tags: []string{TagSecurity}},
		{ID: "shared-b", Aliases: []string{"dl4001"}, Tags: []string{TagSecurity}},
	}
}

// on lists the rules of pool that are on after sel, starting from the
// default set.
func on(t *testing.T, pool []*Rule, sel *Selection) string {
	t.Helper()
	var out []string
	for _, r := range pool {
		if sel.Decide(r, r.InDefault()) {
			out = append(out, r.ID)
		}
	}
	return strings.Join(out, " ")
}

func sels(t *testing.T, pool []*Rule, names ...string) []Selector {
	t.Helper()
	out, err := ParseSelectors(pool, names)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestSelectionDecide(t *testing.T) {
	pool := selectionPool()
	cases := []struct {
		name                string
		hasSelect           bool
		sel, extend, ignore []string
		want                string
	}{
		{name: "nothing", want: "base-untagged shared-a shared-b"},
		{name: "group", extend: []string{"pinning"}, want: "base-untagged apt-pin pip-pin shared-a shared-b"},
		{name: "select replaces the default set", hasSelect: true, sel: []string{"DL30"}, want: "base-untagged apt-pin pip-pin run-merge"},
		{name: "empty select", hasSelect: true, extend: []string{"run-merge"}, want: "run-merge"},
		{name: "alias is case-insensitive and shared", hasSelect: true, sel: []string{"dl4001"}, want: "shared-a shared-b"},
		{name: "exact beats prefix ignore", hasSelect: true, sel: []string{"DL3008"}, ignore: []string{"DL30"}, want: "apt-pin"},
		{name: "longer prefix beats shorter", hasSelect: true, sel: []string{"DL300"}, ignore: []string{"DL30"}, want: "base-untagged apt-pin"},
		{name: "ignore wins a tie", hasSelect: true, sel: []string{"DL30"}, ignore: []string{"DL30"}, want: ""},
		{name: "prefix beats group", extend: []string{"DL3013"}, ignore: []string{"pinning"}, want: "base-untagged pip-pin shared-a shared-b"},
		{name: "tag", ignore: []string{"security"}, want: "base-untagged"},
		{name: "ALL", hasSelect: true, sel: []string{"ALL"}, ignore: []string{"style"}, want: "base-untagged apt-pin pip-pin quiet-off shared-a shared-b"},
		{name: "default group", hasSelect: true, sel: []string{"default", "style"}, want: "base-untagged run-merge shared-a shared-b"},
		{name: "ID prefix", ignore: []string{"shared-"}, want: "base-untagged"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := &Selection{HasSelect: c.hasSelect, Select: sels(t, pool, c.sel...), Extend: sels(t, pool, c.extend...), Ignore: sels(t, pool, c.ignore...)}
			if got := on(t, pool, s); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

func TestParseSelectorErrors(t *testing.T) {
	pool := selectionPool()
	for _, bad := range []string{"", "  ", "DL9", "nosuchrule", "pinnning"} {
		if _, err := ParseSelector(pool, bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
	// A group with no rules is still a group: selecting it is no typo.
	if _, err := ParseSelector(pool, "strict"); err != nil {
		t.Errorf("strict: %v", err)
	}
}
