package rules

import "testing"

func TestSelectionByCode(t *testing.T) {
	pool := All()
	parse := func(names ...string) []Selector {
		t.Helper()
		s, err := ParseSelectors(pool, names)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	cases := []struct {
		name string
		sel  Selection
		code string
		rule bool // shellcheck runs
		want bool // the code reports
	}{
		{"nothing selected", Selection{}, "SC2164", true, true},
		{"off code", Selection{}, "SC2086", true, false},
		{"ignore a code keeps the rule", Selection{Ignore: parse("SC2164")}, "SC2164", true, false},
		{"ignore a code keeps the others", Selection{Ignore: parse("SC2164")}, "SC2045", true, true},
		{"extend-select an off code", Selection{Extend: parse("sc2086")}, "SC2086", true, true},
		{"select one code", Selection{HasSelect: true, Select: parse("SC2164")}, "SC2164", true, true},
		{"select one code leaves others off", Selection{HasSelect: true, Select: parse("SC2164")}, "SC2045", true, false},
		{"select the rule and ignore a code", Selection{HasSelect: true, Select: parse("shellcheck"), Ignore: parse("SC2164")}, "SC2164", true, false},
		{"ignore the rule", Selection{Ignore: parse("shellcheck")}, "SC2164", false, true},
	}
	for _, c := range cases {
		if got := c.sel.Decide(ShellCheck, ShellCheck.InDefault()); got != c.rule {
			t.Errorf("%s: rule on = %v, want %v", c.name, got, c.rule)
		}
		if got := c.sel.DecideCode(ShellCheck, c.code, ShellCheck.CodeOn(c.code)); c.rule && got != c.want {
			t.Errorf("%s: %s on = %v, want %v", c.name, c.code, got, c.want)
		}
	}
	if r, code := LookupCode(pool, "SC20x6"); r != nil {
		t.Errorf("SC20x6 names %s %s", r.ID, code)
	}
	if r, _ := LookupCode(pool, "DL3008"); r != nil {
		t.Errorf("DL3008 taken for a code of %s", r.ID)
	}
}
