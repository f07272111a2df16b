package parser

import "testing"

// Service.Replicas follows compose-go: `scale:` wins, then
// `deploy.replicas:` (merged key by key across files, interpolated), then 1.
func TestLoadComposeReplicas(t *testing.T) {
	dir := writeProject(t, map[string]string{
		"compose.yaml": `x-deploy: &deploy
  replicas: 4
services:
  plain:
    image: nginx
  scaled:
    image: nginx
    scale: 3
  replicated:
    image: nginx
    deploy:
      replicas: ${WEB_REPLICAS:-2}
  overridden:
    image: nginx
    deploy:
      resources:
        limits:
          cpus: "0.5"
  anchored:
    image: nginx
    deploy: *deploy
  base:
    image: nginx
    deploy:
      replicas: 5
  extended:
    extends: base
  none:
    image: nginx
    deploy:
      replicas: 0
`,
		"compose.override.yaml": `services:
  overridden:
    deploy:
      replicas: 6
`,
	})
	p := mustLoad(t, dir, nil, "compose.yaml", "compose.override.yaml")
	for _, tc := range []struct {
		name string
		n    int
		at   string
	}{
		{"plain", 1, ""},
		{"scaled", 3, "compose.yaml:8:5-13"},
		{"replicated", 2, "compose.yaml:12:7-35"},
		{"overridden", 6, "compose.override.yaml:4:7-18"},
		{"anchored", 4, "compose.yaml:2:3-14"},
		{"extended", 5, "compose.yaml:25:7-18"},
		{"none", 0, "compose.yaml:31:7-18"},
	} {
		s := service(t, p, tc.name)
		got := ""
		if !s.ReplicasRange.IsZero() {
			got = at(s.ReplicasRange)
		}
		if s.Replicas != tc.n || got != tc.at {
			t.Errorf("%s: replicas %d at %q, want %d at %q", tc.name, s.Replicas, got, tc.n, tc.at)
		}
	}
}
