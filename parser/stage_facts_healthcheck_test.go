package parser

import "testing"

// TestStageFactsHealthcheck: an image built from a stage has the
// HEALTHCHECK of its stage chain: set, disabled with NONE, or unknown.
func TestStageFactsHealthcheck(t *testing.T) {
	cases := []struct {
		src  string
		want string // "true", "false" or "nil"
	}{
		{"FROM alpine:3.20\nHEALTHCHECK CMD [\"true\"]\n", "true"},
		{"FROM alpine:3.20 AS base\nHEALTHCHECK CMD true\nFROM base\nCMD [\"app\"]\n", "true"},
		{"FROM alpine:3.20 AS base\nHEALTHCHECK CMD true\nFROM base\nHEALTHCHECK NONE\n", "false"},
		{"FROM alpine:3.20\nCMD [\"app\"]\n", "nil"},
	}
	for _, c := range cases {
		df, err := ParseDockerfile("Dockerfile", []byte(c.src))
		if err != nil {
			t.Fatal(err)
		}
		got := "nil"
		if hc := df.Final().Facts().Healthcheck; hc != nil {
			got = map[bool]string{true: "true", false: "false"}[*hc]
		}
		if got != c.want {
			t.Errorf("%q: Healthcheck %s, want %s", c.src, got, c.want)
		}
	}
}
